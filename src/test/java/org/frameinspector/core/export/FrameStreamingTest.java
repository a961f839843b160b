package org.frameinspector.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HexFormat;
import java.util.List;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.protocols.Protocols;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, "one enormous frame in a document": every text writer writes a frame as it is made, in pieces of a few
 * kilobytes, never the frame's whole part as one String. Before, each writer built the frame's part in memory and
 * wrote it in one call (a single write of several megabytes here; a 254 KB frame of 36,000 DTs ran out of memory at
 * 256 MiB), so the largest write below was the whole part. The pieces must also join to exactly the text made whole.
 */
class FrameStreamingTest {
    /** 3,000 DT TPDUs (class 0, EOT, no user data) of 7 bytes each, back to back: a 21 KB frame with 3,000 findings. */
    private static Dissection bigFrame() {
        byte[] dt = HexFormat.of().parseHex("0300000702f080");
        byte[] data = new byte[dt.length * 3_000];
        for (int i = 0; i < 3_000; i++) System.arraycopy(dt, 0, data, i * dt.length, dt.length);
        return Protocols.dissector().dissect(Frame.of(1, data, Frame.LINK_ETHERNET), "tpkt", null);
    }

    /** Counts what is written and remembers the largest single write. */
    private static final class Recorder extends Writer {
        final StringBuilder all = new StringBuilder();
        int largest;

        @Override
        public void write(char[] c, int off, int len) {
            largest = Math.max(largest, len);
            all.append(c, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            largest = Math.max(largest, len);
            all.append(s, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final int PIECE = 64 * 1024;

    @Test
    void theAnnotatedTextIsWrittenInPiecesThatJoinToTheWholeText() throws IOException {
        Dissection d = bigFrame();
        assertThat(d.findings()).hasSizeGreaterThan(2_000);
        for (AnnotatedText.Options o : List.of(AnnotatedText.Options.defaults(), new AnnotatedText.Options(true, true, true))) {
            Recorder r = new Recorder();
            AnnotatedText w = new AnnotatedText(r, o, null);
            w.begin(null);
            w.frame(d);
            w.end();
            StringBuilder whole = new StringBuilder("\n");
            AnnotatedText.frame(whole, d, o, null, Spill.KEEP);
            assertThat(r.all.length()).as("the frame's text").isGreaterThan(1_000_000);
            assertThat(r.largest).as("largest single write").isLessThan(PIECE);
            String expected = AnnotatedText.SIGNATURE + "\n" + whole;
            if (o.plainAscii()) expected = Ascii.plain(expected);
            assertThat(r.all.toString()).isEqualTo(expected);
            // the last finding is numbered and marked as in a small frame
            assertThat(r.all.toString()).contains("#  [" + d.findings().size() + "] ");
        }
    }

    @Test
    void markdownAndTheTreeAreWrittenInPieces() throws IOException {
        Dissection d = bigFrame();
        Recorder md = new Recorder();
        MarkdownExport m = new MarkdownExport(md, false, null);
        m.begin(null);
        m.frame(d);
        m.end();
        assertThat(md.all.length()).isGreaterThan(1_000_000);
        assertThat(md.largest).isLessThan(PIECE);
        assertThat(md.all.toString()).endsWith("~~~\n\n").contains("~~~text\n" + AnnotatedText.SIGNATURE + "\n\n# Frame 1:");

        Recorder tree = new Recorder();
        TreeText.write(d, tree);
        assertThat(tree.largest).isLessThan(PIECE);
        assertThat(tree.all.toString()).isEqualTo(TreeText.render(d));
    }

    @Test
    void jsonAndTheHtmlReportOfABigFrameAreWhole() throws IOException {
        Dissection d = bigFrame();
        Recorder json = new Recorder();
        JsonExport j = new JsonExport(json, null);
        j.begin(null);
        j.frame(d);
        j.end();
        assertThat(json.largest).isLessThan(PIECE);
        assertThat(json.all.toString()).endsWith("]}\n");

        // the report holds each chunk compressed (a tenth of its JSON) and writes it in Base64 slices
        Recorder html = new Recorder();
        HtmlExport h = new HtmlExport(html, null);
        h.begin(null);
        h.frame(d);
        h.end();
        assertThat(html.largest).isLessThan(PIECE + d.info().length());
        StringWriter sw = new StringWriter();
        String whole = ExportWriter.render(new HtmlExport(sw, null), sw, null, List.of(d));
        assertThat(html.all.toString()).isEqualTo(whole).endsWith("</body></html>\n");
    }
}
