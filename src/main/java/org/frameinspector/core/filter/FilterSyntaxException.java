package org.frameinspector.core.filter;

/**
 * A display filter that cannot be compiled. {@link #column()} is the 0-based position in the filter text where the
 * problem is (the filter's length when the text ends too early); {@link #reason()} says what is wrong and, where it
 * can, what to type instead. {@link #getMessage()} is the one-line form "reason at column N" with N counted from 1,
 * as a person counts and as the hex-dump and frame-list errors do.
 */
public final class FilterSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final int length;
    private final String reason;

    public FilterSyntaxException(String reason, int column, int length) {
        super(message(reason, column));
        this.reason = reason;
        this.column = column;
        this.length = Math.max(0, length);
    }

    private static String message(String reason, int column) {
        reason = oneLine(reason);
        int dash = reason.indexOf(" \u2014 ");
        // "unknown field 'x' at column 4 — did you mean 'y'?": the column goes before the hint
        if (dash > 0) return reason.substring(0, dash) + " at column " + (column + 1) + reason.substring(dash);
        return reason + " at column " + (column + 1);
    }

    /** A token quoted in a reason can hold a decoded "\n" or other control characters: show them escaped. */
    private static String oneLine(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != 0x7F && c != '\u2028' && c != '\u2029') {
                if (sb != null) sb.append(c);
                continue;
            }
            if (sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** 0-based position of the problem in the filter text. */
    public int column() { return column; }

    /** How many characters from {@link #column()} the problem covers (0 at the end of the text); for underlining. */
    public int length() { return length; }

    /** The problem without the position. */
    public String reason() { return reason; }
}
