package org.frameinspector.core.input.hexdump;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.source.InputException;

/**
 * Turns rows with offsets into frames. A row is only committed once the next offset says how many of its bytes are
 * real, so a lost, doubled or short row is reported instead of shifting the bytes that follow.
 */
final class OffsetBuilder {
    private final HexDumpParser hp;
    private final OffsetScan scan;
    private final String s;
    private final List<byte[]> frames = new ArrayList<>();
    private final HexDumpParser.Bytes frame = new HexDumpParser.Bytes();

    private Row pend = new Row(), cur = new Row();
    private boolean have, pendFirst, star;
    private int starLine;
    private long frameStart;
    private long width;
    private int hexEndCol = -1;
    /**
     * Column where the ASCII column of this frame's full rows starts, -1 when unknown: taken from rows whose text after
     * their bytes was all hex digits ("cdef0123" spells bytes too), so a short last row can be cut there.
     */
    private int asciiCol = -1;
    /** The last line that was not a row and not blank (a packet header line with a time), or -1. */
    private int textA = -1, textE = -1;
    /** Where rows at each indentation ended (Follow TCP Stream: each direction has its own running offset). */
    private final java.util.Map<Integer, long[]> indentEnds = new java.util.HashMap<>();
    private int frameIndent = -1;
    /** Set once rows of two indentations were told apart (Follow TCP Stream). */
    boolean blocks;

    OffsetBuilder(HexDumpParser hp, OffsetScan scan) {
        this.hp = hp;
        this.scan = scan;
        this.s = hp.text();
    }

    List<byte[]> build() throws InputException {
        int n = hp.length();
        byte[] ab = hp.bytes();
        int lineNo = 0;
        boolean skipBlock = false;
        boolean lastWasRow = false;
        int prevA = -1, prevE = -1;
        for (int p = 0; p < n; ) {
            int e = hp.lineEnd(p);
            lineNo++;
            int lineA = p;
            p = e + 1;
            int ce = e;
            while (ce > lineA && (ab[ce - 1] == '\r' || HexDumpParser.BLANK[ab[ce - 1] & 0xFF])) ce--;
            int cs = lineA;
            while (cs < ce && HexDumpParser.BLANK[ab[cs] & 0xFF]) cs++;
            if (cs >= ce) {
                skipBlock = false;
                prevA = -1;
                continue;
            }
            // tshark -x prints extra data sources ("Reassembled TCP (30 bytes):") after a frame: not frames.
            if (ce - cs > 8 && ab[ce - 1] == ':' && (s.startsWith(" bytes):", ce - 8) || s.startsWith(" byte):", ce - 7))
                    && s.lastIndexOf(" (", ce) > cs) {
                skipBlock = !s.startsWith("Frame (", cs);
                if (skipBlock && have) finishFrame();
                prevA = -1;
                continue;
            }
            if (skipBlock) continue;
            if (!cur.parse(hp, lineA, e, lineNo) || !expected(cur)) {
                if (lastWasRow && have && pend.stopA < 0 && !pend.le16 && !pend.octal && pend.line == lineNo - 1
                        && pend.lineEnd - pend.lineStart >= (width > 0 ? 40 : 60)) {
                    long room = (width > 0 ? width : 16) - pend.nb;
                    if (room > 0 && pend.appendContinuation(hp, cs, ce, (int) room) > 0) {
                        lastWasRow = false;
                        continue;
                    }
                }
                if (lastWasRow && have) unreadableRow(cs, ce, lineNo);
                lastWasRow = false;
                if (cur.star && have) {
                    star = true;
                    starLine = lineNo;
                }
                prevA = cs;
                prevE = ce;
                textA = cs;
                textE = ce;
                continue;
            }
            if (cur.kind == Row.PLAIN && cur.digits() < scan.digits) {
                prevA = cs;
                prevE = ce;
                continue;
            }
            cur.decode(s, scan.le32);
            long o = cur.value(s, scan.radix);
            cur.off = o;
            if (cur.endMarker) {
                if (have && cur.offA - cur.lineStart == pend.offA - pend.lineStart) endMarker(o);
                prevA = -1;
                continue;
            }
            if (!have) {
                startFrame(o, prevA, prevE);
            } else if (newBlock(o)) {
                finishFrame();
                checkBlockStart(o);
                startFrame(o, prevA, prevE);
            } else if (o <= frameStart && !star) {
                finishFrame();
                startFrame(o, prevA, prevE);
            } else {
                long d = o - pend.off;
                if (d <= 0) {
                    throw err(cur.line, col(cur, cur.offA), String.format(
                            "offset %s does not follow the previous row (line %d, offset %s): a doubled or misplaced row",
                            str(cur), pend.line, str(pend)));
                }
                step(d);
            }
            Row t = pend;
            pend = cur;
            cur = t;
            prevA = -1;
            lastWasRow = true;
        }
        if (have) finishFrame();
        return frames;
    }

    /**
     * Settles readings that only the offsets can tell: a row found after a prefix as a lone offset or with one byte
     * counts only where the rows lead to it; a numbered short row ("12: 0020  04") is read from its second word when
     * that one continues the rows.
     */
    private boolean expected(Row r) {
        if (!r.weak && r.altStart < 0) return true;
        long want = have ? pend.off + (width > 0 ? width : pend.nb) : -1;
        if (r.altStart >= 0) {
            if (!have || r.value(s, scan.radix) == want) return true;
            int a = r.altStart;
            if (r.reparseAlt(hp) && !r.endMarker && r.value(s, scan.radix) == want) return true;
            r.parse(hp, r.lineStart, s.indexOf('\n', a) < 0 ? s.length() : s.indexOf('\n', a), r.line);
            r.altStart = -1;
            return true;
        }
        if (!have) return false;
        long o = r.value(s, scan.radix);
        return r.endMarker ? o == pend.off + pend.nb : o == want;
    }

    /**
     * Rows indented unlike the frame's rows whose offset does not go on from them start a block of their own (Follow
     * TCP Stream prints each direction's data indented its own way, with its own running offset).
     */
    private boolean newBlock(long o) {
        return cur.indent >= 0 && frameIndent >= 0 && cur.indent != frameIndent && !star
                && !(pend.nb > 0 && o == pend.off + pend.nb && (width == 0 || pend.nb == width));
    }

    /**
     * A line right after a row that starts with the next offset (same digits, the value the rows lead to) but cannot
     * be read as a row is an error: dropping it would shift or lose bytes.
     */
    private void unreadableRow(int a, int e, int lineNo) throws InputException {
        if (pend.kind != Row.PLAIN && pend.kind != Row.COLON || pend.prefixed) return;
        int offCol = pend.offA - pend.lineStart;
        int lineStart = a;
        while (lineStart > 0 && s.charAt(lineStart - 1) != '\n') lineStart--;
        int p = lineStart + offCol;
        if (p >= e || a > p) return;
        int z = p;
        while (z < e && HexDumpParser.hexVal(s.charAt(z)) >= 0) z++;
        if (z - p != pend.digits()) return;
        long v = 0;
        for (int i = p; i < z; i++) v = v * (scan.radix == 16 ? 16 : scan.radix) + HexDumpParser.hexVal(s.charAt(i));
        long w = width > 0 ? width : pend.nb;
        if (v != pend.off + w) return;
        int bad = z;
        if (bad < e && s.charAt(bad) == ':') bad++;
        while (bad < e && HexDumpParser.isBlank(s.charAt(bad))) bad++;
        int t = bad;
        while (t < e && !HexDumpParser.isBlank(s.charAt(t))) t++;
        throw err(lineNo, bad - lineStart + 1, "the row at offset " + s.substring(p, z) + " cannot be read: '"
                + hp.excerpt(bad, t) + "' where hex bytes are expected");
    }

    /** A block must start where the earlier rows at its indentation ended. */
    private void checkBlockStart(long o) throws InputException {
        blocks = true;
        long[] end = indentEnds.get(cur.indent);
        if (end != null && end[0] != o) {
            throw err(cur.line, col(cur, cur.offA), String.format(
                    "offset %s does not go on from the rows indented like it (they ended at %s on line %d): rows are "
                            + "missing or out of place", str(cur), fmt(end[0]), (int) end[1]));
        }
    }

    private void startFrame(long o, int prevA, int prevE) throws InputException {
        have = true;
        pendFirst = true;
        star = false;
        frameStart = o;
        frameIndent = cur.indent;
        width = 0;
        hexEndCol = -1;
        asciiCol = -1;
        if (textA >= 0) {
            long t = Timestamps.find(s, textA, textE);
            if (t != 0) hp.stamp(frames.size(), t);
            textA = -1;
        }
        if (prevA >= 0 && o > 0 && scan.radix == 16) hiddenRow(prevA, prevE, o);
        if (prevA >= 0) {
            int lead = leadingPartialRow(prevA, prevE);
            if (lead > 0) {
                frameStart = o - lead;
                hp.warn("line " + (cur.line - 1) + ": a row without offset before offset " + str(cur)
                        + " is taken as the last " + lead + " bytes of the previous row");
            }
        }
    }

    /**
     * The line right before the first row of a frame that holds the row before it behind something that is not hex
     * (a stray character, a control code, a symbol glued to the offset: "X0000  00 00 A2 …"): an error at that
     * character, as skipping the line would silently drop the frame's first bytes.
     */
    private void hiddenRow(int a, int e, long o) throws InputException {
        int digits = cur.digits();
        int lineStart = a;
        while (lineStart > 0 && s.charAt(lineStart - 1) != '\n') lineStart--;
        for (int q = a; q < e; ) {
            int t = q;
            while (q < e && !HexDumpParser.isBlank(s.charAt(q))) q++;
            int z = q;
            if (z > t && s.charAt(z - 1) == ':') z--;
            int h = z;
            while (h > t && HexDumpParser.hexVal(s.charAt(h - 1)) >= 0) h--;
            int junkAfter = -1;
            if (z - h != digits) {
                // or the offset first and something glued to it ("0000•  00 00 …")
                int k = t;
                while (k < z && HexDumpParser.hexVal(s.charAt(k)) >= 0) k++;
                if (k - t == digits && k < z) {
                    h = t;
                    junkAfter = k;
                    z = k;
                }
            }
            if (z - h == digits) {
                long v = 0;
                for (int i = h; i < z; i++) v = v * 16 + HexDumpParser.hexVal(s.charAt(i));
                int g = q, groups = 0;
                while (groups < 2) {
                    while (g < e && HexDumpParser.isBlank(s.charAt(g))) g++;
                    int gz = g;
                    while (gz < e && !HexDumpParser.isBlank(s.charAt(gz))) gz++;
                    if (gz - g != 2 || !hp.allHex(g, gz)) break;
                    groups++;
                    g = gz;
                }
                if (v < o && o - v <= 64 && groups == 2 && (h > t || t > a || junkAfter >= 0)) {
                    int bad = junkAfter >= 0 ? junkAfter : h > t ? t : a;
                    int badEnd = junkAfter >= 0 ? q : h > t ? h : t;
                    throw err(cur.line - 1, bad - lineStart + 1, String.format("the row at offset %s cannot be read: "
                            + "'%s' %s it (the frame would lose its first %d bytes)", s.substring(h, z),
                            hp.excerpt(bad, badEnd), junkAfter >= 0 ? "after" : "before", o - v));
                }
            }
            while (q < e && HexDumpParser.isBlank(s.charAt(q))) q++;
        }
    }

    /**
     * A row shown without an offset right before the first offset row, indented further than it (Network Monitor
     * "data portion" excerpts start in the middle of a row): its bytes start the frame.
     */
    private int leadingPartialRow(int a, int e) {
        int firstTokCol = cur.ntok > 0 ? cur.tokA[0] - cur.lineStart : 0;
        int lineStart = a;
        while (lineStart > 0 && s.charAt(lineStart - 1) != '\n') lineStart--;
        if (a - lineStart <= firstTokCol) return 0;
        int q = a, count = 0, start = frame.n;
        while (q < e) {
            int t = q;
            while (q < e && !HexDumpParser.isBlank(s.charAt(q))) q++;
            if (q - t != 2 || !hp.allHex(t, q)) break;
            frame.add((HexDumpParser.HEX[s.charAt(t)] << 4) | HexDumpParser.HEX[s.charAt(t + 1)]);
            count++;
            int g = q;
            while (q < e && HexDumpParser.isBlank(s.charAt(q))) q++;
            if (q - g >= 2) break;
        }
        if (count < 2 || count > 16) {
            frame.n = start;
            return 0;
        }
        return count;
    }

    /** The next row sits d bytes after the pending one. */
    private void step(long d) throws InputException {
        if (star) {
            fillRepeats(d);
            return;
        }
        if (pend.nb > d) {
            extraBytes((int) d);
            int t = tokenHolding((int) d);
            if ((t == 0 ? 0 : pend.tokEnd[t - 1]) == d && t > 0 && pend.tokA[t] - pend.tokB[t - 1] >= 2) {
                int c = pend.tokA[t] - pend.lineStart;
                asciiCol = asciiCol < 0 ? c : Math.min(asciiCol, c);
            }
        }
        if (pend.nb >= d) {
            commit((int) d);
            width = d;
            if (pend.stopA >= 0) hexEndCol = Math.max(hexEndCol, pend.tokB[tokenHolding((int) d - 1)] - pend.lineStart);
            pendFirst = false;
            return;
        }
        if (pendFirst) {
            if (pend.nb == 0) throw err(pend.line, col(pend, pend.offB), "row without bytes");
            if (stopInHexArea(pend)) throw shortRow(d);
            commit(pend.nb);
            if (d - pend.nb > 0 && frames.isEmpty() && frame.n == pend.nb) {
                hp.warn("line " + pend.line + ": first row holds " + pend.nb + " of " + d
                        + " bytes (the dump starts in the middle of a row)");
            }
            pendFirst = false;
            return;
        }
        throw shortRow(d);
    }

    private InputException shortRow(long d) {
        if (pend.stopA >= 0 && (hexEndCol < 0 || pend.stopA - pend.lineStart < hexEndCol)) {
            int t = pend.stopA;
            int z = t;
            while (z < s.length() && !HexDumpParser.isBlank(s.charAt(z)) && s.charAt(z) != '\n' && s.charAt(z) != '\r') z++;
            String tok = hp.excerpt(t, z);
            if (pend.stopOdd) {
                return err(pend.line, col(pend, t), "odd number of hex digits in '" + tok + "' (expected pairs of hex digits)");
            }
            return err(pend.line, col(pend, t), "'" + tok + "' inside the hex columns (expected hex digits; row has "
                    + pend.nb + " bytes, the next offset implies " + d + ")");
        }
        if (width > 0 && pend.nb == width && d % width == 0) {
            return err(cur.line, col(cur, cur.offA), String.format(
                    "missing row: offset %s expected after the row on line %d, found %s (%d bytes not in the dump)",
                    fmt(pend.off + width), pend.line, str(cur), d - width));
        }
        int c = pend.ntok > 0 ? pend.tokB[pend.ntok - 1] : pend.offB;
        return err(pend.line, col(pend, c), String.format(
                "row has %d bytes but the next offset (%s on line %d) implies %d", pend.nb, str(cur), cur.line, d));
    }

    private void fillRepeats(long d) throws InputException {
        long w = width > 0 ? Math.min(width, pend.nb) : pend.nb;
        if (w <= 0 || d % w != 0 || pend.nb < w) {
            throw err(cur.line, col(cur, cur.offA), String.format(
                    "offset %s after '*' (line %d) is not a whole number of repeated %d-byte rows after offset %s",
                    str(cur), starLine, w, str(pend)));
        }
        if (frame.n + d > hp.length() * 64L + (1 << 20)) {
            throw err(cur.line, col(cur, cur.offA), "'*' repeats more bytes than is reasonable (" + d + ")");
        }
        for (long k = 0; k < d / w; k++) frame.add(pend.b, 0, (int) w);
        star = false;
        pendFirst = false;
    }

    private void endMarker(long o) throws InputException {
        long d = o - pend.off;
        if (star) {
            fillRepeats(d);
            closeFrame();
            return;
        }
        if (d > 0 && d <= pend.nb) {
            commit((int) d);
            closeFrame();
        } else if (d > pend.nb && cur.digits() == pend.digits() && cur.line == pend.line + 1) {
            if (pendFirst && pend.nb > 0) {
                commit(pend.nb);
                closeFrame();
                return;
            }
            throw shortRow(d);
        }
    }

    private void finishFrame() throws InputException {
        if (star) {
            throw err(starLine, 1, "'*' (repeated rows) at the end of a dump: no offset follows to say how many bytes it stands for");
        }
        if (stopInHexArea(pend) && (hexEndCol < 0 || pend.stopA - pend.lineStart < hexEndCol)) {
            throw shortRow(pend.nb + 1);
        }
        int nb = pend.nb;
        if (asciiCol > 0 && width > 0) {
            // the full rows showed where their ASCII column starts: what starts there is text, what is before is bytes
            for (int i = 0; i < pend.ntok; i++) {
                if (pend.tokA[i] - pend.lineStart >= asciiCol) {
                    nb = Math.min(nb, i == 0 ? 0 : pend.tokEnd[i - 1]);
                    break;
                }
            }
            if (nb > width) {
                int t = tokenHolding((int) width);
                throw err(pend.line, col(pend, pend.tokA[t]), String.format("row has %d bytes, more than the %d of "
                        + "the rows before it: '%s' is a byte too many", nb, width, hp.excerpt(pend.tokA[t], pend.tokB[t])));
            }
        }
        if (width > 0 && nb > width) {
            // a short last row whose ASCII column is all digits ("000000000000") when no full row showed where that
            // column starts: text after a wide gap that spells the bytes before it is the ASCII column
            int split = asciiColumnSplit();
            if (split <= width) nb = split;
            else extraBytes((int) width);
        }
        if (width > 0) nb = (int) Math.min(nb, width);
        if (hexEndCol > 0) {
            for (int i = 0; i < pend.ntok; i++) {
                if (pend.tokA[i] - pend.lineStart >= hexEndCol) {
                    nb = Math.min(nb, i == 0 ? 0 : pend.tokEnd[i - 1]);
                    break;
                }
            }
        } else {
            nb = Math.min(nb, asciiColumnSplit());
        }
        commit(nb);
        closeFrame();
    }

    /**
     * For a last row whose hex area is not known from full rows (a one-row dump): trailing groups after a gap of two
     * or more blanks that spell exactly the ASCII rendering of the bytes before them ("0000  41 42   AB") are the
     * ASCII column. Returns the number of real bytes.
     */
    private int asciiColumnSplit() {
        for (int k = 1; k < pend.ntok; k++) {
            int gapStart = pend.tokB[k - 1];
            // groups of a continuation line lie past the row's line end: no ASCII column there
            if (pend.tokA[k] >= pend.lineEnd) break;
            if (pend.tokA[k] - gapStart < 2) continue;
            int bytes = pend.tokEnd[k - 1];
            String rest = s.substring(pend.tokA[k], pend.lineEnd);
            StringBuilder r = new StringBuilder(bytes);
            for (int i = 0; i < bytes; i++) {
                int v = pend.b[i] & 0xFF;
                r.append(v >= 0x20 && v < 0x7F ? (char) v : '.');
            }
            String render = r.toString().strip();
            if (!render.isEmpty() && (rest.equals(render) || rest.equals("|" + render + "|") || rest.equals(">" + render + "<"))) {
                return bytes;
            }
        }
        return pend.nb;
    }

    private void closeFrame() {
        if (frameIndent >= 0) indentEnds.put(frameIndent, new long[] {frameStart + frame.n, pend.line});
        if (frame.n > 0) {
            frames.add(frame.take());
            hp.markFrameEnd();
        }
        frame.n = 0;
        have = false;
        pend.nb = 0;
        star = false;
    }

    private void commit(int count) {
        frame.add(pend.b, 0, count);
        if (count <= 0 || pend.ntok == 0) return;
        // one range per row: from the first group to the end of the last byte read (a continuation line on its own)
        int t = count == pend.nb ? pend.ntok - 1 : tokenHolding(count - 1);
        int before = t == 0 ? 0 : pend.tokEnd[t - 1];
        int a = pend.tokA[t], z = pend.tokB[t];
        if (!pend.octal && !pend.le16 && z - a == 2 * (pend.tokEnd[t] - before)) z = a + 2 * (count - before);
        int first = 0;
        for (int i = 1; i <= t; i++) {
            if (pend.tokA[i] > pend.lineEnd && pend.tokB[i - 1] <= pend.lineEnd) {
                hp.used(pend.tokA[first], pend.tokB[i - 1]);
                first = i;
            }
        }
        hp.used(pend.tokA[first], z);
    }

    /**
     * A row holds more bytes than the next offset allows. That is fine when the rest is the row's ASCII column (no
     * wider than the row's bytes, or spelling them); a byte more in the hex columns is an error, never dropped.
     */
    private void extraBytes(int d) throws InputException {
        int t = tokenHolding(d);
        int before = t == 0 ? 0 : pend.tokEnd[t - 1];
        if (before != d) {
            throw err(pend.line, col(pend, pend.tokA[t]), String.format("row has %d bytes in its hex columns but the "
                    + "next offset implies %d", pend.nb, d));
        }
        // an ASCII column is as wide as the row's bytes (plus its delimiters), or spells them
        // (after a gap of two blanks or more: one blank after the last byte is a separator between bytes, and a
        // 17th byte "c2 7f" is a byte too many, never an ASCII column)
        boolean gap = t > 0 && pend.tokA[t] - pend.tokB[t - 1] >= 2;
        if (gap && pend.lineEnd - pend.tokA[t] <= d + 2 || asciiOf(pend, d, pend.tokA[t])) return;
        throw err(pend.line, col(pend, pend.tokA[t]), String.format("row has %d bytes, one more than the %d the "
                + "next offset implies: '%s' is a byte too many (or an offset is wrong)", pend.nb, d,
                hp.excerpt(pend.tokA[t], pend.tokB[t])));
    }

    /** True when the text from {@code a} to the end of the row reads as the printable rendering of its first d bytes. */
    private boolean asciiOf(Row r, int d, int a) {
        int len = Math.min(d, r.lineEnd - a);
        if (len <= 0) return false;
        int good = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(a + i);
            int v = r.b[i] & 0xFF;
            boolean printable = v >= 0x20 && v < 0x7F;
            if (printable ? c == v || c == '.' : c == '.' || c > 0x7F || c == ' ' && v == 0xA0) good++;
        }
        return good * 4 >= len * 3 && (len >= Math.min(d, 4));
    }

    /** A row stopped at something that is still hex-like and inside its hex columns (a typo like 'A' for 'A2'). */
    private boolean stopInHexArea(Row r) {
        if (r.stopA < 0 || r.ntok == 0) return false;
        int gap = r.stopA - r.tokB[r.ntok - 1];
        if (gap >= 2) return false;
        if (r.stopOdd) return true;
        // a non-hex word followed by more byte groups: "00 1b zz 23 …"
        int q = r.stopA;
        while (q < r.lineEnd && !HexDumpParser.isBlank(s.charAt(q))) q++;
        int w = q - r.stopA;
        while (q < r.lineEnd && HexDumpParser.isBlank(s.charAt(q))) q++;
        int z = q;
        while (z < r.lineEnd && !HexDumpParser.isBlank(s.charAt(z))) z++;
        int tw = r.tokB[0] - r.tokA[0];
        return w <= tw && z - q == tw && hp.allHex(q, z) && q - (r.stopA + w) == gap;
    }

    private int tokenHolding(int byteIndex) {
        for (int i = 0; i < pend.ntok; i++) if (pend.tokEnd[i] > byteIndex) return i;
        return Math.max(0, pend.ntok - 1);
    }

    private static int col(Row r, int pos) {
        return pos - r.lineStart + 1;
    }

    private String str(Row r) {
        return s.substring(r.offA, r.offB);
    }

    private static String fmt(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static InputException err(int line, int col, String msg) {
        return InputException.at(line, col, msg);
    }
}
