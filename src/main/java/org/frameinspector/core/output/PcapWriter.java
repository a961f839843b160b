package org.frameinspector.core.output;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.model.Frame;

/**
 * Writes classic pcap (little-endian, version 2.4) with microsecond or nanosecond timestamps and one link type,
 * streaming. pcap has no per-frame comments or interfaces; use {@link PcapngWriter} to keep those.
 */
public final class PcapWriter implements Closeable {
    /** Snap length written in the header unless one is given (libpcap's default). */
    public static final int DEFAULT_SNAPLEN = 262_144;

    private final OutputStream out;
    private final boolean nanos;
    private final int snaplen;
    private final ByteBuffer rec = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    private int linkType = -1; // -1: the header waits for the first frame
    private int firstFrame;
    private long frames;

    public PcapWriter(OutputStream out, int linkType, boolean nanos) throws IOException {
        this(out, linkType, nanos, DEFAULT_SNAPLEN);
    }

    /** Writes the file header at once. */
    public PcapWriter(OutputStream out, int linkType, boolean nanos, int snaplen) throws IOException {
        this(out, nanos, snaplen);
        header(linkType);
    }

    /**
     * A writer whose file header waits for the first frame, whose link type becomes the file's (Ethernet when
     * {@link #flush} comes first): for frames of an export, whose link type is known when they come.
     */
    public PcapWriter(OutputStream out, boolean nanos) {
        this(out, nanos, DEFAULT_SNAPLEN);
    }

    private PcapWriter(OutputStream out, boolean nanos, int snaplen) {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16);
        this.nanos = nanos;
        this.snaplen = snaplen;
    }

    private void header(int lt) throws IOException {
        checkLinkType(lt);
        linkType = lt;
        rec.clear();
        rec.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(snaplen).putInt(lt);
        out.write(rec.array(), 0, 24);
    }

    static void checkLinkType(int linkType) {
        if (linkType < 0 || linkType > 0xFFFF) {
            throw new IllegalArgumentException(linkType > 0xFFFF
                    ? "frames that start at " + Frame.linkTypeName(linkType) + " have no capture-file link type"
                    : "link type " + linkType + " is not valid");
        }
    }

    /**
     * Appends one frame; its link type must be the file's. Timestamps are truncated to µs in a µs file; pcap holds
     * unsigned 32-bit seconds, so a time before 1970 is written as the epoch and one after 2106 as the last second.
     */
    public void write(Frame f) throws IOException {
        if (linkType < 0) {
            header(f.linkType());
            firstFrame = f.number();
        }
        if (f.linkType() != linkType) {
            throw new IllegalArgumentException("frame " + f.number() + " has link type " + f.linkType()
                    + " (" + Frame.linkTypeName(f.linkType()) + ") but this pcap file is link type " + linkType
                    + " (" + Frame.linkTypeName(linkType) + (firstFrame > 0 ? ", from frame " + firstFrame : "")
                    + "); pcap holds one link type, write pcapng instead");
        }
        write(f.data(), f.capturedLength(), f.originalLength(), f.timestampNanos());
    }

    /**
     * Appends one record of the file's link type from {@code data[0, len)} (for generators that reuse one buffer).
     *
     * @param origLen the length on the wire (at least {@code len})
     */
    public void write(byte[] data, int len, int origLen, long timestampNanos) throws IOException {
        if (linkType < 0) throw new IllegalStateException("the link type of the file is not known yet");
        long ts = Math.max(0, timestampNanos); // unsigned seconds in pcap: before 1970 cannot be written
        long sec = Math.min(ts / 1_000_000_000L, 0xFFFFFFFFL);
        long frac = ts % 1_000_000_000L;
        if (!nanos) frac /= 1_000L;
        rec.clear();
        rec.putInt((int) sec).putInt((int) frac).putInt(len).putInt(Math.max(len, origLen));
        out.write(rec.array(), 0, 16);
        out.write(data, 0, len);
        frames++;
    }

    /** The file's link type. */
    public int linkType() {
        return linkType;
    }

    public long framesWritten() {
        return frames;
    }

    /** Writes every frame of {@code src} as pcap; the link type is the first frame's (Ethernet when empty). */
    public static void writeAll(FrameSource src, OutputStream out, boolean nanos) throws IOException {
        int lt = src.size() > 0 ? src.frame(0).linkType() : Frame.LINK_ETHERNET;
        PcapWriter w = new PcapWriter(out, lt, nanos);
        for (int i = 0; i < src.size(); i++) w.write(src.frame(i));
        w.flush();
    }

    public void flush() throws IOException {
        if (linkType < 0) header(Frame.LINK_ETHERNET);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
