package org.frameinspector.core.input.hexdump;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Bytes written as program literals: {@code \x..} strings, {@code 0x..} lists, and Base64. */
final class Literals {
    private Literals() {
    }

    /**
     * String literals holding {@code \x..} escapes (C, Python bytes, log fixtures); adjacent lines with such
     * literals form one frame. Only the inside of quotes is read; a trailing {@code //} comment is ignored.
     */
    static List<byte[]> escapes(HexDumpParser hp) {
        String s = hp.text();
        int n = hp.length();
        List<byte[]> frames = new ArrayList<>();
        if (s.indexOf("\\x") < 0 && s.indexOf("\\X") < 0) return frames;
        HexDumpParser.Bytes cur = new HexDumpParser.Bytes();
        for (int p = 0; p < n; ) {
            int e = hp.lineEnd(p);
            int a = hp.skipPrefix(p, hp.trimEnd(p, e));
            int end = hp.trimEnd(p, e);
            p = e + 1;
            int mark = cur.n;
            int escapes = 0;
            int i = a;
            boolean anyQuote = false;
            while (i < end) {
                char c = s.charAt(i);
                if (c == '/' && i + 1 < end && s.charAt(i + 1) == '/') break;
                if (c == '#') break;
                if (c == '"' || c == '\'') {
                    int z = closing(s, i + 1, end, c);
                    if (z < 0) break;
                    anyQuote = true;
                    int esc = decode(s, i + 1, z, cur);
                    if (esc > 0 || escapes > 0) hp.used(i + 1, z);
                    escapes += esc;
                    i = z + 1;
                    continue;
                }
                i++;
            }
            if (!anyQuote) {
                // bare \x00\x01 runs
                i = a;
                while (i + 4 <= end) {
                    if (s.charAt(i) == '\\' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                            && HexDumpParser.hexVal(s.charAt(i + 2)) >= 0 && HexDumpParser.hexVal(s.charAt(i + 3)) >= 0) {
                        cur.add((HexDumpParser.hexVal(s.charAt(i + 2)) << 4) | HexDumpParser.hexVal(s.charAt(i + 3)));
                        hp.used(i, i + 4);
                        escapes++;
                        i += 4;
                    } else {
                        i++;
                    }
                }
            }
            if (escapes == 0) {
                cur.n = mark;
                if (cur.n > 0) frames.add(cur.take());
                cur.n = 0;
            }
        }
        if (cur.n > 0) frames.add(cur.take());
        return frames;
    }

    private static int closing(String s, int i, int end, char q) {
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == q) return i;
            i++;
        }
        return -1;
    }

    /** Decodes the inside of a literal into out; returns the number of \x escapes seen. */
    private static int decode(String s, int i, int z, HexDumpParser.Bytes out) {
        int esc = 0;
        while (i < z) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= z) {
                out.add(c & 0xFF);
                i++;
                continue;
            }
            char d = s.charAt(i + 1);
            switch (d) {
                case 'x', 'X' -> {
                    int v = 0, k = i + 2, digits = 0;
                    while (k < z && digits < 2 && HexDumpParser.hexVal(s.charAt(k)) >= 0) {
                        v = v * 16 + HexDumpParser.hexVal(s.charAt(k));
                        k++;
                        digits++;
                    }
                    out.add(v);
                    esc++;
                    i = k;
                    continue;
                }
                case 'n' -> out.add('\n');
                case 'r' -> out.add('\r');
                case 't' -> out.add('\t');
                case 'a' -> out.add(7);
                case 'b' -> out.add(8);
                case 'f' -> out.add(12);
                case 'v' -> out.add(11);
                case '0' -> out.add(0);
                default -> out.add(d & 0xFF);
            }
            i += 2;
        }
        return esc;
    }

    /** Lists of 0x.. bytes: C arrays, xxd -i, JavaScript buffers. Brackets on a line delimit a frame. */
    static List<byte[]> zeroXLists(HexDumpParser hp) {
        String s = hp.text();
        int n = hp.length();
        List<byte[]> frames = new ArrayList<>();
        HexDumpParser.Bytes cur = new HexDumpParser.Bytes();
        for (int p = 0; p < n; ) {
            int e = hp.lineEnd(p);
            int end = hp.trimEnd(p, e);
            int a = p;
            p = e + 1;
            int mark = cur.n;
            int rmark = hp.rangeMark();
            int count = 0, firstAt = -1, lastAt = -1;
            boolean bad = false;
            for (int i = a; i + 2 < end; i++) {
                char c = s.charAt(i);
                if (c == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                        && (i == a || HexDumpParser.hexVal(s.charAt(i - 1)) < 0 && Character.isLetterOrDigit(s.charAt(i - 1)) == false)) {
                    int k = i + 2, v = 0;
                    while (k < end && HexDumpParser.hexVal(s.charAt(k)) >= 0) {
                        v = v * 16 + HexDumpParser.hexVal(s.charAt(k));
                        k++;
                        if (k - i - 2 > 2) break;
                    }
                    int digits = k - i - 2;
                    if (digits == 0) continue;
                    if (digits > 2 || (k < end && Character.isLetterOrDigit(s.charAt(k)))) {
                        bad = true;
                        break;
                    }
                    if (lastAt >= 0 && !onlySeparators(s, lastAt, i)) {
                        bad = true;
                        break;
                    }
                    cur.add(v);
                    hp.used(i, k);
                    count++;
                    if (firstAt < 0) firstAt = i;
                    lastAt = k;
                    i = k - 1;
                }
            }
            if (bad || count == 0 || (count == 1 && mark == 0)) {
                cur.n = mark;
                hp.rangeReset(rmark);
                if (cur.n > 0) frames.add(cur.take());
                cur.n = 0;
                continue;
            }
            if (indexOfAny(s, a, firstAt, "[{(") >= 0 && mark > 0) {
                frames.add(java.util.Arrays.copyOf(cur.b, mark));
                System.arraycopy(cur.b, mark, cur.b, 0, cur.n - mark);
                cur.n -= mark;
            }
            if (indexOfAny(s, lastAt, end, "]})") >= 0) {
                frames.add(cur.take());
                cur.n = 0;
            }
        }
        if (cur.n > 0) frames.add(cur.take());
        return frames;
    }

    private static boolean onlySeparators(String s, int a, int b) {
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            if (c != ',' && c != ' ' && c != '\t' && c != ';') return false;
        }
        return true;
    }

    private static int indexOfAny(String s, int a, int b, String chars) {
        for (int i = a; i < b; i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    /** Base64 blocks (lines made only of the Base64 alphabet); each block is one frame. */
    static List<byte[]> base64(HexDumpParser hp) {
        String s = hp.text();
        int n = hp.length();
        List<byte[]> frames = new ArrayList<>();
        StringBuilder blk = new StringBuilder();
        for (int p = 0; p <= n; ) {
            int e = p < n ? hp.lineEnd(p) : n;
            int end = p < n ? hp.trimEnd(p, e) : n;
            int a = p;
            while (a < end && HexDumpParser.isBlank(s.charAt(a))) a++;
            boolean ok = a < end;
            for (int i = a; i < end && ok; i++) {
                char c = s.charAt(i);
                ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
            }
            if (ok) {
                blk.append(s, a, end);
                hp.used(a, end);
            }
            if (!ok || p >= n) {
                addBase64(blk, frames);
                blk.setLength(0);
            }
            if (p >= n) break;
            p = e + 1;
        }
        addBase64(blk, frames);
        return frames;
    }

    private static void addBase64(StringBuilder blk, List<byte[]> frames) {
        if (blk.length() < 8 || blk.length() % 4 != 0) return;
        try {
            byte[] b = Base64.getDecoder().decode(blk.toString());
            if (b.length > 0) frames.add(b);
        } catch (IllegalArgumentException e) {
            // not Base64 after all
        }
    }
}
