package org.frameinspector.core.stream;

import org.frameinspector.core.dissect.CotpInfo;

/** COTP facts the stream layer needs (PROTOCOLS.md §5.2, §5.3, §5.6), and a reader for CR/CC parameters. */
final class Cotp {
    private Cotp() {
    }

    /** Whether the high nibble is a COTP TPDU type (UD 0x4 is connectionless, so no). */
    static boolean definedType(int t) {
        return switch (t) {
            case CotpInfo.CR, CotpInfo.CC, CotpInfo.DR, CotpInfo.DC, CotpInfo.DT, CotpInfo.ED, CotpInfo.AK,
                    CotpInfo.EA, CotpInfo.RJ, CotpInfo.ER -> true;
            default -> false;
        };
    }

    /** Octets for a TPDU-size code (0x07 = 128 … 0x0D = 8192, 0x0E–0x10 vendor sizes), -1 when undefined. */
    static int sizeOf(int code) {
        if (code >= 7 && code <= 0x0F) return 1 << code;
        if (code == 0x10) return 65531;
        return -1;
    }

    /**
     * Classes a CC may select for the CR's preferred class and alternatives (X.224 §6.5, the table in
     * PROTOCOLS.md §5.3), as a bit set (bit n = class n).
     */
    static int allowedClasses(int preferred, int altMask) {
        boolean a0 = (altMask & 1) != 0, a1 = (altMask & 2) != 0, a3 = (altMask & 8) != 0;
        return switch (preferred) {
            case 0 -> 1;
            case 1 -> 0b11;
            case 2 -> 0b100 | (a0 ? 1 : 0);
            case 3 -> 0b1100 | (a0 || a1 ? 1 : 0) | (a1 ? 0b10 : 0);
            case 4 -> 0b10100 | (a3 ? 0b1000 : 0) | (a0 || a1 ? 1 : 0) | (a1 ? 0b10 : 0);
            default -> 0;
        };
    }

    static String classList(int mask) {
        StringBuilder sb = new StringBuilder();
        for (int c = 4; c >= 0; c--) {
            if ((mask & (1 << c)) != 0) sb.append(sb.length() > 0 ? " or " : "").append(c);
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /** The variable part of a CR/CC, read straight from the bytes (so it does not depend on how COTP fills CotpInfo). */
    static final class Params {
        int cls = -1;
        int sizeCode = -1, sizeOff = -1;
        byte[] calling, called;
        int altMask;
        int addOptions = -1;

        static Params read(byte[] b, int off, int end) {
            Params p = new Params();
            if (off < 0 || off + 7 > end || end > b.length) return p;
            int li = b[off] & 0xFF;
            p.cls = (b[off + 6] & 0xF0) >> 4;
            int i = off + 7;
            int vend = Math.min(end, off + 1 + li);
            while (i + 2 <= vend) {
                int code = b[i] & 0xFF, n = b[i + 1] & 0xFF;
                int v = i + 2;
                if (v + n > vend) break;
                switch (code) {
                    case 0xC0 -> { if (n == 1) { p.sizeCode = b[v] & 0xFF; p.sizeOff = v; } }
                    case 0xC1 -> p.calling = java.util.Arrays.copyOfRange(b, v, v + n);
                    case 0xC2 -> p.called = java.util.Arrays.copyOfRange(b, v, v + n);
                    case 0xC6 -> { if (n >= 1) p.addOptions = b[v] & 0xFF; }
                    case 0xC7 -> { for (int k = 0; k < n; k++) p.altMask |= 1 << Math.min(15, (b[v + k] & 0xF0) >> 4); }
                    default -> { }
                }
                i = v + n;
            }
            return p;
        }

        int size() { return sizeCode < 0 ? -1 : sizeOf(sizeCode); }
    }

    /** A transport selector as people read it: the text when every byte is printable, else lowercase hex. */
    static String tsap(byte[] b) {
        if (b == null) return null;
        String t = org.frameinspector.core.model.Fmt.printable(b, 0, b.length);
        return t != null && !t.isEmpty() ? t : org.frameinspector.core.model.Fmt.hex(b);
    }
}
