package org.frameinspector.core.export;

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

    /** Wraps text at {@code width} columns, every line prefixed by {@code indent}. */
    public static void wrap(StringBuilder out, String text, String indent, int width) {
        if (text == null || text.isEmpty()) return;
        int max = Math.max(20, width - indent.length());
        int col = 0;
        out.append(indent);
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) continue;
            if (col > 0 && col + 1 + word.length() > max) {
                out.append('\n').append(indent);
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
        }
        out.append('\n');
    }
}
