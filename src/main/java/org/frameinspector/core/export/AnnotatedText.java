package org.frameinspector.core.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
import org.frameinspector.core.stream.EndFinding;

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

    /** Writes the frame's part as it is made, a few kilobytes at a time (see {@link Spill}). */
    @Override
    public void frame(Dissection d) throws IOException {
        StringBuilder sb = new StringBuilder(Spill.CHARS + 1024);
        sb.append('\n');
        Spill.Target t = piece -> Ascii.write(out, piece, options.plainAscii());
        try {
            frame(sb, d, options, notes, Spill.to(t));
            Spill.drain(sb, t);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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
            if (endsWith(sb, p)) continue; // (no copy of the line per layer: a frame may have 72,000 layers)
            if (sb.length() > 0) sb.append(" / ");
            sb.append(p);
        }
        return sb.toString();
    }

    private static boolean endsWith(StringBuilder sb, String p) {
        int n = sb.length() - p.length();
        if (n < 0) return false;
        for (int i = 0; i < p.length(); i++) if (sb.charAt(n + i) != p.charAt(i)) return false;
        return true;
    }

    /** The frame's part appended to {@code sb}, handed to {@code spill} at line ends as it grows. */
    static void frame(StringBuilder sb, Dissection d, Options o, NotesStore notes, Spill spill) {
        Frame f = d.frame();
        List<FrameNotes.Item> ns = FrameNotes.of(notes, d);
        List<Finding> fs = d.findings();
        sb.append("# Frame ").append(f.number()).append(": ").append(f.capturedLength()).append(" bytes");
        if (f.originalLength() != f.capturedLength()) sb.append(" (").append(f.originalLength()).append(" on the wire)");
        sb.append(", ").append(stack(d)).append('\n');
        spill.lineEnd(sb); // the stack and the Info line are as long as the frame has layers: one line each
        if (!d.info().isEmpty()) sb.append("# Info: ").append(d.info()).append('\n');
        spill.lineEnd(sb);
        String comment = notes == null ? f.comment() : NotesFiles.userComment(f.comment());
        if (comment != null) sb.append("# Comment: ").append(comment.replace('\n', ' ')).append('\n');
        sb.append("# Findings: ").append(fs.isEmpty() ? "none" : fs.size() + " (" + counts(fs) + ")").append('\n');
        if (!ns.isEmpty()) sb.append("# Notes: ").append(ns.size()).append('\n');
        sb.append("ADDR  HEX                                                ASCII\n");
        hex(sb, f.data(), frameFindings(fs), ns, spill);
        sb.append('\n');
        for (DataSource s : d.sources()) {
            if (s.isFrame()) continue;
            sb.append("# Reassembled buffer ").append(s.id()).append(" (").append(s.bytes().length)
                    .append(" bytes) from frames");
            s.parts().forEach(p -> sb.append(' ').append(p.frame()).append('@').append(String.format("0x%04x", p.frameOffset()))
                    .append('+').append(p.length()));
            sb.append("; not part of the frame bytes above\n");
            spill.lineEnd(sb);
        }
        if (o.fields()) {
            sb.append("# Fields (frame offset, length, field, value)\n");
            Numbers numbers = new Numbers(fs);
            for (Layer l : d.layers()) {
                String name = l.source().equals(DataSource.FRAME) ? l.name() : l.name() + " [in " + l.source() + "]";
                Ascii.wrap(sb, name.replace('\n', ' '), "#  ", "#    ", WIDTH);
                spill.lineEnd(sb);
                for (Field x : l.fields()) field(sb, x, 1, numbers, spill);
            }
        }
        if (o.findings() && !fs.isEmpty()) {
            sb.append("# Findings\n");
            int n = 1;
            for (Finding x : fs) {
                finding(sb, "[" + n++ + "]", x);
                spill.lineEnd(sb);
            }
        }
        if (!ns.isEmpty()) {
            sb.append("# Notes\n");
            for (FrameNotes.Item it : ns) {
                sb.append("#  (").append(it.label()).append(") ").append(it.where()).append('\n');
                Ascii.wrap(sb, it.note().text().replace('\n', ' '), "#      ", WIDTH);
                spill.lineEnd(sb);
            }
        }
    }

    /** One finding of the Findings section, headed by {@code label} ("[3]", or "frame 12:" at the end of the input). */
    private static void finding(StringBuilder sb, String label, Finding x) {
        sb.append("#  ").append(label).append(' ').append(x.severity()).append(' ').append(x.id()).append(" at ")
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

    /**
     * The findings the end of the input raised about earlier frames: a last section of '#' lines (a re-import of the
     * text ignores it, as it ignores every '#' line).
     */
    @Override
    public void endFindings(List<EndFinding> fs) throws IOException {
        if (fs.isEmpty() || !options.findings()) return;
        StringBuilder sb = new StringBuilder(1024);
        sb.append("\n# End of input: ").append(fs.size()).append(" finding").append(fs.size() == 1 ? "" : "s")
                .append(" about earlier frames (a PDU the input ended inside of)\n");
        for (EndFinding e : fs) finding(sb, "frame " + e.frame() + ":", e.finding());
        Ascii.write(out, sb.toString(), options.plainAscii());
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
        hex(sb, b, numbered, List.of(), Spill.KEEP);
    }

    /**
     * As above, plus a "~~" marker line under a row holding noted bytes; each row is handed to {@code spill}. The
     * findings are swept by the first row they touch, so a row looks only at the findings that reach it (a frame of
     * 16,000 rows and 65,536 findings is not 10^9 steps).
     */
    static void hex(StringBuilder sb, byte[] b, List<Finding> numbered, List<FrameNotes.Item> notes, Spill spill) {
        long[] byStart = new long[numbered.size()];
        int m = 0;
        for (int k = 0; k < numbered.size(); k++) {
            Finding f = numbered.get(k);
            if (f == null) continue;
            byStart[m++] = ((long) Math.max(0, Math.floorDiv(f.offset(), 16)) << 32) | k;
        }
        java.util.Arrays.sort(byStart, 0, m);
        java.util.TreeSet<Integer> active = new java.util.TreeSet<>();
        int next = 0;
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
            while (next < m && (byStart[next] >>> 32) <= row / 16) active.add((int) byStart[next++]);
            if (!active.isEmpty()) marker(sb, row, n, numbered, active);
            if (!notes.isEmpty()) noteMarker(sb, row, n, notes);
            spill.lineEnd(sb);
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

    /**
     * The marker line of a row: {@code active} holds, in number order, the findings that start at or before this row;
     * those that end before it are dropped from it here.
     */
    private static void marker(StringBuilder sb, int row, int n, List<Finding> numbered, java.util.TreeSet<Integer> active) {
        char[] line = null;
        StringBuilder labels = new StringBuilder();
        for (var it = active.iterator(); it.hasNext(); ) {
            int k = it.next();
            Finding f = numbered.get(k);
            long end = (long) f.offset() + Math.max(1, f.length());
            if (end <= row) {
                it.remove();
                continue;
            }
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
    static void field(StringBuilder sb, Field f, int depth, Numbers fs, Spill spill) {
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
            value.append("  <-- [").append(fs.number(x)).append("] ").append(x.id());
        }
        int col = line.length() <= WIDTH - 30 ? line.length() : VALUE_COLUMN;
        if (line.length() > WIDTH - 30) {
            sb.append(line.toString().stripTrailing()).append('\n');
            line.setLength(0);
            line.append('#').append(" ".repeat(col - 1));
        }
        Ascii.wrap(sb, value.toString().replace('\n', ' '), line.toString(), "#" + " ".repeat(col - 1), WIDTH);
        spill.lineEnd(sb);
        for (Field c : f.children()) field(sb, c, depth + 1, fs, spill);
    }

    /**
     * The numbers of a frame's findings (1-based, in the frame's order; 0 for one not in the list), found in constant
     * time: a frame with 65,536 findings attached to fields is not 65,536 searches of the list.
     */
    static final class Numbers {
        private final List<Finding> fs;
        private IdentityHashMap<Finding, Integer> index;

        Numbers(List<Finding> fs) {
            this.fs = fs;
        }

        int number(Finding x) {
            if (fs.size() <= 8) return fs.indexOf(x) + 1;
            if (index == null) {
                index = new IdentityHashMap<>(fs.size() * 2);
                for (int k = fs.size() - 1; k >= 0; k--) index.put(fs.get(k), k);
            }
            Integer k = index.get(x);
            return k == null ? 0 : k + 1;
        }
    }
}
