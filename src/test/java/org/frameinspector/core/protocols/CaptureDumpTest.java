package org.frameinspector.core.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frameinspector.TestFiles;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared captures (pcap and pcapng, via a tiny local reader) through TPKT → COTP → upper layers, one TCP
 * segment at a time (segments that start a TPKT only), and checks nothing crashes.
 *
 * <p>By default only a sample is dissected (the first {@value #SAMPLE} TPKT segments of each capture) so the default
 * suite stays fast. With {@code -Dupper.full=true} every segment is dissected and target/upper-fields.tsv is written
 * (file, frame, abbrev, frame offset, length, display, value) for src/test/resources/upper/compare_tshark.py, which
 * compares it with tshark's PDML.
 */
class CaptureDumpTest {
    static final int SAMPLE = 25;

    @Test
    void sharedCapturesDissectWithoutInternalErrors() throws IOException {
        boolean full = Boolean.getBoolean("upper.full");
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        int frames = 0, upper = 0;
        Path out = Path.of("target", full ? "upper-fields.tsv" : "upper-fields-sample.tsv");
        Files.createDirectories(out.getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            List<Path> files;
            try (var s = Files.list(TestFiles.captures())) {
                files = s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
            }
            for (Path p : files) {
                String n = p.getFileName().toString();
                int inFile = 0;
                for (Pkt k : read(Files.readAllBytes(p))) {
                    if (!full && inFile >= SAMPLE) break;
                    int[] se = tcpPayload(k);
                    if (se == null) continue;
                    int pl = se[0];
                    byte[] payload = Arrays.copyOfRange(k.data, pl, se[1]);
                    if (payload.length < 4 || payload[0] != 3) continue;
                    inFile++;
                    Dissection d = fd.dissect(Frame.of(k.no, payload, Frame.LINK_TPKT), "tpkt", null);
                    frames++;
                    assertThat(d.finding("INSPECTOR-INTERNAL-ERROR")).as(n + " frame " + k.no).isNull();
                    w.println(n + "\t" + k.no + "\t#frame\t" + pl + "\t" + payload.length + "\t\t");
                    for (Layer l : d.layers()) {
                        if (!l.source().equals("frame")) continue;
                        if (!(l.protocol().startsWith("s7comm") || l.protocol().equals("ses") || l.protocol().equals("rdp"))) continue;
                        upper++;
                        for (Field f : l.fields()) dump(w, n, k.no, pl, f);
                    }
                    for (var f : d.findings()) {
                        w.println(n + "\t" + k.no + "\t!" + f.id() + "\t" + (pl + f.offset()) + "\t" + f.length() + "\t"
                                + esc(f.observed()) + "\t");
                    }
                }
            }
        }
        assertThat(frames).isGreaterThan(full ? 1000 : 100);
        assertThat(upper).isGreaterThan(50);
    }

    private static void dump(PrintWriter w, String file, int no, int base, Field f) {
        if (f.inFrame()) {
            w.println(file + "\t" + no + "\t" + f.abbrev() + "\t" + (base + f.offset()) + "\t" + f.length() + "\t"
                    + esc(f.display()) + "\t" + esc(value(f.value())));
        }
        for (Field c : f.children()) dump(w, file, no, base, c);
    }

    /** The raw value as tshark's PDML "show" would put it: numbers in decimal, bytes as colon hex, text as is. */
    static String value(Object v) {
        if (v == null) return "";
        if (v instanceof byte[] b) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < b.length; i++) sb.append(i > 0 ? ":" : "").append(String.format("%02x", b[i] & 0xFF));
            return sb.toString();
        }
        if (v instanceof Boolean b) return b ? "1" : "0";
        return v.toString();
    }

    private static String esc(String s) {
        if (s == null) return "";
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    // ---- a tiny pcap / pcapng reader (enough for the shared captures) ----

    record Pkt(int no, int link, byte[] data, int end) {
    }

    static List<Pkt> read(byte[] all) {
        List<Pkt> out = new ArrayList<>();
        if (all.length < 24) return out;
        ByteBuffer bb = ByteBuffer.wrap(all);
        int magic = bb.getInt(0);
        if (magic == 0x0A0D0D0A) return readNg(all);
        if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) bb.order(ByteOrder.LITTLE_ENDIAN);
        else if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) return out;
        int link = bb.getInt(20) & 0xFFFF;
        int pos = 24, no = 0;
        while (pos + 16 <= all.length) {
            int incl = bb.getInt(pos + 8);
            int start = pos + 16;
            if (incl < 0 || start + incl > all.length) break;
            out.add(new Pkt(++no, link, Arrays.copyOfRange(all, start, start + incl), incl));
            pos = start + incl;
        }
        return out;
    }

    private static List<Pkt> readNg(byte[] all) {
        List<Pkt> out = new ArrayList<>();
        ByteBuffer bb = ByteBuffer.wrap(all);
        List<Integer> links = new ArrayList<>();
        int pos = 0, no = 0;
        while (pos + 12 <= all.length) {
            int type = bb.getInt(pos);
            if (type == 0x0A0D0D0A) {
                bb.order(bb.order(ByteOrder.BIG_ENDIAN).getInt(pos + 8) == 0x1A2B3C4D ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                links.clear();
            }
            int len = bb.getInt(pos + 4);
            if (len < 12 || pos + len > all.length) break;
            if (type == 1) links.add(bb.getShort(pos + 8) & 0xFFFF);
            else if (type == 6) {
                int iface = bb.getInt(pos + 8), cap = bb.getInt(pos + 20);
                int link = iface < links.size() ? links.get(iface) : 1;
                if (cap >= 0 && pos + 28 + cap <= all.length) {
                    out.add(new Pkt(++no, link, Arrays.copyOfRange(all, pos + 28, pos + 28 + cap), cap));
                } else no++;
            } else if (type == 3) {
                no++;
            }
            pos += len;
        }
        return out;
    }

    /** Start and end of the TCP payload in the packet (IPv4 over Ethernet/VLAN, SLL, SLL2 or null), or null. */
    static int[] tcpPayload(Pkt k) {
        byte[] a = k.data;
        int ip = switch (k.link) {
            case 1 -> 14;
            case 113 -> 16;
            case 276 -> 20;
            case 0, 108 -> 4;
            default -> -1;
        };
        if (ip < 0 || k.end < ip + 20) return null;
        if (k.link == 1) {
            while (ip + 4 <= k.end && (((a[ip - 2] & 0xFF) << 8 | (a[ip - 1] & 0xFF)) == 0x8100
                    || ((a[ip - 2] & 0xFF) << 8 | (a[ip - 1] & 0xFF)) == 0x88a8)) ip += 4;
        }
        if (k.end < ip + 20 || (a[ip] & 0xF0) != 0x40 || a[ip + 9] != 6) return null;
        int ihl = (a[ip] & 0x0F) * 4;
        int totLen = ((a[ip + 2] & 0xFF) << 8) | (a[ip + 3] & 0xFF);
        int tcp = ip + ihl;
        if (k.end < tcp + 20) return null;
        int doff = ((a[tcp + 12] & 0xF0) >> 4) * 4;
        int pl = tcp + doff;
        int end = Math.min(k.end, ip + totLen);
        if (end <= pl) return null;
        return new int[] {pl, end};
    }
}
