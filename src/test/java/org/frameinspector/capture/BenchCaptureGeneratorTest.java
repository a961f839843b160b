package org.frameinspector.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frameinspector.core.checksum.InternetChecksum;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class BenchCaptureGeneratorTest {
    @TempDir
    Path dir;

    /** Reads a classic little-endian pcap as the generator writes it (by hand: an independent check of the writer). */
    public static List<Frame> read(Path p) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0xA1B2C3D4);
        int link = b.getInt(20);
        b.position(24);
        List<Frame> out = new ArrayList<>();
        while (b.remaining() >= 16) {
            long sec = b.getInt() & 0xFFFFFFFFL, usec = b.getInt() & 0xFFFFFFFFL;
            int incl = b.getInt(), orig = b.getInt();
            byte[] d = new byte[incl];
            b.get(d);
            out.add(new Frame(out.size() + 1, d, orig, sec * 1_000_000_000L + usec * 1000, link, 0, null));
        }
        return out;
    }

    @Test
    void deterministicChecksummedFramesOfTheRightSizes() throws Exception {
        Path a = dir.resolve("a.pcap"), b = dir.resolve("b.pcap");
        new BenchCaptureGenerator(7, 4).write(a, 5000);
        new BenchCaptureGenerator(7, 4).write(b, 5000);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        List<Frame> fs = read(a);
        assertThat(fs).hasSize(5000);
        int small = 0;
        Map<Integer, Integer> cotp = new HashMap<>();
        for (Frame f : fs) {
            byte[] d = f.data();
            assertThat(f.linkType()).isEqualTo(Frame.LINK_ETHERNET);
            assertThat(d.length).isLessThanOrEqualTo(300);
            if (d.length < 100) small++;
            assertThat(d.length).isGreaterThanOrEqualTo(60);
            assertThat(InternetChecksum.verifies(InternetChecksum.add(0, d, 14, 20))).as("IPv4 checksum of frame %d", f.number()).isTrue();
            int tcpLen = (((d[16] & 0xFF) << 8) | (d[17] & 0xFF)) - 20;
            long pseudo = InternetChecksum.add(0, d, 26, 8) + 6 + tcpLen;
            assertThat(InternetChecksum.verifies(InternetChecksum.add(pseudo, d, 34, tcpLen))).as("TCP checksum of frame %d", f.number()).isTrue();
            if (tcpLen > 20 + 5 && d[54] == 3) cotp.merge((d[59] & 0xF0) >> 4, 1, Integer::sum);
        }
        assertThat(small).isLessThan(100);
        assertThat(cotp).containsKeys(0x0E, 0x0D, 0x0F);
    }
}
