package org.frameinspector.core.dissect;

import org.frameinspector.core.model.DataSource;

/**
 * A bounded view of a data source. All offsets are absolute offsets in the source, so fields built from a view point
 * at the right bytes of the frame (or reassembled buffer). Reads past {@link #end()} throw {@link ShortData}.
 */
public final class Buf {
    private final DataSource source;
    private final byte[] b;
    private final int start;
    private final int end;

    public Buf(DataSource source, int start, int end) {
        this.source = source;
        this.b = source.bytes();
        this.start = Math.max(0, start);
        this.end = Math.min(Math.max(end, this.start), b.length);
    }

    public static Buf of(DataSource s) {
        return new Buf(s, 0, s.bytes().length);
    }

    public DataSource source() { return source; }
    public String sourceId() { return source.id(); }
    public byte[] bytes() { return b; }
    public int start() { return start; }
    public int end() { return end; }
    public int length() { return end - start; }

    /** Bytes available from {@code off} to the end of the view (0 if outside). */
    public int avail(int off) {
        return off < start || off >= end ? 0 : end - off;
    }

    public boolean has(int off, int n) {
        return off >= start && n >= 0 && off + n <= end;
    }

    /** A narrower view [from, from+len), clipped to this one. */
    public Buf slice(int from, int len) {
        int s = Math.max(start, from);
        long e = Math.min((long) end, (long) from + Math.max(0, len));
        return new Buf(source, s, (int) Math.max(s, e));
    }

    public Buf from(int off) {
        return slice(off, end - off);
    }

    public int u8(int off) {
        check(off, 1);
        return b[off] & 0xFF;
    }

    public int u16(int off) {
        check(off, 2);
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    public int u16le(int off) {
        check(off, 2);
        return ((b[off + 1] & 0xFF) << 8) | (b[off] & 0xFF);
    }

    public int u24(int off) {
        check(off, 3);
        return ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
    }

    public long u32(int off) {
        check(off, 4);
        return ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
                | (b[off + 3] & 0xFF);
    }

    public long u32le(int off) {
        check(off, 4);
        return ((long) (b[off + 3] & 0xFF) << 24) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8)
                | (b[off] & 0xFF);
    }

    /** Big-endian unsigned integer of 1..8 bytes. */
    public long uint(int off, int n) {
        check(off, n);
        long v = 0;
        for (int i = 0; i < n; i++) v = (v << 8) | (b[off + i] & 0xFF);
        return v;
    }

    public byte[] copy(int off, int n) {
        check(off, n);
        byte[] out = new byte[n];
        System.arraycopy(b, off, out, 0, n);
        return out;
    }

    /** Safe peek: the byte at off or -1 when outside the view. */
    public int peek(int off) {
        return off >= start && off < end ? b[off] & 0xFF : -1;
    }

    private void check(int off, int n) {
        if (off < start || n < 0 || off + n > end) throw new ShortData(off, n, end);
    }
}
