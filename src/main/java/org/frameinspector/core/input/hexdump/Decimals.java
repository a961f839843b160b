package org.frameinspector.core.input.hexdump;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.source.InputException;

/**
 * Lists of decimal byte values, as programs print a byte array: Java {@code Arrays.toString} ({@code [3, 0, -17]},
 * signed), Go {@code %v} ({@code [3 0 22]}), Erlang binaries ({@code <<3,0,22>>}), C# / JavaScript arrays and JSON.
 * A list is only read when it is delimited ({@code [ ]}, {@code { }}, {@code << >>}), has at least four items, and
 * every item is a decimal number in byte range (-128..255, never both signs' extremes); items written with a leading
 * zero ({@code 03}) mean hex, so such a list is not read here. Every list read this way gets a warning that says so.
 */
final class Decimals {
    private Decimals() {
    }

    static List<byte[]> frames(HexDumpParser hp) throws InputException {
        String s = hp.text();
        int n = s.length();
        List<byte[]> out = new ArrayList<>();
        int signedLists = 0, total = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char close;
            int p;
            if (c == '[') {
                close = ']';
                p = i + 1;
            } else if (c == '{') {
                close = '}';
                p = i + 1;
            } else if (c == '<' && i + 1 < n && s.charAt(i + 1) == '<') {
                close = '>';
                p = i + 2;
            } else {
                continue;
            }
            int[] vals = new int[64];
            int count = 0;
            boolean neg = false, high = false, ok = true;
            int itemsStart = -1, itemsEnd = -1;
            while (true) {
                while (p < n && (HexDumpParser.isBlank(s.charAt(p)) || s.charAt(p) == '\n' || s.charAt(p) == '\r')) p++;
                if (p >= n) {
                    ok = false;
                    break;
                }
                char d = s.charAt(p);
                if (d == close) break;
                int a = p;
                boolean minus = false;
                if (d == '-') {
                    minus = true;
                    p++;
                }
                int ds = p;
                int v = 0;
                while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9' && p - ds < 4) v = v * 10 + (s.charAt(p++) - '0');
                int nd = p - ds;
                if (nd == 0 || nd > 3 || (nd > 1 && s.charAt(ds) == '0') || (p < n && Character.isLetterOrDigit(s.charAt(p)))) {
                    ok = false;
                    break;
                }
                if (minus) v = -v;
                if (v < -128 || v > 255) {
                    ok = false;
                    break;
                }
                neg |= v < 0;
                high |= v > 127;
                if (count == vals.length) vals = java.util.Arrays.copyOf(vals, count * 2);
                vals[count++] = v;
                if (itemsStart < 0) itemsStart = a;
                itemsEnd = p;
                while (p < n && HexDumpParser.isBlank(s.charAt(p))) p++;
                if (p < n && s.charAt(p) == ',') p++;
                else if (p < n && s.charAt(p) != close && !HexDumpParser.isBlank(s.charAt(p)) && s.charAt(p) != '\n'
                        && s.charAt(p) != '\r' && !(s.charAt(p - 1) == ' ' || s.charAt(p - 1) == '\t')) {
                    ok = false;
                    break;
                }
                if (count > 1 << 22) {
                    ok = false;
                    break;
                }
            }
            if (!ok) {
                // a node-style "... 87 more items" inside the list: the copy is cut short
                if (count >= 4 && p < n && s.startsWith("...", p)) {
                    throw hp.errorAt(p, "the list is cut short here ('" + hp.excerpt(p, lineEnd(s, p)) + "'): the frame "
                            + "cannot be recovered exactly");
                }
                if (p > i) i = Math.max(i, Math.min(p, n) - 1);
                continue;
            }
            if (close == '>' && (p + 1 >= n || s.charAt(p + 1) != '>')) continue;
            if (count < 4) {
                i = p;
                continue;
            }
            if (neg && high) {
                throw hp.errorAt(itemsStart, "a list of numbers with both negative values and values above 127: not one "
                        + "byte array");
            }
            byte[] b = new byte[count];
            for (int k = 0; k < count; k++) b[k] = (byte) vals[k];
            hp.used(itemsStart, itemsEnd);
            out.add(b);
            total += count;
            if (neg) signedLists++;
            i = p;
        }
        if (!out.isEmpty()) {
            hp.warn("read as decimal numbers (" + total + " byte values in " + out.size() + " list"
                    + (out.size() == 1 ? "" : "s") + (signedLists > 0 ? ", signed as Java prints bytes" : "")
                    + "), not hex: every item is a decimal number in byte range");
        }
        return out;
    }

    private static int lineEnd(String s, int p) {
        int e = s.indexOf('\n', p);
        return e < 0 ? s.length() : e;
    }
}
