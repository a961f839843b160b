package org.frameinspector.core.output;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Makes text safe for a terminal and a text file: the one place that decides which characters from packets, capture
 * comments, notes or pasted input may reach a user's screen as they are. Escaped, the way transport selectors and
 * other packet strings are shown ({@code \xNN}):
 * <ul>
 * <li>the C0 controls (NUL, BEL, BS, ESC …) except tab and line feed, which text needs; a carriage return is shown
 * as {@code \r} (it would let text overwrite what was printed before it on the same line);</li>
 * <li>DEL and the C1 controls U+0080–U+009F (a terminal may take U+009B as CSI);</li>
 * <li>the bidirectional formatting characters (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) and U+2028/U+2029,
 * which reorder or break what is shown around them, as {@code \}{@code uXXXX}.</li>
 * </ul>
 * Everything else, including any other non-ASCII text, is kept. Text without such characters is returned as it is.
 */
public final class SafeText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SafeText() {
    }

    /** True when {@code c} is shown escaped (tab and line feed are not). */
    public static boolean needsEscape(char c) {
        if (c < 0x20) return c != '\n' && c != '\t';
        if (c < 0x7F) return false;
        if (c <= 0x9F) return true;
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029;
    }

    /** {@code s} with the characters above escaped; line feeds and tabs kept (for text that has lines). */
    public static String escape(String s) {
        if (s == null) return null;
        int i = 0, n = s.length();
        while (i < n && !needsEscape(s.charAt(i))) i++;
        if (i == n) return s;
        StringBuilder sb = new StringBuilder(n + 16);
        sb.append(s, 0, i);
        for (; i < n; i++) appendEscaped(sb, s.charAt(i));
        return sb.toString();
    }

    /** As {@link #escape}, for text that must stay on one line: line feeds and tabs are escaped too. */
    public static String escapeLine(String s) {
        if (s == null) return null;
        if (s.indexOf('\n') < 0 && s.indexOf('\t') < 0) return escape(s);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') sb.append("\\n");
            else if (c == '\t') sb.append("\\t");
            else appendEscaped(sb, c);
        }
        return sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, char c) {
        if (!needsEscape(c)) {
            sb.append(c);
        } else if (c == '\r') {
            sb.append("\\r");
        } else if (c <= 0xFF) {
            sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        } else {
            sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        }
    }

    /**
     * A writer that escapes as {@link #escape} everything written through it: what the command line prints (on
     * standard output and standard error) passes here, so no message, tree or table can carry a terminal sequence.
     */
    public static Writer writer(Writer out) {
        return new FilterWriter(out) {
            private final StringBuilder buf = new StringBuilder();

            @Override
            public void write(int c) throws IOException {
                if (!needsEscape((char) c)) {
                    out.write(c);
                    return;
                }
                buf.setLength(0);
                appendEscaped(buf, (char) c);
                out.write(buf.toString());
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                int start = off, end = off + len;
                for (int i = off; i < end; i++) {
                    if (!needsEscape(cbuf[i])) continue;
                    if (i > start) out.write(cbuf, start, i - start);
                    write(cbuf[i]);
                    start = i + 1;
                }
                if (end > start) out.write(cbuf, start, end - start);
            }

            @Override
            public void write(String str, int off, int len) throws IOException {
                int start = off, end = off + len;
                for (int i = off; i < end; i++) {
                    if (!needsEscape(str.charAt(i))) continue;
                    if (i > start) out.write(str, start, i - start);
                    write(str.charAt(i));
                    start = i + 1;
                }
                if (end > start) out.write(str, start, end - start);
            }
        };
    }
}
