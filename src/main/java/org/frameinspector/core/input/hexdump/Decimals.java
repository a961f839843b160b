package org.frameinspector.core.input.hexdump;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.source.InputException;

/**
 * Lists of decimal byte values, as programs print a byte array: Java {@code Arrays.toString} ({@code [3, 0, -17]},
 * signed), Go {@code %v} ({@code [3 0 22]}), Erlang binaries ({@code <<3,0,22>>}), C# / JavaScript arrays and JSON.
 * A list is only read when it is delimited ({@code [ ]}, {@code { }}, {@code << >>}), has at least four items, and
 * every item is a decimal number in byte range (-128..255, never both signs' extremes). Items written with a leading
 * zero or a letter ({@code 03}, {@code e0}) mean hex: a list is read as hex when every item has two hex digits
 * (Rust {@code {:02x?}}), never half and half. Every list read as decimal gets a warning that says so.
 */
final class Decimals {
    private Decimals() {
    }

    static List<byte[]> frames(HexDumpParser hp) throws InputException {
        String s = hp.text();
        int n = s.length();
        List<byte[]> out = new ArrayList<>();
        int signedLists = 0, total = 0, hexLists = 0;
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
            int[] hexVals = new int[64];
            boolean allTwo = true, hexSign = false, notDecimal = false;
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
                int v = 0, hv = 0;
                boolean letters = false;
                while (p < n && HexDumpParser.hexVal(s.charAt(p)) >= 0 && p - ds < 4) {
                    char x = s.charAt(p++);
                    letters |= x > '9';
                    hv = hv * 16 + HexDumpParser.hexVal(x);
                    if (!letters) v = v * 10 + (x - '0');
                }
                int nd = p - ds;
                if (nd == 0 || nd > 3 || (p < n && Character.isLetterOrDigit(s.charAt(p))) || minus && letters) {
                    ok = false;
                    break;
                }
                if (nd != 2) allTwo = false;
                else if (letters || s.charAt(ds) == '0') hexSign = true;
                if (letters || nd > 1 && s.charAt(ds) == '0') notDecimal = true;
                if (count == hexVals.length) hexVals = java.util.Arrays.copyOf(hexVals, count * 2);
                hexVals[count] = hv;
                if (minus) v = -v;
                if (!notDecimal && (v < -128 || v > 255)) {
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
            boolean hex = notDecimal;
            if (hex && !(allTwo && hexSign)) {
                i = p; // neither all decimal nor all two-digit hex: not a byte list
                continue;
            }
            if (neg && high && !hex) {
                throw hp.errorAt(itemsStart, "a list of numbers with both negative values and values above 127: not one "
                        + "byte array");
            }
            byte[] b = new byte[count];
            for (int k = 0; k < count; k++) b[k] = (byte) (hex ? hexVals[k] : vals[k]);
            hp.used(itemsStart, itemsEnd);
            out.add(b);
            hp.markFrameEnd();
            if (hex) {
                hexLists++;
            } else {
                total += count;
                if (neg) signedLists++;
            }
            i = p;
        }
        if (total > 0) {
            hp.warn("read as decimal numbers (" + total + " byte values in " + (out.size() - hexLists) + " list"
                    + (out.size() - hexLists == 1 ? "" : "s") + (signedLists > 0 ? ", signed as Java prints bytes" : "")
                    + "), not hex: every item is a decimal number in byte range");
        }
        return out;
    }

    private static int lineEnd(String s, int p) {
        int e = s.indexOf('\n', p);
        return e < 0 ? s.length() : e;
    }
}
