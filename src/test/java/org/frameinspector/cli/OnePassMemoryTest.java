package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the one-pass read keeps nothing per frame. A pcap of 4,000,000 frames is read to the end in a 32 MiB heap
 * by the read the one-pass commands use ({@code bench --only read}), while indexing the same file (about 20 bytes
 * a frame, 80 MB and more) runs out of that heap: the heap bound is what tells them apart.
 */
class OnePassMemoryTest {
    private static final int FRAMES = 4_000_000;

    @TempDir
    Path dir;

    /** A pcap of {@code n} frames, each a 0-byte record (16 bytes of record header), one second apart. */
    static void write(Path p, int n) throws Exception {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
            ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
            os.write(b.array());
            ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                r.clear();
                r.putInt(1_700_000_000 + i).putInt(0).putInt(0).putInt(60);
                os.write(r.array());
            }
        }
    }

    @Test
    void fourMillionFramesAreReadInA32MiBHeapThatTheIndexDoesNotFit() throws Exception {
        Path cap = dir.resolve("many-frames.pcap");
        write(cap, FRAMES);
        List<String> jvm = List.of("-Xmx32m", "-XX:+ExitOnOutOfMemoryError");
        ChildJvm.Result read = ChildJvm.run(jvm, List.of("bench", "--only", "read", cap.toString()), dir, Map.of(), null, 300);
        assertThat(read.err()).doesNotContain("OutOfMemoryError");
        assertThat(read.exit()).as(read.err()).isZero();
        assertThat(read.out()).containsPattern("read +4,000,000 frames in");

        ChildJvm.Result index = ChildJvm.run(jvm, List.of("bench", "--only", "index", cap.toString()), dir, Map.of(), null, 300);
        assertThat(index.exit()).as("indexing 4M frames in 32 MiB: " + index.out()).isNotZero();
        assertThat(index.out() + index.err()).contains("OutOfMemoryError");
    }
}
