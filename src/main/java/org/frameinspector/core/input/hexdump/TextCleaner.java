package org.frameinspector.core.input.hexdump;

import java.util.Arrays;

/**
 * Undoes what the way a dump travelled did to its text, before any layout is looked at: terminal colour codes,
 * invisible and bidirectional characters, Unicode spaces, CR-only line ends, HTML (tags and entities), quoted-printable
 * mail bodies, and hex streams that a PDF viewer hyphenated across lines (with page headers and footers in between).
 *
 * <p>The cleaned text keeps a map from each of its characters to the character of the original text it came from, so
 * errors and the ranges read as bytes point into what the user pasted. Text that needs none of this (the usual case,
 * and every big dump) is returned as it is after one pass that also makes the one-byte-per-char copy the scanners use.
 */
final class TextCleaner {
    /** The text the parser reads. */
    final String text;
    /** The text as one byte per char (ISO-8859-1; others become '?'). */
    final byte[] bytes;
    /** Index in the original text of each char of {@link #text} (one more entry for the end); null if unchanged. */
    private final int[] map;
    /** What was undone, for the layout name ("HTML", "quoted-printable" …); empty if nothing. */
    final String undone;

    /** False when the text has no '"' at all (then no JSON or quoted value needs looking for). */
    final boolean quotes;

    private TextCleaner(String text, byte[] bytes, int[] map, String undone, boolean quotes) {
        this.quotes = quotes;
        this.text = text;
        this.bytes = bytes;
        this.map = map;
        this.undone = undone;
    }

    /** The original index of cleaned index {@code i} (0..length). */
    int original(int i) {
        if (map == null) return i;
        return map[Math.max(0, Math.min(i, map.length - 1))];
    }

    boolean changed() {
        return map != null;
    }

    /** Bytes that need a second look: markup, '=', '-', CR, '?' (a char above 0xFF), controls, and 0x80..0xFF but NBSP. */
    private static final boolean[] LOOK = new boolean[256];

    static {
        for (int c = 0; c < 0x20; c++) LOOK[c] = c != '\n' && c != '\t' && c != '\f' && c != 0x0B && c != '\b';
        for (int c = 0x7F; c < 0x100; c++) LOOK[c] = c != 0xA0;
        for (char c : new char[] {'<', '&', '=', '-', '?', '\r', '"'}) LOOK[c] = true;
    }

    static TextCleaner clean(String s) {
        return clean(s, true);
    }

    /** With {@code structural} false only characters are cleaned (no HTML, quoted-printable or hyphen joining). */
    static TextCleaner clean(String s, boolean structural) {
        int n = s.length();
        // one byte per char (chars above 0xFF become '?'); the scan below looks at bytes only
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (b.length != n) {
            // a surrogate pair became one '?': copy char by char so every index stays the same
            b = new byte[n];
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                b[i] = c < 256 ? (byte) c : (byte) '?';
            }
        }
        boolean special = false, markup = false, eq = false, hyphen = false, quotes = false;
        boolean[] look = LOOK;
        for (int i = 0; i < n; i++) {
            if (!look[b[i] & 0xFF]) continue;
            int c = b[i] & 0xFF;
            if (c == '?') {
                if (s.charAt(i) != '?' && cleaned(s.charAt(i))) special = true;
            } else if (c == '"') {
                quotes = true;
            } else if (c == '<' || c == '&') {
                markup = true;
            } else if (c == '=') {
                eq = true;
            } else if (c == '-') {
                if (i + 1 < n && (b[i + 1] == '\n' || b[i + 1] == '\r')) hyphen = true;
            } else if (c == '\r') {
                if (i + 1 >= n || b[i + 1] != '\n') special = true;
            } else if (cleaned((char) c)) {
                special = true;
            }
        }
        if (!structural) markup = eq = hyphen = false;
        if (!special && !markup && !eq && !hyphen) return new TextCleaner(s, b, null, "", quotes);
        Mapped m = Mapped.identity(s);
        StringBuilder what = new StringBuilder();
        if (special) m = characters(m);
        if (markup && looksLikeHtml(m.s)) {
            m = html(m);
            what.append("HTML");
        }
        if (eq && looksQuotedPrintable(m.s)) {
            m = quotedPrintable(m);
            what.append(what.length() > 0 ? ", " : "").append("quoted-printable");
        }
        if (hyphen) {
            Mapped j = hyphenated(m);
            if (j != m) {
                m = j;
                what.append(what.length() > 0 ? ", " : "").append("lines joined at hyphens");
            }
        }
        if (m.s.equals(s)) return new TextCleaner(s, b, null, "", quotes);
        String t = m.s;
        byte[] tb = new byte[t.length()];
        for (int i = 0; i < tb.length; i++) {
            char c = t.charAt(i);
            tb[i] = c < 256 ? (byte) c : (byte) '?';
        }
        return new TextCleaner(t, tb, m.map, what.toString(), true);
    }

    // ------------------------------------------------------------------ characters

    /**
     * True when {@link #characters} may drop or replace {@code c} (an escape, an invisible character, a Unicode space,
     * a symbol or half of a surrogate pair that may be a pictograph). Other text, '§' of a citation or 'é' of a name,
     * passes unchanged, so a text holding only such characters is never copied with a map of 4 bytes per character
     * (a 39 MB annotated export no longer runs out of memory at 256 MiB).
     */
    static boolean cleaned(char c) {
        return c == 0x1B || c == 0x9B || invisible(c) || unicodeSpace(c) || Character.isSurrogate(c)
                || Character.getType(c) == Character.OTHER_SYMBOL;
    }

    /** True for characters that draw nothing and only steer direction or joining: they are dropped. */
    static boolean invisible(char c) {
        return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x061C
                || c == 0x180E;
    }

    /**
     * The length of the pictograph (emoji, dingbat, other symbol, with its variation selectors, skin tones, keycap
     * marks and zero-width joins) starting at i, or 0.
     */
    static int pictograph(String s, int i) {
        int n = s.length(), p = i;
        while (p < n) {
            int cp = s.codePointAt(p);
            int t = Character.getType(cp);
            boolean pict = t == Character.OTHER_SYMBOL || cp >= 0x1F000 && cp <= 0x1FAFF || cp >= 0xE0020 && cp <= 0xE007F
                    || Character.isSupplementaryCodePoint(cp) && t != Character.UNASSIGNED && !Character.isLetterOrDigit(cp);
            boolean joiner = p > i && (cp >= 0xFE00 && cp <= 0xFE0F || cp == 0x200D || cp == 0x20E3
                    || cp >= 0x1F3FB && cp <= 0x1F3FF);
            if (!pict && !joiner) break;
            p += Character.charCount(cp);
        }
        return p - i;
    }

    /** Spaces other than ' ' (no-break, figure, thin, ideographic …): read as a space. */
    static boolean unicodeSpace(char c) {
        return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    private static Mapped characters(Mapped in) {
        String s = in.s;
        int n = s.length();
        Mapped out = new Mapped(n);
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c == 0x1B || c == 0x9B) {
                i = skipEscape(s, i);
                continue;
            }
            if (c == '\r') {
                if (i + 1 < n && s.charAt(i + 1) == '\n') out.add('\r', in.at(i));
                else out.add('\n', in.at(i));
                i++;
                continue;
            }
            if (invisible(c)) {
                i++;
                continue;
            }
            int pic = pictograph(s, i);
            if (pic > 0 && out.beforeRow()) {
                // an emoji or symbol at the start of a row or right after its offset (a chat client's reaction, a
                // status icon): it is no hex digit and, left there, would hide the row from the layout scan
                i += pic;
                continue;
            }
            if (unicodeSpace(c)) {
                out.add(' ', in.at(i));
                i++;
                continue;
            }
            out.add(c, in.at(i));
            i++;
        }
        return out.done(in.at(n));
    }

    /** Skips an ANSI / ECMA-48 escape sequence (CSI, OSC, or a two-character escape) starting at i. */
    private static int skipEscape(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        int p;
        if (c == 0x9B) {
            p = i + 1;
        } else if (i + 1 < n && s.charAt(i + 1) == '[') {
            p = i + 2;
        } else if (i + 1 < n && (s.charAt(i + 1) == ']' || s.charAt(i + 1) == 'P' || s.charAt(i + 1) == '_')) {
            // OSC / DCS / APC: up to BEL or ESC \ (bounded by the line)
            p = i + 2;
            while (p < n && s.charAt(p) != 0x07 && s.charAt(p) != '\n') {
                if (s.charAt(p) == 0x1B) return Math.min(n, p + 2);
                p++;
            }
            return p < n && s.charAt(p) == 0x07 ? p + 1 : p;
        } else {
            return Math.min(n, i + 2);
        }
        while (p < n && s.charAt(p) >= 0x30 && s.charAt(p) <= 0x3F) p++;
        while (p < n && s.charAt(p) >= 0x20 && s.charAt(p) <= 0x2F) p++;
        if (p < n && s.charAt(p) >= 0x40 && s.charAt(p) <= 0x7E) p++;
        return p;
    }

    // ------------------------------------------------------------------ HTML

    private static final String[] TAGS = {"pre", "br", "div", "span", "p", "td", "tr", "th", "table", "tbody",
        "thead", "code", "font", "b", "i", "u", "tt", "em", "strong", "html", "body", "head", "title", "a", "li",
        "ul", "ol", "hr", "blockquote", "samp", "kbd", "meta", "o:p", "small", "big", "center", "section", "article",
        "style", "script", "!--"};
    private static final String[] BLOCK = {"br", "div", "p", "tr", "li", "pre", "table", "blockquote", "hr", "h1",
        "h2", "h3", "h4", "h5", "h6", "ul", "ol", "section", "article", "title"};

    static boolean looksLikeHtml(String s) {
        // a no-break space entity is spacing between bytes; "&lt;", "&gt;" and "&amp;" alone are not evidence, as an
        // ASCII column shows them whenever the bytes spell them (an annotated export of an HTML payload)
        if (s.contains("&nbsp;") || s.contains("&#160;") || s.contains("&#xa0;") || s.contains("&#xA0;")) return true;
        // tags count when they start a line (or end one): tags inside an ASCII column are bytes shown as text
        int count = 0;
        for (int i = s.indexOf('<'); i >= 0 && count < 2; i = s.indexOf('<', i + 1)) {
            int ls = i;
            while (ls > 0 && s.charAt(ls - 1) != '\n' && HexDumpParser.isBlank(s.charAt(ls - 1))) ls--;
            boolean lineStart = ls == 0 || s.charAt(ls - 1) == '\n';
            String tag = tagAt(s, i);
            if (tag == null || tag.equals("!--")) continue;
            int gt = i;
            while (gt < s.length() && s.charAt(gt) != '>') gt++; // tagAt saw it on this line
            boolean lineEnd = gt + 1 >= s.length() || s.charAt(gt + 1) == '\n' || s.charAt(gt + 1) == '\r';
            if (lineEnd && !lineStart) {
                // text glued before the tag that is not hex ("....omain.</pre>"): an ASCII column spelling a tag
                int w = i;
                while (w > 0 && !HexDumpParser.isBlank(s.charAt(w - 1)) && s.charAt(w - 1) != '\n' && s.charAt(w - 1) != '>') w--;
                for (int k = w; k < i && lineEnd; k++) lineEnd = Character.digit(s.charAt(k), 16) >= 0;
            }
            if (lineStart || lineEnd && !tag.equals("a")) count++;
        }
        return count >= 2;
    }

    /** The (lower-case) name of a known HTML tag at s[i] == '<', or null. */
    private static String tagAt(String s, int i) {
        int n = s.length();
        int p = i + 1;
        if (p < n && s.charAt(p) == '/') p++;
        int a = p;
        while (p < n && p - a < 12 && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == ':'
                || s.charAt(p) == '!' || s.charAt(p) == '-')) p++;
        String name = s.substring(a, p).toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("!--")) name = "!--";
        if (p < n && s.charAt(p) != '>' && s.charAt(p) != ' ' && s.charAt(p) != '/' && s.charAt(p) != '\n'
                && !name.equals("!--")) return null;
        String known = null;
        for (String t : TAGS) if (t.equals(name)) known = name;
        if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') known = name;
        if (known == null || known.equals("!--")) return known;
        // a tag closes on its line (bounded look: never past the line, so many '<' stay linear)
        for (int q = p; q < n && q - p < 512; q++) {
            char c = s.charAt(q);
            if (c == '>') return known;
            if (c == '\n') return null;
        }
        return null;
    }

    private static Mapped html(Mapped in) {
        String s = in.s;
        int n = s.length();
        Mapped out = new Mapped(n);
        boolean skipContent = false;
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c == '<') {
                String tag = tagAt(s, i);
                if (tag != null) {
                    int close = tag.equals("!--") ? s.indexOf("-->", i) : s.indexOf('>', i);
                    int end = close < 0 ? n : close + (tag.equals("!--") ? 3 : 1);
                    boolean closing = i + 1 < n && s.charAt(i + 1) == '/';
                    if (tag.equals("style") || tag.equals("script") || tag.equals("head") && !closing) {
                        skipContent = !closing;
                    }
                    if (Arrays.asList(BLOCK).contains(tag) && !(tag.equals("pre") && !closing && out.lastIsLineStart())) {
                        boolean nlFollows = end < n && (s.charAt(end) == '\n' || s.charAt(end) == '\r');
                        if (!out.lastIsLineStart() && !nlFollows) out.add('\n', in.at(i));
                        else if (tag.equals("br") && out.lastIsLineStart() && !nlFollows) out.add('\n', in.at(i));
                    }
                    i = end;
                    continue;
                }
            }
            if (skipContent) {
                i++;
                continue;
            }
            if (c == '&') {
                int semi = s.indexOf(';', i);
                if (semi > i && semi - i <= 10) {
                    char r = entity(s.substring(i + 1, semi));
                    if (r != 0) {
                        out.add(r == 0xA0 ? ' ' : r, in.at(i));
                        i = semi + 1;
                        continue;
                    }
                }
            }
            out.add(c, in.at(i));
            i++;
        }
        return out.done(in.at(n));
    }

    private static char entity(String e) {
        switch (e) {
            case "nbsp": return 0xA0;
            case "lt": return '<';
            case "gt": return '>';
            case "amp": return '&';
            case "quot": return '"';
            case "apos": return '\'';
            default:
                break;
        }
        try {
            int v = e.startsWith("#x") || e.startsWith("#X") ? Integer.parseInt(e.substring(2), 16)
                    : e.startsWith("#") ? Integer.parseInt(e.substring(1)) : -1;
            if (v > 0 && v < 0xFFFF) {
                char c = (char) v;
                return unicodeSpace(c) ? ' ' : invisible(c) ? 0 : c;
            }
        } catch (NumberFormatException ex) {
            // not an entity
        }
        return 0;
    }

    // ------------------------------------------------------------------ quoted-printable

    /**
     * A mail body in quoted-printable: the header says so, or there are soft line breaks ("=" ending a line that goes
     * on) next to QP escapes of '=' or of trailing blanks.
     */
    static boolean looksQuotedPrintable(String s) {
        String low = s.length() > 1 << 20 ? s.substring(0, 1 << 20) : s;
        int headerAt = indexOfIgnoreCase(low, "quoted-printable");
        boolean header = headerAt >= 0;
        int soft = 0, esc = 0;
        int n = low.length();
        for (int i = low.indexOf('='); i >= 0 && i + 1 < n; i = low.indexOf('=', i + 1)) {
            char d = low.charAt(i + 1);
            if (d == '\n' || d == '\r' && i + 2 < n && low.charAt(i + 2) == '\n') {
                int ls = low.lastIndexOf('\n', i - 1) + 1;
                if (i - ls >= 40) soft++;
            } else if (i + 2 < n && isUpperHex(d) && isUpperHex(low.charAt(i + 2))) {
                esc++;
            } else if (!header) {
                return false; // '=' followed by anything else never occurs in quoted-printable
            }
        }
        return header ? soft + esc > 0 : soft > 0 && esc > 0 || soft >= 3;
    }

    private static boolean isUpperHex(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
    }

    private static boolean isEol(String s, int i) {
        return i >= s.length() || s.charAt(i) == '\n' || s.charAt(i) == '\r';
    }

    private static int indexOfIgnoreCase(String s, String w) {
        return s.toLowerCase(java.util.Locale.ROOT).indexOf(w);
    }

    private static Mapped quotedPrintable(Mapped in) {
        String s = in.s;
        int n = s.length();
        Mapped out = new Mapped(n);
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c == '=') {
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    i += 2;
                    continue;
                }
                if (i + 2 < n && s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n') {
                    i += 3;
                    continue;
                }
                int h = i + 2 < n ? (HexDumpParser.hexVal(s.charAt(i + 1)) << 4 | HexDumpParser.hexVal(s.charAt(i + 2))) : -1;
                if (i + 2 < n && HexDumpParser.hexVal(s.charAt(i + 1)) >= 0 && HexDumpParser.hexVal(s.charAt(i + 2)) >= 0) {
                    if (h < 0x80) {
                        out.add((char) h, in.at(i));
                        i += 3;
                        continue;
                    }
                    // a UTF-8 sequence written as =XX=YY(=ZZ)
                    int need = h >= 0xF0 ? 3 : h >= 0xE0 ? 2 : h >= 0xC0 ? 1 : 0;
                    int cp = need == 3 ? h & 7 : need == 2 ? h & 15 : h & 31;
                    int q = i + 3;
                    boolean ok = need > 0;
                    for (int k = 0; k < need && ok; k++) {
                        if (q + 2 < n + 0 && s.charAt(q) == '=' && HexDumpParser.hexVal(s.charAt(q + 1)) >= 0
                                && HexDumpParser.hexVal(s.charAt(q + 2)) >= 0) {
                            int v = HexDumpParser.hexVal(s.charAt(q + 1)) << 4 | HexDumpParser.hexVal(s.charAt(q + 2));
                            if ((v & 0xC0) != 0x80) ok = false;
                            cp = cp << 6 | (v & 0x3F);
                            q += 3;
                        } else {
                            ok = false;
                        }
                    }
                    char r = ok && cp < 0x10000 ? (char) cp : (char) h;
                    if (!ok) q = i + 3;
                    if (unicodeSpace(r)) r = ' ';
                    if (!invisible(r)) out.add(r, in.at(i));
                    i = q;
                    continue;
                }
            }
            out.add(c, in.at(i));
            i++;
        }
        return out.done(in.at(n));
    }

    // ------------------------------------------------------------------ hyphenated hex streams (PDF)

    /**
     * A line whose last word is a run of at least 16 hex digits followed by '-' goes on with the next line that
     * starts with hex digits; lines in between that hold no such run (page footers and headers) are dropped.
     */
    private static Mapped hyphenated(Mapped in) {
        String s = in.s;
        int n = s.length();
        Mapped out = null;
        int copied = 0;
        for (int e = s.indexOf("-\n"), guard = 0; e >= 0 && guard < 1_000_000; e = s.indexOf("-\n", e + 1), guard++) {
            int p = e - 1;
            while (p >= 0 && HexDumpParser.hexVal(s.charAt(p)) >= 0) p--;
            if (e - p - 1 < 16 || e < copied) continue;
            if (p >= 0 && !HexDumpParser.isBlank(s.charAt(p)) && s.charAt(p) != '\n' && s.charAt(p) != ':'
                    && s.charAt(p) != '=') continue;
            // find the continuation: the next line whose first word is all hex; skip at most 6 other lines
            int q = e + 2, skipped = 0, cont = -1;
            while (q < n && skipped <= 6) {
                int le = s.indexOf('\n', q);
                if (le < 0) le = n;
                int a = q;
                while (a < le && HexDumpParser.isBlank(s.charAt(a))) a++;
                int z = a;
                while (z < le && HexDumpParser.hexVal(s.charAt(z)) >= 0) z++;
                if (z > a && (z == le || HexDumpParser.isBlank(s.charAt(z)) || s.charAt(z) == '-' || s.charAt(z) == '\r')
                        && (z - a >= 2)) {
                    cont = a;
                    break;
                }
                skipped++;
                q = le + 1;
            }
            if (cont < 0) continue;
            if (out == null) out = new Mapped(n);
            for (int i = copied; i < e; i++) out.add(s.charAt(i), in.at(i));
            copied = cont;
        }
        if (out == null) return in;
        for (int i = copied; i < n; i++) out.add(s.charAt(i), in.at(i));
        return out.done(in.at(n));
    }

    // ------------------------------------------------------------------ a string with its map

    private static final class Mapped {
        String s;
        int[] map;
        private StringBuilder sb;
        private int len;

        static Mapped identity(String s) {
            Mapped m = new Mapped(0);
            m.s = s;
            m.map = null;
            return m;
        }

        Mapped(int cap) {
            sb = new StringBuilder(cap);
            map = new int[Math.max(16, cap + 1)];
        }

        int at(int i) {
            return map == null ? i : map[i];
        }

        void add(char c, int orig) {
            if (len + 1 >= map.length) map = Arrays.copyOf(map, map.length * 2);
            sb.append(c);
            map[len++] = orig;
        }

        /**
         * True when the current line so far is blank, or blank and one word of hex digits (an offset, maybe with a
         * colon): where a row's offset or its first byte comes next.
         */
        boolean beforeRow() {
            int q = len;
            while (q > 0 && sb.charAt(q - 1) != '\n' && (sb.charAt(q - 1) == ' ' || sb.charAt(q - 1) == '\t')) q--;
            int w = q;
            while (w > 0 && sb.charAt(w - 1) != '\n' && (Character.digit(sb.charAt(w - 1), 16) >= 0
                    || sb.charAt(w - 1) == ':' || sb.charAt(w - 1) == 'x' || sb.charAt(w - 1) == 'X')) w--;
            while (w > 0 && sb.charAt(w - 1) != '\n' && (sb.charAt(w - 1) == ' ' || sb.charAt(w - 1) == '\t')) w--;
            return w == 0 || sb.charAt(w - 1) == '\n';
        }

        boolean lastIsLineStart() {
            return len == 0 || sb.charAt(len - 1) == '\n';
        }

        Mapped done(int endOrig) {
            map[len] = endOrig;
            map = Arrays.copyOf(map, len + 1);
            s = sb.toString();
            sb = null;
            return this;
        }
    }
}
