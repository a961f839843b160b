package org.frameinspector.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal pcapng writer for {@code capture -w}: one Section Header Block, one Interface Description Block
 * (microsecond timestamps, the default resolution) and one Enhanced Packet Block per frame, little-endian.
 * Internal stop-gap: it is to be replaced by core.output.PcapngWriter once that lands.
 */
final class SimplePcapngWriter implements AutoCloseable {
    private final OutputStream out;
    private final byte[] hdr = new byte[28];

    SimplePcapngWriter(Path p, int linkType, int snaplen) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
        byte[] shb = new byte[28];
        le32(shb, 0, 0x0A0D0D0A);
        le32(shb, 4, 28);
        le32(shb, 8, 0x1A2B3C4D);
        le16(shb, 12, 1);
        le16(shb, 14, 0);
        le32(shb, 16, -1);
        le32(shb, 20, -1);
        le32(shb, 24, 28);
        out.write(shb);
        byte[] idb = new byte[20];
        le32(idb, 0, 1);
        le32(idb, 4, 20);
        le16(idb, 8, linkType);
        le32(idb, 12, snaplen);
        le32(idb, 16, 20);
        out.write(idb);
    }

    void write(byte[] data, int origLen, long timeNanos) throws IOException {
        int pad = (4 - (data.length & 3)) & 3;
        int total = 32 + data.length + pad;
        long us = timeNanos / 1000;
        le32(hdr, 0, 6);
        le32(hdr, 4, total);
        le32(hdr, 8, 0);
        le32(hdr, 12, (int) (us >>> 32));
        le32(hdr, 16, (int) us);
        le32(hdr, 20, data.length);
        le32(hdr, 24, origLen);
        out.write(hdr);
        out.write(data);
        for (int i = 0; i < pad; i++) out.write(0);
        byte[] t = new byte[4];
        le32(t, 0, total);
        out.write(t);
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static void le16(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
    }

    private static void le32(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
        b[o + 2] = (byte) (v >>> 16);
        b[o + 3] = (byte) (v >>> 24);
    }
}
