package org.frameinspector.gui;

import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;

/** Small text helpers for labels and tooltips. */
final class Texts {
    private Texts() {
    }

    /** A count with digit grouping: {@code 1,000,000}. */
    static String count(long n) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.getDefault(java.util.Locale.Category.FORMAT))
                .format(n);
    }

    /** A count and a noun in the right number: "1 frame", "2 frames", "1,000,000 frames". */
    static String count(long n, String noun) {
        return count(n) + " " + (n == 1 ? noun : plural(noun));
    }

    /** The plural of the nouns the app counts (frame, finding, violation, risk, part, note …). */
    static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x")) return noun + "es";
        if (noun.endsWith("y") && !noun.endsWith("ey")) return noun.substring(0, noun.length() - 1) + "ies";
        return noun + "s";
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String html(String body) {
        return "<html>" + body + "</html>";
    }

    static String range(int offset, int length) {
        if (length <= 1) return String.format("offset 0x%02X (%d), %d byte%s", offset, offset, length, length == 1 ? "" : "s");
        return String.format("offset 0x%02X–0x%02X (%d–%d), %d bytes", offset, offset + length - 1, offset,
                offset + length - 1, length);
    }

    /** Tooltip of a field: its name, abbreviation, range, and the explanation of any finding (wrapped). */
    static String fieldTooltip(Field f) {
        StringBuilder sb = new StringBuilder("<html><div style='width:420px'><b>").append(esc(f.name()))
                .append("</b> <code>").append(esc(f.abbrev())).append("</code><br>")
                .append(esc(range(f.offset(), f.length())));
        if (f.kind() == FieldKind.RESERVED) {
            sb.append("<br>Reserved by the standard: senders put 0 here and receivers should ignore it.");
        }
        for (Finding x : f.findings()) {
            sb.append("<hr><b>").append(esc(x.severity().name())).append(' ').append(esc(x.id())).append("</b><br>")
                    .append(esc(x.explanation()));
            if (x.reference() != null) sb.append("<br><i>").append(esc(x.reference())).append("</i>");
        }
        return sb.append("</div></html>").toString();
    }

    /** Plain text of a finding for the explanation area: what, where, observed/expected, reference, explanation. */
    static String findingText(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.severity()).append("  ").append(f.id()).append("  (layer ").append(f.layer()).append(", ")
                .append(range(f.offset(), f.length()));
        if (f.fieldAbbrev() != null) sb.append(", field ").append(f.fieldAbbrev());
        sb.append(")\n");
        if (f.observed() != null || f.expected() != null) {
            sb.append("Observed: ").append(f.observed() == null ? "–" : f.observed())
                    .append("    Expected: ").append(f.expected() == null ? "–" : f.expected()).append('\n');
        }
        // the citation comes before the long explanation, so a small window still shows it
        if (f.reference() != null) sb.append("Reference: ").append(f.reference()).append('\n');
        sb.append('\n').append(f.explanation() == null ? "" : f.explanation().strip()).append('\n');
        if (f.needsContext()) sb.append("(This check used earlier frames of the connection.)\n");
        return sb.toString();
    }
}
