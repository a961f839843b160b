package org.frameinspector.core.input.capture;

import java.nio.file.Path;
import org.frameinspector.core.input.FrameSource;
import org.frameinspector.core.input.InputException;

/** pcap and pcapng input. (Stub; the plain-Java streaming reader replaces it.) */
public final class CaptureFiles {
    private CaptureFiles() {
    }

    public static boolean isCapture(byte[] head) {
        int m = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        return m == 0xA1B2C3D4 || m == 0xD4C3B2A1 || m == 0xA1B23C4D || m == 0x4D3CB2A1 || m == 0x0A0D0D0A;
    }

    public static String formatName(byte[] head) {
        return (head[0] & 0xFF) == 0x0A ? "pcapng" : "pcap";
    }

    public static FrameSource open(Path p) throws InputException {
        throw new InputException("capture files are not supported yet", -1, -1, 0);
    }

    public static FrameSource read(byte[] data) throws InputException {
        throw new InputException("capture files are not supported yet", -1, -1, 0);
    }
}
