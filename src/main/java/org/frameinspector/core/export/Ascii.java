package org.frameinspector.core.export;

import java.io.IOException;
import java.io.Writer;
import org.frameinspector.core.output.SafeText;

/** Turns our typographic characters into plain ASCII for tickets and mail systems that mangle anything else. */
public final class Ascii {
    private Ascii() {
    }

    public static String plain(String s) {
        if (s == null) return null;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '§' -> sb.append("sec. ");
                case '→' -> sb.append("->");
                case '←' -> sb.append("<-");
                case '≥' -> sb.append(">=");
                case '≤' -> sb.append("<=");
                case '≠' -> sb.append("!=");
                case '–', '—', '−' -> sb.append('-');
                case '“', '”', '„' -> sb.append('"');
                case '‘', '’' -> sb.append('\'');
                case '…' -> sb.append("...");
                case '×' -> sb.append('x');
                case '·' -> sb.append('.');
                case '^' -> sb.append('^');
                case '\u00a0' -> sb.append(' ');
                default -> sb.append('?');
            }
        }
        return sb.toString();
    }

    /**
     * Writes text of a text export: made safe for a terminal ({@link SafeText}), then plain ASCII when asked.
     */
    static void write(Writer out, String s, boolean plainAscii) throws IOException {
        String safe = SafeText.escape(s);
        out.write(plainAscii ? plain(safe) : safe);
    }

    /** Wraps text at {@code width} columns, every line prefixed by {@code indent}. */
    public static void wrap(StringBuilder out, String text, String indent, int width) {
        if (text == null || text.isEmpty()) return;
        words(out, text, indent, indent, width);
    }

    /**
     * One line {@code first + text} when it fits in {@code width} columns (the text as it is); otherwise the text
     * broken between words, the first line after {@code first}, the others after {@code next}. A word longer than a
     * whole line is split over lines rather than cut.
     */
    public static void wrap(StringBuilder out, String text, String first, String next, int width) {
        if (text == null) text = "";
        if (first.length() + text.length() <= width) {
            out.append(first).append(text).append('\n');
            return;
        }
        words(out, text, first, next, width);
    }

    private static void words(StringBuilder out, String text, String first, String next, int width) {
        int max = Math.max(20, width - first.length());
        int col = 0;
        out.append(first);
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) continue;
            if (col > 0 && col + 1 + word.length() > max) {
                out.append('\n').append(next);
                max = Math.max(20, width - next.length());
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            while (col + word.length() > max && max - col > 0 && word.length() > max) {
                // a word longer than a line (a long hex string): split it, nothing is cut
                int take = max - col;
                out.append(word, 0, take).append('\n').append(next);
                word = word.substring(take);
                max = Math.max(20, width - next.length());
                col = 0;
            }
            out.append(word);
            col += word.length();
        }
        out.append('\n');
    }
}
