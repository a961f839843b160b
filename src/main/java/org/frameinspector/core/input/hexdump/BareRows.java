package org.frameinspector.core.input.hexdump;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frameinspector.core.source.InputException;

/**
 * Hex without offsets: spaced bytes, 16-bit or mixed groups, colon/dash separated bytes, od -An, continuous hex
 * (wrapped like xxd -p, or one frame per line like tshark -T fields -e data) and log lines ending in a run of bytes
 * ("Sent 33 bytes: 03 00 ..."). Rows next to each other form one frame; a blank or other line ends it.
 */
final class BareRows {
    private final HexDumpParser hp;
    private final String s;
    String layout;

    private final HexDumpParser.Bytes block = new HexDumpParser.Bytes();
    private int[] lineBytes = new int[16];
    private int[] lineLen = new int[16];
    private int nLines;
    private boolean blockContinuous;
    private final List<byte[]> frames = new ArrayList<>();

    // the line being scanned
    private int rowBytes;
    private boolean rowContinuous;
    private int rowHexLen;

    BareRows(HexDumpParser hp) {
        this.hp = hp;
        this.s = hp.text();
    }

    List<byte[]> build() throws InputException {
        int n = hp.length();
        int lineNo = 0;
        boolean lastWasWideRow = false;
        int lastRowBytes = 0;
        for (int p = 0; p < n; ) {
            int e0 = hp.lineEnd(p);
            lineNo++;
            int a = p;
            p = e0 + 1;
            int e = hp.trimEnd(a, e0);
            int q = hp.skipPrefix(a, e);
            // Node's "<Buffer 03 00 …>" at the start of a line is the label of the bytes, not a prefix to skip
            int nodeBuffer = indexIn("<Buffer ", a, Math.min(q + 8, e));
            if (nodeBuffer >= 0 && nodeBuffer < q) q = nodeBuffer;
            if (q >= e) {
                flush();
                prevLabel = null;
                lastWasWideRow = false;
                continue;
            }
            if (s.charAt(q) == '*' && q + 1 == e) {
                throw InputException.at(lineNo, q - a + 1, "'*' (repeated rows) in a dump without offsets: the number "
                        + "of repeated bytes cannot be known (make the dump with od -v / hexdump -v, or with offsets)");
            }
            int mark = block.n;
            int rmark = hp.rangeMark();
            labelled = false;
            continuesLabel = false;
            if (scanRow(q, e, a, lineNo)) {
                if (!labelled) prevLabel = null;
                if (labelled && nLines > 0 && !continuesLabel) {
                    // the bytes of this line were appended to the block: move them to a frame of their own
                    byte[] mine = java.util.Arrays.copyOfRange(block.b, mark, block.n);
                    block.n = mark;
                    flush();
                    block.add(mine, 0, mine.length);
                }
                if (nLines > 0 && rowContinuous != blockContinuous) flush();
                if (nLines == 0) {
                    blockContinuous = rowContinuous;
                    if (layout == null) layout = rowContinuous ? "continuous hex" : "hex bytes without offsets";
                }
                addLine(rowBytes, rowHexLen);
                lastRowBytes = rowBytes;
                lastWasWideRow = !rowContinuous && rowBytes >= 8;
            } else {
                prevLabel = null;
                block.n = mark;
                hp.rangeReset(rmark);
                if (lastWasWideRow && looksLikeAsciiColumnLine(q, e, lastRowBytes)) {
                    lastWasWideRow = false;
                    continue;
                }
                flush();
                lastWasWideRow = false;
            }
        }
        flush();
        if (frames.size() > 1 && layout != null && layout.equals("continuous hex")) layout = "continuous hex, one frame per line";
        return frames;
    }

    /**
     * A line that is the ASCII column of the row above it, moved to a line of its own (LAN Manager and Exchange
     * logs): it must read as a piece of the printable rendering of that row's bytes. It is skipped, never decoded.
     */
    private boolean looksLikeAsciiColumnLine(int q, int e, int prevBytes) {
        if (e - q > prevBytes + 2 || prevBytes > block.n || prevBytes > 64) return false;
        StringBuilder r = new StringBuilder(prevBytes);
        for (int i = block.n - prevBytes; i < block.n; i++) {
            int v = block.b[i] & 0x7F;
            r.append(v >= 0x20 && v < 0x7F ? (char) v : '.');
        }
        String line = s.substring(q, e);
        if (r.indexOf(line) >= 0) return true;
        // tolerate '.' shown for bytes a tool considers unprintable
        outer:
        for (int st = 0; st + line.length() <= r.length(); st++) {
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k), x = r.charAt(st + k);
                if (c != x && c != '.') continue outer;
            }
            return true;
        }
        return false;
    }

    private void addLine(int bytes, int hexLen) {
        if (nLines == lineBytes.length) {
            lineBytes = Arrays.copyOf(lineBytes, nLines * 2);
            lineLen = Arrays.copyOf(lineLen, nLines * 2);
        }
        lineBytes[nLines] = bytes;
        lineLen[nLines] = hexLen;
        nLines++;
    }

    private void flush() throws InputException {
        if (nLines == 0) {
            block.n = 0;
            return;
        }
        if (blockLabelAt >= 0 && !blockStated) cutByItsOwnLength(block.b, block.n, blockLabelAt);
        blockLabelAt = -1;
        boolean perLine = false;
        if (blockContinuous && nLines > 1) {
            int l = lineLen[0];
            for (int i = 1; i < nLines - 1; i++) if (lineLen[i] != l) perLine = true;
            if (lineLen[nLines - 1] > l) perLine = true;
            if (!perLine && nLines == 2 && lineLen[1] == l && !isWrapWidth(l)) perLine = true;
        }
        if (perLine) {
            int off = 0;
            for (int i = 0; i < nLines; i++) {
                frames.add(Arrays.copyOfRange(block.b, off, off + lineBytes[i]));
                off += lineBytes[i];
            }
            block.n = 0;
        } else if (block.n > 0) {
            frames.add(block.take());
            hp.markFrameEnd();
        }
        block.n = 0;
        nLines = 0;
    }

    private static boolean isWrapWidth(int l) {
        return l == 32 || l == 40 || l == 48 || l == 60 || l == 64 || l == 70 || l == 72 || l == 76 || l == 80
                || l == 96 || l == 128;
    }

    /**
     * Scans a line as a row of bytes; on success the bytes are appended to {@link #block}.
     * Throws for a line that is clearly hex but has an odd number of digits in a group.
     */
    private boolean scanRow(int q, int e, int lineA, int lineNo) throws InputException {
        rowBytes = 0;
        rowHexLen = 0;
        rowContinuous = false;
        int start = block.n;
        int rmark = hp.rangeMark();
        int ntok = 0;
        int p = q;
        int stop = -1;
        int gapBeforeStop = 0;
        int firstLen = 0;
        while (p < e) {
            int t = p;
            while (p < e && !HexDumpParser.isBlank(s.charAt(p))) p++;
            int len = p - t;
            int got = hexToken(t, p);
            if (got < 0) {
                if (hp.allHex(t, p) && (len & 1) == 1) {
                    // an odd group: an error when hex follows it or it clearly continues the run
                    int r = p;
                    while (r < e && HexDumpParser.isBlank(s.charAt(r))) r++;
                    boolean singleGap = r - p <= 1;
                    int r2 = r;
                    while (r2 < e && !HexDumpParser.isBlank(s.charAt(r2))) r2++;
                    boolean hexFollows = r < e && hexToken2(r, r2);
                    boolean wholeLine = ntok == 0 && r >= e && len >= 7;
                    if (wholeLine || (ntok > 0 && (hexFollows || (r >= e && singleGap && gapBefore(t) <= 1)))
                            || (ntok == 0 && hexFollows && len > 1)) {
                        throw InputException.at(lineNo, t - lineA + 1, "odd number of hex digits (" + len + ") in '"
                                + hp.excerpt(t, p) + "': expected pairs of hex digits");
                    }
                }
                stop = t;
                gapBeforeStop = gapBefore(t);
                break;
            }
            if (ntok == 0) firstLen = len;
            hp.used(t, p);
            ntok++;
            rowBytes += got;
            rowHexLen += len;
            while (p < e && HexDumpParser.isBlank(s.charAt(p))) p++;
        }
        if (ntok > 0) {
            if (stop < 0) {
                rowContinuous = ntok == 1 && firstLen > 8;
                if (ntok == 1 && firstLen < 4 && nLines == 0) return false;
                return true;
            }
            char c = s.charAt(stop);
            boolean asciiCol = (c == '|' || c == '>') || (gapBeforeStop >= 2 && ntok >= 2 && e - stop <= Math.max(rowBytes, 16) + 4);
            if (asciiCol) return true;
            block.n = start;
            hp.rangeReset(rmark);
            rowBytes = 0;
            rowHexLen = 0;
            // fall through: maybe a log line ending with bytes
        }
        return logLine(q, e);
    }

    private int gapBefore(int t) {
        int g = 0;
        while (t - g - 1 >= 0 && HexDumpParser.isBlank(s.charAt(t - g - 1))) g++;
        return g;
    }

    /**
     * Hex after a label on the same line: "Sent 33 bytes: 03 00 00 21 …", "RX 19 bytes: 03-00-00-13-…",
     * "data=0300001611e0…", "<Buffer 03 00 …>", {@code "payload": "0300…"}. The value is what follows the last ':' or
     * '=' (or "<Buffer"), inside optional quotes or brackets: spaced byte pairs (at least 4), one dash- or
     * colon-joined token (at least 4 bytes) or continuous hex (at least 8 digits). When the label states a byte count
     * ("19 bytes", "len=19", "length 19", "22B") the bytes must agree, else it is an error.
     */
    private boolean logLine(int q, int e) throws InputException {
        int v = -1;
        int buf = indexIn("<Buffer ", q, e);
        if (buf >= 0) {
            v = buf + 8;
        } else {
            for (int i = e - 1; i > q; i--) {
                char c = s.charAt(i);
                if (c == ':' || c == '=') {
                    v = i + 1;
                    break;
                }
            }
        }
        if (v >= 0 && value(q, v, e)) return true;
        // an XML element: <data>0300…</data>
        for (int i = q; i < e; i++) {
            if (s.charAt(i) != '>') continue;
            int z = i + 1;
            while (z < e && HexDumpParser.hexVal(s.charAt(z)) >= 0) z++;
            if (z < e && s.charAt(z) == '<' && z - i - 1 >= 8 && ((z - i - 1) & 1) == 0) return value(q, i + 1, z);
        }
        // no delimiter before the bytes: the line ends in a run of bytes after a word ("c.a.S7 - 03 00 00 21 …")
        int t = trailingRun(q, e);
        return t > q && value(q, t, e);
    }

    /** Index of w in s[a,e), or -1 (never looks past the line). */
    private int indexIn(String w, int a, int e) {
        for (int i = a; i + w.length() <= e; i++) if (s.startsWith(w, i)) return i;
        return -1;
    }

    /** Start of the run of hex tokens that ends the line (at least 8 byte pairs, or one token of 16+ digits). */
    private int trailingRun(int q, int e) {
        int p = e, pairs = 0, runStart = -1;
        while (p > q) {
            int z = p;
            while (z > q && HexDumpParser.isBlank(s.charAt(z - 1))) z--;
            int t = z;
            while (t > q && !HexDumpParser.isBlank(s.charAt(t - 1))) t--;
            if (t == z || !hp.allHex(t, z) || ((z - t) & 1) != 0) break;
            if (z - t == 2) {
                pairs++;
                runStart = t;
            } else if (pairs == 0 && z - t >= 16) {
                return t > q ? t : -1;
            } else {
                break;
            }
            p = t;
        }
        // after a labelled row of the same kind, a shorter last row goes on with it (value() checks the label)
        int min = prevLabel != null && isRowWidth(prevLabelBytes) ? 1 : 8;
        return pairs >= min && runStart > q ? runStart : -1;
    }

    /** Label key of the previous labelled line (digits dropped), its byte count, and whether its label gave a count. */
    private String prevLabel;
    private int prevLabelBytes;
    private boolean prevStated;
    /** Set when this labelled line goes on with the previous one (same label, rows of one width). */
    private boolean continuesLabel;

    /** Reads the value of a labelled line: s[q,v) is the label, the bytes follow from v. */
    private boolean value(int q, int v, int e) throws InputException {
        int p = v;
        while (p < e && (HexDumpParser.isBlank(s.charAt(p)) || "\"'[(".indexOf(s.charAt(p)) >= 0)) p++;
        int z = e;
        while (z > p && (HexDumpParser.isBlank(s.charAt(z - 1)) || "\"']),;>}".indexOf(s.charAt(z - 1)) >= 0)) z--;
        if (z <= p) return false;
        int start = block.n;
        int mark = hp.rangeMark();
        int count = 0, tokens = 0;
        for (int t = p; t < z; ) {
            int u = t;
            while (u < z && !HexDumpParser.isBlank(s.charAt(u))) u++;
            int got = hexToken(t, u);
            if (got < 0) {
                // a truncation mark or note after the bytes ends the value: the caller checks what follows
                if (tokens == 0) {
                    block.n = start;
                    hp.rangeReset(mark);
                    return false;
                }
                break;
            }
            hp.used(t, u);
            count += got;
            tokens++;
            while (u < z && HexDumpParser.isBlank(s.charAt(u))) u++;
            t = u;
        }
        String key = labelKey(q, v);
        long stated = statedCount(q, v);
        boolean goesOn = prevLabel != null && !prevStated && stated < 0 && key.equals(prevLabel)
                && isRowWidth(prevLabelBytes) && count <= prevLabelBytes && nLines > 0;
        if (!goesOn && !(tokens >= 4 || tokens == 1 && count >= 4) || count == 0) {
            block.n = start;
            hp.rangeReset(mark);
            return false;
        }
        if (stated >= 0 && stated != count) {
            throw hp.errorAt(p, "the line says " + stated + " bytes but holds " + count + " (the copy is cut short or "
                    + "the label does not count this data)");
        }
        continuesLabel = goesOn;
        if (!goesOn) {
            blockLabelAt = p;
            blockStated = stated >= 0;
        }
        prevLabel = key;
        prevLabelBytes = count;
        prevStated = stated >= 0;
        rowBytes = block.n - start;
        rowHexLen = rowBytes * 2;
        labelled = true;
        return true;
    }

    /** Where the value of the labelled line that started the block begins (-1: not a labelled block). */
    private int blockLabelAt = -1;
    private boolean blockStated;

    /**
     * A message logged on a line is whole: when its own header says it is longer than what the line holds (a TPKT
     * length, an IPv4 total length, also behind Ethernet), the logger cut it short.
     */
    private void cutByItsOwnLength(byte[] b, int n, int at) throws InputException {
        long says = -1;
        String what = null;
        if (n >= 4 && b[0] == 3 && b[1] == 0) {
            says = (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
            what = "TPKT length";
        } else {
            int ip = n >= 20 && (b[0] & 0xF0) == 0x40 ? 0 : n >= 34 && b[12] == 8 && b[13] == 0 ? 14 : -1;
            if (ip >= 0 && (b[ip] & 0x0F) >= 5) {
                says = ip + ((b[ip + 2] & 0xFF) << 8 | (b[ip + 3] & 0xFF));
                what = "IPv4 total length";
            }
        }
        if (what != null && says > n) {
            throw hp.errorAt(at, "the " + what + " says " + says + " bytes but the line holds " + n
                    + ": the copy is cut short (a logger's length limit?)");
        }
    }

    private static boolean isRowWidth(int n) {
        return n == 8 || n == 16 || n == 20 || n == 24 || n == 32 || n == 48 || n == 64;
    }

    /** The label without digits and blanks (times, counters and line numbers differ from line to line). */
    private String labelKey(int a, int b) {
        StringBuilder k = new StringBuilder();
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            if (!Character.isDigit(c) && !HexDumpParser.isBlank(c)) k.append(c);
        }
        return k.toString();
    }

    /** Set when the row just scanned was hex after a label (it starts a frame of its own). */
    private boolean labelled;

    /** A byte count stated in a label ("19 bytes", "len=19", "length 19", "size: 19", "19B"), or -1. */
    private long statedCount(int a, int b) {
        // the count stands close to the value: look at the label's last 80 chars only (linear on long lines)
        String l = s.substring(Math.max(a, b - 80), b).toLowerCase(java.util.Locale.ROOT);
        long found = -1;
        for (int i = 0; i < l.length(); i++) {
            if (!Character.isDigit(l.charAt(i)) || i > 0 && Character.isLetterOrDigit(l.charAt(i - 1))
                    && !l.startsWith("len", Math.max(0, i - 3)) && l.charAt(i - 1) != '=') continue;
            int j = i;
            long n = 0;
            while (j < l.length() && Character.isDigit(l.charAt(j)) && j - i < 9) n = n * 10 + (l.charAt(j++) - '0');
            String after = l.substring(j).stripLeading();
            String before = l.substring(0, i).stripTrailing();
            boolean unit = after.startsWith("bytes") || after.startsWith("byte ") || after.equals("byte")
                    || l.startsWith("b ", j) || l.startsWith("b:", j) || j == l.length() - 1 && l.charAt(j) == 'b'
                    || after.startsWith("octets");
            boolean key = before.endsWith("len=") || before.endsWith("len") || before.endsWith("length")
                    || before.endsWith("length=") || before.endsWith("length:") || before.endsWith("size=")
                    || before.endsWith("size:") || before.endsWith("len:");
            if (unit || key) found = n;
            i = j;
        }
        return found;
    }

    private boolean hexToken2(int a, int b) {
        return b > a && hp.allHex(a, b) && ((b - a) & 1) == 0;
    }

    /**
     * Decodes one token: an even run of hex digits (a byte or a big-endian group), or bytes joined by ':', '-' or
     * '.' (00:0c:29, 00-0C-29); -1 if the token is something else.
     */
    private int hexToken(int a, int b) {
        int len = b - a;
        if (len >= 2 && (len & 1) == 0 && hp.allHex(a, b)) {
            for (int k = a; k < b; k += 2) block.add((HexDumpParser.HEX[s.charAt(k)] << 4) | HexDumpParser.HEX[s.charAt(k + 1)]);
            return len / 2;
        }
        if (len >= 5 && (len + 1) % 3 == 0) {
            char sep = s.charAt(a + 2);
            if (sep != ':' && sep != '-') return -1;
            for (int k = a; k < b; k += 3) {
                if (HexDumpParser.hexVal(s.charAt(k)) < 0 || HexDumpParser.hexVal(s.charAt(k + 1)) < 0) return -1;
                if (k + 2 < b && s.charAt(k + 2) != sep) return -1;
            }
            for (int k = a; k < b; k += 3) block.add((HexDumpParser.HEX[s.charAt(k)] << 4) | HexDumpParser.HEX[s.charAt(k + 1)]);
            if (layout == null) layout = sep == ':' ? "colon-separated hex bytes" : "dash-separated hex bytes";
            return (len + 1) / 3;
        }
        return -1;
    }
}
