package org.frameinspector.core.input.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;

/** pcap and pcapng input, read in plain Java (see {@link CaptureReader}, {@link CaptureIndex}, {@link CaptureStream}). */
public final class CaptureFiles {
    private CaptureFiles() {
    }

    private static int magic(byte[] head) {
        return ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
    }

    /** Whether the first 4 bytes are a pcap (µs or ns, either byte order) or pcapng magic number. */
    public static boolean isCapture(byte[] head) {
        if (head == null || head.length < 4) return false;
        int m = magic(head);
        return m == 0xA1B2C3D4 || m == 0xD4C3B2A1 || m == 0xA1B23C4D || m == 0x4D3CB2A1 || m == 0x0A0D0D0A;
    }

    /** "pcapng" or "pcap" by magic number (whatever the file name says), null when not a capture. */
    public static String formatName(byte[] head) {
        if (!isCapture(head)) return null;
        return magic(head) == 0x0A0D0D0A ? "pcapng" : "pcap";
    }

    /** Indexes a capture file; frames are read on demand. Close the source when done. */
    public static FrameSource open(Path p) throws InputException {
        return CaptureIndex.open(p);
    }

    /**
     * Copies a capture arriving on a stream (standard input, a FIFO) to a temporary file and indexes that, so it is
     * never held in memory. The file is removed at once where the system allows an open file to be removed (its
     * space is freed when the source is closed), else when the JVM exits.
     *
     * @param head the stream's first bytes, already read (the magic number)
     */
    public static FrameSource spool(byte[] head, InputStream in) throws IOException, InputException {
        return spool(head, in, false);
    }

    /** The same; with {@code onePass} the copy is opened for one pass in order ({@link CaptureStream}), not indexed. */
    public static FrameSource spool(byte[] head, InputStream in, boolean onePass) throws IOException, InputException {
        Path tmp = Files.createTempFile("frame-inspector-stdin-", ".cap");
        boolean ok = false;
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                os.write(head);
                in.transferTo(os);
            }
            FrameSource fs = onePass ? CaptureStream.open(tmp) : CaptureIndex.open(tmp);
            ok = true;
            return fs;
        } finally {
            try {
                Files.delete(tmp);
            } catch (IOException e) {
                if (ok) tmp.toFile().deleteOnExit(); // open files cannot be removed on every system
            }
        }
    }

    /** Indexes a capture held in memory. */
    public static FrameSource read(byte[] data) throws InputException {
        return CaptureIndex.of(data);
    }
}
