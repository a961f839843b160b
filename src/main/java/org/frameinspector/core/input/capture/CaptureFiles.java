package org.frameinspector.core.input.capture;

import java.nio.file.Path;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;

/** pcap and pcapng input, read in plain Java (see {@link CaptureIndex}). */
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

    /** Indexes a capture held in memory. */
    public static FrameSource read(byte[] data) throws InputException {
        return CaptureIndex.of(data);
    }
}
