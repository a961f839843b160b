package org.frameinspector.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.frameinspector.cli.Main;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    /** A class-0 CR whose calling TSAP is "<script>alert(1)</script>". */
    static byte[] hostileCr() {
        return HtmlReportSafetyTest.crWithTsap("<script>alert(1)</script>");
    }

    @Test
    void htmlCarriesNoMarkupFromTheFrame() {
        Dissection d = org.frameinspector.core.protocols.Protocols.dissector().dissect(Frame.of(1, hostileCr(), Frame.LINK_TPKT));
        assertThat(d.fields("cotp.src-tsap")).singleElement().extracting(f -> f.value()).isEqualTo("<script>alert(1)</script>");
        String html = HtmlExport.render(List.of(d), "<b>name</b>.txt");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>name");
        // the TSAP is a JSON string in a data element, its '<' and '>' escaped; the file name is escaped HTML text
        assertThat(HtmlReportData.json(html)).contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
        assertThat(html).contains("&lt;b&gt;name&lt;/b&gt;.txt");
        // the only executable script element is our own, last
        List<String> scripts = HtmlExport.scripts(html);
        assertThat(scripts.get(scripts.size() - 1)).isEqualTo("<script>" + HtmlExport.SCRIPT);
        assertThat(scripts.subList(0, scripts.size() - 1)).allMatch(s -> s.startsWith("<script type=\"application/json\""));
    }

    @Test
    void markdownEscapesPacketText() {
        Dissection d = org.frameinspector.core.protocols.Protocols.dissector().dissect(Frame.of(1, hostileCr(), Frame.LINK_TPKT));
        String md = MarkdownExport.render(List.of(d), "x", false);
        // inside the fenced dump the text is inert; outside it, no raw markup may appear
        String outside = md.replaceAll("(?s)~~~+text\\n.*?\\n~~~+", "");
        assertThat(outside).doesNotContain("<script>");
        assertThat(md).contains("~~~text\n");
    }

    @Test
    void annotatedTextFitsHundredColumnsAndMarksTheFinding() {
        byte[] b = HexFormat.of().parseHex("0311002c27d001ca002900c10d535749535349464554534150c20d45584348414e47455453415031c0010b".replace(" ", ""));
        Dissection d = org.frameinspector.core.protocols.Protocols.dissector().dissect(Frame.of(1, b, Frame.LINK_TPKT));
        String t = AnnotatedText.render(List.of(d), "seed", AnnotatedText.Options.defaults());
        assertThat(t.lines()).allMatch(l -> l.codePointCount(0, l.length()) <= AnnotatedText.WIDTH);
        assertThat(t).contains("#        ^^").contains("[1] TPKT-RESERVED-NONZERO");
        String plain = AnnotatedText.render(List.of(d), "seed", new AnnotatedText.Options(true, true, true));
        assertThat(plain.chars()).allMatch(c -> c < 0x80);
    }

    /**
     * Issue 17: the annotated text cut values at about 40 characters ("LG bit: Globall…"). Values now wrap under
     * their column, broken between words, within 100 columns, and the text still re-imports to the same bytes.
     */
    @Test
    void annotatedTextWrapsLongValuesInsteadOfCuttingThem() throws Exception {
        var in = org.frameinspector.core.input.Inputs.open(org.frameinspector.TestFiles.kbSample(), null);
        Dissection d = org.frameinspector.core.protocols.Protocols.dissector().dissect(in.frames().frame(0));
        String t = AnnotatedText.render(List.of(d), "kb", AnnotatedText.Options.defaults());
        assertThat(t.lines()).allMatch(l -> l.codePointCount(0, l.length()) <= AnnotatedText.WIDTH);
        String fields = t.substring(t.indexOf("# Fields"), t.indexOf("# Findings\n"));
        assertThat(fields.lines()).noneMatch(l -> l.endsWith("...")); // what clipping used to leave
        // a continuation line starts with '#' and spaces up to the value column, then goes on with the value
        assertThat(fields).contains("= LG bit: Globally\n#" + " ".repeat(AnnotatedText.VALUE_COLUMN - 1)
                + "unique address (factory default)\n");
        // every field's whole value is there (compared without the spaces and line breaks wrapping adds)
        String joined = fields.replaceAll("\n#\\s+", "").replaceAll("\\s+", "");
        for (var l : d.layers()) {
            for (var f : l.fields()) {
                if (f.length() > 0) assertThat(joined).contains(f.treeLabel().replaceAll("\\s+", ""));
            }
        }
        assertThat(org.frameinspector.core.input.Inputs.fromText("x", t, null).frames().frame(0).data())
                .isEqualTo(d.frame().data());
    }

    @Test
    void jsonExportEqualsDissectJson(@TempDir Path tmp) throws Exception {
        Path dump = tmp.resolve("cr.txt");
        Files.writeString(dump, "0000  03 00 00 16 11 e0 00 00  00 01 00 c1 02 01 00 c2\n0010  02 01 02 c0 01 0a\n");
        Path out = tmp.resolve("out.json");
        StringWriter o1 = new StringWriter(), e1 = new StringWriter();
        int rc = Main.run(new String[]{"export", "--format", "json", "-o", out.toString(), dump.toString()},
                new PrintWriter(o1), new PrintWriter(e1));
        assertThat(rc).as(e1.toString()).isZero();
        StringWriter o2 = new StringWriter(), e2 = new StringWriter();
        rc = Main.run(new String[]{"dissect", "--json", dump.toString()}, new PrintWriter(o2), new PrintWriter(e2));
        assertThat(rc).isZero();
        assertThat(Files.readString(out).strip()).isEqualTo(o2.toString().strip());
    }
}
