package org.frameinspector.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes classic pcap (microsecond timestamps, little-endian headers) with a reused header buffer. */
public final class PcapFileWriter implements AutoCloseable {
    private final OutputStream out;
    private final byte[] rec = new byte[16];

    public PcapFileWriter(Path p, int linkType) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 20);
        byte[] h = new byte[24];
        le32(h, 0, 0xA1B2C3D4);
        le16(h, 4, 2);
        le16(h, 6, 4);
        le32(h, 16, 65535);
        le32(h, 20, linkType);
        out.write(h);
    }

    public void write(byte[] data, int len, int origLen, long timeNanos) throws IOException {
        le32(rec, 0, (int) (timeNanos / 1_000_000_000L));
        le32(rec, 4, (int) (timeNanos % 1_000_000_000L / 1000));
        le32(rec, 8, len);
        le32(rec, 12, origLen);
        out.write(rec);
        out.write(data, 0, len);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static void le16(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
    }

    static void le32(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
        b[o + 2] = (byte) (v >>> 16);
        b[o + 3] = (byte) (v >>> 24);
    }
}
