package org.frameinspector.core.input.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.frameinspector.core.source.FrameCursor;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.model.Frame;

/**
 * A pcap or pcapng capture, indexed in one pass and read frame by frame on demand.
 *
 * <p>Indexing keeps, per frame, only primitives in arrays grown by doubling: the file offset of the packet data, the
 * captured length and the timestamp (24 bytes); the original length and the interface only when they differ from
 * the captured length / interface 0; comments in a map holding just the frames that have one. A GUI can list every
 * frame from {@link #timestampNanos(int)}, {@link #capturedLength(int)}, {@link #originalLength(int)} and
 * {@link #linkType(int)} without reading packet bytes; {@link #frame(int)} reads one frame's bytes (a positional read,
 * safe from several threads).
 *
 * <p>The records are read by {@link CaptureReader}, which {@link CaptureStream} (one pass, no index) shares: bad input
 * gives an {@link InputException} naming the byte offset; a file cut short inside its last record keeps the frames
 * before it and reports a {@link CaptureWarning}. No length from the file is allocated before it has been checked
 * against the file size and a per-frame ceiling ({@link #MAX_FRAME_BYTES}).
 */
public final class CaptureIndex extends CaptureFile {
    /** Largest captured length accepted for one frame (Wireshark's own ceiling is 256 KiB for most link types). */
    public static final int MAX_FRAME_BYTES = 64 << 20;
    /** pcap records may exceed a small snaplen up to this many bytes (libpcap's default snaplen). */
    static final int LENIENT_SNAPLEN = 262_144;

    private final byte[] memory;       // in-memory input, or null
    private final Map<Integer, String> comments = new HashMap<>();

    private int count;
    private long[] offsets;
    private int[] capLens;
    private long[] stamps;
    private int[] origLens;   // null while every original length equals the captured length
    private int[] ifaces;     // null while every frame is on interface 0

    private CaptureIndex(CaptureReader r, byte[] memory, FileChannel channel, long inputSize) {
        super(r, channel, inputSize);
        this.memory = memory;
        int cap = (int) Math.max(16, Math.min(inputSize / 128, 1 << 20)); // grown by doubling
        offsets = new long[cap];
        capLens = new int[cap];
        stamps = new long[cap];
    }

    // ---------------------------------------------------------------- opening

    /** Indexes a capture file. */
    public static CaptureIndex open(Path file) throws InputException {
        return open(file, null, null);
    }

    /**
     * Indexes a capture file, reporting progress and checking for cancellation about every MiB.
     *
     * @param progress  receives the number of bytes processed so far (may be null)
     * @param cancelled polled while indexing; when it returns true the open stops with a
     *                  {@link java.util.concurrent.CancellationException} and the file is closed (may be null)
     */
    public static CaptureIndex open(Path file, LongConsumer progress, BooleanSupplier cancelled) throws InputException {
        return open(file, (ch, size) -> {
            CaptureIndex idx = build(new Window(ch, size, progress, cancelled, true), null, ch);
            if (progress != null) progress.accept(size);
            return idx;
        });
    }

    /** Indexes a capture held in memory (e.g. read from stdin). The array is kept, not copied. */
    public static CaptureIndex of(byte[] all) throws InputException {
        try {
            return build(new Window(all), all, null);
        } catch (IOException e) {
            throw new InputException(e.getMessage(), -1, -1, -1); // cannot happen for an array
        }
    }

    private static CaptureIndex build(Window w, byte[] memory, FileChannel ch) throws IOException, InputException {
        CaptureReader r = CaptureReader.start(w);
        CaptureIndex idx = new CaptureIndex(r, memory, ch, w.size());
        while (r.next()) {
            if (r.comment() != null) idx.comments.put(idx.count, r.comment());
            idx.add(r.dataOffset(), r.capturedLength(), r.originalLength(), r.timestampNanos(), r.interfaceId());
        }
        idx.readThrough(r);
        return idx;
    }

    // ---------------------------------------------------------------- arrays

    /** Keeps one frame as the reader described it ({@code orig} is at least {@code cap}). */
    private void add(long dataOffset, int cap, int orig, long tsNanos, int iface) {
        if (count == offsets.length) grow();
        int i = count;
        offsets[i] = dataOffset;
        capLens[i] = cap;
        stamps[i] = tsNanos;
        if (orig != cap && origLens == null) {
            origLens = Arrays.copyOf(capLens, offsets.length);
        }
        if (origLens != null) origLens[i] = orig;
        if (iface != 0 && ifaces == null) ifaces = new int[offsets.length];
        if (ifaces != null) ifaces[i] = iface;
        count++;
    }

    private void grow() {
        int n = (int) Math.min((long) offsets.length * 2, Integer.MAX_VALUE - 8);
        if (n <= offsets.length) throw new IllegalStateException("too many frames");
        offsets = Arrays.copyOf(offsets, n);
        capLens = Arrays.copyOf(capLens, n);
        stamps = Arrays.copyOf(stamps, n);
        if (origLens != null) origLens = Arrays.copyOf(origLens, n);
        if (ifaces != null) ifaces = Arrays.copyOf(ifaces, n);
    }

    // ---------------------------------------------------------------- access

    @Override
    public int size() {
        return count;
    }

    public long timestampNanos(int i) {
        check(i);
        return stamps[i];
    }

    public int capturedLength(int i) {
        check(i);
        return capLens[i];
    }

    public int originalLength(int i) {
        check(i);
        return origLens == null ? capLens[i] : Math.max(origLens[i], capLens[i]);
    }

    /** Interface id (see {@link CaptureInterface#id()}). */
    public int interfaceId(int i) {
        check(i);
        return ifaces == null ? 0 : ifaces[i];
    }

    public int linkType(int i) {
        return interfaces().get(interfaceId(i)).linkType();
    }

    /** File offset of the frame's first packet byte. */
    public long dataOffset(int i) {
        check(i);
        return offsets[i];
    }

    /** pcapng opt_comment (several joined by newlines), or null; read without the frame's bytes. */
    @Override
    public String comment(int i) {
        check(i);
        return comments.isEmpty() ? null : comments.get(i);
    }

    private void check(int i) {
        if (i < 0 || i >= count) throw new IndexOutOfBoundsException("frame index " + i + " of " + count);
    }

    /** Reads frame {@code i} (0-based); I/O errors (the file changed or vanished) are unchecked. */
    @Override
    public Frame frame(int i) {
        check(i);
        int len = capLens[i];
        long off = offsets[i];
        byte[] data;
        if (memory != null) {
            data = Arrays.copyOfRange(memory, (int) off, (int) off + len);
        } else {
            data = new byte[len];
            try {
                ByteBuffer chunk = chunk(off);
                if (chunk != null) {
                    chunk.get((int) (off & (CHUNK - 1)), data, 0, len);
                } else {
                    ByteBuffer bb = ByteBuffer.wrap(data);
                    while (bb.hasRemaining()) {
                        int r = channel.read(bb, off + bb.position());
                        if (r < 0) {
                            throw new IOException("frame " + (i + 1) + " at byte offset " + off
                                    + ": the file is shorter than when it was opened");
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InternalError e) { // access to a mapping of a file truncated since it was opened
                throw new UncheckedIOException(new IOException("frame " + (i + 1) + " at byte offset " + off
                        + ": the file changed since it was opened", e));
            }
        }
        return new Frame(i + 1, data, originalLength(i), stamps[i], linkType(i), interfaceId(i), comment(i));
    }

    /** Bytes read at a time by {@link #cursor()}. */
    static final int CURSOR_WINDOW = 1 << 20;

    /**
     * Reads the frames in order with positional reads into a 1 MiB window and copies each into one reused array: no
     * mapping, so a pass over a big file adds about a megabyte to the resident memory, not the file's size.
     */
    @Override
    public FrameCursor cursor() {
        return new FrameCursor() {
            private int i = -1;
            private byte[] buf = new byte[2048];
            private final ByteBuffer window = ByteBuffer.allocate(CURSOR_WINDOW);
            private long winStart = 0, winEnd = 0;

            @Override
            public boolean next() {
                if (i + 1 >= count) return false;
                i++;
                int len = capLens[i];
                long off = offsets[i];
                if (buf.length < len) buf = new byte[Math.max(len, buf.length * 2)];
                if (memory != null) {
                    System.arraycopy(memory, (int) off, buf, 0, len);
                } else if (len > CURSOR_WINDOW) {
                    read(ByteBuffer.wrap(buf, 0, len), off);
                } else {
                    if (off < winStart || off + len > winEnd) {
                        window.clear();
                        window.limit((int) Math.min(CURSOR_WINDOW, inputSize - off));
                        read(window, off);
                        winStart = off;
                        winEnd = off + window.position();
                    }
                    System.arraycopy(window.array(), (int) (off - winStart), buf, 0, len);
                }
                return true;
            }

            private void read(ByteBuffer bb, long at) {
                int want = bb.remaining();
                try {
                    while (bb.hasRemaining()) {
                        int r = channel.read(bb, at + (want - bb.remaining()));
                        if (r < 0) break;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (bb == window ? bb.position() < capLens[i] : bb.hasRemaining()) {
                    throw new UncheckedIOException(new IOException("frame " + (i + 1) + " at byte offset " + offsets[i]
                            + ": the file is shorter than when it was opened"));
                }
            }

            @Override public int number() { return i + 1; }
            @Override public byte[] bytes() { return buf; }
            @Override public int length() { return capLens[i]; }
            @Override public int originalLength() { return CaptureIndex.this.originalLength(i); }
            @Override public int linkType() { return CaptureIndex.this.linkType(i); }
            @Override public long timestampNanos() { return stamps[i]; }
            @Override public int interfaceId() { return CaptureIndex.this.interfaceId(i); }
            @Override public String comment() { return CaptureIndex.this.comment(i); }

            @Override
            public Frame frame() {
                return new Frame(i + 1, Arrays.copyOf(buf, capLens[i]), originalLength(), stamps[i], linkType(),
                        CaptureIndex.this.interfaceId(i), CaptureIndex.this.comment(i));
            }
        };
    }

    /** Frames are read from read-only mappings of 1 GiB chunks, each overlapping the next by the largest frame. */
    private static final long CHUNK = 1L << 30;
    private ByteBuffer[] chunks;
    private boolean mapFailed;

    private synchronized ByteBuffer chunk(long off) {
        if (mapFailed) return null;
        int k = (int) (off / CHUNK);
        if (chunks == null) chunks = new ByteBuffer[(int) ((inputSize + CHUNK - 1) / CHUNK) + 1];
        if (chunks[k] == null) {
            long from = k * CHUNK;
            try {
                chunks[k] = channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(CHUNK + MAX_FRAME_BYTES, inputSize - from));
            } catch (IOException | UnsupportedOperationException e) {
                mapFailed = true;
                return null;
            }
        }
        return chunks[k];
    }
}
