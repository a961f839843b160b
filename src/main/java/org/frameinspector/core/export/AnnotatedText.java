package org.frameinspector.core.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.notes.FrameNotes;
import org.frameinspector.core.notes.NotesFiles;
import org.frameinspector.core.notes.NotesStore;

/**
 * The signature output: the frame as a hex dump in the layout of the KB article (offset, 16 bytes in two groups of
 * eight, ASCII), a marker line under each row pointing at the bytes of each finding (numbered), then the fields with
 * offsets and values, then the findings with explanations and citations. At most 100 columns. Lines that are not
 * dump rows start with '#' or sit after a "#" section line, so the text re-imports through our own hex import to
 * exactly the same bytes.
 */
public final class AnnotatedText implements ExportWriter {
    public static final String SIGNATURE = "# Frame Inspector annotated dump";
    public static final int WIDTH = 100;
    /** Column where a field's value starts in the Fields section. */
    static final int VALUE_COLUMN = 50;

    public record Options(boolean plainAscii, boolean fields, boolean findings) {
        public static Options defaults() {
            return new Options(false, true, true);
        }
    }

    private final Writer out;
    private final Options options;
    private final NotesStore notes;

    /**
     * A streaming writer of the annotated dump to {@code out} (flushed by {@link #end}, not closed).
     *
     * @param notes the user's notes (null: none): a marker under noted bytes and a Notes section per frame
     */
    public AnnotatedText(Writer out, Options options, NotesStore notes) {
        this.out = out;
        this.options = options;
        this.notes = notes;
    }

    @Override
    public void begin(JsonExport.InputInfo input) throws IOException {
        StringBuilder sb = new StringBuilder(SIGNATURE);
        if (input != null && input.name() != null) sb.append(" of ").append(input.name());
        sb.append('\n');
        Ascii.write(out, sb.toString(), options.plainAscii());
    }

    @Override
    public void frame(Dissection d) throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        sb.append('\n');
        frame(sb, d, options, notes);
        Ascii.write(out, sb.toString(), options.plainAscii());
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    public static String render(List<Dissection> ds, String inputName, Options o) {
        return render(ds, inputName, o, null);
    }

    /** As {@link #render(List, String, Options)}, with the user's notes: a marker under noted bytes and a Notes section. */
    public static String render(List<Dissection> ds, String inputName, Options o, NotesStore notes) {
        StringWriter sw = new StringWriter(4096);
        return ExportWriter.render(new AnnotatedText(sw, o, notes), sw, JsonExport.InputInfo.named(inputName), ds);
    }

    static String stack(Dissection d) {
        StringBuilder sb = new StringBuilder();
        for (Layer l : d.layers()) {
            if (!l.source().equals(DataSource.FRAME)) continue;
            String p = l.protocol().toUpperCase(Locale.ROOT);
            if (sb.indexOf(p) >= 0 && sb.toString().endsWith(p)) continue;
            if (sb.length() > 0) sb.append(" / ");
            sb.append(p);
        }
        return sb.toString();
    }

    static void frame(StringBuilder sb, Dissection d, Options o, NotesStore notes) {
        Frame f = d.frame();
        List<FrameNotes.Item> ns = FrameNotes.of(notes, d);
        List<Finding> fs = d.findings();
        sb.append("# Frame ").append(f.number()).append(": ").append(f.capturedLength()).append(" bytes");
        if (f.originalLength() != f.capturedLength()) sb.append(" (").append(f.originalLength()).append(" on the wire)");
        sb.append(", ").append(stack(d)).append('\n');
        if (!d.info().isEmpty()) sb.append("# Info: ").append(d.info()).append('\n');
        String comment = notes == null ? f.comment() : NotesFiles.userComment(f.comment());
        if (comment != null) sb.append("# Comment: ").append(comment.replace('\n', ' ')).append('\n');
        sb.append("# Findings: ").append(fs.isEmpty() ? "none" : fs.size() + " (" + counts(fs) + ")").append('\n');
        if (!ns.isEmpty()) sb.append("# Notes: ").append(ns.size()).append('\n');
        sb.append("ADDR  HEX                                                ASCII\n");
        hex(sb, f.data(), frameFindings(fs), ns);
        sb.append('\n');
        for (DataSource s : d.sources()) {
            if (s.isFrame()) continue;
            sb.append("# Reassembled buffer ").append(s.id()).append(" (").append(s.bytes().length)
                    .append(" bytes) from frames");
            s.parts().forEach(p -> sb.append(' ').append(p.frame()).append('@').append(String.format("0x%04x", p.frameOffset()))
                    .append('+').append(p.length()));
            sb.append("; not part of the frame bytes above\n");
        }
        if (o.fields()) {
            sb.append("# Fields (frame offset, length, field, value)\n");
            for (Layer l : d.layers()) {
                String name = l.source().equals(DataSource.FRAME) ? l.name() : l.name() + " [in " + l.source() + "]";
                Ascii.wrap(sb, name.replace('\n', ' '), "#  ", "#    ", WIDTH);
                for (Field x : l.fields()) field(sb, x, 1, fs);
            }
        }
        if (o.findings() && !fs.isEmpty()) {
            sb.append("# Findings\n");
            int n = 1;
            for (Finding x : fs) {
                sb.append("#  [").append(n++).append("] ").append(x.severity()).append(' ').append(x.id()).append(" at ")
                        .append(x.source().equals(DataSource.FRAME) ? "frame offset " : x.source() + " offset ")
                        .append(String.format("0x%02x", x.offset()));
                if (x.length() > 1) sb.append(" (").append(x.length()).append(" bytes)");
                sb.append('\n');
                StringBuilder line = new StringBuilder();
                if (x.fieldAbbrev() != null) line.append("Field ").append(x.fieldAbbrev()).append(". ");
                if (x.observed() != null) line.append("Observed ").append(x.observed()).append(". ");
                if (x.expected() != null) line.append("Expected ").append(x.expected()).append(". ");
                if (line.length() > 0) Ascii.wrap(sb, line.toString().trim(), "#      ", WIDTH);
                Ascii.wrap(sb, x.explanation(), "#      ", WIDTH);
                Ascii.wrap(sb, "Reference: " + x.reference(), "#      ", WIDTH);
            }
        }
        if (!ns.isEmpty()) {
            sb.append("# Notes\n");
            for (FrameNotes.Item it : ns) {
                sb.append("#  (").append(it.label()).append(") ").append(it.where()).append('\n');
                Ascii.wrap(sb, it.note().text().replace('\n', ' '), "#      ", WIDTH);
            }
        }
    }

    private static String counts(List<Finding> fs) {
        int v = 0, r = 0, i = 0;
        for (Finding f : fs) {
            switch (f.severity()) {
                case VIOLATION -> v++;
                case RISK -> r++;
                default -> i++;
            }
        }
        List<String> parts = new ArrayList<>();
        if (v > 0) parts.add(v + " VIOLATION");
        if (r > 0) parts.add(r + " RISK");
        if (i > 0) parts.add(i + " INFO");
        return String.join(", ", parts);
    }

    private static List<Finding> frameFindings(List<Finding> fs) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : fs) out.add(f.source().equals(DataSource.FRAME) ? f : null);
        return out;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** Hex rows; under a row holding bytes of numbered findings, a marker line. */
    static void hex(StringBuilder sb, byte[] b, List<Finding> numbered) {
        hex(sb, b, numbered, List.of());
    }

    /** As above, plus a "~~" marker line under a row holding noted bytes. */
    static void hex(StringBuilder sb, byte[] b, List<Finding> numbered, List<FrameNotes.Item> notes) {
        for (int row = 0; row < b.length; row += 16) {
            int n = Math.min(16, b.length - row);
            sb.append(String.format("%04X  ", row));
            for (int i = 0; i < 16; i++) {
                if (i == 8) sb.append(' ');
                if (i < n) sb.append(hexByte(b[row + i])).append(' ');
                else sb.append("   ");
            }
            sb.append(' ');
            for (int i = 0; i < n; i++) {
                int c = b[row + i] & 0xFF;
                sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
            }
            sb.append('\n');
            marker(sb, row, n, numbered);
            if (!notes.isEmpty()) noteMarker(sb, row, n, notes);
        }
    }

    private static void noteMarker(StringBuilder sb, int row, int n, List<FrameNotes.Item> notes) {
        char[] line = null;
        StringBuilder labels = new StringBuilder();
        for (FrameNotes.Item it : notes) {
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (!it.covers(row + i)) continue;
                if (line == null) {
                    line = new char[56];
                    java.util.Arrays.fill(line, ' ');
                    line[0] = '#';
                }
                int col = 6 + i * 3 + (i >= 8 ? 1 : 0);
                line[col] = '~';
                line[col + 1] = '~';
                any = true;
            }
            if (any) labels.append(labels.length() > 0 ? " " : "").append('(').append(it.label()).append(')');
        }
        if (line == null) return;
        StringBuilder l = new StringBuilder(new String(line).replaceAll("\\s+$", ""));
        while (l.length() < 56) l.append(' ');
        sb.append(l).append(clip(labels.toString(), WIDTH - 56)).append('\n');
    }

    private static void marker(StringBuilder sb, int row, int n, List<Finding> numbered) {
        char[] line = null;
        StringBuilder labels = new StringBuilder();
        for (int k = 0; k < numbered.size(); k++) {
            Finding f = numbered.get(k);
            if (f == null) continue;
            int from = Math.max(f.offset(), row), to = Math.min(f.offset() + Math.max(1, f.length()), row + n);
            if (from >= to) continue;
            if (line == null) {
                line = new char[56];
                java.util.Arrays.fill(line, ' ');
                line[0] = '#';
            }
            for (int i = from - row; i < to - row; i++) {
                int col = 6 + i * 3 + (i >= 8 ? 1 : 0);
                line[col] = '^';
                line[col + 1] = '^';
            }
            if (labels.length() > 0) labels.append(' ');
            labels.append('[').append(k + 1).append("] ").append(f.id());
        }
        if (line == null) return;
        String s = new String(line).replaceAll("\\s+$", "");
        StringBuilder l = new StringBuilder(s);
        while (l.length() < 56) l.append(' ');
        String lab = labels.toString();
        if (l.length() + lab.length() > WIDTH) lab = lab.substring(0, Math.max(0, WIDTH - l.length() - 3)) + "...";
        sb.append(l).append(lab).append('\n');
    }

    private static String hexByte(byte v) {
        return String.format("%02X", v & 0xFF);
    }

    /**
     * One field line: offset, length, abbreviation, then the value from {@link #VALUE_COLUMN} (later when the
     * abbreviation is long) with the markers of its findings. What does not fit in {@link #WIDTH} columns goes on
     * continuation lines under the value, broken between words, so nothing is cut.
     */
    static void field(StringBuilder sb, Field f, int depth, List<Finding> fs) {
        if (f.kind() == FieldKind.GENERATED && f.length() == 0 && f.children().isEmpty()) return;
        StringBuilder line = new StringBuilder("#  ");
        line.append(f.length() > 0 || f.kind() != FieldKind.GENERATED
                ? String.format("%04x %4d  ", f.offset(), f.length()) : "           ");
        for (int i = 0; i < depth; i++) line.append("  ");
        line.append(f.abbrev());
        while (line.length() < VALUE_COLUMN - 2) line.append(' ');
        line.append("  ");
        String v = f.treeLabel();
        StringBuilder value = new StringBuilder(f.kind() == FieldKind.GENERATED ? "[" + v + "]" : v);
        for (Finding x : f.findings()) {
            int k = fs.indexOf(x);
            value.append("  <-- [").append(k + 1).append("] ").append(x.id());
        }
        int col = line.length() <= WIDTH - 30 ? line.length() : VALUE_COLUMN;
        if (line.length() > WIDTH - 30) {
            sb.append(line.toString().stripTrailing()).append('\n');
            line.setLength(0);
            line.append('#').append(" ".repeat(col - 1));
        }
        Ascii.wrap(sb, value.toString().replace('\n', ' '), line.toString(), "#" + " ".repeat(col - 1), WIDTH);
        for (Field c : f.children()) field(sb, c, depth + 1, fs);
    }
}
