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

    private HexDumpParser(String s) {
        this.s = s;
        this.n = s.length();
    }

    public static HexDump parse(CharSequence text) throws InputException {
        return new HexDumpParser(text.toString()).run();
    }

    private HexDump run() throws InputException {
        OffsetScan scan = new OffsetScan(this);
        if (scan.survey()) {
            List<byte[]> frames = new OffsetBuilder(this, scan).build();
            if (!frames.isEmpty()) return new HexDump(frames, scan.layoutName(), warnings);
        }
        List<byte[]> frames = Literals.escapes(this);
        if (!frames.isEmpty()) return new HexDump(frames, "string literals with \\x escapes (C / Python bytes)", warnings);
        frames = Literals.zeroXLists(this);
        if (!frames.isEmpty()) return new HexDump(frames, "0x.. byte list (C array / xxd -i)", warnings);
        BareRows bare = new BareRows(this);
        frames = bare.build();
        if (!frames.isEmpty()) return new HexDump(frames, bare.layout, warnings);
        frames = Literals.base64(this);
        if (!frames.isEmpty()) return new HexDump(frames, "Base64", warnings);
        throw InputException.at(1, 1, "no hex dump found: expected rows of hex bytes (with or without offsets), "
                + "0x.. lists, \\x.. escapes or Base64");
    }

    // ---------------------------------------------------------------- shared helpers

    /** The text as ISO-8859-1 bytes (one byte per char; other chars become '?'), for the hot loops. */
    byte[] bytes() {
        if (bytes == null) {
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
        return s.substring(a, b);
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
