package org.frameinspector.core.output;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.model.Frame;

/**
 * Writes pcapng (little-endian, one section), streaming: a section header, then for every distinct pair of
 * (interface id, link type) an interface description block (nanosecond if_tsresol) just before the first packet on
 * it, and one enhanced packet block per frame. A frame's comment becomes an opt_comment option, so pcapng keeps
 * per-frame comments (pcap cannot).
 */
public final class PcapngWriter implements Closeable {
    private static final int SHB = 0x0A0D0D0A, IDB = 1, EPB = 6;
    private static final int OPT_COMMENT = 1, SHB_USERAPPL = 4, IF_TSRESOL = 9;

    private final OutputStream out;
    private final Map<Long, Integer> interfaceIds = new HashMap<>();
    private final ByteBuffer hdr = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    private long frames;

    /** Writes the section header block at once. */
    public PcapngWriter(OutputStream out) throws IOException {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16);
        byte[] opts = options(SHB_USERAPPL, "Frame Inspector".getBytes(StandardCharsets.UTF_8));
        int len = 28 + opts.length;
        hdr.clear();
        hdr.putInt(SHB).putInt(len).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        this.out.write(hdr.array(), 0, 24);
        this.out.write(opts);
        writeInt(len);
    }

    /** One option followed by opt_endofopt. */
    private static byte[] options(int code, byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(4 + pad4(value.length) + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) code).putShort((short) value.length).put(value);
        b.position(4 + pad4(value.length));
        b.putInt(0);
        return b.array();
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }

    private void writeInt(int v) throws IOException {
        hdr.clear();
        hdr.putInt(v);
        out.write(hdr.array(), 0, 4);
    }

    private int interfaceFor(Frame f) throws IOException {
        long key = ((long) f.interfaceId() << 32) | (f.linkType() & 0xFFFFFFFFL);
        Integer id = interfaceIds.get(key);
        if (id != null) return id;
        PcapWriter.checkLinkType(f.linkType());
        id = interfaceIds.size();
        interfaceIds.put(key, id);
        byte[] opts = options(IF_TSRESOL, new byte[] {9});
        int len = 20 + opts.length;
        hdr.clear();
        hdr.putInt(IDB).putInt(len).putShort((short) f.linkType()).putShort((short) 0).putInt(0);
        out.write(hdr.array(), 0, 16);
        out.write(opts);
        writeInt(len);
        return id;
    }

    /** Appends one frame (timestamps in ns; one before 1970, which pcapng cannot hold, as the epoch). */
    public void write(Frame f) throws IOException {
        int iface = interfaceFor(f);
        byte[] opts = null;
        if (f.comment() != null) {
            byte[] c = f.comment().getBytes(StandardCharsets.UTF_8);
            if (c.length > 0xFFFF) c = java.util.Arrays.copyOf(c, 0xFFFF); // an option holds at most 65535 bytes
            opts = options(OPT_COMMENT, c);
        }
        int cap = f.capturedLength();
        int len = 32 + pad4(cap) + (opts == null ? 0 : opts.length);
        long ts = Math.max(0, f.timestampNanos()); // unsigned in pcapng: before 1970 cannot be written
        hdr.clear();
        hdr.putInt(EPB).putInt(len).putInt(iface).putInt((int) (ts >>> 32)).putInt((int) ts)
                .putInt(cap).putInt(f.originalLength());
        out.write(hdr.array(), 0, 28);
        out.write(f.data());
        for (int i = cap; i < pad4(cap); i++) out.write(0);
        if (opts != null) out.write(opts);
        writeInt(len);
        frames++;
    }

    public long framesWritten() {
        return frames;
    }

    /** Writes every frame of {@code src} as pcapng. */
    public static void writeAll(FrameSource src, OutputStream out) throws IOException {
        PcapngWriter w = new PcapngWriter(out);
        for (int i = 0; i < src.size(); i++) w.write(src.frame(i));
        w.flush();
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
