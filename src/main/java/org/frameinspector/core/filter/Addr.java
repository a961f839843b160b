package org.frameinspector.core.filter;

/** Parses IPv4, IPv6 and MAC text (no name lookups, no regular expressions). */
final class Addr {
    static final int IPV4 = 4, IPV6 = 6, MAC = 48;

    /** A parsed address: family, bytes and prefix length in bits (the full width without "/n"). */
    record Parsed(int family, byte[] bytes, int prefix) {
    }

    private Addr() {
    }

    /** Parses an address with an optional /prefix (IPv4 and IPv6 only); null if the text is none. */
    static Parsed parse(String s) {
        int slash = s.indexOf('/');
        String a = slash < 0 ? s : s.substring(0, slash);
        Parsed p = parseBare(a);
        if (p == null || slash < 0) return p;
        if (p.family() == MAC) return null;
        String n = s.substring(slash + 1);
        if (n.isEmpty() || n.length() > 3) return null;
        int bits = 0;
        for (int k = 0; k < n.length(); k++) {
            char c = n.charAt(k);
            if (c < '0' || c > '9') return null;
            bits = bits * 10 + (c - '0');
        }
        if (bits > p.bytes().length * 8) return null;
        return new Parsed(p.family(), p.bytes(), bits);
    }

    static Parsed parseBare(String s) {
        byte[] b = ipv4(s);
        if (b != null) return new Parsed(IPV4, b, 32);
        b = mac(s);
        if (b != null) return new Parsed(MAC, b, 48);
        b = ipv6(s);
        if (b != null) return new Parsed(IPV6, b, 128);
        return null;
    }

    static byte[] ipv4(String s) {
        byte[] out = new byte[4];
        int part = 0, val = -1, digits = 0;
        for (int k = 0; k <= s.length(); k++) {
            char c = k < s.length() ? s.charAt(k) : '.';
            if (c == '.') {
                if (val < 0 || part > 3) return null;
                out[part++] = (byte) val;
                val = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                val = (val < 0 ? 0 : val * 10) + (c - '0');
                if (++digits > 3 || val > 255) return null;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    /** Six bytes of two hex digits separated by ':' or '-' (all the same), or three groups of four split by '.'. */
    static byte[] mac(String s) {
        if (s.length() == 17) {
            char sep = s.charAt(2);
            if (sep != ':' && sep != '-') return null;
            byte[] out = new byte[6];
            for (int k = 0; k < 6; k++) {
                int h = Character.digit(s.charAt(3 * k), 16), l = Character.digit(s.charAt(3 * k + 1), 16);
                if (h < 0 || l < 0 || (k < 5 && s.charAt(3 * k + 2) != sep)) return null;
                out[k] = (byte) (h * 16 + l);
            }
            return out;
        }
        if (s.length() == 14 && s.charAt(4) == '.' && s.charAt(9) == '.') {
            byte[] out = new byte[6];
            int o = 0;
            for (int k = 0; k < 14; k += 2) {
                if (k == 4 || k == 9) k++;
                if (k >= 14) break;
                int h = Character.digit(s.charAt(k), 16), l = Character.digit(s.charAt(k + 1), 16);
                if (h < 0 || l < 0) return null;
                out[o++] = (byte) (h * 16 + l);
            }
            return o == 6 ? out : null;
        }
        return null;
    }

    /** RFC 4291 text forms, including "::" and an embedded dotted IPv4 tail. */
    static byte[] ipv6(String s) {
        if (s.indexOf(':') < 0) return null;
        int[] words = new int[8];
        int n = 0, gap = -1;
        int k = 0, len = s.length();
        if (s.startsWith("::")) {
            gap = 0;
            k = 2;
            if (len == 2) return new byte[16];
        } else if (s.startsWith(":")) {
            return null;
        }
        while (k < len) {
            int st = k;
            int v = 0;
            while (k < len && Character.digit(s.charAt(k), 16) >= 0 && k - st < 4) v = v * 16 + Character.digit(s.charAt(k++), 16);
            if (k < len && s.charAt(k) == '.') { // IPv4 tail
                byte[] v4 = ipv4(s.substring(st));
                if (v4 == null || n > 6) return null;
                words[n++] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                words[n++] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
                k = len;
                break;
            }
            if (k == st || n >= 8) return null;
            words[n++] = v;
            if (k == len) break;
            if (s.charAt(k) != ':') return null;
            k++;
            if (k < len && s.charAt(k) == ':') {
                if (gap >= 0) return null;
                gap = n;
                k++;
                if (k == len) break;
            } else if (k == len) {
                return null;
            }
        }
        if (gap < 0 && n != 8) return null;
        if (gap >= 0 && n > 7) return null;
        int[] full = new int[8];
        if (gap < 0) {
            System.arraycopy(words, 0, full, 0, 8);
        } else {
            System.arraycopy(words, 0, full, 0, gap);
            int tail = n - gap;
            System.arraycopy(words, gap, full, 8 - tail, tail);
        }
        byte[] out = new byte[16];
        for (int w = 0; w < 8; w++) {
            out[2 * w] = (byte) (full[w] >>> 8);
            out[2 * w + 1] = (byte) full[w];
        }
        return out;
    }
}
