package org.frameinspector.core.input.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds crafted capture files for tests. */
final class Bin {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order;

    Bin(ByteOrder order) {
        this.order = order;
    }

    Bin order(ByteOrder o) {
        order = o;
        return this;
    }

    Bin u8(int v) {
        out.write(v);
        return this;
    }

    Bin u16(int v) {
        out.writeBytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
        return this;
    }

    Bin u32(long v) {
        out.writeBytes(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
        return this;
    }

    Bin u64(long v) {
        out.writeBytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
        return this;
    }

    Bin bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    Bin pad4() {
        while (out.size() % 4 != 0) out.write(0);
        return this;
    }

    Bin option(int code, byte[] value) {
        u16(code).u16(value.length).bytes(value);
        return pad4();
    }

    Bin option(int code, String value) {
        return option(code, value.getBytes(StandardCharsets.UTF_8));
    }

    Bin endOfOptions() {
        return u16(0).u16(0);
    }

    /** Appends a pcapng block: type, total length, body (padded), total length. */
    Bin block(int type, Bin body) {
        byte[] b = body.toArray();
        int len = 12 + ((b.length + 3) & ~3);
        u32(type).u32(len).bytes(b).pad4().u32(len);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    static byte[] seq(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (start + i);
        return b;
    }

    // ---- common pieces

    static Bin pcapHeader(ByteOrder o, boolean nanos, int snaplen, int linkType) {
        return new Bin(o).u32(nanos ? 0xA1B23C4DL : 0xA1B2C3D4L).u16(2).u16(4).u32(0).u32(0).u32(snaplen).u32(linkType);
    }

    Bin pcapRecord(long sec, long frac, byte[] data, int orig) {
        return u32(sec).u32(frac).u32(data.length).u32(orig).bytes(data);
    }

    Bin shb() {
        return block(0x0A0D0D0A, new Bin(order).u32(0x1A2B3C4D).u16(1).u16(0).u64(-1));
    }

    Bin idb(int linkType, int snaplen, Bin options) {
        Bin body = new Bin(order).u16(linkType).u16(0).u32(snaplen);
        if (options != null) body.bytes(options.toArray());
        return block(1, body);
    }

    Bin epb(int iface, long ts, byte[] data, int orig, Bin options) {
        Bin body = new Bin(order).u32(iface).u32(ts >>> 32).u32(ts & 0xFFFFFFFFL).u32(data.length).u32(orig)
                .bytes(data).pad4();
        if (options != null) body.bytes(options.toArray());
        return block(6, body);
    }
}
