package org.frameinspector.core.input.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * A sliding read window over a capture: the whole array for in-memory input; for a file, a mapped region of 32 MiB
 * (or, where mapping fails, a 1 MiB buffer refilled by positional reads). Only used while indexing; the byte order applies to the multi-byte getters.
 */
final class Window {
    static final int DEFAULT_CAPACITY = 1 << 20;
    /** Bytes mapped at a time while indexing a file; progress and cancellation are checked once per region. */
    static final int MAP_REGION = 32 << 20;
    /** Region size in use (tests lower it to exercise progress and cancellation on small files). */
    static volatile int mapRegion = MAP_REGION;
    /** Read buffer size in use where the file is read, not mapped (tests lower it to make small files cross refills). */
    static volatile int readCapacity = DEFAULT_CAPACITY;

    private final FileChannel channel;
    private final long size;
    private final LongConsumer progress;
    private final BooleanSupplier cancelled;
    private ByteBuffer buf;
    private long start;
    private boolean mapping;

    Window(byte[] all) {
        this.channel = null;
        this.size = all.length;
        this.buf = ByteBuffer.wrap(all);
        this.progress = null;
        this.cancelled = null;
    }

    Window(FileChannel channel, long size, LongConsumer progress, BooleanSupplier cancelled) {
        this(channel, size, progress, cancelled, true);
    }

    /** @param map map regions of the file (fast on a busy machine) or read them into a 1 MiB buffer (less resident memory) */
    Window(FileChannel channel, long size, LongConsumer progress, BooleanSupplier cancelled, boolean map) {
        this.channel = channel;
        this.size = size;
        this.buf = map ? ByteBuffer.allocate(0) : ByteBuffer.allocateDirect(readCapacity);
        if (!map) this.buf.limit(0);
        this.mapping = map;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    long size() {
        return size;
    }

    void order(ByteOrder o) {
        buf.order(o);
    }

    ByteOrder order() {
        return buf.order();
    }

    /**
     * Makes bytes [pos, pos + n) readable. Returns false when they run past the end of the input. n must be a
     * length the caller has already checked against the input size (callers never ask for more than a block holds).
     */
    boolean ensure(long pos, int n) throws IOException {
        if (pos < 0 || n < 0 || pos + n > size) return false;
        if (pos >= start && pos + n <= start + buf.limit()) return true;
        if (channel == null) return false; // cannot happen: the array window covers the whole input
        if (cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("opening cancelled");
        if (progress != null) progress.accept(pos);
        ByteOrder o = buf.order();
        if (mapping) {
            try {
                // map instead of copying: on a busy machine copying is the slowest part of indexing
                long len = Math.min(Math.max(mapRegion, n), size - pos);
                buf = channel.map(FileChannel.MapMode.READ_ONLY, pos, len);
                buf.order(o);
                start = pos;
                return true;
            } catch (IOException | UnsupportedOperationException e) {
                mapping = false; // e.g. a file system without mmap: fall back to reads
                buf = ByteBuffer.allocateDirect(DEFAULT_CAPACITY);
                buf.order(o);
            }
        }
        if (n > buf.capacity()) {
            buf = ByteBuffer.allocateDirect(Math.max(n, buf.capacity() * 2));
            buf.order(o);
        }
        buf.clear();
        long want = Math.min(buf.capacity(), size - pos);
        buf.limit((int) want);
        start = pos;
        while (buf.hasRemaining()) {
            int r = channel.read(buf, start + buf.position());
            if (r < 0) break;
        }
        buf.flip();
        return buf.limit() >= n;
    }

    /** The current buffer (absolute getters, index = file offset - {@link #start()}), for tight scanning loops. */
    ByteBuffer buffer() {
        return buf;
    }

    long start() {
        return start;
    }

    int i32(long pos) {
        return buf.getInt((int) (pos - start));
    }

    long u32(long pos) {
        return buf.getInt((int) (pos - start)) & 0xFFFFFFFFL;
    }

    int u16(long pos) {
        return buf.getShort((int) (pos - start)) & 0xFFFF;
    }

    int u8(long pos) {
        return buf.get((int) (pos - start)) & 0xFF;
    }

    long i64(long pos) {
        return buf.getLong((int) (pos - start));
    }

    byte[] bytes(long pos, int n) {
        byte[] b = new byte[n];
        buf.get((int) (pos - start), b, 0, n);
        return b;
    }
}
