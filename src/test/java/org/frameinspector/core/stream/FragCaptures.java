package org.frameinspector.core.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.PcapWriter;

/**
 * Crafted Ethernet captures of an RFC 1006 exchange (TCP handshake, TPKT/COTP CR and CC, one DT TPDU, an ACK) whose
 * DT segment travels in IPv4 fragments or in IPv6 packets with a fragment header, with correct IPv4 header and TCP
 * checksums (TCP over the whole segment with the right pseudo-header), written with the product's {@link PcapWriter}.
 */
public final class FragCaptures {
    public static final byte[] C4 = {10, 0, 0, 1}, S4 = {10, 0, 0, 2};
    public static final byte[] C6 = v6("20010db8000000000000000000000001"), S6 = v6("20010db8000000000000000000000002");
    public static final int CPORT = 40001, SPORT = 102;
    /** User data of the fragmented DT: 600 bytes that no upper-layer heuristic claims. */
    public static final byte[] USER = pattern(600);

    private FragCaptures() {
    }

    static byte[] v6(String hex) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (0x41 + i % 26);
        return b;
    }

    // ------------------------------------------------------------------ TPKT / COTP

    public static byte[] tpkt(byte[] tpdu) {
        byte[] b = new byte[4 + tpdu.length];
        b[0] = 3;
        b[2] = (byte) (b.length >> 8);
        b[3] = (byte) b.length;
        System.arraycopy(tpdu, 0, b, 4, tpdu.length);
        return b;
    }

    public static byte[] cr() {
        return new byte[] {6 + 3, (byte) 0xE0, 0, 0, 0x00, 0x01, 0, (byte) 0xC0, 1, 0x0A};
    }

    public static byte[] cc() {
        return new byte[] {6 + 3, (byte) 0xD0, 0x00, 0x01, 0x00, 0x02, 0, (byte) 0xC0, 1, 0x0A};
    }

    public static byte[] dt(byte[] data) {
        byte[] t = new byte[3 + data.length];
        t[0] = 2;
        t[1] = (byte) 0xF0;
        t[2] = (byte) 0x80;
        System.arraycopy(data, 0, t, 3, data.length);
        return t;
    }

    // ------------------------------------------------------------------ TCP / IP / Ethernet

    /** A TCP segment (20-byte header + payload) with its checksum over the pseudo-header of src/dst. */
    public static byte[] tcp(byte[] src, byte[] dst, int sp, int dp, long seq, long ack, int flags, byte[] payload) {
        byte[] t = new byte[20 + payload.length];
        put16(t, 0, sp);
        put16(t, 2, dp);
        put32(t, 4, seq);
        put32(t, 8, ack);
        t[12] = 0x50;
        t[13] = (byte) flags;
        put16(t, 14, 8192);
        System.arraycopy(payload, 0, t, 20, payload.length);
        long sum = sum(src, 0, src.length) + sum(dst, 0, dst.length) + 6 + t.length + sum(t, 0, t.length);
        put16(t, 16, ~fold(sum) & 0xFFFF);
        return t;
    }

    /** An IPv4 packet: header (checksum filled in) + payload. */
    public static byte[] ipv4(byte[] src, byte[] dst, int id, boolean df, boolean mf, int offBytes, int proto,
                              byte[] payload) {
        byte[] p = new byte[20 + payload.length];
        p[0] = 0x45;
        put16(p, 2, p.length);
        put16(p, 4, id);
        put16(p, 6, (df ? 0x4000 : 0) | (mf ? 0x2000 : 0) | (offBytes / 8));
        p[8] = 64;
        p[9] = (byte) proto;
        System.arraycopy(src, 0, p, 12, 4);
        System.arraycopy(dst, 0, p, 16, 4);
        put16(p, 10, ~fold(sum(p, 0, 20)) & 0xFFFF);
        System.arraycopy(payload, 0, p, 20, payload.length);
        return p;
    }

    /** An IPv6 packet: 40-byte header + payload (which starts with the header named by nxt). */
    public static byte[] ipv6(byte[] src, byte[] dst, int nxt, byte[] payload) {
        byte[] p = new byte[40 + payload.length];
        p[0] = 0x60;
        put16(p, 4, payload.length);
        p[6] = (byte) nxt;
        p[7] = 64;
        System.arraycopy(src, 0, p, 8, 16);
        System.arraycopy(dst, 0, p, 24, 16);
        System.arraycopy(payload, 0, p, 40, payload.length);
        return p;
    }

    /** An IPv6 fragment header followed by the piece. */
    public static byte[] fragHeader(int nxt, int offBytes, boolean more, long id, byte[] piece) {
        byte[] h = new byte[8 + piece.length];
        h[0] = (byte) nxt;
        put16(h, 2, offBytes | (more ? 1 : 0));
        put32(h, 4, id);
        System.arraycopy(piece, 0, h, 8, piece.length);
        return h;
    }

    /** Ethernet II around an IP packet, padded to 60 bytes. */
    public static byte[] eth(boolean v6, byte[] ip, boolean fromClient) {
        byte[] f = new byte[Math.max(60, 14 + ip.length)];
        f[0] = 0x02;
        f[5] = (byte) (fromClient ? 2 : 1);
        f[6] = 0x02;
        f[11] = (byte) (fromClient ? 1 : 2);
        put16(f, 12, v6 ? 0x86DD : 0x0800);
        System.arraycopy(ip, 0, f, 14, ip.length);
        return f;
    }

    // ------------------------------------------------------------------ the exchange

    /** Where the DT segment is cut (offsets into the TCP segment; multiples of 8). */
    public static final int[] CUTS = {256, 512};

    /**
     * The exchange: SYN, SYN-ACK, ACK, CR, CC, then the DT segment (20 + 4 + 3 + 600 bytes) in three fragments sent in
     * {@code order} (indexes into the pieces), then the server's ACK. IPv4 packets other than the fragments have DF
     * set; the fragments have DF clear and ID 0x4242. Frame numbers start at 1, one millisecond apart.
     */
    public static List<Frame> exchange(boolean v6, int... order) {
        byte[] c = v6 ? C6 : C4, s = v6 ? S6 : S4;
        List<byte[]> frames = new ArrayList<>();
        int[] id = {0x100};
        long cs = 1000, ss = 5000;
        frames.add(pkt(v6, c, s, id, tcp(c, s, CPORT, SPORT, cs, 0, 0x02, new byte[0]), true));
        frames.add(pkt(v6, s, c, id, tcp(s, c, SPORT, CPORT, ss, cs + 1, 0x12, new byte[0]), false));
        cs++;
        ss++;
        frames.add(pkt(v6, c, s, id, tcp(c, s, CPORT, SPORT, cs, ss, 0x10, new byte[0]), true));
        byte[] crT = tpkt(cr());
        frames.add(pkt(v6, c, s, id, tcp(c, s, CPORT, SPORT, cs, ss, 0x18, crT), true));
        cs += crT.length;
        byte[] ccT = tpkt(cc());
        frames.add(pkt(v6, s, c, id, tcp(s, c, SPORT, CPORT, ss, cs, 0x18, ccT), false));
        ss += ccT.length;
        byte[] dtT = tpkt(dt(USER));
        byte[] seg = tcp(c, s, CPORT, SPORT, cs, ss, 0x18, dtT);
        cs += dtT.length;
        byte[][] pieces = {Arrays.copyOfRange(seg, 0, CUTS[0]), Arrays.copyOfRange(seg, CUTS[0], CUTS[1]),
                Arrays.copyOfRange(seg, CUTS[1], seg.length)};
        int[] offs = {0, CUTS[0], CUTS[1]};
        for (int i : order) {
            boolean more = i < pieces.length - 1;
            byte[] ip = v6 ? ipv6(c, s, 44, fragHeader(6, offs[i], more, 0xCAFE0001L, pieces[i]))
                    : ipv4(c, s, 0x4242, false, more, offs[i], 6, pieces[i]);
            frames.add(eth(v6, ip, true));
        }
        frames.add(pkt(v6, s, c, id, tcp(s, c, SPORT, CPORT, ss, cs, 0x10, new byte[0]), false));
        List<Frame> out = new ArrayList<>();
        long t = 1_700_000_000_000_000_000L;
        for (byte[] f : frames) out.add(new Frame(out.size() + 1, f, f.length, t += 1_000_000L, Frame.LINK_ETHERNET, 0, null));
        return out;
    }

    /** The DT segment's TCP bytes as sent (for checking the reassembled buffer). */
    public static int segmentLength() {
        return 20 + 4 + 3 + USER.length;
    }

    private static byte[] pkt(boolean v6, byte[] src, byte[] dst, int[] id, byte[] tcp, boolean fromClient) {
        byte[] ip = v6 ? ipv6(src, dst, 6, tcp) : ipv4(src, dst, id[0]++, true, false, 0, 6, tcp);
        return eth(v6, ip, fromClient);
    }

    public static Frame frame(int number, long timeNanos, byte[] data) {
        return new Frame(number, data, data.length, timeNanos, Frame.LINK_ETHERNET, 0, null);
    }

    public static Path write(Path file, List<Frame> frames) throws IOException {
        try (OutputStream o = Files.newOutputStream(file); PcapWriter w = new PcapWriter(o, Frame.LINK_ETHERNET, true)) {
            for (Frame f : frames) w.write(f);
        }
        return file;
    }

    // ------------------------------------------------------------------ bytes

    static long sum(byte[] b, int off, int len) {
        long s = 0;
        int i = off;
        for (; i + 1 < off + len; i += 2) s += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        if (i < off + len) s += (b[i] & 0xFF) << 8;
        return s;
    }

    static int fold(long s) {
        while ((s >>> 16) != 0) s = (s & 0xFFFF) + (s >>> 16);
        return (int) s;
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
