package org.frameinspector.core.model;

/** Formatting helpers that produce values the way Wireshark displays them. */
public final class Fmt {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Fmt() {
    }

    /** "0x0a" style with the given number of hex digits. */
    public static String hex(long v, int digits) {
        char[] c = new char[digits + 2];
        c[0] = '0';
        c[1] = 'x';
        for (int i = digits + 1; i >= 2; i--) {
            c[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(c);
    }

    public static String hex2(int v) { return hex(v, 2); }
    public static String hex4(int v) { return hex(v, 4); }

    /** Lowercase hex of a byte range without separators. */
    public static String hex(byte[] b, int off, int len) {
        char[] c = new char[len * 2];
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xFF;
            c[2 * i] = HEX[v >> 4];
            c[2 * i + 1] = HEX[v & 0xF];
        }
        return new String(c);
    }

    public static String hex(byte[] b) {
        return hex(b, 0, b.length);
    }

    /** Colon-separated hex like Wireshark's FT_BYTES display ("53:57:49"). */
    public static String colonHex(byte[] b, int off, int len) {
        if (len <= 0) return "";
        byte[] out = new byte[len * 3 - 1];
        for (int i = 0, o = 0; i < len; i++) {
            if (i > 0) out[o++] = ':';
            int v = b[off + i] & 0xFF;
            out[o++] = (byte) HEX[v >> 4];
            out[o++] = (byte) HEX[v & 0xF];
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public static String mac(byte[] b, int off) {
        return colonHex(b, off, 6);
    }

    public static String ipv4(byte[] b, int off) {
        byte[] out = new byte[15];
        int o = 0;
        for (int i = 0; i < 4; i++) {
            if (i > 0) out[o++] = '.';
            int v = b[off + i] & 0xFF;
            if (v >= 100) out[o++] = (byte) ('0' + v / 100);
            if (v >= 10) out[o++] = (byte) ('0' + v / 10 % 10);
            out[o++] = (byte) ('0' + v % 10);
        }
        return new String(out, 0, o, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** RFC 5952 text form, as Wireshark shows IPv6 addresses. */
    public static String ipv6(byte[] b, int off) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) w[i] = ((b[off + 2 * i] & 0xFF) << 8) | (b[off + 2 * i + 1] & 0xFF);
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] == 0) {
                int j = i;
                while (j < 8 && w[j] == 0) j++;
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else i++;
        }
        // IPv4-mapped / compatible forms
        if (bestStart == 0 && (bestLen == 5 && w[5] == 0xFFFF || bestLen == 6 && (w[6] != 0 || w[7] > 1))) {
            String tail = ((w[6] >> 8) & 0xFF) + "." + (w[6] & 0xFF) + "." + ((w[7] >> 8) & 0xFF) + "." + (w[7] & 0xFF);
            return bestLen == 5 ? "::ffff:" + tail : "::" + tail;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }

    /** Printable ASCII or null when any byte is not printable. */
    public static String printable(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xFF;
            if (v < 0x20 || v > 0x7E) return null;
            sb.append((char) v);
        }
        return sb.toString();
    }

    /** Text with non-printable bytes written as \xNN, like Wireshark's string display. */
    public static String escaped(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xFF;
            if (v >= 0x20 && v <= 0x7E && v != '\\') sb.append((char) v);
            else if (v == '\\') sb.append("\\\\");
            else if (v == '\r') sb.append("\\r");
            else if (v == '\n') sb.append("\\n");
            else if (v == '\t') sb.append("\\t");
            else sb.append("\\x").append(HEX[v >> 4]).append(HEX[v & 0xF]);
        }
        return sb.toString();
    }

    public static String setOrNot(long v) {
        return v != 0 ? "Set" : "Not set";
    }

    public static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
