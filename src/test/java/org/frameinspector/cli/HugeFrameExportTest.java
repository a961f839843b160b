package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, "one enormous frame in a document": a one-line dump of 36,000 back-to-back 7-byte DTs is one frame of
 * 252,000 bytes with 65,536 findings. Before, each text writer built the frame's part of the document as one String
 * (53 MB of annotated text, copied several times over): at -Xmx256m the text export died of OutOfMemoryError after
 * 47 s and the HTML export exited 2 after 74 s; at the -Xmx128m used here the text, HTML and Markdown exports all
 * ended with OutOfMemoryError (exit 3, measured with the jar of main before the change). Now every writer streams
 * within the frame, and all of them, and the {@code dissect} tree, run in one JVM of 128 MiB.
 */
class HugeFrameExportTest {
    @TempDir
    Path dir;

    /**
     * Budget: 600 s for the whole child JVM (one dissection per command, five documents of 3 to 75 MB). Measured on
     * two cores shared with three other builds (load 3-5): this child JVM took 10 to 25 s; each command alone at
     * -Xmx256m took 4 to 7 s (text 5.6 s, HTML 3.6 s, Markdown 7.0 s, JSON 3.9 s), up to 23 s under heavier load.
     */
    @Test
    void aFrameOf36000TpdusExportsInEveryTextFormatAt128MiB() throws Exception {
        Path dump = dir.resolve("dts.txt");
        Files.writeString(dump, "03 00 00 07 02 f0 80 ".repeat(36_000) + "\n");
        Path text = dir.resolve("out.txt"), html = dir.resolve("out.html"), md = dir.resolve("out.md"),
                json = dir.resolve("out.json"), tree = dir.resolve("tree.txt");
        ChildJvm.Result r = ChildJvm.run(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"),
                List.of("export", "--format", "text", "--starts-at", "tpkt", "-o", text.toString(), dump.toString(), ";;",
                        "export", "--format", "html", "--starts-at", "tpkt", "-o", html.toString(), dump.toString(), ";;",
                        "export", "--format", "md", "--starts-at", "tpkt", "-o", md.toString(), dump.toString(), ";;",
                        "export", "--format", "json", "--starts-at", "tpkt", "-o", json.toString(), dump.toString(), ";;",
                        "dissect", "--starts-at", "tpkt", dump.toString()),
                dir, Map.of(), null, tree, 600);
        assertThat(r.err()).doesNotContain("OutOfMemoryError").doesNotContain("internal error");
        assertThat(r.exit()).as(r.err()).isZero();
        // every document is whole, down to its last finding
        assertThat(Files.size(text)).isGreaterThan(40_000_000L);
        assertThat(tail(text)).contains("#  [65536] INFO INSPECTOR-DECODE-LIMIT")
                .endsWith("Reference: Frame Inspector (bounded memory)\n");
        assertThat(tail(html)).endsWith("</body></html>\n");
        assertThat(tail(md)).endsWith("~~~\n\n");
        assertThat(tail(json)).endsWith("]}\n");
        assertThat(tail(tree)).contains("INFO INSPECTOR-DECODE-LIMIT at frame offset");
    }

    private static String tail(Path p) throws Exception {
        try (var ch = java.nio.channels.FileChannel.open(p)) {
            long size = ch.size();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) Math.min(size, 4096));
            ch.read(b, size - b.capacity());
            return new String(b.array(), StandardCharsets.UTF_8);
        }
    }
}
