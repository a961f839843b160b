package org.frameinspector.core.input.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.frameinspector.core.source.FrameCursor;
import org.frameinspector.core.source.FrameSource;
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
 * <p>Bad input gives an {@link InputException} naming the byte offset. A file cut short inside its last record keeps
 * the frames before it and reports a {@link CaptureWarning}. No length from the file is allocated before it has been
 * checked against the file size and a per-frame ceiling ({@link #MAX_FRAME_BYTES}).
 */
public final class CaptureIndex implements FrameSource {
    /** Largest captured length accepted for one frame (Wireshark's own ceiling is 256 KiB for most link types). */
    public static final int MAX_FRAME_BYTES = 64 << 20;
    /** pcap records may exceed a small snaplen up to this many bytes (libpcap's default snaplen). */
    static final int LENIENT_SNAPLEN = 262_144;
    private static final int PCAPNG_SHB = 0x0A0D0D0A, PCAPNG_IDB = 1, PCAPNG_PB = 2, PCAPNG_SPB = 3, PCAPNG_EPB = 6;
    private static final int MAX_OPTIONS_BYTES = 1 << 20;
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
            10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    private final String format;
    private final byte[] memory;       // in-memory input, or null
    private final FileChannel channel; // file input, or null
    private final long inputSize;
    private final List<CaptureInterface> interfaces = new ArrayList<>();
    private final List<CaptureWarning> warnings = new ArrayList<>();
    private final Map<Integer, String> comments = new HashMap<>();
    private ByteOrder firstOrder;
    private ByteOrder sectionOrder = ByteOrder.BIG_ENDIAN;

    private int count;
    private long[] offsets;
    private int[] capLens;
    private long[] stamps;
    private int[] origLens;   // null while every original length equals the captured length
    private int[] ifaces;     // null while every frame is on interface 0
    private boolean farFuture; // a timestamp beyond 2262 was warned about

    private CaptureIndex(String format, byte[] memory, FileChannel channel, long inputSize, ByteOrder firstOrder) {
        this.format = format;
        this.memory = memory;
        this.channel = channel;
        this.inputSize = inputSize;
        this.firstOrder = firstOrder;
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
     *                  {@link CancellationException} and the file is closed (may be null)
     */
    public static CaptureIndex open(Path file, LongConsumer progress, BooleanSupplier cancelled) throws InputException {
        return open(file, progress, cancelled, true);
    }

    /**
     * Indexes a capture file for one pass in order (with {@link #cursor()}): the file is read, not mapped, so the
     * resident memory stays at the index (about 20 bytes a frame) plus a few megabytes, whatever the file's size.
     */
    public static CaptureIndex openForOnePass(Path file) throws InputException {
        return open(file, null, null, false);
    }

    private static CaptureIndex open(Path file, LongConsumer progress, BooleanSupplier cancelled, boolean map)
            throws InputException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw InputException.io(file, e);
        } catch (SecurityException e) {
            throw new InputException(file + ": permission denied", -1, -1, -1);
        }
        boolean ok = false;
        try {
            long size = ch.size();
            Window w = new Window(ch, size, progress, cancelled, map);
            CaptureIndex idx = build(w, null, ch);
            if (progress != null) progress.accept(size);
            ok = true;
            return idx;
        } catch (IOException e) {
            throw InputException.io(file, e);
        } finally {
            if (!ok) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing useful to do
                }
            }
        }
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
        long size = w.size();
        if (!w.ensure(0, 4)) {
            throw InputException.atByte(size, "the file has only " + size + " bytes; a capture file header needs at least 24");
        }
        w.order(ByteOrder.BIG_ENDIAN);
        int magic = w.i32(0);
        CaptureIndex idx;
        try {
            switch (magic) {
                case 0xA1B2C3D4, 0xA1B23C4D -> {
                    idx = new CaptureIndex("pcap", memory, ch, size, ByteOrder.BIG_ENDIAN);
                    idx.indexPcap(w, ByteOrder.BIG_ENDIAN, magic == 0xA1B23C4D);
                }
                case 0xD4C3B2A1, 0x4D3CB2A1 -> {
                    idx = new CaptureIndex("pcap", memory, ch, size, ByteOrder.LITTLE_ENDIAN);
                    idx.indexPcap(w, ByteOrder.LITTLE_ENDIAN, magic == 0x4D3CB2A1);
                }
                case PCAPNG_SHB -> {
                    idx = new CaptureIndex("pcapng", memory, ch, size, null);
                    idx.indexPcapng(w);
                }
                default -> throw InputException.atByte(0, String.format(
                        "magic number %08X is neither pcap (A1B2C3D4, A1B23C4D) nor pcapng (0A0D0D0A)", magic));
            }
        } catch (RuntimeException e) {
            if (e instanceof CancellationException) throw e;
            // a reader bug must not escape as anything but an InputException for a file we could not read
            throw InputException.atByte(-1, "unreadable capture (" + e + ")");
        }
        return idx;
    }

    // ---------------------------------------------------------------- pcap

    /**
     * Damage after good frames (a block or record whose lengths or references are impossible) keeps the frames before
     * it, as tshark does, with a warning naming the byte offset; damage before the first frame makes the file
     * unreadable.
     */
    private interface Indexing {
        void run() throws IOException, InputException;
    }

    private void keepingFramesBeforeDamage(Indexing i) throws IOException, InputException {
        try {
            i.run();
        } catch (InputException e) {
            if (count == 0 || e.byteOffset() < 0) throw e;
            String reason = String.valueOf(e.getMessage()).replaceFirst("^at byte offset -?\\d+: ", "");
            warnings.add(new CaptureWarning(e.byteOffset(), reason + "; the " + count
                    + " frames before it are kept, the rest of the file is not read"));
        }
    }

    private void indexPcap(Window w, ByteOrder order, boolean nanos) throws IOException, InputException {
        keepingFramesBeforeDamage(() -> indexPcapRecords(w, order, nanos));
    }

    private void indexPcapRecords(Window w, ByteOrder order, boolean nanos) throws IOException, InputException {
        long size = w.size();
        if (!w.ensure(0, 24)) {
            throw InputException.atByte(size, "the pcap file header is cut short: the file has " + size
                    + " bytes, the header needs 24");
        }
        w.order(order);
        int major = w.u16(4), minor = w.u16(6);
        if (major != 2) {
            warnings.add(new CaptureWarning(4, "pcap version " + major + "." + minor + " (expected 2.4); reading it as 2.4"));
        }
        long snaplen = w.u32(16);
        int linkType = normalizeLinkType(w.i32(20) & 0xFFFF);
        interfaces.add(new CaptureInterface(0, 0, linkType, snaplen, null, nanos ? 9 : 6, 0));
        long limit = Math.max(LENIENT_SNAPLEN, Math.min(snaplen, MAX_FRAME_BYTES));
        long fracScale = nanos ? 1L : 1_000L;
        long pos = 24;
        while (pos < size) {
            if (w.ensure(pos, 16)) {
                pos = scanPcapWindow(w, pos, size, limit, fracScale);
                if (pos >= size) break;
            }
            if (!w.ensure(pos, 16)) {
                warnings.add(new CaptureWarning(pos, "the last record header is cut short (" + (size - pos)
                        + " of 16 bytes); the " + count + " frames before it are kept"));
                break;
            }
            long sec = w.u32(pos), frac = w.u32(pos + 4), incl = w.u32(pos + 8), orig = w.u32(pos + 12);
            if (incl > limit) {
                throw InputException.atByte(pos, "record at byte offset " + pos + " claims " + incl
                        + " bytes, more than the snaplen (" + snaplen + ") allows");
            }
            long data = pos + 16;
            if (data + incl > size) {
                warnings.add(new CaptureWarning(pos, "record at byte offset " + pos + " claims " + incl
                        + " bytes but only " + (size - data) + " remain: the file is cut short; the " + count
                        + " frames before it are kept"));
                break;
            }
            add(data, (int) incl, (int) Math.min(orig, Integer.MAX_VALUE), sec * 1_000_000_000L + frac * fracScale, 0);
            pos = data + incl;
        }
    }

    /**
     * Indexes the records whose headers lie wholly in the current window and whose lengths are sane, returning the
     * offset of the first record it did not take (the caller refills the window or reports the problem there).
     */
    private long scanPcapWindow(Window w, long pos, long size, long limit, long fracScale) {
        java.nio.ByteBuffer b = w.buffer();
        long start = w.start();
        int end = b.limit() - 16;
        int rel = (int) (pos - start);
        while (rel <= end) {
            long incl = b.getInt(rel + 8) & 0xFFFFFFFFL;
            long data = start + rel + 16;
            if (incl > limit || data + incl > size) break;
            long sec = b.getInt(rel) & 0xFFFFFFFFL, frac = b.getInt(rel + 4) & 0xFFFFFFFFL;
            long orig = b.getInt(rel + 12) & 0xFFFFFFFFL;
            add(data, (int) incl, (int) Math.min(orig, Integer.MAX_VALUE), sec * 1_000_000_000L + frac * fracScale, 0);
            long next = data + incl - start;
            if (next > Integer.MAX_VALUE) return data + incl;
            rel = (int) next;
        }
        return start + rel;
    }

    static int normalizeLinkType(int lt) {
        return lt == 12 || lt == 14 ? Frame.LINK_RAW : lt;
    }

    // ---------------------------------------------------------------- pcapng

    private void indexPcapng(Window w) throws IOException, InputException {
        keepingFramesBeforeDamage(() -> indexPcapngBlocks(w));
    }

    private void indexPcapngBlocks(Window w) throws IOException, InputException {
        long size = w.size();
        long pos = 0;
        int section = -1;
        int sectionBase = 0; // global id of the section's interface 0
        while (pos < size) {
            if (section >= 0 && w.ensure(pos, 12)) {
                w.order(sectionOrder);
                pos = scanEpbWindow(w, pos, size, sectionBase, interfaces.size() - sectionBase);
                if (pos >= size) break;
            }
            if (!w.ensure(pos, 12)) {
                if (pos == 0) {
                    throw InputException.atByte(size, "the pcapng section header is cut short: the file has " + size + " bytes");
                }
                warnings.add(new CaptureWarning(pos, "the last block header is cut short (" + (size - pos)
                        + " bytes left); the " + count + " frames before it are kept"));
                break;
            }
            w.order(ByteOrder.BIG_ENDIAN);
            int rawType = w.i32(pos);
            if (rawType == PCAPNG_SHB) {
                int bom = w.i32(pos + 8);
                if (bom == 0x1A2B3C4D) {
                    w.order(ByteOrder.BIG_ENDIAN);
                } else if (bom == 0x4D3C2B1A) {
                    w.order(ByteOrder.LITTLE_ENDIAN);
                } else {
                    throw InputException.atByte(pos + 8, String.format(
                            "section header byte-order magic is %08X, expected 1A2B3C4D in either byte order", bom));
                }
                section++;
                sectionBase = interfaces.size();
            } else if (section < 0) {
                throw InputException.atByte(0, "a pcapng file must start with a section header block");
            } else {
                w.order(sectionOrder);
            }
            int type = w.i32(pos);
            long len = w.u32(pos + 4);
            String what = blockName(type) + " at byte offset " + pos;
            if (len < 12 || (type == PCAPNG_SHB && len < 28)) {
                throw InputException.atByte(pos + 4, what + " claims a length of " + len + " bytes; the minimum is "
                        + (type == PCAPNG_SHB ? 28 : 12));
            }
            if (len % 4 != 0) {
                throw InputException.atByte(pos + 4, what + " claims a length of " + len
                        + " bytes, which is not a multiple of 4");
            }
            if (pos + len > size) {
                if (pos == 0) {
                    throw InputException.atByte(4, what + " claims " + len + " bytes but the file has only " + size);
                }
                warnings.add(new CaptureWarning(pos, what + " claims " + len + " bytes but only " + (size - pos)
                        + " remain: the file is cut short; the " + count + " frames before it are kept"));
                break;
            }
            if (!w.ensure(pos + len - 4, 4)) throw InputException.atByte(pos + len - 4, "cannot read block trailer");
            long trailer = w.u32(pos + len - 4);
            if (trailer != len) {
                throw InputException.atByte(pos + len - 4, what + ": trailing length " + trailer
                        + " does not match the leading length " + len);
            }
            int sectionIfaces = interfaces.size() - sectionBase;
            switch (type) {
                case PCAPNG_SHB -> {
                    w.ensure(pos, 28);
                    sectionOrder = w.order();
                    if (firstOrder == null) firstOrder = sectionOrder;
                    int major = w.u16(pos + 12);
                    if (major != 1) {
                        throw InputException.atByte(pos + 12, "pcapng major version " + major
                                + " is not supported (expected 1)");
                    }
                }
                case PCAPNG_IDB -> readIdb(w, pos, len, section, what);
                case PCAPNG_EPB, PCAPNG_PB -> {
                    if (len < 32) throw InputException.atByte(pos + 4, what + " is " + len + " bytes; the minimum is 32");
                    w.ensure(pos, 28);
                    long ifid = type == PCAPNG_EPB ? w.u32(pos + 8) : w.u16(pos + 8);
                    long tsHigh = w.u32(pos + 12), tsLow = w.u32(pos + 16);
                    long cap = w.u32(pos + 20), orig = w.u32(pos + 24);
                    long room = len - 32;
                    if (ifid >= sectionIfaces) {
                        throw InputException.atByte(pos + 8, what + " refers to interface " + ifid + " but the section has "
                                + sectionIfaces + " interface description(s) before it");
                    }
                    if (cap > room) {
                        throw InputException.atByte(pos + 20, what + " claims a captured length of " + cap
                                + " bytes, more than the block (" + room + " bytes of packet room) allows");
                    }
                    checkFrameSize(pos + 20, cap);
                    CaptureInterface iface = interfaces.get(sectionBase + (int) ifid);
                    long ts = iface.toNanos((tsHigh << 32) | tsLow);
                    long optStart = pos + 28 + pad4(cap), optEnd = pos + len - 4;
                    if (optEnd - optStart >= 4) readPacketOptions(w, optStart, optEnd, count);
                    add(pos + 28, (int) cap, (int) Math.min(orig, Integer.MAX_VALUE), ts, iface.id());
                }
                case PCAPNG_SPB -> {
                    if (len < 16) throw InputException.atByte(pos + 4, what + " is " + len + " bytes; the minimum is 16");
                    if (sectionIfaces == 0) {
                        throw InputException.atByte(pos, what + ": a simple packet block needs an interface description before it");
                    }
                    CaptureInterface iface = interfaces.get(sectionBase);
                    w.ensure(pos, 12);
                    long orig = w.u32(pos + 8);
                    long cap = Math.min(orig, len - 16);
                    if (iface.snaplen() > 0) cap = Math.min(cap, iface.snaplen());
                    checkFrameSize(pos + 8, cap);
                    add(pos + 12, (int) cap, (int) Math.min(orig, Integer.MAX_VALUE), 0L, iface.id());
                }
                default -> {
                    // name resolution, statistics, journal, custom and unknown blocks: skipped by length
                }
            }
            pos += len;
        }
        if (section < 0) throw InputException.atByte(0, "no pcapng section header");
    }

    /**
     * Fast path: indexes consecutive well-formed enhanced packet blocks without options that lie wholly in the
     * current window; returns the offset of the first block it did not take, which the general path then handles
     * (with all checks and messages).
     */
    private long scanEpbWindow(Window w, long pos, long size, int sectionBase, int sectionIfaces) {
        java.nio.ByteBuffer b = w.buffer();
        long start = w.start();
        long windowEnd = start + b.limit();
        while (pos + 32 <= windowEnd) {
            int rel = (int) (pos - start);
            if (b.getInt(rel) != PCAPNG_EPB) break;
            long len = b.getInt(rel + 4) & 0xFFFFFFFFL;
            long ifid = b.getInt(rel + 8) & 0xFFFFFFFFL;
            long cap = b.getInt(rel + 20) & 0xFFFFFFFFL;
            if (len < 32 || (len & 3) != 0 || pos + len > windowEnd || ifid >= sectionIfaces || cap > len - 32
                    || cap > MAX_FRAME_BYTES || len - 32 - pad4(cap) != 0
                    || (b.getInt(rel + (int) len - 4) & 0xFFFFFFFFL) != len) {
                break;
            }
            long tsHigh = b.getInt(rel + 12) & 0xFFFFFFFFL, tsLow = b.getInt(rel + 16) & 0xFFFFFFFFL;
            long orig = b.getInt(rel + 24) & 0xFFFFFFFFL;
            CaptureInterface iface = interfaces.get(sectionBase + (int) ifid);
            add(pos + 28, (int) cap, (int) Math.min(orig, Integer.MAX_VALUE), iface.toNanos((tsHigh << 32) | tsLow), iface.id());
            pos += len;
        }
        return pos;
    }

    private static void checkFrameSize(long at, long cap) throws InputException {
        if (cap > MAX_FRAME_BYTES) {
            throw InputException.atByte(at, "a packet claims " + cap + " captured bytes, more than the "
                    + MAX_FRAME_BYTES + " this reader accepts for one frame");
        }
    }

    private void readIdb(Window w, long pos, long len, int section, String what) throws IOException, InputException {
        if (len < 20) throw InputException.atByte(pos + 4, what + " is " + len + " bytes; the minimum is 20");
        w.ensure(pos, 20);
        int linkType = normalizeLinkType(w.u16(pos + 8));
        long snaplen = w.u32(pos + 12);
        String name = null;
        int tsresol = 6;
        long tsoffset = 0;
        long optStart = pos + 16, optEnd = pos + len - 4;
        if (optEnd - optStart >= 4) {
            if (optEnd - optStart > MAX_OPTIONS_BYTES) {
                warnings.add(new CaptureWarning(optStart, what + ": " + (optEnd - optStart)
                        + " bytes of options are too many to read; they are ignored"));
            } else {
                w.ensure(optStart, (int) (optEnd - optStart));
                long p = optStart;
                while (p + 4 <= optEnd) {
                    int code = w.u16(p), olen = w.u16(p + 2);
                    if (code == 0) break;
                    if (p + 4 + olen > optEnd) {
                        warnings.add(new CaptureWarning(p, what + ": option " + code + " claims " + olen
                                + " bytes, more than the block holds; the remaining options are ignored"));
                        break;
                    }
                    if (code == 2) name = new String(w.bytes(p + 4, olen), StandardCharsets.UTF_8);
                    else if (code == 9 && olen >= 1) tsresol = w.u8(p + 4);
                    else if (code == 14 && olen >= 8) tsoffset = w.i64(p + 4);
                    p += 4 + pad4(olen);
                }
            }
        }
        interfaces.add(new CaptureInterface(interfaces.size(), section, linkType, snaplen, name, tsresol, tsoffset));
    }

    private void readPacketOptions(Window w, long optStart, long optEnd, int frameIndex) throws IOException {
        if (optEnd - optStart > MAX_OPTIONS_BYTES) {
            warnings.add(new CaptureWarning(optStart, "frame " + (frameIndex + 1) + ": " + (optEnd - optStart)
                    + " bytes of options are too many to read; they are ignored"));
            return;
        }
        w.ensure(optStart, (int) (optEnd - optStart));
        long p = optStart;
        String comment = null;
        while (p + 4 <= optEnd) {
            int code = w.u16(p), olen = w.u16(p + 2);
            if (code == 0) break;
            if (p + 4 + olen > optEnd) {
                warnings.add(new CaptureWarning(p, "frame " + (frameIndex + 1) + ": option " + code + " claims "
                        + olen + " bytes, more than the block holds; the remaining options are ignored"));
                break;
            }
            if (code == 1) {
                String c = new String(w.bytes(p + 4, olen), StandardCharsets.UTF_8);
                comment = comment == null ? c : comment + "\n" + c;
            }
            p += 4 + pad4(olen);
        }
        if (comment != null) comments.put(frameIndex, comment);
    }

    private static String blockName(int type) {
        return switch (type) {
            case PCAPNG_SHB -> "section header block";
            case PCAPNG_IDB -> "interface description block";
            case PCAPNG_PB -> "packet block";
            case PCAPNG_SPB -> "simple packet block";
            case PCAPNG_EPB -> "enhanced packet block";
            default -> String.format("block of type 0x%08X", type);
        };
    }

    private static long pad4(long n) {
        return (n + 3) & ~3L;
    }

    /**
     * Converts a timestamp in pcapng if_tsresol units (10^-n s, or 2^-n s when the high bit is set) to ns. The
     * timestamp is unsigned (pcapng's 64 bits); one beyond what nanoseconds in a long can hold (after the year 2262)
     * becomes {@link Long#MAX_VALUE}.
     */
    static long unitsToNanos(long ts, int tsresol) {
        final long billion = 1_000_000_000L;
        if ((tsresol & 0x80) == 0) {
            int n = tsresol;
            if (n == 9) return ts < 0 ? Long.MAX_VALUE : ts;
            if (n < 9) return times(ts, POW10[9 - n]);
            return n - 9 < POW10.length ? Long.divideUnsigned(ts, POW10[n - 9]) : 0;
        }
        int n = tsresol & 0x7F;
        if (n == 0) return times(ts, billion);
        long sec = n >= 64 ? 0 : ts >>> n;
        long frac = n >= 64 ? ts : ts & ((1L << n) - 1);
        int bits = n;
        if (bits > 30) {
            frac = bits - 30 >= 64 ? 0 : frac >>> (bits - 30);
            bits = 30;
        }
        long ns = times(sec, billion);
        return ns == Long.MAX_VALUE ? ns : ns + ((frac * billion) >>> bits);
    }

    /** {@code unsigned * m}, or {@link Long#MAX_VALUE} when it does not fit. */
    private static long times(long unsigned, long m) {
        return Long.compareUnsigned(unsigned, Long.MAX_VALUE / m) > 0 ? Long.MAX_VALUE : unsigned * m;
    }

    // ---------------------------------------------------------------- arrays

    private void add(long dataOffset, int cap, int orig, long tsNanos, int iface) {
        if (tsNanos == Long.MAX_VALUE && !farFuture) {
            farFuture = true;
            warnings.add(new CaptureWarning(dataOffset, "frame " + (count + 1) + ": the timestamp lies beyond the "
                    + "year 2262, which nanoseconds cannot hold; it is shown as the latest time that can"));
        }
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

    /** "pcap" or "pcapng". */
    public String format() {
        return format;
    }

    /** Byte order of a pcap file (of the first section for pcapng). */
    public ByteOrder byteOrder() {
        return firstOrder;
    }

    @Override
    public int size() {
        return count;
    }

    public long inputSize() {
        return inputSize;
    }

    public List<CaptureInterface> interfaces() {
        return Collections.unmodifiableList(interfaces);
    }

    /** Problems that did not stop the file from opening, in file order. */
    public List<CaptureWarning> warnings() {
        return Collections.unmodifiableList(warnings);
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
        return interfaces.get(interfaceId(i)).linkType();
    }

    /** File offset of the frame's first packet byte. */
    public long dataOffset(int i) {
        check(i);
        return offsets[i];
    }

    /** pcapng opt_comment (several joined by newlines), or null. */
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

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a read-only channel
            }
        }
    }
}
