package org.frameinspector.core.input.hexdump;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frameinspector.core.source.InputException;

/**
 * Recovers the exact bytes of the frames in a pasted hex dump, whatever tool or person made it.
 *
 * <p>The text is read line by line with a hand-written scanner (no regular expressions, no per-byte objects). The
 * first matching family wins:
 * <ol>
 * <li>rows with offsets (tshark -x, tcpdump -x, xxd, hexdump, od, text2pcap, Network Monitor / KB articles, Cisco
 * capture dumps, Exchange logs with [decimal] offsets): bytes come from the hex columns only, the ASCII column is
 * never read as data, and each offset is checked against the bytes read so far;</li>
 * <li>C / Python / JavaScript strings with {@code \x..} escapes;</li>
 * <li>lists of {@code 0x..} bytes (C arrays, xxd -i, JavaScript buffers);</li>
 * <li>rows of hex without offsets (spaced, grouped, colon or dash separated, continuous, od -An);</li>
 * <li>Base64.</li>
 * </ol>
 */
public final class HexDumpParser {
    /** Value of a hex digit by char code (0..255), -1 for anything else. */
    static final byte[] HEX = new byte[256];
    /** Blank chars by code (0..255): space, tab, form feed, backspace, vertical tab, no-break space. */
    static final boolean[] BLANK = new boolean[256];

    static {
        Arrays.fill(HEX, (byte) -1);
        for (char c : new char[] {' ', '\t', '\f', '\b', 0x0B, 0xA0}) BLANK[c] = true;
        for (int i = 0; i < 10; i++) HEX['0' + i] = (byte) i;
        for (int i = 0; i < 6; i++) {
            HEX['a' + i] = (byte) (10 + i);
            HEX['A' + i] = (byte) (10 + i);
        }
    }

    private final String s;
    private final int n;
    private byte[] bytes;
    private final List<String> warnings = new ArrayList<>();
    /** Byte ranges read so far (pairs of char indexes), and per-frame timestamps of the family being tried. */
    private int[] ranges;
    /** The text has a '"' somewhere (JSON is only looked for then). */
    private boolean quotes = true;
    private int nRanges;
    private long[] stamps = new long[8];
    private int nStamps;

    private HexDumpParser(String s, byte[] bytes) {
        this.s = s;
        this.n = s.length();
        this.bytes = bytes;
        this.ranges = new int[Math.max(64, Math.min(n / 24, 1 << 24))]; // about one range per row
    }

    /**
     * Recovers the frames of a dump text. Errors name the line and column in {@code text} as given; their message
     * shows control and invisible characters escaped, never raw.
     */
    public static HexDump parse(CharSequence text) throws InputException {
        String orig = text.toString();
        TextCleaner c = TextCleaner.clean(orig);
        if (c.undone.isEmpty()) return parseCleaned(c, orig, List.of());
        // HTML, quoted-printable or a hyphenated stream was undone: the text is also read as it is, and when both
        // readings work but differ, the doubt is named
        HexDump structural = null, plain = null;
        InputException first = null;
        try {
            structural = parseCleaned(c, orig, List.of("read after undoing " + c.undone));
        } catch (InputException e) {
            first = e;
        }
        try {
            plain = parseCleaned(TextCleaner.clean(orig, false), orig, List.of());
        } catch (InputException e) {
            if (structural == null) throw first;
        }
        if (structural == null) return plain;
        if (plain == null || sameFrames(plain, structural)) return structural;
        List<String> w = new ArrayList<>(structural.warnings());
        w.add(0, "read after undoing " + c.undone + "; read as plain text the dump gives other bytes ("
                + plain.frames().size() + " frame(s)): check that it really is " + c.undone);
        w.remove(1);
        return new HexDump(structural.frames(), structural.layout(), w, structural.timestampsNanos(),
                structural.byteRanges());
    }

    private static boolean sameFrames(HexDump a, HexDump b) {
        if (a.frames().size() != b.frames().size()) return false;
        for (int i = 0; i < a.frames().size(); i++) if (!Arrays.equals(a.frames().get(i), b.frames().get(i))) return false;
        return true;
    }

    private static HexDump parseCleaned(TextCleaner c, String orig, List<String> notes) throws InputException {
        HexDumpParser hp = new HexDumpParser(c.text, c.bytes);
        hp.quotes = c.quotes;
        HexDump d;
        try {
            d = hp.run();
        } catch (InputException e) {
            throw remap(e, hp, c, orig);
        }
        List<String> w = d.warnings();
        if (!notes.isEmpty()) {
            w = new ArrayList<>(notes);
            w.addAll(d.warnings());
        }
        int[] r = d.byteRanges();
        if (c.changed()) {
            r = r.clone();
            for (int i = 0; i < r.length; i++) r[i] = c.original(r[i]);
        }
        return new HexDump(d.frames(), d.layout(), w, d.timestampsNanos(), r);
    }

    private HexDump run() throws InputException {
        List<byte[]> frames = quotes ? JsonRaw.frames(this) : List.of();
        if (!frames.isEmpty()) return done(frames, "tshark -T json -x (frame_raw values)");
        reset();
        OffsetScan scan = new OffsetScan(this);
        if (scan.survey()) {
            OffsetBuilder ob = new OffsetBuilder(this, scan);
            frames = ob.build();
            if (!frames.isEmpty()) {
                return done(frames, ob.blocks ? "Follow TCP Stream hex (a frame per block of one direction)"
                        : scan.layoutName());
            }
        }
        reset();
        frames = Literals.escapes(this);
        if (!frames.isEmpty()) return done(frames, "string literals with \\x escapes (C / Python bytes)");
        reset();
        frames = Literals.zeroXLists(this);
        if (!frames.isEmpty()) return done(frames, "0x.. byte list (C array / xxd -i)");
        reset();
        frames = Decimals.frames(this);
        if (!frames.isEmpty()) return done(frames, warnings.stream().anyMatch(w -> w.startsWith("read as decimal"))
                ? "decimal byte list (Java / Go / Erlang / C# / JavaScript)" : "byte list in brackets (two-digit hex)");
        reset();
        BareRows bare = new BareRows(this);
        frames = bare.build();
        if (!frames.isEmpty()) return done(frames, bare.layout);
        reset();
        frames = Literals.base64(this);
        if (!frames.isEmpty()) return done(frames, "Base64");
        throw noDump();
    }

    private InputException noDump() {
        int hex = 0, dots = 0, other = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (hexVal(c) >= 0) hex++;
            else if (c == '.') dots++;
            else if (c > ' ') other++;
        }
        if (dots > 0 && dots * 4 >= dots + hex + other) {
            return InputException.at(1, 1, "no hex dump found: this looks like the printable-text (ASCII) column of a "
                    + "dump, which does not hold the bytes; copy the hex (\"Copy as Hex Dump\" / tshark -x)");
        }
        if (hex == 0) return InputException.at(1, 1, "no hex dump found: the text holds no hex digits at all");
        return InputException.at(1, 1, "no hex dump found: expected rows of hex bytes (with or without offsets), "
                + "0x.. lists, \\x.. escapes, decimal byte lists or Base64");
    }

    private HexDump done(List<byte[]> frames, String layout) throws InputException {
        Truncation.check(this, frames);
        long[] ts = nStamps > 0 ? Arrays.copyOf(stamps, Math.min(nStamps, frames.size())) : null;
        return new HexDump(frames, layout, warnings, ts, Arrays.copyOf(ranges, nRanges));
    }

    /** Forgets the ranges and timestamps of a family that found nothing. */
    private void reset() {
        nRanges = 0;
        nStamps = 0;
        nFrameEnds = 0;
    }

    /** Range counts at the end of each frame (where cut marks are looked for); none recorded: every range. */
    private int[] frameEnds = new int[16];
    private int nFrameEnds;

    /** Called when a frame is complete: its last byte range is the one recorded last. */
    void markFrameEnd() {
        if (nRanges == 0 || nFrameEnds > 0 && frameEnds[nFrameEnds - 1] == nRanges) return;
        if (nFrameEnds == frameEnds.length) frameEnds = Arrays.copyOf(frameEnds, nFrameEnds * 2);
        frameEnds[nFrameEnds++] = nRanges;
    }

    /** True if the range ending at index {@code k} (odd) ends a frame, or no frame ends were recorded. */
    boolean endsFrame(int k) {
        if (nFrameEnds == 0) return true;
        int i = Arrays.binarySearch(frameEnds, 0, nFrameEnds, k + 1);
        return i >= 0;
    }

    // ---------------------------------------------------------------- what was read, where

    /** Records that s[a,b) was read as bytes (merged with the previous range when only blanks lie between). */
    void used(int a, int b) {
        if (b <= a) return;
        if (nRanges > 0) {
            int pe = ranges[nRanges - 1];
            if (a >= pe && a - pe <= 8) {
                byte[] ab = bytes;
                boolean blanks = true;
                for (int i = pe; i < a && blanks; i++) blanks = BLANK[ab[i] & 0xFF];
                if (blanks) {
                    ranges[nRanges - 1] = Math.max(pe, b);
                    return;
                }
            }
        }
        if (nRanges + 2 > ranges.length) ranges = Arrays.copyOf(ranges, ranges.length * 2);
        ranges[nRanges++] = a;
        ranges[nRanges++] = b;
    }

    int[] rangesView() {
        return ranges;
    }

    /** An error at char index {@code pos} of the parsed text. */
    InputException errorAt(int pos, String msg) {
        pos = Math.max(0, Math.min(pos, n));
        int line = 1, ls = 0;
        for (int i = s.indexOf('\n'); i >= 0 && i < pos; i = s.indexOf('\n', i + 1)) {
            line++;
            ls = i + 1;
        }
        return InputException.at(line, pos - ls + 1, msg);
    }

    int rangeMark() {
        return nRanges;
    }

    void rangeReset(int mark) {
        nRanges = Math.min(nRanges, mark);
    }

    /** The end of the last range read as bytes, or -1. */
    int lastUsedEnd() {
        return nRanges == 0 ? -1 : ranges[nRanges - 1];
    }

    /** Sets the timestamp of frame {@code index} (0-based). */
    void stamp(int index, long nanos) {
        if (nanos == 0 || index < 0 || index > 1 << 24) return;
        if (index >= stamps.length) stamps = Arrays.copyOf(stamps, Math.max(index + 1, stamps.length * 2));
        stamps[index] = nanos;
        nStamps = Math.max(nStamps, index + 1);
    }

    // ---------------------------------------------------------------- errors in the user's coordinates

    private static InputException remap(InputException e, HexDumpParser hp, TextCleaner c, String orig) {
        String msg = e.getMessage();
        if (e.line() < 1) return new InputException(visible(msg), e.line(), e.column(), e.byteOffset());
        String prefix = "line " + e.line() + ", column " + e.column() + ": ";
        String reason = msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg;
        int line = e.line(), col = e.column();
        if (c.changed()) {
            int off = hp.offsetOf(e.line(), e.column());
            int o = c.original(off);
            line = 1;
            int ls = 0;
            for (int i = 0; i < o && i < orig.length(); i++) {
                char ch = orig.charAt(i);
                if (ch == '\n' || ch == '\r' && (i + 1 >= orig.length() || orig.charAt(i + 1) != '\n')) {
                    line++;
                    ls = i + 1;
                }
            }
            col = o - ls + 1;
        }
        return InputException.at(line, col, visible(reason));
    }

    /** Char index of a 1-based line and column of the parsed text. */
    private int offsetOf(int line, int col) {
        int p = 0;
        for (int l = 1; l < line && p < n; l++) {
            int e = s.indexOf('\n', p);
            if (e < 0) return n;
            p = e + 1;
        }
        return Math.min(n, p + Math.max(0, col - 1));
    }

    /** A message with control, bidirectional and invisible characters shown as escapes (never sent raw to a terminal). */
    static String visible(String m) {
        StringBuilder b = null;
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            boolean bad = c < 0x20 || (c >= 0x7F && c <= 0x9F) || TextCleaner.invisible(c) || c == 0x2028 || c == 0x2029;
            if (bad && b == null) b = new StringBuilder(m.substring(0, i));
            if (b != null) {
                if (bad) b.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
                else b.append(c);
            }
        }
        return b == null ? m : b.toString();
    }

    // ---------------------------------------------------------------- shared helpers

    /** The text as ISO-8859-1 bytes (one byte per char; other chars become '?'), for the hot loops. */
    byte[] bytes() {
        if (bytes == null) {
            // not reached through parse(): the cleaner makes the copy
            // char by char: String.getBytes would turn a surrogate pair into one '?' and shift every later index
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                b[i] = c < 256 ? (byte) c : (byte) '?';
            }
            bytes = b;
        }
        return bytes;
    }

    static boolean isBlankByte(byte c) {
        return BLANK[c & 0xFF];
    }

    String text() {
        return s;
    }

    int length() {
        return n;
    }

    void warn(String w) {
        if (warnings.size() < 20) warnings.add(w);
    }

    static int hexVal(char c) {
        return c < 256 ? HEX[c] : -1;
    }

    static boolean isHexByte(byte c) {
        return HEX[c & 0xFF] >= 0;
    }

    static boolean isBlankChar(char c) {
        return c < 256 && BLANK[c];
    }

    static boolean isBlank(char c) {
        return c < 256 && BLANK[c];
    }

    /** End of the line starting at p (index of '\n' or n). */
    int lineEnd(int p) {
        int e = s.indexOf('\n', p);
        return e < 0 ? n : e;
    }

    /** Content end of a line: without a trailing '\r' and trailing blanks. */
    int trimEnd(int p, int e) {
        while (e > p && (s.charAt(e - 1) == '\r' || isBlank(s.charAt(e - 1)))) e--;
        return e;
    }

    /**
     * Skips what people and tools put before a dump row: indentation, e-mail quote markers ({@code >}, {@code >>}),
     * RAS log direction markers ({@code <} before a hex digit), comment markers ({@code //}) and pager prompts.
     */
    int skipPrefix(int p, int e) {
        boolean again = true;
        while (again && p < e) {
            again = false;
            while (p < e && isBlank(s.charAt(p))) p++;
            if (p >= e) break;
            char c = s.charAt(p);
            if (c == '>' || c == '|') {
                if (c == '|' && p + 1 < e && s.charAt(p + 1) != ' ' && s.charAt(p + 1) != '\t') break;
                p++;
                again = true;
            } else if (c == '<' && p + 1 < e && hexVal(s.charAt(p + 1)) >= 0) {
                p++;
                again = true;
            } else if (c == '/' && p + 1 < e && s.charAt(p + 1) == '/') {
                p += 2;
                again = true;
            } else if ((c == '-' || c == '<') && s.startsWith("--More--", p) || (c == '-' || c == '<') && (s.startsWith("-- More --", p) || s.startsWith("<--- More --->", p))) {
                p = s.indexOf('-', s.indexOf("More", p) + 4) + 1;
                while (p < e && s.charAt(p) == '-') p++;
                while (p < e && s.charAt(p) == '>') p++;
                again = true;
            }
        }
        return p;
    }

    /** True if s[a,b) consists of hex digits only (b > a). */
    boolean allHex(int a, int b) {
        if (b <= a) return false;
        for (int i = a; i < b; i++) if (hexVal(s.charAt(i)) < 0) return false;
        return true;
    }

    String excerpt(int a, int b) {
        if (b - a > 24) b = a + 24;
        return visible(s.substring(a, b));
    }

    /** Growable byte buffer without per-byte objects. */
    static final class Bytes {
        byte[] b = new byte[256];
        int n;

        void add(int v) {
            if (n == b.length) b = Arrays.copyOf(b, b.length * 2);
            b[n++] = (byte) v;
        }

        void add(byte[] src, int off, int len) {
            if (n + len > b.length) b = Arrays.copyOf(b, Math.max(b.length * 2, n + len));
            System.arraycopy(src, off, b, n, len);
            n += len;
        }

        byte[] take() {
            byte[] r = Arrays.copyOf(b, n);
            n = 0;
            if (b.length > 1 << 16) b = new byte[256];
            return r;
        }
    }
}
