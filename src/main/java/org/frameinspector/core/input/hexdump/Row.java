package org.frameinspector.core.input.hexdump;

/** One dump row with an offset, scanned in place (reused from line to line: no per-row garbage). */
final class Row {
    static final int PLAIN = 0, HEX0X = 1, BRACKET = 2, COLON = 3;

    int line, lineStart, lineEnd;
    int offA, offB, kind;
    boolean strong, endMarker, star;
    int ntok;
    int[] tokA = new int[32], tokB = new int[32], tokEnd = new int[32];
    int stopA;
    boolean stopOdd;
    byte[] b = new byte[64];
    int nb;
    boolean octal, le16;
    long off;
    private byte[] hpBytes;

    int digits() {
        return offB - offA;
    }

    /** Column of the offset when only blanks stand before it (rows of two directions are told apart by it), else -1. */
    int indent;
    /** The row was found after a prefix (log fields, line numbers, a kernel timestamp …) that is not part of it. */
    boolean prefixed;
    /** Bytes written as 0x.. words (gdb x/xb). */
    boolean zeroX;

    /** Scans s[p0,e0) as an offset row; false if it is not one (then {@link #star} tells a lone '*'). */
    boolean parse(HexDumpParser hp, int p0, int e0, int lineNo) {
        hpBytes = hp.bytes();
        line = lineNo;
        lineStart = p0;
        byte[] ab = hpBytes;
        int e = e0;
        while (e > p0 && (ab[e - 1] == '\r' || HexDumpParser.BLANK[ab[e - 1] & 0xFF])) e--;
        lineEnd = e;
        int p = p0;
        while (p < e && HexDumpParser.BLANK[ab[p] & 0xFF]) p++;
        int lead = p - p0;
        prefixed = false;
        weak = false;
        altStart = -1;
        if (at(hp, p, e, true)) {
            indent = offA == p ? lead : -1;
            // "  1197\t0000  00 1b …" (cat -n): a wider first group, then uniform bytes: the first group is the offset
            if (!endMarker && ntok >= 2 && tokB[0] - tokA[0] > tokB[1] - tokA[1]) {
                int q = tokA[0];
                if (ntok >= 3 && uniformFrom(1)) {
                    if (at(hp, q, e, false) && !endMarker && uniformFrom(0)) {
                        prefixed = true;
                        indent = -1;
                        return true;
                    }
                    at(hp, p, e, true);
                } else {
                    altStart = q; // a short row: the offsets around it decide
                    altEnd = e;
                }
            }
            return true;
        }
        if (star) return false;
        // a prefix on the row: try the next words of the line as the start of the row; a clear row wins over a
        // weak one (a lone offset, a one-byte row, a hex-looking word of the prefix followed by the real row)
        int q = p, firstWeak = -1;
        for (int tries = 0; tries < 16; tries++) {
            q = nextStart(ab, q, e);
            if (q < 0) break;
            if (at(hp, q, e, false) && (endMarker || kind != PLAIN || digits() > tokB[0] - tokA[0])) {
                boolean good = !endMarker && (zeroX ? ntok >= 1 : ntok >= 2 && uniformFrom(0));
                if (good) {
                    prefixed = true;
                    indent = -1;
                    return true;
                }
                if (firstWeak < 0) firstWeak = q;
            }
        }
        if (firstWeak < 0 || !at(hp, firstWeak, e, false)) return false;
        prefixed = true;
        weak = true; // only where the offsets expect a row
        indent = -1;
        return true;
    }

    /** Found after a prefix but not clearly a row (a lone offset, one byte): a row only where the offsets expect one. */
    boolean weak;
    /** Where the row would start if its first group were an offset (a numbered short row), or -1. */
    int altStart;
    private int altEnd;

    /** Reads the row again from {@link #altStart} (the numbered-line reading). */
    boolean reparseAlt(HexDumpParser hp) {
        int a = altStart;
        altStart = -1;
        if (a < 0 || !at(hp, a, altEnd, false)) return false;
        prefixed = true;
        indent = -1;
        return true;
    }

    /** The next position after q where a row could start: after a blank or one of ":|]>)" and at a hex digit or '['. */
    private static int nextStart(byte[] ab, int q, int e) {
        int i = q + 1;
        while (i < e) {
            int prev = ab[i - 1] & 0xFF;
            int c = ab[i] & 0xFF;
            boolean after = HexDumpParser.BLANK[prev] || prev == ':' || prev == '|' || prev == ']' || prev == '>'
                    || prev == ')';
            if (after && (HexDumpParser.HEX[c] >= 0 || c == '|') && !HexDumpParser.BLANK[c]) return i;
            i++;
        }
        return -1;
    }

    /** True when tokens from index {@code from} all have one width, the last one possibly narrower. */
    private boolean uniformFrom(int from) {
        if (ntok - from < 1) return false;
        int w = tokB[from] - tokA[from];
        for (int i = from + 1; i < ntok; i++) {
            int wi = tokB[i] - tokA[i];
            if (wi != w && !(i == ntok - 1 && wi < w)) return false;
        }
        return true;
    }

    /** Scans a row whose offset starts at p (after blanks); {@code atLineStart} allows short and marked-up offsets. */
    private boolean at(HexDumpParser hp, int p, int e, boolean atLineStart) {
        byte[] ab = hpBytes;
        ntok = 0;
        nb = 0;
        endMarker = false;
        star = false;
        stopA = -1;
        stopOdd = false;
        strong = false;
        zeroX = false;
        backtick = false;
        if (atLineStart && p < e && !HexDumpParser.isHexByte(ab[p]) && ab[p] != '[' && ab[p] != '|') p = hp.skipPrefix(p, e);
        if (p >= e) return false;
        char c = ch(ab, p);
        if (c == '*' && p + 1 == e) {
            star = true;
            return false;
        }
        if (c == '+' && p + 1 < e && HexDumpParser.hexVal(ch(ab, p + 1)) >= 0) c = ch(ab, ++p); // CTRACE " +0010"
        int q, a, bb;
        if (c == '|' && p + 1 < e && HexDumpParser.hexVal(ch(ab, p + 1)) >= 0) {
            // Netty: |00000000| 03 00 … |ascii|
            q = p + 1;
            a = q;
            while (q < e && HexDumpParser.hexVal(ch(ab, q)) >= 0) q++;
            bb = q;
            if (bb - a < 4 || bb - a > 16 || q >= e || ch(ab, q) != '|') return false;
            q++;
            kind = COLON;
            strong = true;
        } else if (c == '[') {
            q = p + 1;
            while (q < e && HexDumpParser.isBlankChar(ch(ab, q))) q++;
            a = q;
            while (q < e && ch(ab, q) >= '0' && ch(ab, q) <= '9') q++;
            bb = q;
            while (q < e && HexDumpParser.isBlankChar(ch(ab, q))) q++;
            if (bb == a || q >= e || ch(ab, q) != ']') return false;
            q++;
            kind = BRACKET;
            strong = true;
        } else if (c == '0' && p + 1 < e && (ch(ab, p + 1) == 'x' || ch(ab, p + 1) == 'X')) {
            q = p + 2;
            a = q;
            while (q < e && HexDumpParser.hexVal(ch(ab, q)) >= 0) q++;
            bb = q;
            if (bb == a || bb - a > 16) return false;
            if (q < e && ch(ab, q) == ':') q++;
            kind = HEX0X;
            strong = true;
        } else {
            a = p;
            q = p;
            while (q < e && HexDumpParser.hexVal(ch(ab, q)) >= 0) q++;
            if (q + 1 < e && ch(ab, q) == '`' && q - a == 8 && HexDumpParser.hexVal(ch(ab, q + 1)) >= 0) {
                // WinDbg: 00000000`0012f8a0
                q++;
                while (q < e && HexDumpParser.hexVal(ch(ab, q)) >= 0) q++;
                if (q - a != 17) return false;
                backtick = true;
            }
            bb = q;
            int d = bb - a;
            if (q < e && ch(ab, q) == ':') {
                // short offsets only at the start of a line (snoop "   16: …"), in decimal
                if (d < 1 || d > 16 || d < 4 && !(atLineStart && allDecimal(ab, a, bb))) return false;
                q++;
                kind = COLON;
                strong = d >= 4;
            } else {
                if (d < 4 || d > 17) return false;
                kind = PLAIN;
            }
        }
        if (q < e && !HexDumpParser.isBlankChar(ch(ab, q))) return false;
        offA = a;
        offB = bb;
        // gdb: "0x7ffe… <frame+8>:" — a symbol between the address and the bytes
        int g = q;
        while (g < e && HexDumpParser.BLANK[ab[g] & 0xFF]) g++;
        if (g < e && ab[g] == '<' && kind == HEX0X) {
            int z = g + 1;
            while (z < e && ab[z] != '>' && z - g < 256) z++;
            if (z < e && ab[z] == '>') {
                q = z + 1;
                if (q < e && ab[q] == ':') q++;
            }
        }
        byte[] hex = HexDumpParser.HEX;
        boolean[] blank = HexDumpParser.BLANK;
        while (true) {
            while (q < e && blank[ab[q] & 0xFF]) q++;
            if (q >= e) break;
            int t = q;
            boolean allHex = true;
            ensure(nb + ((e - q) >> 1) + 1);
            byte[] out = b;
            int o = nb, hi = 0;
            while (q < e) {
                int ch = ab[q] & 0xFF;
                if (blank[ch]) break;
                int v = hex[ch];
                if (v < 0) {
                    allHex = false;
                } else if (((q - t) & 1) == 0) {
                    hi = v;
                } else if (allHex) {
                    out[o++] = (byte) ((hi << 4) | v);
                }
                q++;
            }
            if (allHex && !zeroX) {
                if (((q - t) & 1) == 0) {
                    addTok(t, q);
                    nb = o;
                    tokEnd[ntok - 1] = o;
                    continue;
                }
                stopOdd = true;
            } else if (!allHex && slowToken(t, q)) {
                continue;
            }
            stopA = t;
            break;
        }
        if (ntok == 0) {
            if (stopA >= 0) return false;
            endMarker = true;
        }
        return true;
    }

    boolean backtick;

    /**
     * Tokens off the fast path: a gdb byte {@code 0x1b} (only in a row whose bytes are all written so), and WinDbg's
     * {@code e6-ba} (two bytes joined by the dash between the 8th and 9th byte). True if the token was read.
     */
    private boolean slowToken(int t, int q) {
        byte[] ab = hpBytes;
        byte[] hex = HexDumpParser.HEX;
        int len = q - t;
        if ((len == 4 || len == 5 && ab[t + 4] == ',') && ab[t] == '0' && (ab[t + 1] == 'x' || ab[t + 1] == 'X')
                && hex[ab[t + 2] & 0xFF] >= 0 && hex[ab[t + 3] & 0xFF] >= 0 && (zeroX || ntok == 0)) {
            ensure(nb + 1);
            b[nb++] = (byte) ((hex[ab[t + 2] & 0xFF] << 4) | hex[ab[t + 3] & 0xFF]);
            addTok(t + 2, t + 4);
            tokEnd[ntok - 1] = nb;
            zeroX = true;
            return true;
        }
        if (len == 5 && !zeroX && ab[t + 2] == '-' && ntok > 0 && tokB[ntok - 1] - tokA[ntok - 1] == 2
                && hex[ab[t] & 0xFF] >= 0 && hex[ab[t + 1] & 0xFF] >= 0 && hex[ab[t + 3] & 0xFF] >= 0
                && hex[ab[t + 4] & 0xFF] >= 0) {
            ensure(nb + 2);
            b[nb++] = (byte) ((hex[ab[t] & 0xFF] << 4) | hex[ab[t + 1] & 0xFF]);
            addTok(t, t + 2);
            tokEnd[ntok - 1] = nb;
            b[nb++] = (byte) ((hex[ab[t + 3] & 0xFF] << 4) | hex[ab[t + 4] & 0xFF]);
            addTok(t + 3, t + 5);
            tokEnd[ntok - 1] = nb;
            return true;
        }
        return false;
    }

    private static boolean allDecimal(byte[] ab, int a, int b) {
        for (int i = a; i < b; i++) if (ab[i] < '0' || ab[i] > '9') return false;
        return true;
    }

    /**
     * Appends the leading hex groups of a continuation line (a long row wrapped by a mail client or editor); groups
     * must have the width of this row's first group. Returns the number of bytes added.
     */
    int appendContinuation(HexDumpParser hp, int p, int e, int maxBytes) {
        if (ntok == 0) return 0;
        byte[] ab = hp.bytes();
        int w = tokB[0] - tokA[0];
        int added = 0;
        while (p < e && added + w / 2 <= maxBytes) {
            while (p < e && HexDumpParser.BLANK[ab[p] & 0xFF]) p++;
            int t = p;
            while (p < e && !HexDumpParser.BLANK[ab[p] & 0xFF]) p++;
            if (p - t != w || !hp.allHex(t, p)) break;
            ensure(nb + w);
            for (int k = t; k < p; k += 2) {
                b[nb++] = (byte) ((HexDumpParser.HEX[ab[k] & 0xFF] << 4) | HexDumpParser.HEX[ab[k + 1] & 0xFF]);
            }
            addTok(t, p);
            tokEnd[ntok - 1] = nb;
            added += w / 2;
        }
        return added;
    }

    private static char ch(byte[] ab, int i) {
        return (char) (ab[i] & 0xFF);
    }

    private void addTok(int a, int bb) {
        if (ntok == tokA.length) {
            tokA = java.util.Arrays.copyOf(tokA, ntok * 2);
            tokB = java.util.Arrays.copyOf(tokB, ntok * 2);
            tokEnd = java.util.Arrays.copyOf(tokEnd, ntok * 2);
        }
        tokA[ntok] = a;
        tokB[ntok] = bb;
        ntok++;
    }

    /** Rough byte count of the hex tokens (before decoding; for surveying). */
    int roughBytes() {
        if (isOctalWords(null)) return ntok * 2;
        int t = 0;
        for (int i = 0; i < ntok; i++) t += (tokB[i] - tokA[i]) >> 1;
        return t;
    }

    boolean isOctalWords(String s) {
        if (kind != PLAIN || digits() != 7 || ntok == 0) return false;
        for (int i = 0; i < ntok; i++) if (tokB[i] - tokA[i] != 6) return false;
        if (s != null) {
            for (int i = 0; i < ntok; i++)
                for (int k = tokA[i]; k < tokB[i]; k++) if (s.charAt(k) > '7') return false;
        }
        return true;
    }

    boolean isLe16Words() {
        if (kind != PLAIN || digits() != 7 || ntok == 0 || stopA >= 0) return false;
        for (int i = 0; i < ntok; i++) if (tokB[i] - tokA[i] != 4) return false;
        return true;
    }

    /** Decodes the hex tokens into {@link #b}; {@code le32} reverses the bytes of wide groups (xxd -e). */
    void decode(String s, boolean le32) {
        octal = isOctalWords(s);
        le16 = !octal && isLe16Words();
        boolean rev = le16 || (le32 && kind == COLON);
        if (!octal && !rev) return; // decoded while scanning
        nb = 0;
        byte[] ab = octal ? null : hpBytes;
        byte[] hex = HexDumpParser.HEX;
        for (int i = 0; i < ntok; i++) {
            int a = tokA[i], z = tokB[i];
            int len = z - a;
            ensure(nb + len);
            if (octal) {
                int v = 0;
                for (int k = a; k < z; k++) v = v * 8 + (s.charAt(k) - '0');
                b[nb++] = (byte) v;
                b[nb++] = (byte) (v >> 8);
            } else if (rev && len > 2) {
                for (int k = z - 2; k >= a; k -= 2) b[nb++] = (byte) ((hex[ab[k] & 0xFF] << 4) | hex[ab[k + 1] & 0xFF]);
            } else {
                byte[] out = b;
                int o = nb;
                for (int k = a; k < z; k += 2) out[o++] = (byte) ((hex[ab[k] & 0xFF] << 4) | hex[ab[k + 1] & 0xFF]);
                nb = o;
            }
            tokEnd[i] = nb;
        }
    }

    private void ensure(int cap) {
        if (cap > b.length) b = java.util.Arrays.copyOf(b, Math.max(cap, b.length * 2));
    }

    /** Offset value in the given radix (hex when a digit does not fit the radix). */
    long value(String s, int radix) {
        int r = radix;
        if (kind == HEX0X) r = 16;
        if (r == 16 && hpBytes != null) {
            long v = 0;
            for (int i = offA; i < offB; i++) {
                int h = HexDumpParser.HEX[hpBytes[i] & 0xFF];
                if (h >= 0) v = (v << 4) | h;
            }
            return v;
        }
        for (int i = offA; i < offB && r != 16; i++) if (Character.digit(s.charAt(i), r) < 0) r = 16;
        long v = 0;
        for (int i = offA; i < offB; i++) v = v * r + Character.digit(s.charAt(i), r);
        return v;
    }

}
