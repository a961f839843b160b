package org.frameinspector.tshark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.frameinspector.TestFiles;
import org.frameinspector.capture.FrameBuilder;
import org.frameinspector.core.checksum.InternetChecksum;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.PcapWriter;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.stream.InOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: the TCP analysis flags none of the shared captures has (window full, zero window, zero-window probe and
 * its ACK, fast retransmission) on a crafted connection written to a pcap file: every flag selects the same frames as
 * tshark's, each of them at least once; and our one flag beyond Wireshark, {@code tcp.analysis.rst_after_data}, marks
 * the reset that ends the exchange, with its finding and Info tag.
 */
class TcpAnalysisCraftedTsharkTest {
    @TempDir
    Path dir;

    static final int C = FrameBuilder.ip(10, 0, 0, 1), S = FrameBuilder.ip(10, 0, 0, 2), CP = 40001, SP = 102;

    /** One segment; {@code window} patched into the header and the checksum computed again. */
    static byte[] seg(boolean fromC, long seq, long ack, int flags, int len, int window) {
        byte[] payload = new byte[len];
        for (int i = 0; i < len; i++) payload[i] = (byte) (0x41 + i % 26);
        byte[] buf = new byte[Math.max(60, FrameBuilder.HEADERS + len)];
        int n = FrameBuilder.tcp(buf, fromC ? C : S, fromC ? S : C, fromC ? CP : SP, fromC ? SP : CP, seq, ack, flags,
                payload, 0, len, (int) (seq & 0xFFFF));
        int t = 14 + 20;
        buf[t + 14] = (byte) (window >> 8);
        buf[t + 15] = (byte) window;
        buf[t + 16] = 0;
        buf[t + 17] = 0;
        int ck = InternetChecksum.tcpOverIpv4(buf, 14, t, 20 + len);
        buf[t + 16] = (byte) (ck >> 8);
        buf[t + 17] = (byte) ck;
        return java.util.Arrays.copyOf(buf, n);
    }

    /** The crafted connection; comments give the frame number and what tshark flags there. */
    static List<byte[]> connection() {
        int a = TcpInfo.ACK, pa = TcpInfo.ACK | TcpInfo.PSH;
        List<byte[]> f = new ArrayList<>();
        f.add(seg(true, 1000, 0, TcpInfo.SYN, 0, 8192));          // 1 SYN
        f.add(seg(false, 5000, 1001, TcpInfo.SYN | a, 0, 100));   // 2 SYN-ACK, window 100
        f.add(seg(true, 1001, 5001, a, 0, 8192));                 // 3
        f.add(seg(true, 1001, 5001, pa, 50, 8192));               // 4
        f.add(seg(true, 1051, 5001, pa, 50, 8192));               // 5 fills the 100-byte window: window_full
        f.add(seg(false, 5001, 1101, a, 0, 0));                   // 6 zero_window
        f.add(seg(true, 1101, 5001, pa, 1, 8192));                // 7 zero_window_probe
        f.add(seg(false, 5001, 1101, a, 0, 0));                   // 8 zero_window_probe_ack (and zero_window)
        f.add(seg(false, 5001, 1101, a, 0, 200));                 // 9 window_update
        f.add(seg(true, 1101, 5001, pa, 50, 8192));               // 10
        f.add(seg(true, 1151, 5001, pa, 50, 8192));               // 11
        f.add(seg(false, 5001, 1101, a, 0, 200));                 // 12 duplicate_ack #1
        f.add(seg(false, 5001, 1101, a, 0, 200));                 // 13 duplicate_ack #2
        f.add(seg(false, 5001, 1101, a, 0, 200));                 // 14 duplicate_ack #3
        f.add(seg(true, 1101, 5001, pa, 50, 8192));               // 15 fast_retransmission
        f.add(seg(false, 5001, 1201, a, 0, 200));                 // 16
        f.add(seg(true, 1201, 5001, pa, 20, 8192));               // 17
        f.add(seg(false, 5001, 1221, TcpInfo.RST | a, 0, 0));     // 18 RST after data (no tshark flag)
        return f;
    }

    static Path write(Path file, List<byte[]> frames) throws Exception {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); PcapWriter w = new PcapWriter(out, Frame.LINK_ETHERNET, true)) {
            long t = 1_700_000_000_000_000_000L;
            for (byte[] b : frames) {
                w.write(b, b.length, b.length, t);
                t += 5_000_000L; // 5 ms apart: above the 3 ms out-of-order threshold, within the 20 ms of a fast retransmission
            }
        }
        return Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void craftedWindowAndRetransmissionFlagsSelectTheSameFramesAsTshark() throws Exception {
        TestFiles.requireTool("tshark");
        Path cap = write(dir.resolve("tcp-analysis.pcap"), connection());
        Map<String, TreeSet<Integer>> theirs = TcpAnalysisTsharkTest.tshark(cap);
        Map<String, TreeSet<Integer>> ours = new LinkedHashMap<>();
        Map<String, DisplayFilter> filters = new LinkedHashMap<>();
        for (String f : TcpAnalysisTsharkTest.FLAGS) {
            filters.put(f, DisplayFilter.compile("tcp.analysis." + f));
            ours.put(f, new TreeSet<>());
        }
        filters.put("rst_after_data", DisplayFilter.compile("tcp.analysis.rst_after_data"));
        ours.put("rst_after_data", new TreeSet<>());
        List<Dissection> all = new ArrayList<>();
        try (FrameSource fs = Inputs.open(cap, null).frames()) {
            InOrder.dissect(fs, null, d -> {
                all.add(d);
                filters.forEach((f, df) -> {
                    if (df.matches(d)) ours.get(f).add(d.frame().number());
                });
            });
        }
        for (String f : List.of("window_full", "zero_window", "zero_window_probe", "zero_window_probe_ack",
                "window_update", "duplicate_ack", "fast_retransmission")) {
            assertThat(theirs.get(f)).as("tshark flags %s in the crafted capture", f).isNotEmpty();
        }
        for (String f : TcpAnalysisTsharkTest.FLAGS) {
            assertThat(ours.get(f)).as("tcp.analysis.%s", f).isEqualTo(theirs.get(f));
        }
        assertThat(ours.get("rst_after_data")).containsExactly(18);
        Dissection rst = all.get(17);
        assertThat(rst.findings()).anySatisfy(x -> assertThat(x.id()).isEqualTo("TCP-RST-AFTER-DATA"));
        assertThat(rst.info()).startsWith("[TCP RST after data]");
        assertThat(all.get(4).findings()).anySatisfy(x -> assertThat(x.id()).isEqualTo("TCP-WINDOW-FULL"));
        assertThat(all.get(4).info()).startsWith("[TCP Window Full]");
        assertThat(all.get(7).info()).startsWith("[TCP ZeroWindowProbeAck]");
    }
}
