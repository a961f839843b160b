package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.TestFiles;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.notes.NotesFiles;
import org.frameinspector.core.notes.NotesJson;
import org.frameinspector.core.output.PcapngWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.json.JsonFactory;

/**
 * Issue 18 item 4: a pcapng frame comment "fi-note: " followed by 4,000 '[' (a 4 KB file) made {@code dissect --json}
 * and every export fail with StackOverflowError, and the same through a sidecar. Now a note that cannot be read is
 * a warning, "notes in frame N unreadable: …", and the command goes on; the damaged line stays a plain comment.
 */
class HostileNotesTest {
    @TempDir
    Path dir;

    static final String DEEP = NotesFiles.PREFIX + "[".repeat(4000);

    private Path deepCommentCapture() throws Exception {
        Path p = dir.resolve("deep.pcapng");
        byte[] kb = Inputs.open(TestFiles.kbSample(), null).frames().frame(0).data();
        String good = NotesFiles.PREFIX + "{\"id\":\"ok1\",\"frame\":2,\"target\":\"frame\",\"text\":\"a good note\"}";
        try (OutputStream os = Files.newOutputStream(p); PcapngWriter w = new PcapngWriter(os)) {
            w.write(Frame.of(1, kb, Frame.LINK_ETHERNET).withComment("from the customer\n" + DEEP));
            w.write(Frame.of(2, kb, Frame.LINK_ETHERNET).withComment(good));
        }
        assertThat(Files.size(p)).isLessThan(5000);
        return p;
    }

    static void assertValidJson(String s) {
        try (JsonParser p = JsonFactory.builder().build().createParser(s)) {
            while (p.nextToken() != null) {
                // every token parses
            }
        }
    }

    @Test
    void deepNoteInAFrameCommentIsAWarningAndTheCommandsGoOn() throws Exception {
        Path cap = deepCommentCapture();
        String[] r = Cli.run("dissect", "--json", cap.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[2]).contains("warning: notes in frame 1 unreadable:").doesNotContain("StackOverflow");
        assertValidJson(r[1]);
        assertThat(r[1]).contains("\"warnings\":[\"notes in frame 1 unreadable:");
        // the good note of frame 2 is there; the damaged line stays in frame 1's comment
        assertThat(r[1]).contains("\"text\":\"a good note\"");
        assertThat(r[1]).contains("from the customer\\nfi-note: [[[[");
        for (String fmt : List.of("text", "html", "md", "json", "pcap", "pcapng")) {
            Path out = dir.resolve("out." + fmt);
            String[] e = Cli.run("export", "--format", fmt, "-o", out.toString(), cap.toString());
            assertThat(e[0]).as(fmt + ": " + e[2]).isEqualTo("0");
            assertThat(e[2]).as(fmt).contains("notes in frame 1 unreadable");
            assertThat(Files.size(out)).as(fmt).isGreaterThan(100);
        }
        // the pcapng export keeps the damaged line (it is what the user has) and the good note
        Loaded back = Inputs.open(dir.resolve("out.pcapng"), null);
        assertThat(back.frames().frame(0).comment()).contains(DEEP);
        List<String> warnings = new ArrayList<>();
        assertThat(NotesFiles.load(null, back, warnings::add).all()).extracting(n -> n.text()).containsExactly("a good note");
        assertThat(warnings).singleElement().asString().startsWith("notes in frame 1 unreadable:");
        assertThat(Cli.run("check", cap.toString())[0]).isEqualTo("1");
    }

    @Test
    void deepSidecarIsAWarningAndIsLeftAsItWas() throws Exception {
        Path dump = dir.resolve("kb.txt");
        Files.copy(TestFiles.kbSample(), dump);
        Path sidecar = NotesFiles.sidecar(dump);
        String deep = "{\"format\":\"frame-inspector-notes\",\"version\":1,\"notes\":" + "[".repeat(4000);
        Files.writeString(sidecar, deep);
        String[] r = Cli.run("dissect", "--json", dump.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[2]).contains("warning: notes file").contains("unreadable").doesNotContain("StackOverflow");
        assertValidJson(r[1]);
        String[] e = Cli.run("export", "--format", "text", "-o", dir.resolve("kb-annotated.txt").toString(), dump.toString());
        assertThat(e[0]).isEqualTo("0");
        assertThat(Files.readString(sidecar)).isEqualTo(deep);
    }

    /** The readers themselves: a depth limit, no stack overflow, however deep. */
    @Test
    void readersRefuseDeepNestingWithAMessage() {
        for (String deep : List.of("{\"notes\":[{\"text\":" + "[".repeat(100_000), "{\"x\":" + "[".repeat(100_000),
                "[{\"a\":".repeat(50_000))) {
            try {
                NotesJson.read(deep);
                throw new AssertionError("accepted");
            } catch (IllegalArgumentException ex) {
                assertThat(ex.getMessage()).startsWith("notes JSON:").contains("depth");
            }
        }
        try {
            NotesJson.readOne("{\"a\":".repeat(100_000));
            throw new AssertionError("accepted");
        } catch (IllegalArgumentException ex) {
            assertThat(ex.getMessage()).contains("depth");
        }
    }
}
