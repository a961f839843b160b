package org.frameinspector.core.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.notes.FrameNotes;
import org.frameinspector.core.notes.NotesStore;

/**
 * One self-contained HTML file: inline CSS, the hex pane coloured like the app (reserved bytes, bytes with findings),
 * hover over a byte shows its field (a title attribute — works without scripts), the field tree and the findings.
 * Every byte of packet content and every string derived from it is escaped: a TSAP can hold {@code <script>}.
 */
public final class HtmlExport implements ExportWriter {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5em;color:#1f2328;background:#fff}
            h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em;border-bottom:1px solid #d0d7de}
            pre.hex{font-family:"JetBrains Mono",Consolas,"DejaVu Sans Mono",monospace;font-size:13px;line-height:1.45;
              background:#f6f8fa;padding:.8em;border:1px solid #d0d7de;border-radius:6px;overflow:auto}
            .off{color:#8c959f}.asc{color:#57606a}
            .b{padding:0 1px;border-radius:2px}.b:hover,.hl{outline:2px solid #0969da;background:#ddf4ff}
            .res{background:#fff1c2}.VIOLATION{background:#ffcecb;color:#82071e;font-weight:bold}
            .RISK{background:#ffd8a8;color:#7a3e00;font-weight:bold}.INFO{background:#d8eefe}
            .und{background:#eaeef2;color:#6e7781}
            table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #d0d7de;padding:.3em .6em;vertical-align:top;text-align:left}
            th{background:#f6f8fa}.sev{font-weight:bold;white-space:nowrap}
            .sevVIOLATION{color:#cf222e}.sevRISK{color:#bc4c00}.sevINFO{color:#0969da}
            ul.tree{list-style:none;padding-left:1.2em;font-family:"JetBrains Mono",Consolas,monospace;font-size:13px}
            ul.tree li{margin:1px 0}.fa{color:#8c959f}.fnd{color:#cf222e}
            details>summary{cursor:pointer;font-weight:600}
            .legend span{display:inline-block;padding:0 .5em;margin-right:.6em;border-radius:3px}
            """;

    /** Hover on a tree row highlights its bytes; the page works without it. */
    private static final String SCRIPT = """
            document.querySelectorAll('[data-o]').forEach(function(e){
              e.addEventListener('mouseenter',function(){var f=e.getAttribute('data-f'),o=+e.getAttribute('data-o'),l=+e.getAttribute('data-l');
                for(var i=o;i<o+l;i++){var b=document.getElementById(f+'-'+i);if(b)b.classList.add('hl');}});
              e.addEventListener('mouseleave',function(){document.querySelectorAll('.hl').forEach(function(b){b.classList.remove('hl');});});
            });
            """;

    private final Writer out;
    private final NotesStore notes;

    /** A streaming writer of the HTML report to {@code out} (flushed by {@link #end}, not closed); notes may be null. */
    public HtmlExport(Writer out, NotesStore notes) {
        this.out = out;
        this.notes = notes;
    }

    @Override
    public void begin(JsonExport.InputInfo input) throws IOException {
        String inputName = input == null ? null : input.name();
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Frame Inspector — ")
                .append(esc(inputName == null ? "frames" : inputName)).append("</title>\n<style>").append(CSS)
                .append("</style></head><body>\n<h1>Frame Inspector report");
        if (inputName != null) sb.append(": ").append(esc(inputName));
        sb.append("</h1>\n<p class=\"legend\">Legend: <span class=\"res\">reserved field</span><span class=\"VIOLATION\">VIOLATION</span>"
                + "<span class=\"RISK\">RISK</span><span class=\"INFO\">INFO</span><span class=\"und\">undecoded</span>"
                + " Hover over a byte to see its field.</p>\n");
        out.write(sb.toString());
    }

    @Override
    public void frame(Dissection d) throws IOException {
        StringBuilder sb = new StringBuilder(16384);
        frame(sb, d, notes);
        out.write(sb.toString());
    }

    @Override
    public void end() throws IOException {
        out.write("<script>" + SCRIPT + "</script>\n</body></html>\n");
        out.flush();
    }

    public static String render(List<Dissection> ds, String inputName) {
        return render(ds, inputName, null);
    }

    /** With the user's notes: a notes list per frame (hovering one highlights its bytes). */
    public static String render(List<Dissection> ds, String inputName, NotesStore notes) {
        StringWriter sw = new StringWriter(16384);
        return ExportWriter.render(new HtmlExport(sw, notes), sw, JsonExport.InputInfo.named(inputName), ds);
    }

    static void frame(StringBuilder sb, Dissection d) {
        frame(sb, d, null);
    }

    static void frame(StringBuilder sb, Dissection d, NotesStore notes) {
        Frame f = d.frame();
        String fid = "f" + f.number();
        sb.append("<h2 id=\"").append(fid).append("\">Frame ").append(f.number()).append(": ").append(f.capturedLength())
                .append(" bytes, ").append(esc(AnnotatedText.stack(d))).append("</h2>\n");
        if (!d.info().isEmpty()) sb.append("<p>").append(esc(d.info())).append("</p>\n");
        if (f.comment() != null) sb.append("<p><b>Comment:</b> ").append(esc(f.comment())).append("</p>\n");
        List<Finding> fs = d.findings();
        if (!fs.isEmpty()) {
            sb.append("<table><tr><th>#</th><th>Severity</th><th>Id</th><th>Layer</th><th>Offset</th><th>Observed</th>"
                    + "<th>Expected</th><th>Explanation</th><th>Reference</th></tr>\n");
            int n = 1;
            for (Finding x : fs) {
                sb.append("<tr><td>").append(n++).append("</td><td class=\"sev sev").append(x.severity()).append("\">")
                        .append(x.severity()).append("</td><td>").append(esc(x.id())).append("</td><td>")
                        .append(esc(x.layer())).append("</td><td>").append(esc(offset(x))).append("</td><td>")
                        .append(esc(x.observed())).append("</td><td>").append(esc(x.expected())).append("</td><td>")
                        .append(esc(x.explanation())).append("</td><td>").append(esc(x.reference())).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        } else {
            sb.append("<p>No findings.</p>\n");
        }
        List<FrameNotes.Item> ns = FrameNotes.of(notes, d);
        if (!ns.isEmpty()) {
            sb.append("<h3>Notes</h3>\n<ul class=\"notes\">\n");
            for (FrameNotes.Item it : ns) {
                sb.append("<li");
                if (it.location() != null && DataSource.FRAME.equals(it.location().source())) {
                    sb.append(" data-f=\"").append(fid).append("\" data-o=\"").append(it.location().offset())
                            .append("\" data-l=\"").append(Math.max(1, it.location().length())).append('"');
                }
                sb.append("><b>(").append(it.label()).append(")</b> ").append(esc(it.where())).append(": ")
                        .append(esc(it.note().text())).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        hex(sb, d, fid);
        sb.append("<details open><summary>Fields</summary>\n");
        for (Layer l : d.layers()) {
            sb.append("<details open><summary>").append(esc(l.name()));
            if (!l.source().equals(DataSource.FRAME)) sb.append(" [").append(esc(l.source())).append(']');
            sb.append("</summary><ul class=\"tree\">\n");
            for (Field x : l.fields()) field(sb, x, fid);
            sb.append("</ul></details>\n");
        }
        sb.append("</details>\n");
    }

    private static String offset(Finding x) {
        return (x.source().equals(DataSource.FRAME) ? "" : x.source() + " ") + String.format("0x%04x", x.offset())
                + (x.length() > 1 ? " +" + x.length() : "");
    }

    static void field(StringBuilder sb, Field f, String fid) {
        sb.append("<li");
        if (f.inFrame() && f.length() > 0) {
            sb.append(" data-f=\"").append(fid).append("\" data-o=\"").append(f.offset()).append("\" data-l=\"")
                    .append(f.length()).append('"');
        }
        sb.append('>');
        String label = f.treeLabel();
        if (f.kind() == FieldKind.GENERATED) label = "[" + label + "]";
        sb.append(esc(label)).append(" <span class=\"fa\">").append(esc(f.abbrev())).append("</span>");
        for (Finding x : f.findings()) {
            sb.append(" <span class=\"fnd sev").append(x.severity()).append("\">&#9888; ").append(esc(x.id())).append("</span>");
        }
        if (!f.children().isEmpty()) {
            sb.append("<ul class=\"tree\">");
            for (Field c : f.children()) field(sb, c, fid);
            sb.append("</ul>");
        }
        sb.append("</li>\n");
    }

    static void hex(StringBuilder sb, Dissection d, String fid) {
        byte[] b = d.frame().data();
        Field[] owner = new Field[b.length];
        Severity[] sev = new Severity[b.length];
        for (Layer l : d.layers()) for (Field f : l.fields()) mark(f, owner);
        for (Finding x : d.findings()) {
            if (!x.source().equals(DataSource.FRAME)) continue;
            for (int i = Math.max(0, x.offset()); i < Math.min(b.length, x.offset() + Math.max(1, x.length())); i++) {
                if (sev[i] == null || x.severity().ordinal() < sev[i].ordinal()) sev[i] = x.severity();
            }
        }
        sb.append("<pre class=\"hex\">");
        for (int row = 0; row < b.length; row += 16) {
            int n = Math.min(16, b.length - row);
            sb.append("<span class=\"off\">").append(String.format("%04x", row)).append("</span>  ");
            for (int i = 0; i < 16; i++) {
                if (i == 8) sb.append(' ');
                if (i >= n) {
                    sb.append("   ");
                    continue;
                }
                int o = row + i;
                Field f = owner[o];
                String cls = sev[o] != null ? sev[o].name() : f == null ? "" : f.kind() == FieldKind.RESERVED ? "res"
                        : f.kind() == FieldKind.UNDECODED ? "und" : "";
                sb.append("<span class=\"b ").append(cls).append("\" id=\"").append(fid).append('-').append(o).append('"');
                if (f != null) {
                    sb.append(" title=\"").append(esc(String.format("0x%04x ", o) + f.abbrev() + " — " + f.treeLabel())).append('"');
                }
                sb.append('>').append(String.format("%02x", b[o] & 0xFF)).append("</span> ");
            }
            sb.append(" <span class=\"asc\">");
            for (int i = 0; i < n; i++) {
                int c = b[row + i] & 0xFF;
                sb.append(c >= 0x20 && c < 0x7F ? esc(String.valueOf((char) c)) : ".");
            }
            sb.append("</span>\n");
        }
        sb.append("</pre>\n");
    }

    /** Deepest field per byte (later, deeper fields overwrite). */
    private static void mark(Field f, Field[] owner) {
        if (f.inFrame() && f.length() > 0 && f.kind() != FieldKind.GENERATED) {
            for (int i = Math.max(0, f.offset()); i < Math.min(owner.length, f.end()); i++) owner[i] = f;
        }
        for (Field c : f.children()) mark(c, owner);
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') sb.append("&#").append((int) c).append(';');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    static List<String> scripts(String html) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while ((i = html.toLowerCase().indexOf("<script", i)) >= 0) {
            int e = html.toLowerCase().indexOf("</script>", i);
            out.add(html.substring(i, e < 0 ? html.length() : e));
            i = i + 7;
        }
        return out;
    }
}
