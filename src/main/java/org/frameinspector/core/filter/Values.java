package org.frameinspector.core.filter;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.frameinspector.core.model.Field;

/**
 * How a field value compares with a literal or with another value. Values are {@link Field}s (their
 * {@link Field#value()} decides: Long, String, byte[] or null), or plain Long / String / byte[] / {@link Rank} from
 * the pseudo-fields and slices. {@link #NONE} means "these cannot be compared", which makes every ordering false.
 */
final class Values {
    static final int NONE = Integer.MIN_VALUE;

    /** A finding severity, ordered INFO 1 &lt; RISK 2 &lt; VIOLATION 3. */
    record Rank(int rank, String name) {
    }

    private Values() {
    }

    static Object raw(Object v) {
        Object r = v instanceof Field f ? f.value() : v;
        if (r instanceof Integer i) return (long) i;
        if (r instanceof Short s) return (long) s;
        if (r instanceof Byte b) return (long) (b & 0xFF);
        if (r instanceof Boolean b) return b ? 1L : 0L;
        return r;
    }

    /** The value as text: strings themselves, bytes one char per byte, numbers as displayed; null if none. */
    static String text(Object v) {
        Object r = raw(v);
        if (r instanceof String s) return s;
        if (r instanceof byte[] b) return new String(b, StandardCharsets.ISO_8859_1);
        if (r instanceof Rank k) return k.name();
        if (v instanceof Field f) return f.display();
        return r == null ? null : r.toString();
    }

    /** Equality, with "/n" prefixes on address literals meaning "in this network". */
    static boolean eq(Object v, Literal l) {
        if (l.addr != null && l.addr.prefix() < l.addr.bytes().length * 8) {
            Object r = raw(v);
            byte[] b = r instanceof String s ? addrBytes(s, l.addr.family())
                    : r instanceof byte[] x && x.length == l.addr.bytes().length ? x : null;
            if (b != null) return samePrefix(b, l.addr.bytes(), l.addr.prefix());
        }
        return cmp(v, l) == 0;
    }

    static int cmp(Object v, Literal l) {
        Object r = raw(v);
        if (r instanceof Long x) {
            if (l.number != null) return Long.compare(x, l.number);
            if (!l.quoted && l.bytes != null && l.bytes.length <= 8) return Long.compare(x, bigEndian(l.bytes));
            if (l.quoted) {
                String t = text(v);
                return t == null ? NONE : sign(t.compareTo(l.text));
            }
            return NONE;
        }
        if (r instanceof String s) {
            if (l.addr != null) {
                byte[] b = addrBytes(s, l.addr.family());
                if (b != null) return bytes(b, l.addr.bytes());
            }
            return sign(s.compareTo(l.text));
        }
        if (r instanceof byte[] b) {
            byte[] lb = l.asBytes();
            if (lb != null) return bytes(b, lb);
            if (l.number != null && b.length > 0 && b.length <= 8) return Long.compare(bigEndian(b), l.number);
            return NONE;
        }
        if (r instanceof Rank k) {
            if (l.severityRank > 0) return Integer.compare(k.rank(), l.severityRank);
            if (l.number != null) return Long.compare(k.rank(), l.number);
            return NONE;
        }
        return NONE;
    }

    /** Field against field. */
    static int cmp(Object a, Object b) {
        Object x = raw(a), y = raw(b);
        if (x == null || y == null) return NONE;
        if (x instanceof Long p && y instanceof Long q) return Long.compare(p, q);
        if (x instanceof byte[] p && y instanceof byte[] q) return bytes(p, q);
        if (x instanceof Rank p && y instanceof Rank q) return Integer.compare(p.rank(), q.rank());
        if (x instanceof String p && y instanceof String q) {
            Addr.Parsed pa = Addr.parseBare(p), qa = pa == null ? null : Addr.parseBare(q);
            if (qa != null && pa.family() == qa.family()) return bytes(pa.bytes(), qa.bytes());
            return sign(p.compareTo(q));
        }
        if (x instanceof Long p && y instanceof byte[] q && q.length <= 8) return Long.compare(p, bigEndian(q));
        if (x instanceof byte[] p && y instanceof Long q && p.length <= 8) return Long.compare(bigEndian(p), q);
        String s = text(a), t = text(b);
        return s == null || t == null ? NONE : sign(s.compareTo(t));
    }

    static boolean contains(Object v, Literal l) {
        Object r = raw(v);
        if (r instanceof byte[] b) {
            byte[] lb = l.asBytes();
            return lb != null && indexOf(b, lb) >= 0;
        }
        String t = text(v);
        return t != null && t.contains(l.text);
    }

    static boolean matches(Object v, Pattern p) {
        String t = text(v);
        return t != null && p.matcher(t).find();
    }

    private static byte[] addrBytes(String s, int family) {
        byte[] b = switch (family) {
            case Addr.IPV4 -> Addr.ipv4(s);
            case Addr.MAC -> Addr.mac(s);
            default -> Addr.ipv6(s);
        };
        return b;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        if (a.length != b.length) return false;
        int full = bits / 8, rest = bits % 8;
        for (int k = 0; k < full; k++) if (a[k] != b[k]) return false;
        if (rest == 0) return true;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (b[full] & mask);
    }

    static long bigEndian(byte[] b) {
        long v = 0;
        for (byte x : b) v = (v << 8) | (x & 0xFF);
        return v;
    }

    /** Unsigned lexicographic order; a proper prefix sorts first. */
    static int bytes(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int k = 0; k < n; k++) {
            int d = (a[k] & 0xFF) - (b[k] & 0xFF);
            if (d != 0) return d < 0 ? -1 : 1;
        }
        return Integer.compare(a.length, b.length);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        if (needle.length == 0) return 0;
        outer:
        for (int k = 0; k + needle.length <= hay.length; k++) {
            for (int j = 0; j < needle.length; j++) if (hay[k + j] != needle[j]) continue outer;
            return k;
        }
        return -1;
    }

    private static int sign(int c) {
        return Integer.signum(c);
    }
}
