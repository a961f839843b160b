package org.frameinspector.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.capture.BenchCaptureGenerator;
import org.frameinspector.capture.BenchCaptureGeneratorTest;
import org.frameinspector.core.checksum.InternetChecksum;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.ListFrameSource;
import org.frameinspector.core.input.capture.CaptureIndex;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast lane of {@code check} must be invisible: with and without it, every frame has the same findings (all
 * their fields, in order) and every connection row is the same, on every shared capture, on generated traffic and on
 * generated traffic broken in many ways (bit flips with and without fixed checksums, lost, repeated and reordered
 * segments). The generated cases also check that the lane really takes most frames, so the comparison means something.
 */
class FastLaneEquivalenceTest {
    @TempDir
    Path dir;

    static Stream<Path> captures() throws Exception {
        return Files.list(TestFiles.captures()).filter(p -> p.toString().matches(".*\\.(pcap|pcapng|cap)$")).sorted();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void sharedCaptureSameWithAndWithoutTheLane(Path p) throws Exception {
        String full, fast;
        try (FrameSource fs = CaptureIndex.openForOnePass(p)) {
            full = run(fs, false).text;
        }
        try (FrameSource fs = CaptureIndex.openForOnePass(p)) {
            fast = run(fs, true).text;
        }
        assertThat(fast).isEqualTo(full);
    }

    @Test
    void generatedTrafficMostlyTakesTheLaneWithTheSameResult() throws Exception {
        List<Frame> frames = generated(6, 30_000, 11);
        Outcome full = run(new ListFrameSource(frames), false);
        Outcome fast = run(new ListFrameSource(frames), true);
        assertThat(fast.text).isEqualTo(full.text);
        assertThat(full.text).contains("TPKT-MULTIPLE");
        assertThat(fast.fastFrames).as("frames on the fast lane").isGreaterThan(frames.size() * 9L / 10);
    }

    @Test
    void brokenTrafficSameWithAndWithoutTheLane() throws Exception {
        List<Frame> clean = generated(5, 6_000, 23);
        SplittableRandom rnd = new SplittableRandom(99);
        long fastTotal = 0, total = 0;
        for (int round = 0; round < 40; round++) {
            List<Frame> frames = mutate(clean, rnd, round);
            Outcome full = run(new ListFrameSource(frames), false);
            Outcome fast = run(new ListFrameSource(frames), true);
            assertThat(fast.text).as("round " + round).isEqualTo(full.text);
            fastTotal += fast.fastFrames;
            total += frames.size();
        }
        assertThat(fastTotal).as("frames on the fast lane").isGreaterThan(total / 2);
    }

    private List<Frame> generated(int conns, int n, long seed) throws Exception {
        Path p = dir.resolve("g" + seed + ".pcap");
        new BenchCaptureGenerator(seed, conns).write(p, n);
        return BenchCaptureGeneratorTest.read(p);
    }

    /** A copy of the traffic broken in one of several ways, many times over. */
    static List<Frame> mutate(List<Frame> clean, SplittableRandom rnd, int round) {
        List<Frame> out = new ArrayList<>(clean.size() + 64);
        int kind = round % 5;
        for (Frame f : clean) {
            byte[] b = f.data().clone();
            if (rnd.nextInt(60) == 0) {
                switch (kind) {
                    case 0 -> { // one byte anywhere from IP on, checksums left as they are
                        b[14 + rnd.nextInt(b.length - 14)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                    case 1 -> { // one byte in TCP/TPKT/COTP, checksums fixed so the frame gets past them
                        b[34 + rnd.nextInt(b.length - 34)] ^= (byte) (1 << rnd.nextInt(8));
                        fixChecksums(b);
                    }
                    case 2 -> { // a byte of TPKT/COTP header area set to a value that matters
                        if (b.length > 61) {
                            int at = 54 + rnd.nextInt(8);
                            b[at] = (byte) new int[] {0, 1, 2, 3, 0x11, 0x80, 0xF0, 0xF1, 0xFF, 0x32}[rnd.nextInt(10)];
                            fixChecksums(b);
                        }
                    }
                    case 3 -> { // lost segment
                        continue;
                    }
                    default -> { // repeated segment, or two swapped
                        if (rnd.nextBoolean()) {
                            out.add(copy(f, b, out.size() + 1));
                        } else if (!out.isEmpty()) {
                            Frame prev = out.remove(out.size() - 1);
                            out.add(copy(f, b, out.size() + 1));
                            out.add(copy(prev, prev.data(), out.size() + 1));
                            continue;
                        }
                    }
                }
            }
            out.add(copy(f, b, out.size() + 1));
        }
        return out;
    }

    private static Frame copy(Frame f, byte[] b, int number) {
        return new Frame(number, b, b.length, f.timestampNanos(), f.linkType(), 0, null);
    }

    /** Recomputes the IPv4 header and TCP checksums of an Ethernet/IPv4/TCP frame (when it still looks like one). */
    static void fixChecksums(byte[] b) {
        if (b.length < 54 || (b[14] & 0xF0) != 0x40) return;
        int ihl = (b[14] & 0x0F) * 4;
        if (ihl < 20 || 14 + ihl > b.length) return;
        b[24] = 0;
        b[25] = 0;
        int ck = InternetChecksum.of(b, 14, ihl);
        b[24] = (byte) (ck >> 8);
        b[25] = (byte) ck;
        int tot = ((b[16] & 0xFF) << 8) | (b[17] & 0xFF);
        int tcpOff = 14 + ihl, tcpLen = tot - ihl;
        if (b[23] != 6 || tcpLen < 20 || tcpOff + tcpLen > b.length) return;
        b[tcpOff + 16] = 0;
        b[tcpOff + 17] = 0;
        int t = InternetChecksum.tcpOverIpv4(b, 14, tcpOff, tcpLen);
        b[tcpOff + 16] = (byte) (t >> 8);
        b[tcpOff + 17] = (byte) t;
    }

    record Outcome(String text, long fastFrames) {
    }

    /** Every frame's findings with all their fields, then every connection row, as text. */
    static Outcome run(FrameSource fs, boolean fast) throws Exception {
        StringBuilder sb = new StringBuilder();
        InOrder.Pass pass = InOrder.findings(fs, null, fast, (n, findings, d) -> {
            for (Finding f : findings) {
                sb.append(n).append(' ').append(f.id()).append(' ').append(f.severity()).append(' ').append(f.layer())
                        .append(' ').append(f.source()).append(' ').append(f.offset()).append('+').append(f.length())
                        .append(" obs=").append(f.observed()).append(" exp=").append(f.expected()).append(" | ")
                        .append(f.explanation()).append('\n');
            }
        });
        for (Conversation c : pass.conversations().rows()) sb.append(row(c)).append('\n');
        return new Outcome(sb.toString(), pass.fastFrames());
    }

    static String row(Conversation c) throws IllegalAccessException {
        StringBuilder sb = new StringBuilder("row");
        for (Field f : Conversation.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            f.setAccessible(true);
            Object v = f.get(c);
            sb.append(' ').append(f.getName()).append('=').append(v instanceof int[] a ? Arrays.toString(a) : String.valueOf(v));
        }
        return sb.toString();
    }
}
