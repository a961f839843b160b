package org.frameinspector.core.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.notes.FrameNotes;
import org.frameinspector.core.notes.NotesStore;
import org.frameinspector.core.stream.EndFinding;

/** Markdown for wikis and issue trackers: a findings table and the annotated dump in a fenced block. */
public final class MarkdownExport implements ExportWriter {
    private final Writer out;
    private final boolean plainAscii;
    private final NotesStore notes;

    /**
     * A streaming writer of the Markdown report to {@code out} (flushed by {@link #end}, not closed).
     *
     * @param notes the user's notes (null: none): a notes list per frame, and note markers in the dump
     */
    public MarkdownExport(Writer out, boolean plainAscii, NotesStore notes) {
        this.out = out;
        this.plainAscii = plainAscii;
        this.notes = notes;
    }

    @Override
    public void begin(JsonExport.InputInfo input) throws IOException {
        StringBuilder sb = new StringBuilder("# Frame Inspector report");
        if (input != null && input.name() != null) sb.append(": ").append(inline(input.name()));
        sb.append("\n\n");
        Ascii.write(out, sb.toString(), plainAscii);
    }

    /**
     * Writes the frame's part as it is made, a few kilobytes at a time ({@link Spill}). The dump's fence must be
     * longer than any run of tildes in the dump, so the dump is made twice: once only to count its tildes, then to
     * be written; a frame of any size is never held whole.
     */
    @Override
    public void frame(Dissection d) throws IOException {
        try {
            writeFrame(d);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void writeFrame(Dissection d) {
        StringBuilder sb = new StringBuilder(Spill.CHARS + 1024);
        Spill.Target t = piece -> Ascii.write(out, piece, plainAscii);
        Spill spill = Spill.to(t);
        sb.append("## Frame ").append(d.frame().number()).append(" — ").append(d.frame().capturedLength())
                .append(" bytes, ").append(inline(AnnotatedText.stack(d))).append("\n\n");
        spill.lineEnd(sb);
        if (!d.info().isEmpty()) sb.append(inline(d.info())).append("\n\n");
        spill.lineEnd(sb);
        List<Finding> fs = d.findings();
        if (fs.isEmpty()) sb.append("No findings.\n\n");
        else {
            sb.append("| # | Severity | Finding | Offset | Observed | Expected | Explanation | Reference |\n");
            sb.append("|---|---|---|---|---|---|---|---|\n");
            int n = 1;
            for (Finding x : fs) {
                row(sb, Integer.toString(n++), x);
                spill.lineEnd(sb);
            }
            sb.append('\n');
        }
        List<FrameNotes.Item> ns = FrameNotes.of(notes, d);
        if (!ns.isEmpty()) {
            sb.append("**Notes**\n\n");
            for (FrameNotes.Item it : ns) {
                sb.append("- (").append(it.label()).append(") ").append(inline(it.where())).append(": ")
                        .append(inline(it.note().text())).append('\n');
                spill.lineEnd(sb);
            }
            sb.append('\n');
        }
        // the dump is the annotated text of the frame alone, without its findings (the table above has them)
        AnnotatedText.Options layout = new AnnotatedText.Options(plainAscii, true, false);
        Tildes tildes = new Tildes();
        StringBuilder scan = new StringBuilder(Spill.CHARS + 1024);
        AnnotatedText.frame(scan, d, layout, notes, Spill.to(tildes));
        Spill.drain(scan, tildes);
        String fence = tildes.fence();
        sb.append(fence).append("text\n").append(AnnotatedText.SIGNATURE).append("\n\n");
        AnnotatedText.frame(sb, d, layout, notes, spill);
        sb.append(fence).append("\n\n");
        Spill.drain(sb, t);
    }

    /** One row of a findings table, {@code label} in its first column. */
    private static void row(StringBuilder sb, String label, Finding x) {
        sb.append("| ").append(label).append(" | **").append(x.severity()).append("** | `").append(x.id())
                .append("` | ").append(x.source().equals(DataSource.FRAME) ? "" : cell(x.source()) + " ")
                .append(String.format("0x%04x", x.offset())).append(" | ").append(cell(x.observed()))
                .append(" | ").append(cell(x.expected())).append(" | ").append(cell(x.explanation()))
                .append(" | ").append(cell(x.reference())).append(" |\n");
    }

    /** The findings the end of the input raised about earlier frames: a last table, by frame. */
    @Override
    public void endFindings(List<EndFinding> fs) throws IOException {
        if (fs.isEmpty()) return;
        StringBuilder sb = new StringBuilder(1024);
        sb.append("## End of input\n\nFindings about earlier frames: a PDU the input ended inside of.\n\n");
        sb.append("| Frame | Severity | Finding | Offset | Observed | Expected | Explanation | Reference |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (EndFinding e : fs) row(sb, Integer.toString(e.frame()), e.finding());
        sb.append('\n');
        Ascii.write(out, sb.toString(), plainAscii);
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    public static String render(List<Dissection> ds, String inputName, boolean plainAscii) {
        return render(ds, inputName, plainAscii, null);
    }

    /** With the user's notes: a notes list per frame, and note markers in the dump. */
    public static String render(List<Dissection> ds, String inputName, boolean plainAscii, NotesStore notes) {
        StringWriter sw = new StringWriter(8192);
        return ExportWriter.render(new MarkdownExport(sw, plainAscii, notes), sw, JsonExport.InputInfo.named(inputName), ds);
    }

    /** Counts the longest run of tildes in text handed over in pieces, for a fence longer than any of them. */
    private static final class Tildes implements Spill.Target {
        private int max, run;

        @Override
        public void write(String piece) {
            for (int i = 0; i < piece.length(); i++) {
                run = piece.charAt(i) == '~' ? run + 1 : 0;
                max = Math.max(max, run);
            }
        }

        String fence() {
            return "~".repeat(Math.max(3, max + 1));
        }
    }

    /** Text inside a table cell: no pipes, no line breaks, no markup from packet bytes. */
    static String cell(String s) {
        if (s == null) return "";
        return inline(s).replace("|", "\\|");
    }

    static String inline(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') sb.append(' ');
            else if ("\\`*_{}[]<>#+!|~".indexOf(c) >= 0) sb.append('\\').append(c);
            else sb.append(c);
        }
        return sb.toString();
    }
}
