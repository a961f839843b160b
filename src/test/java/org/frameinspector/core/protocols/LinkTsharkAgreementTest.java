package org.frameinspector.core.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frameinspector.TestFiles;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

/**
 * Our eth/vlan/llc/sll/null/ip/ipv6/tcp fields against tshark's PDML (name, pos, size, show) on shared captures.
 * Skipped when tshark is not installed. Relative sequence numbers and calculated values are ignored; a bit field may
 * match on its whole range or on the bytes its mask touches (tshark trims some 16-bit flag items to one byte).
 */
class LinkTsharkAgreementTest {
    static final String[] CAPTURES = {"link_sll2.pcap", "link_stacked_vlan.pcap", "link_vlan0_http.pcap",
            "tpkt_icsnpp_null_loopback_subset.pcap", "ipv6_ftp_violation.pcap", "trunc_tcp_truncated_header.pcap",
            "s7plus_icsnpp_sll.pcap", "s7comm_reading_setting_plc_time.pcap", "rdp_zeek_x509.pcap"};
    static final int MAX_FRAMES = 60;
    static final Pattern FIELD = Pattern.compile("<field name=\"([^\"]+)\"[^>]*?size=\"(\\d+)\" pos=\"(\\d+)\""
            + "(?: show=\"([^\"]*)\")?");
    static final Pattern NUM = Pattern.compile("<field name=\"num\" pos=\"0\" show=\"(\\d+)\"");

    record T(int frame, String name, int pos, int size, String show) {
    }

    static boolean inScope(String n) {
        if (!(n.startsWith("eth.") || n.startsWith("vlan.") || n.startsWith("llc.") || n.startsWith("sll.")
                || n.startsWith("null.") || n.startsWith("ip.") || n.startsWith("ipv6.") || n.startsWith("tcp."))) {
            return false;
        }
        return !(n.equals("tcp.seq") || n.equals("tcp.ack") || n.equals("tcp.nxtseq") || n.startsWith("tcp.analysis")
                || n.startsWith("tcp.time") || n.equals("tcp.window_size") || n.equals("tcp.window_size_scalefactor")
                || n.startsWith("tcp.segment") || n.startsWith("tcp.reassembled") || n.equals("tcp.payload")
                || n.startsWith("tcp.options.sack_") || n.contains("slaac") || n.contains("6to4")
                || n.contains("teredo") || n.startsWith("ip.fragment") || n.startsWith("ip.reassembled")
                || n.equals("tcp.pdu.size") || n.startsWith("tcp.bytes_in_flight"));
    }

    static List<T> tshark(Path f) throws Exception {
        Process p = new ProcessBuilder("tshark", "-r", f.toString(), "-n", "-T", "pdml", "-c",
                Integer.toString(MAX_FRAMES), "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<T> out = new ArrayList<>();
        int frame = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher n = NUM.matcher(line);
                if (n.find()) frame = Integer.parseInt(n.group(1));
                if (line.contains("hide=\"yes\"")) continue;
                Matcher m = FIELD.matcher(line);
                if (!m.find() || !inScope(m.group(1))) continue;
                int size = Integer.parseInt(m.group(2));
                if (size == 0) continue;
                out.add(new T(frame, m.group(1), Integer.parseInt(m.group(3)), size,
                        m.group(4) == null ? "" : m.group(4).replace("&#x27;", "'").replace("&quot;", "\"")));
            }
        }
        p.waitFor();
        return out;
    }

    static boolean tsharkAvailable() {
        try {
            return new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static boolean rangeOk(Field f, T t) {
        if (f.offset() == t.pos && f.length() == t.size) return true;
        if (f.bitmask() == 0) return false;
        int first = -1, last = -1;
        for (int i = 0; i < f.length(); i++) {
            long byteMask = (f.bitmask() >>> (8 * (f.length() - 1 - i))) & 0xFF;
            if (byteMask != 0) {
                if (first < 0) first = i;
                last = i;
            }
        }
        return f.offset() + first == t.pos && last - first + 1 == t.size;
    }

    static boolean valueOk(Field f, String show) {
        Object v = f.value();
        if (v == null || show.isEmpty()) return true;
        if (v instanceof String s) return s.equals(show);
        if (v instanceof byte[] b) return Fmt.colonHex(b, 0, b.length).equals(show);
        if (v instanceof Long l) {
            try {
                long x = show.startsWith("0x") ? Long.parseUnsignedLong(show.substring(2), 16) : Long.parseLong(show);
                return x == l;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    @Test
    void lowerLayersAgreeWithTshark() throws Exception {
        assumeTrue(tsharkAvailable(), "tshark not installed");
        int total = 0, ok = 0;
        List<String> misses = new ArrayList<>();
        for (String c : CAPTURES) {
            Path file = TestFiles.captures().resolve(c);
            List<Frame> frames = LinkPcapTest.readPcap(file, MAX_FRAMES);
            List<T> ts = tshark(file);
            Dissection d = null;
            int cur = -1;
            for (T t : ts) {
                if (t.frame != cur) {
                    cur = t.frame;
                    d = LinkPcapTest.FD.dissect(frames.get(cur - 1));
                }
                total++;
                boolean hit = false;
                for (Field f : d.fields(t.name)) {
                    if (rangeOk(f, t) && valueOk(f, t.show)) {
                        hit = true;
                        break;
                    }
                }
                if (hit) ok++;
                else if (misses.size() < 40) misses.add(c + "#" + t.frame + " " + t.name + "@" + t.pos + "+" + t.size
                        + "=" + t.show + " ours=" + d.fields(t.name));
            }
        }
        double rate = total == 0 ? 1 : (double) ok / total;
        System.out.printf("tshark agreement (eth/vlan/llc/sll/null/ip/ipv6/tcp): %d of %d fields = %.2f%%%n", ok, total,
                100 * rate);
        misses.forEach(m -> System.out.println("  miss " + m));
        assertThat(rate).as("agreement; misses: %s", misses).isGreaterThanOrEqualTo(0.99);
    }
}
