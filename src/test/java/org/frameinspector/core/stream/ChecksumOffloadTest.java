package org.frameinspector.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.TestFiles;
import org.frameinspector.capture.FrameBuilder;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.source.FrameSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: checksum offload on the capturing host is one INFO per connection direction, not a VIOLATION per segment;
 * a single corrupted checksum among good ones stays a VIOLATION; --strict-checksums restores the per-segment ones.
 */
class ChecksumOffloadTest {

    static List<Finding> findings(Conversations conv, List<Frame> frames) {
        FrameDissector fd = Protocols.dissector();
        List<Finding> out = new ArrayList<>();
        for (Frame f : frames) {
            Dissection d = fd.dissect(f, null, conv);
            conv.record(d);
            out.addAll(d.findings());
        }
        conv.finish();
        return out;
    }

    static long count(List<Finding> fs, String id, Severity sev) {
        return fs.stream().filter(f -> f.id().equals(id) && f.severity() == sev).count();
    }

    static final java.nio.file.Path OFFLOAD = java.nio.file.Path.of("s7_netzob_10_connect_disconnect.pcap");

    /** The frames of a shared capture (skips without ../shared). */
    static List<Frame> frames(java.nio.file.Path name) throws Exception {
        List<Frame> frames = new ArrayList<>();
        try (FrameSource fs = Inputs.open(TestFiles.captures().resolve(name.toString()), null).frames()) {
            for (int i = 0; i < fs.size(); i++) frames.add(fs.frame(i));
        }
        return frames;
    }

    @Test
    void offloadOnTheCapturingHostIsOneInfoPerDirection() throws Exception {
        List<Frame> frames = frames(OFFLOAD);
        Conversations conv = new Conversations();
        List<Finding> fs = findings(conv, frames);
        assertThat(count(fs, "TCP-CHECKSUM-BAD", Severity.VIOLATION)).as("per-segment violations").isZero();
        long info = count(fs, "TCP-CHECKSUM-OFFLOAD", Severity.INFO);
        assertThat(info).isPositive().isLessThanOrEqualTo(2L * conv.rows().size());
        assertThat(conv.rows()).anySatisfy(r -> assertThat(r.note()).contains("checksum offload on 10.0.2.15"));
        // strict: every unfinished one is a violation again
        List<Finding> strict = findings(new Conversations().strictChecksums(true), frames);
        assertThat(count(strict, "TCP-CHECKSUM-BAD", Severity.VIOLATION)).isGreaterThanOrEqualTo(100);
        assertThat(count(strict, "TCP-CHECKSUM-OFFLOAD", Severity.INFO)).isZero();
    }

    @Test
    void oneCorruptedChecksumAmongGoodOnesIsAViolation() {
        int a = FrameBuilder.ip(10, 0, 0, 1), b = FrameBuilder.ip(10, 0, 0, 2);
        List<Frame> frames = new ArrayList<>();
        long seq = 1000;
        for (int i = 0; i < 6; i++) {
            byte[] payload = {3, 0, 0, 7, 2, (byte) 0xF0, (byte) 0x80};
            byte[] buf = new byte[Math.max(60, FrameBuilder.HEADERS + payload.length)];
            FrameBuilder.tcp(buf, a, b, 40001, 102, seq, 5000, TcpInfo.ACK | TcpInfo.PSH, payload, 0, payload.length, i + 1);
            if (i == 3) buf[14 + 20 + 16] ^= 0x5A; // corrupt one checksum
            frames.add(new Frame(i + 1, buf, buf.length, 1_000_000_000L + i * 1_000_000L, Frame.LINK_ETHERNET, 0, null));
            seq += payload.length;
        }
        List<Finding> fs = findings(new Conversations(), frames);
        assertThat(fs.stream().filter(f -> f.id().equals("TCP-CHECKSUM-BAD")).map(Finding::severity))
                .containsExactly(Severity.VIOLATION);
        assertThat(count(fs, "TCP-CHECKSUM-OFFLOAD", Severity.INFO)).isZero();
    }

    @TempDir
    java.nio.file.Path dir;

    /** "ID SEVERITY frame" of every finding of the in-order pass over a capture file (the CLI's path). */
    static List<String> fileFindings(java.nio.file.Path cap) throws Exception {
        List<String> out = new ArrayList<>();
        try (FrameSource fs = Inputs.open(cap, null).frames()) {
            org.frameinspector.core.stream.InOrder.dissect(fs, null, d -> d.findings().forEach(
                    f -> out.add(f.id() + " " + f.severity() + " " + d.frame().number())));
        }
        return out;
    }

    static long count(List<String> fs, String idAndSeverity) {
        return fs.stream().filter(f -> f.startsWith(idAndSeverity + " ")).count();
    }

    /**
     * The real offload capture written back to a pcap file with two checksums broken for real: one segment of the
     * peer (whose checksums are all good) and one of the offloading host (its unfinished value changed to something
     * that is neither 0 nor the pseudo-header sum). Read from the file, each of those two is a VIOLATION at its
     * frame, while the offloaded segments around them stay one INFO per direction.
     */
    @Test
    void corruptedChecksumsInAnOffloadCaptureFileAreViolations() throws Exception {
        java.nio.file.Path src = OFFLOAD;
        List<Frame> frames = frames(src);
        int peer = -1, host = -1;
        for (Frame f : frames) {
            byte[] b = f.data();
            if (f.linkType() != Frame.LINK_ETHERNET || b.length < 54 || b[12] != 8 || b[13] != 0 || b[23] != 6) continue;
            int ihl = (b[14] & 0x0F) * 4, tcp = 14 + ihl, total = ((b[16] & 0xFF) << 8) | (b[17] & 0xFF);
            boolean data = total - ihl - ((b[tcp + 12] & 0xF0) >> 2) > 0;
            boolean fromHost = (b[26] & 0xFF) == 10 && b[27] == 0 && b[28] == 2 && b[29] == 15;
            if (!data) continue;
            if (fromHost && host < 0 && f.number() > 20) {
                host = f.number();
                b[tcp + 16] ^= 0x12;
                b[tcp + 17] ^= 0x34;
            } else if (!fromHost && peer < 0 && f.number() > 10) {
                peer = f.number();
                b[tcp + 17] ^= 0x01;
            }
        }
        assertThat(peer).isPositive();
        assertThat(host).isPositive();
        java.nio.file.Path cap = dir.resolve("offload-with-two-corruptions.pcap");
        java.nio.file.Path tmp = dir.resolve("offload-with-two-corruptions.pcap.tmp");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(tmp);
             org.frameinspector.core.output.PcapWriter w = new org.frameinspector.core.output.PcapWriter(out, Frame.LINK_ETHERNET, true)) {
            for (Frame f : frames) w.write(f.data(), f.data().length, f.data().length, f.timestampNanos());
        }
        java.nio.file.Files.move(tmp, cap);

        List<String> clean = fileFindings(TestFiles.captures().resolve(src.toString()));
        assertThat(count(clean, "TCP-CHECKSUM-BAD VIOLATION")).as("the untouched file").isZero();
        List<String> fs = fileFindings(cap);
        assertThat(fs.stream().filter(f -> f.startsWith("TCP-CHECKSUM-BAD ")))
                .as("bad checksums of the corrupted file")
                .containsExactlyInAnyOrder("TCP-CHECKSUM-BAD VIOLATION " + peer, "TCP-CHECKSUM-BAD VIOLATION " + host);
        assertThat(count(fs, "TCP-CHECKSUM-OFFLOAD INFO")).isEqualTo(count(clean, "TCP-CHECKSUM-OFFLOAD INFO")).isPositive();
    }
}
