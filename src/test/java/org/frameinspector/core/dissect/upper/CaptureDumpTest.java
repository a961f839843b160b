package org.frameinspector.core.dissect.upper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.frameinspector.TestFiles;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared s7comm/mms/rdp captures through TPKT → COTP → upper layers (single segments only, via a tiny local
 * pcap reader) and checks nothing crashes; writes target/upper-fields.tsv (file, frame, abbrev, frame offset, length,
 * display) for comparison with tshark PDML.
 */
class CaptureDumpTest {
    @Test
    void sharedCapturesDissectWithoutInternalErrors() throws IOException {
        FrameDissector fd = FrameDissector.standard();
        int frames = 0, upper = 0;
        Path out = Path.of("target", "upper-fields.tsv");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            try (var files = Files.list(TestFiles.captures())) {
                for (Path p : files.sorted().toList()) {
                    String n = p.getFileName().toString();
                    if (!n.endsWith(".pcap") || !(n.startsWith("s7") || n.startsWith("mms") || n.startsWith("rdp"))) continue;
                    byte[] all = Files.readAllBytes(p);
                    ByteBuffer bb = ByteBuffer.wrap(all);
                    int magic = bb.getInt(0);
                    if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) bb.order(ByteOrder.LITTLE_ENDIAN);
                    else if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) continue;
                    int link = bb.getInt(20);
                    int pos = 24, no = 0;
                    while (pos + 16 <= all.length) {
                        int incl = bb.getInt(pos + 8);
                        no++;
                        int start = pos + 16;
                        pos = start + incl;
                        if (incl < 0 || pos > all.length) break;
                        int ip = link == 1 ? 14 : link == 113 ? 16 : link == 0 ? 4 : -1;
                        if (ip < 0 || incl < ip + 20) continue;
                        if (link == 1 && ((all[start + 12] & 0xFF) << 8 | (all[start + 13] & 0xFF)) == 0x8100) ip += 4;
                        if ((all[start + ip] & 0xF0) != 0x40 || all[start + ip + 9] != 6) continue;
                        int ihl = (all[start + ip] & 0x0F) * 4;
                        int totLen = ((all[start + ip + 2] & 0xFF) << 8) | (all[start + ip + 3] & 0xFF);
                        int tcp = ip + ihl;
                        if (incl < tcp + 20) continue;
                        int doff = ((all[start + tcp + 12] & 0xF0) >> 4) * 4;
                        int pl = tcp + doff;
                        int end = Math.min(incl, ip + totLen);
                        if (end <= pl) continue;
                        byte[] payload = Arrays.copyOfRange(all, start + pl, start + end);
                        if (payload.length < 4 || payload[0] != 3) continue;
                        Dissection d = fd.dissect(Frame.of(no, payload, Frame.LINK_TPKT), "tpkt", null);
                        frames++;
                        assertThat(d.finding("INSPECTOR-INTERNAL-ERROR")).as(n + " frame " + no).isNull();
                        for (Layer l : d.layers()) {
                            if (!l.source().equals("frame")) continue;
                            if (!(l.protocol().startsWith("s7comm") || l.protocol().equals("ses") || l.protocol().equals("rdp"))) continue;
                            upper++;
                            for (Field f : l.fields()) dump(w, n, no, pl, f);
                        }
                        for (var f : d.findings()) w.println(n + "\t" + no + "\t!" + f.id() + "\t" + (pl + f.offset()) + "\t" + f.length() + "\t" + f.observed());
                    }
                }
            }
        }
        assertThat(frames).isGreaterThan(100);
        assertThat(upper).isGreaterThan(50);
    }

    private static void dump(PrintWriter w, String file, int no, int base, Field f) {
        w.println(file + "\t" + no + "\t" + f.abbrev() + "\t" + (base + f.offset()) + "\t" + f.length() + "\t" + f.display());
        for (Field c : f.children()) dump(w, file, no, base, c);
    }
}
