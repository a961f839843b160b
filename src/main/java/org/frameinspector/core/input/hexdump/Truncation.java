package org.frameinspector.core.input.hexdump;

import java.util.List;
import org.frameinspector.core.source.InputException;

/**
 * A copy that was cut short must not pass for a shorter frame. Right after the last byte of a frame (on the same line
 * after at most one blank, or on the next line) the marks tools and people leave are looked for: "…", "...",
 * "N more bytes", "N more items", "(truncated)", "[omitted]".
 */
final class Truncation {
    /** Marks after a number ("141 more bytes"), and marks in brackets ("[truncated]"). */
    private static final String[] COUNTED = {"more bytes", "more items", "bytes omitted", "bytes truncated", "bytes more",
        "more byte"};
    private static final String[] BRACKETED = {"(truncated", "[truncated", "<truncated", "...truncated", "(cut",
        "[cut", "(omitted", "[omitted"};
    /** Ellipses in brackets, right after the last byte ("03 00 16 [...]"). */
    private static final String[] BRACKETED_ELLIPSES = {"[...]", "(...)", "<...>", "{...}", "[\u2026]", "(\u2026)",
        "<\u2026>"};

    private static final java.util.regex.Pattern ONLY_ELLIPSIS =
            java.util.regex.Pattern.compile("[\\[(<{]?(\\.{3}|\u2026|\\. \\. \\.)[\\])>}]?");

    private Truncation() {
    }

    static void check(HexDumpParser hp, List<byte[]> frames) throws InputException {
        String s = hp.text();
        int n = s.length();
        int[] r = hp.rangesView();
        int nr = hp.rangeMark();
        int e1 = -1, e2 = -1;
        for (int k = 1; k < nr; k += 2) {
            int end = r[k];
            int next = k + 1 < nr ? r[k + 1] : n;
            // same line: at most one blank, then an ellipsis
            int p = end;
            if (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) p++;
            char c0 = p < n ? s.charAt(p) : 0;
            if (c0 == '[' || c0 == '(' || c0 == '<' || c0 == '{') {
                for (String b : BRACKETED_ELLIPSES) if (s.startsWith(b, p)) throw cut(hp, p);
            }
            if (c0 == '\u2026' || c0 == '.' && s.startsWith("...", p) && !s.startsWith("....", p)) {
                int q = p + (s.charAt(p) == '\u2026' ? 1 : 3);
                while (q < n && (s.charAt(q) == ' ' || s.charAt(q) == '\t')) q++;
                if (q >= n || s.charAt(q) == '\n' || s.charAt(q) == '\r' || "\"')]>}".indexOf(s.charAt(q)) >= 0
                        || Character.isDigit(s.charAt(q)) || s.charAt(q) == '(') {
                    throw cut(hp, p);
                }
            }
            // the rest of this line and the next line after a frame's last bytes: words that say bytes are missing
            if (!hp.endsFrame(k)) continue;
            if (k + 1 < nr && noLineEndBetween(s, end, next)) continue; // more bytes on this line (linear overall)
            // ranges come in text order: the line ends found for the last frame end serve every later one on the
            // same line (a 3 MB one-line paste with a million frame ends would otherwise rescan the line each time)
            if (end > e1 || e1 < 0) {
                e1 = lineEnd(s, end);
                e2 = e1 < n ? lineEnd(s, e1 + 1) : n;
            }
            if (next <= e2 && k + 1 < nr) continue; // the next line holds bytes: the dump goes on
            int lim = Math.min(e2, next);
            // a line that is only an ellipsis right after the last row: rows were left out ("…" / "..." / "[...]")
            if (e1 < n) {
                int a = e1 + 1, z = Math.min(e2, next);
                while (a < z && Character.isWhitespace(s.charAt(a))) a++;
                while (z > a && Character.isWhitespace(s.charAt(z - 1))) z--;
                // bounded: only a short line can be an ellipsis, so this stays linear in the text
                if (z - a <= 7 && ONLY_ELLIPSIS.matcher(s.substring(a, z)).matches()) throw cut(hp, a);
            }
            for (String w : COUNTED) {
                int at = indexOfIgnoreCase(s, w, end, lim);
                if (at >= 0 && numberBefore(s, at)) throw cut(hp, at);
            }
            for (String w : BRACKETED) {
                int at = indexOfIgnoreCase(s, w, end, lim);
                if (at >= 0) throw cut(hp, at);
            }
        }
    }

    private static InputException cut(HexDumpParser hp, int p) {
        String s = hp.text();
        return hp.errorAt(p, "the copy is cut short here ('" + hp.excerpt(p, lineEnd(s, p)).strip()
                + "'): the frame cannot be recovered exactly; copy the whole dump");
    }

    private static boolean numberBefore(String s, int at) {
        int p = at - 1;
        while (p >= 0 && s.charAt(p) == ' ') p--;
        return p >= 0 && Character.isDigit(s.charAt(p));
    }

    private static boolean noLineEndBetween(String s, int a, int b) {
        for (int q = a; q < b; q++) if (s.charAt(q) == '\n') return false;
        return true;
    }

    private static int lineEnd(String s, int p) {
        int e = s.indexOf('\n', p);
        return e < 0 ? s.length() : e;
    }

    private static int indexOfIgnoreCase(String s, String w, int a, int b) {
        for (int i = a; i + w.length() <= b; i++) if (s.regionMatches(true, i, w, 0, w.length())) return i;
        return -1;
    }
}
