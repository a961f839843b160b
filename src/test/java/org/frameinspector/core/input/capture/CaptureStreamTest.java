package org.frameinspector.core.input.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.source.FrameCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass reader ({@link CaptureStream}) and the index ({@link CaptureIndex}) read the same records with the
 * same {@link CaptureReader}: every shared capture gives the same frames, byte for byte, in the same order, with the
 * same file facts and warnings, whatever the size of the stream's read buffer.
 */
class CaptureStreamTest {
    @TempDir
    Path tmp;

    /** Both cursors to the end, frame by frame; the stream's comments and file facts as the index's. */
    static void assertSameFrames(CaptureIndex idx, CaptureStream cs, String what) {
        assertThat(cs.format()).as(what).isEqualTo(idx.format());
        assertThat(cs.byteOrder()).as(what).isEqualTo(idx.byteOrder());
        assertThat(cs.interfaces()).as(what).isEqualTo(idx.interfaces());
        assertThat(cs.warnings()).as(what).isEqualTo(idx.warnings());
        assertThat(cs.size()).as(what).isEqualTo(idx.size());
        try (FrameCursor a = idx.cursor(); FrameCursor b = cs.cursor()) {
            for (int i = 0; i < idx.size(); i++) {
                String at = what + " frame " + (i + 1);
                assertThat(a.next()).as(at).isTrue();
                assertThat(b.next()).as(at).isTrue();
                assertThat(b.number()).as(at).isEqualTo(a.number()).isEqualTo(i + 1);
                assertThat(b.length()).as(at).isEqualTo(a.length());
                assertThat(Arrays.copyOf(b.bytes(), b.length())).as(at).isEqualTo(Arrays.copyOf(a.bytes(), a.length()));
                assertThat(b.originalLength()).as(at).isEqualTo(a.originalLength());
                assertThat(b.linkType()).as(at).isEqualTo(a.linkType());
                assertThat(b.timestampNanos()).as(at).isEqualTo(a.timestampNanos());
                assertThat(b.interfaceId()).as(at).isEqualTo(a.interfaceId());
                assertThat(b.comment()).as(at).isEqualTo(a.comment()).isEqualTo(cs.comment(i));
                Frame fa = idx.frame(i), fb = b.frame();
                assertThat(fb.data()).as(at).isEqualTo(fa.data());
                assertThat(fb.number()).isEqualTo(fa.number());
                assertThat(fb.originalLength()).isEqualTo(fa.originalLength());
                assertThat(fb.timestampNanos()).isEqualTo(fa.timestampNanos());
                assertThat(fb.linkType()).isEqualTo(fa.linkType());
                assertThat(fb.interfaceId()).isEqualTo(fa.interfaceId());
                assertThat(fb.comment()).isEqualTo(fa.comment());
            }
            assertThat(a.next()).as(what + " end").isFalse();
            assertThat(b.next()).as(what + " end").isFalse();
        }
    }

    @Test
    void streamedAndIndexedFramesAreIdenticalOnEverySharedCapture() throws Exception {
        int frames = 0;
        for (int capacity : new int[] {Window.DEFAULT_CAPACITY, 4096, 100, 7}) {
            int before = Window.readCapacity;
            Window.readCapacity = capacity;
            try {
                for (SharedCaptures.Entry e : SharedCaptures.entries()) {
                    try (CaptureIndex idx = CaptureIndex.open(e.path()); CaptureStream cs = CaptureStream.open(e.path())) {
                        assertThat(cs.size()).as(e.file()).isEqualTo(e.frames());
                        assertSameFrames(idx, cs, e.file() + " (read buffer " + capacity + ")");
                        frames += cs.size();
                    }
                }
            } finally {
                Window.readCapacity = before;
            }
        }
        assertThat(frames).isPositive();
    }

    @Test
    void pcapngCommentsAndInterfacesAcrossReadBufferRefills() throws Exception {
        Path p = tmp.resolve("commented.pcapng");
        try (java.io.OutputStream os = Files.newOutputStream(p)) {
            org.frameinspector.core.output.PcapngWriter w = new org.frameinspector.core.output.PcapngWriter(os);
            for (int i = 0; i < 3000; i++) {
                byte[] data = Bin.seq(20 + i % 300, i);
                w.write(new Frame(i + 1, data, data.length + i % 3, 1_700_000_000_000_000_000L + i * 1_000L,
                        Frame.LINK_ETHERNET, 0, i % 7 == 0 ? "comment of frame " + (i + 1) + (i % 2 == 0 ? "\nsecond line" : "") : null));
            }
            w.flush();
        }
        for (int capacity : new int[] {Window.DEFAULT_CAPACITY, 1000, 33}) {
            int before = Window.readCapacity;
            Window.readCapacity = capacity;
            try (CaptureIndex idx = CaptureIndex.open(p); CaptureStream cs = CaptureStream.open(p)) {
                assertThat(cs.size()).isEqualTo(3000);
                assertThat(cs.comment(7)).isEqualTo("comment of frame 8");
                assertThat(cs.comment(14)).isEqualTo("comment of frame 15\nsecond line");
                assertThat(cs.comment(8)).isNull();
                assertSameFrames(idx, cs, "commented pcapng (read buffer " + capacity + ")");
            } finally {
                Window.readCapacity = before;
            }
        }
    }

    @Test
    void aStreamHasNoRandomAccess() throws Exception {
        SharedCaptures.Entry e = SharedCaptures.entries().get(0);
        try (CaptureStream cs = CaptureStream.open(e.path())) {
            assertThatThrownBy(() -> cs.frame(0)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("one pass");
        }
    }

    @Test
    void aFileCutShortAfterOpeningEndsThePassWithAnIoError() throws Exception {
        Bin b = Bin.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 65535, 1);
        for (int i = 0; i < 1000; i++) b.pcapRecord(i, 0, Bin.seq(100, i), 100);
        Path p = tmp.resolve("shrinks.pcap");
        Files.write(p, b.toArray());
        try (CaptureStream cs = CaptureStream.open(p)) {
            assertThat(cs.size()).isEqualTo(1000);
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                ch.truncate(24 + 500 * 116 + 50);
            }
            int[] read = {0};
            assertThatThrownBy(() -> {
                try (FrameCursor c = cs.cursor()) {
                    while (c.next()) read[0]++;
                }
            }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("the file changed since it was opened");
            assertThat(read[0]).isEqualTo(500);
        }
    }
}
