package org.frameinspector.core.input.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.source.InputException;

/**
 * The one reader of pcap and pcapng records: file header, record headers, pcapng blocks, interface descriptions,
 * timestamps, comments, snaplen and captured-length checks, and the warnings about damage with their byte offsets.
 * It walks the file in order and describes one frame at a time ({@link #next()}), keeping nothing per frame.
 * {@link CaptureIndex} keeps what it describes in arrays (random access for the GUI); {@link CaptureStream} reads the
 * current frame's bytes from the same {@link Window} and moves on (one pass, memory independent of the capture).
 *
 * <p>Damage after good frames (a block or record whose lengths or references are impossible) ends the frames with a
 * warning naming the byte offset, as tshark does; damage before the first frame makes the file unreadable (an
 * {@link InputException}). No length from the file is used before it has been checked against the file size and the
 * per-frame ceiling ({@link CaptureIndex#MAX_FRAME_BYTES}).
 */
final class CaptureReader {
    static final int PCAPNG_SHB = 0x0A0D0D0A, PCAPNG_IDB = 1, PCAPNG_PB = 2, PCAPNG_SPB = 3, PCAPNG_EPB = 6;
    private static final int MAX_OPTIONS_BYTES = 1 << 20;
    /** Frames read from one file at most (frame numbers are ints); the rest of the file is left with a warning. */
    static final int MAX_FRAMES = Integer.MAX_VALUE - 8;
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
            10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    private final Window w;
    private final long size;
    private final String format;
    private final boolean pcapng;
    private final List<CaptureInterface> interfaces = new ArrayList<>();
    private final List<CaptureWarning> warnings = new ArrayList<>();
    private ByteOrder firstOrder;
    private ByteOrder sectionOrder = ByteOrder.BIG_ENDIAN;

    // pcap: the ceiling of a record's captured length and the timestamp fraction's scale to nanoseconds
    private long snaplen, limit, fracScale;
    // pcapng: the current section (-1 before the first) and the global id of its interface 0
    private int section = -1, sectionBase;

    private long pos;
    private boolean done;
    private boolean farFuture; // a timestamp beyond 2262 was warned about
    private int count;

    // the current frame
    private long dataOffset;
    private int capturedLength, originalLength, interfaceId;
    private long timestampNanos;
    private String comment;

    private CaptureReader(Window w, String format, ByteOrder firstOrder) {
        this.w = w;
        this.size = w.size();
        this.format = format;
        this.pcapng = "pcapng".equals(format);
        this.firstOrder = firstOrder;
    }

    /** Reads the magic number and (pcap) the file header; the frames follow with {@link #next()}. */
    static CaptureReader start(Window w) throws IOException, InputException {
        long size = w.size();
        if (!w.ensure(0, 4)) {
            throw InputException.atByte(size, "the file has only " + size + " bytes; a capture file header needs at least 24");
        }
        w.order(ByteOrder.BIG_ENDIAN);
        int magic = w.i32(0);
        CaptureReader r = switch (magic) {
            case 0xA1B2C3D4, 0xA1B23C4D -> new CaptureReader(w, "pcap", ByteOrder.BIG_ENDIAN);
            case 0xD4C3B2A1, 0x4D3CB2A1 -> new CaptureReader(w, "pcap", ByteOrder.LITTLE_ENDIAN);
            case PCAPNG_SHB -> new CaptureReader(w, "pcapng", null);
            default -> throw InputException.atByte(0, String.format(
                    "magic number %08X is neither pcap (A1B2C3D4, A1B23C4D) nor pcapng (0A0D0D0A)", magic));
        };
        if (!r.pcapng) {
            try {
                r.pcapHeader(magic == 0xA1B23C4D || magic == 0x4D3CB2A1);
            } catch (RuntimeException e) {
                throw unreadable(e);
            }
        }
        return r;
    }

    /**
     * Moves to the next frame: false at the end of the file or at damage after good frames (then with a warning).
     * Damage before the first frame is an {@link InputException}.
     */
    boolean next() throws IOException, InputException {
        if (done) return false;
        try {
            if (pcapng ? nextPcapng() : nextPcap()) return true;
            done = true;
            return false;
        } catch (InputException e) {
            done = true;
            if (count == 0 || e.byteOffset() < 0) throw e;
            String reason = String.valueOf(e.getMessage()).replaceFirst("^at byte offset -?\\d+: ", "");
            warnings.add(new CaptureWarning(e.byteOffset(), reason + "; the " + count
                    + " frames before it are kept, the rest of the file is not read"));
            return false;
        } catch (RuntimeException e) {
            done = true;
            throw unreadable(e);
        }
    }

    /** A reader bug must not escape as anything but an InputException for a file we could not read. */
    private static InputException unreadable(RuntimeException e) {
        if (e instanceof CancellationException c) throw c;
        return InputException.atByte(-1, "unreadable capture (" + e + ")");
    }

    // ---------------------------------------------------------------- the current frame

    /** File offset of the current frame's first packet byte. */
    long dataOffset() {
        return dataOffset;
    }

    int capturedLength() {
        return capturedLength;
    }

    /** The original length, never less than the captured length. */
    int originalLength() {
        return originalLength;
    }

    long timestampNanos() {
        return timestampNanos;
    }

    /** Interface id (see {@link CaptureInterface#id()}). */
    int interfaceId() {
        return interfaceId;
    }

    int linkType() {
        return interfaces.get(interfaceId).linkType();
    }

    /** pcapng opt_comment of the current frame (several joined by newlines), or null. */
    String comment() {
        return comment;
    }

    /** Frames read so far: the current frame's number. */
    int count() {
        return count;
    }

    Window window() {
        return w;
    }

    // ---------------------------------------------------------------- the file

    String format() {
        return format;
    }

    ByteOrder firstOrder() {
        return firstOrder;
    }

    /** The interfaces described so far (all of them at the end). */
    List<CaptureInterface> interfaces() {
        return interfaces;
    }

    /** The warnings so far, in file order. */
    List<CaptureWarning> warnings() {
        return warnings;
    }

    private void take(long data, long cap, long orig, long tsNanos, int iface, String frameComment) throws InputException {
        if (count == MAX_FRAMES) {
            throw InputException.atByte(data, "more than " + MAX_FRAMES + " frames are more than this reader numbers");
        }
        if (tsNanos == Long.MAX_VALUE && !farFuture) {
            farFuture = true;
            warnings.add(new CaptureWarning(data, "frame " + (count + 1) + ": the timestamp lies beyond the "
                    + "year 2262, which nanoseconds cannot hold; it is shown as the latest time that can"));
        }
        dataOffset = data;
        capturedLength = (int) cap;
        originalLength = (int) Math.max(Math.min(orig, Integer.MAX_VALUE), cap);
        timestampNanos = tsNanos;
        interfaceId = iface;
        comment = frameComment;
        count++;
    }

    // ---------------------------------------------------------------- pcap

    private void pcapHeader(boolean nanos) throws IOException, InputException {
        if (!w.ensure(0, 24)) {
            throw InputException.atByte(size, "the pcap file header is cut short: the file has " + size
                    + " bytes, the header needs 24");
        }
        w.order(firstOrder);
        int major = w.u16(4), minor = w.u16(6);
        if (major != 2) {
            warnings.add(new CaptureWarning(4, "pcap version " + major + "." + minor + " (expected 2.4); reading it as 2.4"));
        }
        snaplen = w.u32(16);
        int linkType = normalizeLinkType(w.i32(20) & 0xFFFF);
        interfaces.add(new CaptureInterface(0, 0, linkType, snaplen, null, nanos ? 9 : 6, 0));
        limit = Math.max(CaptureIndex.LENIENT_SNAPLEN, Math.min(snaplen, CaptureIndex.MAX_FRAME_BYTES));
        fracScale = nanos ? 1L : 1_000L;
        pos = 24;
    }

    private boolean nextPcap() throws IOException, InputException {
        // fast path: a record header wholly in the current window, with sane lengths
        ByteBuffer b = w.buffer();
        long rel = pos - w.start();
        if (rel >= 0 && rel <= b.limit() - 16) {
            int r = (int) rel;
            long incl = b.getInt(r + 8) & 0xFFFFFFFFL;
            long data = pos + 16;
            if (incl <= limit && data + incl <= size) {
                long sec = b.getInt(r) & 0xFFFFFFFFL, frac = b.getInt(r + 4) & 0xFFFFFFFFL;
                take(data, incl, b.getInt(r + 12) & 0xFFFFFFFFL, sec * 1_000_000_000L + frac * fracScale, 0, null);
                pos = data + incl;
                return true;
            }
        }
        if (pos >= size) return false;
        if (!w.ensure(pos, 16)) {
            warnings.add(new CaptureWarning(pos, "the last record header is cut short (" + (size - pos)
                    + " of 16 bytes); the " + count + " frames before it are kept"));
            return false;
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
            return false;
        }
        take(data, incl, orig, sec * 1_000_000_000L + frac * fracScale, 0, null);
        pos = data + incl;
        return true;
    }

    static int normalizeLinkType(int lt) {
        return lt == 12 || lt == 14 ? Frame.LINK_RAW : lt;
    }

    // ---------------------------------------------------------------- pcapng

    private boolean nextPcapng() throws IOException, InputException {
        while (pos < size) {
            if (section >= 0 && fastEpb()) return true;
            if (!w.ensure(pos, 12)) {
                if (pos == 0) {
                    throw InputException.atByte(size, "the pcapng section header is cut short: the file has " + size + " bytes");
                }
                warnings.add(new CaptureWarning(pos, "the last block header is cut short (" + (size - pos)
                        + " bytes left); the " + count + " frames before it are kept"));
                return false;
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
                return false;
            }
            if (!w.ensure(pos + len - 4, 4)) throw InputException.atByte(pos + len - 4, "cannot read block trailer");
            long trailer = w.u32(pos + len - 4);
            if (trailer != len) {
                throw InputException.atByte(pos + len - 4, what + ": trailing length " + trailer
                        + " does not match the leading length " + len);
            }
            int sectionIfaces = interfaces.size() - sectionBase;
            long at = pos;
            pos += len;
            switch (type) {
                case PCAPNG_SHB -> {
                    w.ensure(at, 28);
                    sectionOrder = w.order();
                    if (firstOrder == null) firstOrder = sectionOrder;
                    int major = w.u16(at + 12);
                    if (major != 1) {
                        throw InputException.atByte(at + 12, "pcapng major version " + major
                                + " is not supported (expected 1)");
                    }
                }
                case PCAPNG_IDB -> readIdb(at, len, what);
                case PCAPNG_EPB, PCAPNG_PB -> {
                    if (len < 32) throw InputException.atByte(at + 4, what + " is " + len + " bytes; the minimum is 32");
                    w.ensure(at, 28);
                    long ifid = type == PCAPNG_EPB ? w.u32(at + 8) : w.u16(at + 8);
                    long tsHigh = w.u32(at + 12), tsLow = w.u32(at + 16);
                    long cap = w.u32(at + 20), orig = w.u32(at + 24);
                    long room = len - 32;
                    if (ifid >= sectionIfaces) {
                        throw InputException.atByte(at + 8, what + " refers to interface " + ifid + " but the section has "
                                + sectionIfaces + " interface description(s) before it");
                    }
                    if (cap > room) {
                        throw InputException.atByte(at + 20, what + " claims a captured length of " + cap
                                + " bytes, more than the block (" + room + " bytes of packet room) allows");
                    }
                    checkFrameSize(at + 20, cap);
                    CaptureInterface iface = interfaces.get(sectionBase + (int) ifid);
                    long ts = iface.toNanos((tsHigh << 32) | tsLow);
                    long optStart = at + 28 + pad4(cap), optEnd = at + len - 4;
                    String c = optEnd - optStart >= 4 ? packetComment(optStart, optEnd) : null;
                    take(at + 28, cap, orig, ts, iface.id(), c);
                    return true;
                }
                case PCAPNG_SPB -> {
                    if (len < 16) throw InputException.atByte(at + 4, what + " is " + len + " bytes; the minimum is 16");
                    if (sectionIfaces == 0) {
                        throw InputException.atByte(at, what + ": a simple packet block needs an interface description before it");
                    }
                    CaptureInterface iface = interfaces.get(sectionBase);
                    w.ensure(at, 12);
                    long orig = w.u32(at + 8);
                    long cap = Math.min(orig, len - 16);
                    if (iface.snaplen() > 0) cap = Math.min(cap, iface.snaplen());
                    checkFrameSize(at + 8, cap);
                    take(at + 12, cap, orig, 0L, iface.id(), null);
                    return true;
                }
                default -> {
                    // name resolution, statistics, journal, custom and unknown blocks: skipped by length
                }
            }
        }
        if (section < 0) throw InputException.atByte(0, "no pcapng section header");
        return false;
    }

    /**
     * Fast path: a well-formed enhanced packet block without options that lies wholly in the current window; false
     * leaves it to the general path (with all checks and messages).
     */
    private boolean fastEpb() throws InputException {
        ByteBuffer b = w.buffer();
        long start = w.start();
        if (pos < start || pos + 32 > start + b.limit()) return false;
        w.order(sectionOrder);
        int rel = (int) (pos - start);
        if (b.getInt(rel) != PCAPNG_EPB) return false;
        long len = b.getInt(rel + 4) & 0xFFFFFFFFL;
        long ifid = b.getInt(rel + 8) & 0xFFFFFFFFL;
        long cap = b.getInt(rel + 20) & 0xFFFFFFFFL;
        if (len < 32 || (len & 3) != 0 || pos + len > start + b.limit() || ifid >= interfaces.size() - sectionBase
                || cap > len - 32 || cap > CaptureIndex.MAX_FRAME_BYTES || len - 32 - pad4(cap) != 0
                || (b.getInt(rel + (int) len - 4) & 0xFFFFFFFFL) != len) {
            return false;
        }
        long tsHigh = b.getInt(rel + 12) & 0xFFFFFFFFL, tsLow = b.getInt(rel + 16) & 0xFFFFFFFFL;
        long orig = b.getInt(rel + 24) & 0xFFFFFFFFL;
        CaptureInterface iface = interfaces.get(sectionBase + (int) ifid);
        take(pos + 28, cap, orig, iface.toNanos((tsHigh << 32) | tsLow), iface.id(), null);
        pos += len;
        return true;
    }

    private static void checkFrameSize(long at, long cap) throws InputException {
        if (cap > CaptureIndex.MAX_FRAME_BYTES) {
            throw InputException.atByte(at, "a packet claims " + cap + " captured bytes, more than the "
                    + CaptureIndex.MAX_FRAME_BYTES + " this reader accepts for one frame");
        }
    }

    private void readIdb(long at, long len, String what) throws IOException, InputException {
        if (len < 20) throw InputException.atByte(at + 4, what + " is " + len + " bytes; the minimum is 20");
        w.ensure(at, 20);
        int linkType = normalizeLinkType(w.u16(at + 8));
        long ifSnaplen = w.u32(at + 12);
        String name = null;
        int tsresol = 6;
        long tsoffset = 0;
        long optStart = at + 16, optEnd = at + len - 4;
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
        interfaces.add(new CaptureInterface(interfaces.size(), section, linkType, ifSnaplen, name, tsresol, tsoffset));
    }

    /** The opt_comment options of the packet block about to be taken (frame count + 1), or null. */
    private String packetComment(long optStart, long optEnd) throws IOException {
        int frame = count + 1;
        if (optEnd - optStart > MAX_OPTIONS_BYTES) {
            warnings.add(new CaptureWarning(optStart, "frame " + frame + ": " + (optEnd - optStart)
                    + " bytes of options are too many to read; they are ignored"));
            return null;
        }
        w.ensure(optStart, (int) (optEnd - optStart));
        long p = optStart;
        String c = null;
        while (p + 4 <= optEnd) {
            int code = w.u16(p), olen = w.u16(p + 2);
            if (code == 0) break;
            if (p + 4 + olen > optEnd) {
                warnings.add(new CaptureWarning(p, "frame " + frame + ": option " + code + " claims "
                        + olen + " bytes, more than the block holds; the remaining options are ignored"));
                break;
            }
            if (code == 1) {
                String s = new String(w.bytes(p + 4, olen), StandardCharsets.UTF_8);
                c = c == null ? s : c + "\n" + s;
            }
            p += 4 + pad4(olen);
        }
        return c;
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
}
