package org.frameinspector.core.filter;

import java.nio.charset.StandardCharsets;
import org.frameinspector.core.model.Severity;

/**
 * A value written in a filter, with every reading it has worked out at compile time (the field's type is only known
 * when matching): as an integer, as a byte sequence, as an address, as text. Which reading is used depends on the
 * value of the field it is compared with.
 */
final class Literal {
    final String text;
    final boolean quoted;
    final Long number;
    final byte[] bytes;
    final Addr.Parsed addr;
    /** Rank of a severity name (INFO 1, RISK 2, VIOLATION 3), or 0. */
    final int severityRank;

    private Literal(String text, boolean quoted, Long number, byte[] bytes, Addr.Parsed addr) {
        this.text = text;
        this.quoted = quoted;
        this.number = number;
        this.bytes = bytes;
        this.addr = addr;
        this.severityRank = severityRank(text);
    }

    static Literal string(String text, byte[] raw) {
        return new Literal(text, true, null, raw, Addr.parse(text));
    }

    static Literal number(long v) {
        return new Literal(Long.toString(v), false, v, null, null);
    }

    /** An unquoted word, or null when it is no number, byte sequence, address, boolean or severity name. */
    static Literal word(String w) {
        Long n = integer(w);
        byte[] b = byteSeq(w);
        Addr.Parsed a = Addr.parse(w);
        if (n == null && b == null && a == null && severityRank(w) == 0) return null;
        return new Literal(w, false, n, b, a);
    }

    static int severityRank(String s) {
        for (Severity v : Severity.values()) if (v.name().equalsIgnoreCase(s)) return rank(v);
        return 0;
    }

    static int rank(Severity s) {
        return Severity.values().length - s.ordinal();
    }

    /** The literal as bytes for a bytes field: its byte reading, else the string's bytes, else the address. */
    byte[] asBytes() {
        if (bytes != null) return bytes;
        if (addr != null) return addr.bytes();
        return quoted ? text.getBytes(StandardCharsets.UTF_8) : null;
    }

    /** Decimal, 0x hex, 0b binary, octal with a leading 0 (as Wireshark), optional '-'; true/false as 1/0. */
    static Long integer(String w) {
        if (w.equalsIgnoreCase("true")) return 1L;
        if (w.equalsIgnoreCase("false")) return 0L;
        String s = w;
        boolean neg = false;
        if (s.startsWith("-")) {
            neg = true;
            s = s.substring(1);
        }
        if (s.isEmpty()) return null;
        int radix = 10;
        if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            radix = 16;
            s = s.substring(2);
        } else if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'b' || s.charAt(1) == 'B')) {
            radix = 2;
            s = s.substring(2);
        } else if (s.length() > 1 && s.charAt(0) == '0') {
            radix = 8;
            s = s.substring(1);
        }
        long v = 0;
        for (int k = 0; k < s.length(); k++) {
            int d = Character.digit(s.charAt(k), radix);
            if (d < 0) return null;
            if (v > (Long.MAX_VALUE - d) / radix) return null;
            v = v * radix + d;
        }
        return neg ? -v : v;
    }

    /**
     * A byte sequence: hex bytes of one or two digits separated by ':', '.' or '-' (one kind throughout), or a
     * plain even-length run of hex digits ("0300").
     */
    static byte[] byteSeq(String w) {
        if (w.isEmpty()) return null;
        char sep = 0;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (c == ':' || c == '.' || c == '-') {
                if (sep == 0) sep = c;
                else if (c != sep) return null;
            } else if (Character.digit(c, 16) < 0) {
                return null;
            }
        }
        if (sep == 0) {
            if (w.length() % 2 != 0) return null;
            byte[] out = new byte[w.length() / 2];
            for (int k = 0; k < out.length; k++) {
                out[k] = (byte) (Character.digit(w.charAt(2 * k), 16) * 16 + Character.digit(w.charAt(2 * k + 1), 16));
            }
            return out;
        }
        String[] parts = w.split(sep == '.' ? "\\." : String.valueOf(sep), -1);
        byte[] out = new byte[parts.length];
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k];
            if (p.isEmpty() || p.length() > 2) return null;
            int v = 0;
            for (int j = 0; j < p.length(); j++) v = v * 16 + Character.digit(p.charAt(j), 16);
            out[k] = (byte) v;
        }
        return out;
    }

    @Override
    public String toString() {
        return quoted ? '"' + text + '"' : text;
    }
}
