package org.frameinspector.core.stream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.IpDatagram;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.model.SourcePart;

/**
 * IP fragment reassembly for the in-order pass, and the IPv4 Identification reuse check (IP4-ID-REUSE-FRAGMENTABLE).
 *
 * <p>Fragments are collected per datagram: IPv4 by (source, destination, protocol, Identification) (RFC 791 §3.2),
 * IPv6 by (source, destination, Identification) (RFC 8200 §4.5). When the last fragment (MF = 0) has been seen and no
 * byte before it is missing, the datagram's payload becomes a data source whose parts map every byte to the fragment
 * (frame and frame offset) it came from, and the dissector carries on from it in the frame that completed it.
 * Overlaps keep the first copy of each byte; overlapping bytes that differ are reported (IP-FRAGMENT-OVERLAP), and
 * for IPv6 so is any overlap that is not an exact duplicate (RFC 5722).
 *
 * <p>Memory is bounded: at most {@link #MAX_DATAGRAMS} datagrams and {@link #MAX_BYTES} fragment bytes are held (the
 * oldest datagram is given up first, IP-REASSEMBLY-LIMIT), a datagram older than {@link #REASSEMBLY_TIMEOUT_NANOS} is
 * dropped, each byte offset of a datagram is stored once (overlaps are not stored again) and nothing past 65,535 bytes
 * is stored, so a datagram never holds more than 65,535 bytes however hostile its offsets; the reassembled buffer is
 * only allocated once every byte is present. The ID table keeps at most {@link #MAX_IDS} keys (least recently used
 * dropped first).
 */
public final class IpFragments {
    /** Incomplete datagrams held at once. */
    public static final int MAX_DATAGRAMS = 256;
    /** Fragment bytes held over all incomplete datagrams. */
    public static final int MAX_BYTES = 4 << 20;
    /** Fragments per datagram (a 65,535-byte datagram in 8-byte fragments would need 8,192: only an attack does that). */
    public static final int MAX_FRAGMENTS = 1024;
    /** Largest datagram: IPv4 Total Length and IPv6 Payload Length are 16-bit (jumbograms are never fragmented). */
    public static final int MAX_DATAGRAM = 65535;
    /**
     * How long fragments wait for the rest of their datagram, in capture time. RFC 1122 §3.3.2 recommends a
     * reassembly timeout between 60 and 120 seconds; we take the lower bound (hosts that use less, such as Linux's
     * 30 s, would give up sooner, but a capture should show what a patient receiver could still assemble).
     */
    public static final long REASSEMBLY_TIMEOUT_NANOS = 60_000_000_000L;
    /**
     * "A short time" for IP4-ID-REUSE-FRAGMENTABLE: RFC 6864 requires the ID of a non-atomic datagram to be unique
     * for its source, destination and protocol within the maximum datagram lifetime (MDL). The MDL is taken as 120 s,
     * the value behind RFC 6864's (and RFC 4963's) arithmetic that a 16-bit ID wraps within the lifetime above
     * roughly 6.4 Mb/s of 1500-byte datagrams, and the upper end of the reassembly timeout RFC 1122 §3.3.2
     * recommends: a receiver may still hold fragments of the earlier datagram that long.
     */
    public static final long ID_REUSE_WINDOW_NANOS = 120_000_000_000L;
    /** Keys (source, destination, protocol, ID) remembered for the reuse check. */
    public static final int MAX_IDS = 16384;
    /** Fingerprints of fragments kept per datagram to tell an exact duplicate from a reused ID. */
    private static final int MAX_PRINTS = 16;

    /** IPv4: a = src &lt;&lt; 32 | dst, proto; IPv6: a..d the two addresses, proto -1 (not part of the key). */
    private record Key(int version, long a, long b, long c, long d, int proto, long id) {
        /**
         * Mixed, not the record's default: the default (31 * h + Long.hashCode(x)) of addresses that differ only in
         * their low bytes, as the hosts of one subnet do, falls into a few buckets, and the map's lookups became
         * tree searches on real traffic.
         */
        @Override
        public int hashCode() {
            long h = a * 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 29) ^ b) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 31) ^ c) * 0x94D049BB133111EBL;
            h = (h ^ (h >>> 29) ^ d) * 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 32) ^ (id << 16) ^ ((long) proto << 8) ^ version) * 0xBF58476D1CE4E5B9L;
            return (int) (h ^ (h >>> 32));
        }

        /** Field by field, not the record's generic equals (a method-handle chain, slow on this per-datagram path). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && a == k.a && id == k.id && b == k.b && c == k.c && d == k.d && proto == k.proto
                    && version == k.version;
        }
    }

    private record Piece(int offset, byte[] data, int frame, int frameOff) {
        int end() {
            return offset + data.length;
        }
    }

    private static final class Datagram {
        final Key key;
        final List<Piece> pieces = new ArrayList<>(4);
        final long[] prints = new long[MAX_PRINTS];
        int printCount, fragments, held;
        int total = -1, maxEnd, proto;
        int firstFrame, lastFrame;
        long lastTime;

        Datagram(Key key, int proto) {
            this.key = key;
            this.proto = proto;
        }
    }

    /** What the ID table remembers of a recent datagram: where it was and fingerprints of its fragments. */
    private record Seen(int frame, long time, long[] prints, int count) {
        boolean duplicate(long print) {
            for (int i = 0; i < count; i++) if (prints[i] == print) return true;
            return false;
        }
    }

    private final LinkedHashMap<Key, Datagram> pending = new LinkedHashMap<>();
    private int heldBytes;
    private final LinkedHashMap<Key, Seen> seen = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Seen> e) {
            return size() > MAX_IDS;
        }
    };
    private final CRC32 crc = new CRC32();

    /** Datagrams waiting for fragments (for tests and notes). */
    public int pendingDatagrams() {
        return pending.size();
    }

    /** Fragment bytes held. */
    public int heldBytes() {
        return heldBytes;
    }

    /** See {@link org.frameinspector.core.dissect.StreamHook#onIpDatagram}. */
    private final StreamEffects fx;

    IpFragments(StreamEffects fx) {
        this.fx = fx;
    }

    public DataSource onDatagram(Ctx ctx, Buf payload, IpDatagram ip) {
        try {
            return datagram(ctx, payload, ip);
        } catch (RuntimeException e) {
            fx.finding(ctx, "INSPECTOR-INTERNAL-ERROR", null, ip.version() == 6 ? "ipv6" : "ip", null, payload.sourceId(),
                    payload.start(), 0, e.getClass().getSimpleName() + " in IP reassembly", null);
            return null;
        }
    }

    private DataSource datagram(Ctx ctx, Buf payload, IpDatagram ip) {
        int fn = ctx.out().frame().number();
        long now = ctx.out().frame().timestampNanos();
        String layer = ip.version() == 6 ? "ipv6" : "ip";
        expire(now);
        Key k = key(ip);
        byte[] b = payload.bytes();
        int off = payload.start(), n = payload.length();
        long print = print(ip.offset(), b, off, n);
        Datagram dg = ip.fragment() ? pending.get(k) : null;
        if (dg == null) {
            Seen s = seen.get(k);
            boolean recent = s != null && Math.abs(now - s.time()) <= ID_REUSE_WINDOW_NANOS;
            if (recent && s.duplicate(print)) {
                // the same datagram or fragment again (a duplicated frame, not a new datagram): nothing to hold
                return null;
            }
            if (recent && ip.version() == 4 && !ip.df()) {
                String when = s.time() != 0 || now != 0 ? ", " + seconds(Math.abs(now - s.time())) + " earlier" : "";
                fx.finding(ctx, "IP4-ID-REUSE-FRAGMENTABLE", null, layer, ip.idField(), DataSource.FRAME,
                        ip.idField() != null ? ip.idField().offset() : payload.start(), ip.idField() != null ? 2 : 0,
                        Fmt.hex4((int) ip.id()) + " (" + ip.id() + ")",
                        "an ID not used for " + addr(ip, true) + " \u2192 " + addr(ip, false) + " protocol " + ip.proto()
                                + " within " + ID_REUSE_WINDOW_NANOS / 1_000_000_000L + " s (last used in frame "
                                + s.frame() + when + ")");
            }
            if (!ip.fragment()) {
                if (ip.version() == 4 && !ip.df()) seen.put(k, new Seen(fn, now, new long[] {print}, 1));
                return null;
            }
        }
        if (!ip.fragment()) return null;

        // ---- a fragment
        int start = ip.offset();
        long endL = (long) start + n;
        if (endL > MAX_DATAGRAM) {
            malformed(ctx, ip, layer, "offset " + start + " + " + n + " bytes ends at byte " + endL,
                    "at most " + MAX_DATAGRAM + " bytes in the datagram");
            return null;
        }
        int end = (int) endL;
        if (ip.more() && n % 8 != 0) {
            malformed(ctx, ip, layer, n + " bytes with More Fragments set", "a multiple of 8 bytes");
            if (ip.version() == 6) return null; // RFC 8200 §4.5: such a fragment must be discarded
        }
        if (dg == null) {
            while (pending.size() >= MAX_DATAGRAMS) evictOldest(ctx, ip, layer, MAX_DATAGRAMS + " incomplete datagrams");
            dg = new Datagram(k, ip.proto());
            dg.firstFrame = fn;
            pending.put(k, dg);
        }
        dg.lastFrame = fn;
        dg.lastTime = now;
        if (ip.version() == 6 && start == 0) dg.proto = ip.proto(); // the first fragment's Next Header counts
        for (int i = 0; i < dg.printCount; i++) {
            if (dg.prints[i] == print) return null; // an exact duplicate of a fragment we hold
        }
        if (dg.printCount < MAX_PRINTS) dg.prints[dg.printCount++] = print;
        if (++dg.fragments > MAX_FRAGMENTS) {
            limit(ctx, ip, layer, dg, MAX_FRAGMENTS + " fragments of one datagram");
            return null;
        }
        if (!ip.more()) {
            if (dg.total >= 0 && dg.total != end) {
                malformed(ctx, ip, layer, "a second last fragment, ending at byte " + end,
                        "one last fragment (the one in an earlier frame ends at byte " + dg.total + ")");
            } else if (end < dg.maxEnd) {
                malformed(ctx, ip, layer, "the last fragment ends at byte " + end,
                        "an end after every fragment (bytes up to " + dg.maxEnd + " were received)");
            } else {
                dg.total = end;
            }
        } else if (dg.total >= 0 && end > dg.total) {
            malformed(ctx, ip, layer, "a fragment ending at byte " + end, "at most byte " + dg.total
                    + " (set by the last fragment)");
        }
        dg.maxEnd = Math.max(dg.maxEnd, end);
        int stored = store(ctx, ip, layer, dg, b, off, start, n, fn);
        dg.held += stored;
        heldBytes += stored;
        while (heldBytes > MAX_BYTES && pending.size() > 1) {
            evictOldest(ctx, ip, layer, (MAX_BYTES >> 20) + " MiB of fragments");
        }
        if (heldBytes > MAX_BYTES) {
            limit(ctx, ip, layer, dg, (MAX_BYTES >> 20) + " MiB of fragments");
            return null;
        }
        if (dg.total < 0 || !complete(dg)) return null;
        return reassemble(ctx, ip, k, dg, fn, now);
    }

    /** Stores the bytes of [start, start+n) no piece holds yet; reports overlaps. Returns the bytes stored. */
    private int store(Ctx ctx, IpDatagram ip, String layer, Datagram dg, byte[] b, int off, int start, int n, int fn) {
        int end = start + n;
        int overlap = 0, differ = 0, firstFrame = -1;
        List<Piece> add = new ArrayList<>(2);
        int pos = start;
        for (Piece p : dg.pieces) {
            if (p.end() <= start) continue;
            if (p.offset() >= end) break;
            if (p.offset() > pos) add.add(piece(b, off, start, pos, p.offset(), fn));
            int a = Math.max(start, p.offset()), z = Math.min(end, p.end());
            for (int i = a; i < z; i++) if (p.data()[i - p.offset()] != b[off + i - start]) differ++;
            overlap += z - a;
            if (firstFrame < 0) firstFrame = p.frame();
            pos = Math.max(pos, z);
        }
        if (pos < end) add.add(piece(b, off, start, pos, end, fn));
        if (overlap > 0 && (differ > 0 || ip.version() == 6)) {
            String obs = differ > 0
                    ? differ + " of the " + overlap + " bytes it shares with the fragment from frame " + firstFrame
                            + " differ (bytes " + start + "-" + (end - 1) + " of the datagram; the first copy is kept)"
                    : overlap + " bytes of bytes " + start + "-" + (end - 1) + " were already carried by the fragment "
                            + "from frame " + firstFrame + " (same bytes, but not an exact duplicate)";
            fx.finding(ctx, "IP-FRAGMENT-OVERLAP", ip.version() == 6 ? Severity.VIOLATION : null, layer, ip.fragField(),
                    DataSource.FRAME, ip.fragField() != null ? ip.fragField().offset() : off,
                    ip.fragField() != null ? ip.fragField().length() : 0, obs, "no overlap");
        }
        int stored = 0;
        for (Piece p : add) {
            int at = 0;
            while (at < dg.pieces.size() && dg.pieces.get(at).offset() < p.offset()) at++;
            dg.pieces.add(at, p);
            stored += p.data().length;
        }
        return stored;
    }

    private static Piece piece(byte[] b, int off, int start, int from, int to, int fn) {
        byte[] d = new byte[to - from];
        System.arraycopy(b, off + from - start, d, 0, d.length);
        return new Piece(from, d, fn, off + from - start);
    }

    private static boolean complete(Datagram dg) {
        int pos = 0;
        for (Piece p : dg.pieces) {
            if (p.offset() > pos) return false;
            pos = Math.max(pos, p.end());
            if (pos >= dg.total) return true;
        }
        return pos >= dg.total;
    }

    private DataSource reassemble(Ctx ctx, IpDatagram ip, Key k, Datagram dg, int fn, long now) {
        byte[] bytes = new byte[dg.total];
        List<SourcePart> parts = new ArrayList<>(dg.pieces.size());
        int lo = Integer.MAX_VALUE, hi = 0;
        for (Piece p : dg.pieces) {
            if (p.offset() >= dg.total) break;
            int len = Math.min(p.data().length, dg.total - p.offset());
            System.arraycopy(p.data(), 0, bytes, p.offset(), len);
            parts.add(new SourcePart(p.frame(), p.frameOff(), p.offset(), len));
            lo = Math.min(lo, p.frame());
            hi = Math.max(hi, p.frame());
        }
        drop(k, dg);
        // IPv4 keeps the key for the reuse check whatever DF said (a fragment always could be fragmented); both keep
        // fingerprints so that a duplicated fragment arriving later is not taken for a new datagram
        seen.put(k, new Seen(fn, now, dg.prints, dg.printCount));
        String name = "Reassembled IPv" + ip.version() + " datagram (" + dg.total + " bytes, frame"
                + (lo == hi ? " " + lo : "s " + lo + "-" + hi) + ")";
        return fx.addSource(ctx, name, bytes, parts);
    }

    private void drop(Key k, Datagram dg) {
        pending.remove(k);
        heldBytes -= dg.held;
        dg.pieces.clear();
        dg.held = 0;
    }

    private void expire(long now) {
        Iterator<Datagram> it = pending.values().iterator();
        while (it.hasNext()) {
            Datagram dg = it.next();
            if (Math.abs(now - dg.lastTime) <= REASSEMBLY_TIMEOUT_NANOS) break;
            it.remove();
            heldBytes -= dg.held;
        }
    }

    private void evictOldest(Ctx ctx, IpDatagram ip, String layer, String limit) {
        Iterator<Datagram> it = pending.values().iterator();
        if (!it.hasNext()) return;
        Datagram old = it.next();
        it.remove();
        heldBytes -= old.held;
        fx.finding(ctx, "IP-REASSEMBLY-LIMIT", null, layer, null, DataSource.FRAME,
                ip.fragField() != null ? ip.fragField().offset() : 0, 0,
                "the datagram begun in frame " + old.firstFrame + " (" + old.held + " bytes held) was dropped to make room",
                limit);
    }

    private void limit(Ctx ctx, IpDatagram ip, String layer, Datagram dg, String limit) {
        drop(dg.key, dg);
        fx.finding(ctx, "IP-REASSEMBLY-LIMIT", null, layer, ip.fragField(), DataSource.FRAME,
                ip.fragField() != null ? ip.fragField().offset() : 0, 0,
                "the datagram begun in frame " + dg.firstFrame + " reached " + limit, limit);
    }

    private void malformed(Ctx ctx, IpDatagram ip, String layer, String observed, String expected) {
        fx.finding(ctx, "IP-FRAGMENT-MALFORMED", null, layer, ip.fragField(), DataSource.FRAME,
                ip.fragField() != null ? ip.fragField().offset() : 0, ip.fragField() != null ? ip.fragField().length() : 0,
                observed, expected);
    }

    private static Key key(IpDatagram ip) {
        byte[] b = ip.bytes();
        if (ip.version() == 4) {
            long a = (be(b, ip.srcOff(), 4) << 32) | be(b, ip.dstOff(), 4);
            return new Key(4, a, 0, 0, 0, ip.proto(), ip.id());
        }
        return new Key(6, be(b, ip.srcOff(), 8), be(b, ip.srcOff() + 8, 8), be(b, ip.dstOff(), 8),
                be(b, ip.dstOff() + 8, 8), -1, ip.id());
    }

    private static long be(byte[] b, int off, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) v = (v << 8) | (b[off + i] & 0xFF);
        return v;
    }

    /** offset (16 bits) | length (16 bits) | CRC-32 of the bytes. */
    private long print(int offset, byte[] b, int off, int n) {
        crc.reset();
        crc.update(b, off, n);
        return ((long) (offset & 0xFFFF) << 48) | ((long) (n & 0xFFFF) << 32) | crc.getValue();
    }

    private static String addr(IpDatagram ip, boolean src) {
        int o = src ? ip.srcOff() : ip.dstOff();
        return ip.version() == 6 ? Fmt.ipv6(ip.bytes(), o) : Fmt.ipv4(ip.bytes(), o);
    }

    /** "1.235 s": milliseconds rounded half up, as {@code %.3f} shows nanos / 1e9 (without a Formatter per call). */
    static String seconds(long nanos) {
        long ms = (nanos + 500_000) / 1_000_000;
        long frac = ms % 1000;
        return ms / 1000 + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac + " s";
    }
}
