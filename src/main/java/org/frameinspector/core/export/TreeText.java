package org.frameinspector.core.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.stream.EndFinding;

/** The text tree of {@code dissect}, like {@code tshark -V}, with each finding under the field it concerns. */
public final class TreeText {
    private TreeText() {
    }

    public static String render(Dissection d) {
        StringBuilder sb = new StringBuilder(2048);
        render(d, sb);
        return sb.toString();
    }

    public static void render(Dissection d, StringBuilder sb) {
        render(d, sb, Spill.KEEP);
    }

    /**
     * Writes the tree of {@code d} to {@code out} as it is made, a few kilobytes at a time ({@link Spill}), so a frame
     * of any size is never held whole as text.
     */
    public static void write(Dissection d, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(Spill.CHARS + 1024);
        Spill.Target t = out::write;
        try {
            render(d, sb, Spill.to(t));
            Spill.drain(sb, t);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void render(Dissection d, StringBuilder sb, Spill spill) {
        Frame f = d.frame();
        sb.append("Frame ").append(f.number()).append(": ").append(f.originalLength()).append(" bytes on wire, ")
                .append(f.capturedLength()).append(" bytes captured (").append(Frame.linkTypeName(f.linkType()))
                .append(")\n");
        if (f.timestampNanos() != 0) sb.append("    Arrival Time: ").append(JsonExport.timestamp(f.timestampNanos())).append('\n');
        if (f.comment() != null) sb.append("    Comment: ").append(f.comment()).append('\n');
        for (Layer l : d.layers()) {
            sb.append(l.name());
            if (!l.source().equals("frame")) sb.append("  [in ").append(l.source()).append(']');
            sb.append('\n');
            spill.lineEnd(sb);
            for (Field x : l.fields()) field(x, 1, sb, spill);
        }
        int unattached = 0;
        for (Finding x : d.findings()) if (x.field() == null) unattached++;
        if (unattached > 0) {
            sb.append("Findings not tied to a field\n");
            for (Finding x : d.findings()) {
                if (x.field() != null) continue;
                finding(x, 1, sb);
                spill.lineEnd(sb);
            }
        }
        sb.append("Summary: ").append(d.findings().isEmpty() ? "no findings" : d.findings().size() + " finding(s)");
        for (Finding x : d.findings()) {
            sb.append('\n');
            spill.lineEnd(sb);
            sb.append("  ").append(x.severity()).append(' ').append(x.id()).append(" at ").append(offset(x));
        }
        sb.append('\n');
    }

    /**
     * After the trees: the findings the end of the input raised about earlier frames ({@link EndFinding}), each under
     * its frame's number; nothing when there are none.
     */
    public static void writeEnd(List<EndFinding> fs, Writer out) throws IOException {
        if (fs.isEmpty()) return;
        StringBuilder sb = new StringBuilder(1024);
        sb.append("\nEnd of input: findings about earlier frames (a PDU the input ended inside of)\n");
        for (EndFinding e : fs) {
            sb.append("Frame ").append(e.frame()).append('\n');
            finding(e.finding(), 1, sb);
        }
        out.write(sb.toString());
    }

    private static String offset(Finding x) {
        return (x.source().equals("frame") ? "frame offset " : x.source() + " offset ")
                + String.format("0x%02x", x.offset()) + (x.length() > 1 ? " (" + x.length() + " bytes)" : "");
    }

    static void field(Field f, int depth, StringBuilder sb, Spill spill) {
        indent(depth, sb);
        sb.append(f.treeLabel());
        if (f.kind() == org.frameinspector.core.model.FieldKind.GENERATED) {
            sb.insert(sb.length() - f.treeLabel().length(), '[').append(']');
        }
        sb.append('\n');
        for (Finding x : f.findings()) finding(x, depth + 1, sb);
        spill.lineEnd(sb);
        for (Field c : f.children()) field(c, depth + 1, sb, spill);
    }

    static void finding(Finding x, int depth, StringBuilder sb) {
        indent(depth, sb);
        sb.append("!! ").append(x.severity()).append(' ').append(x.id()).append(" at ").append(offset(x));
        if (x.observed() != null) sb.append(": observed ").append(x.observed());
        if (x.expected() != null) sb.append(", expected ").append(x.expected());
        sb.append('\n');
        indent(depth + 1, sb);
        sb.append(x.explanation()).append('\n');
        indent(depth + 1, sb);
        sb.append("Reference: ").append(x.reference()).append('\n');
    }

    private static void indent(int depth, StringBuilder sb) {
        for (int i = 0; i < depth; i++) sb.append("    ");
    }
}
