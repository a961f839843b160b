package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.awt.event.KeyEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.cli.Main;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.session.Session;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Issue 13's "GUI and CLI give the same answer for the same filter on the same file", over every shared capture: the
 * window's display filter keeps as many frames as {@code dissect -Y} prints, for each protocol that occurs in the
 * capture, {@code finding} and {@code tpkt.reserved != 0}; a filter on a field that does not exist turns the bar red
 * with the message instead of matching nothing.
 */
class GuiCliAgreementTest extends WindowTest {

    /** How many frames {@code dissect --json -Y filter file} prints (the command run in this JVM). */
    static int cliCount(Path file, String filter) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(new String[] {"dissect", "--json", "-Y", filter, file.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        assertThat(rc).as("dissect -Y '%s' %s: %s", filter, file.getFileName(), err).isZero();
        int frames = 0;
        try (JsonParser p = new JsonFactory().createParser(out.toString())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.PROPERTY_NAME && "frames".equals(p.currentName()) && p.streamReadContext().getParent() != null
                        && p.streamReadContext().getParent().inRoot()) {
                    p.nextToken(); // [
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        frames++;
                        p.skipChildren();
                    }
                    break;
                }
            }
        }
        return frames;
    }

    /** The protocols of the layers the in-order pass shows in a capture. */
    static List<String> protocols(Path file) throws Exception {
        TreeSet<String> names = new TreeSet<>();
        try (Session s = Session.of(Inputs.open(file, null), null)) {
            s.stream(d -> {
                for (Layer l : d.layers()) names.add(l.protocol());
            });
        }
        return new ArrayList<>(names);
    }

    private int guiCount(String filter) {
        execute(() -> main.applyFilter(""));
        execute(() -> main.applyFilter(filter));
        GuiWait.until("the filter " + filter, () -> !main.isBusy() && main.frameModel().isFiltered(), 60_000);
        return execute(() -> main.frameTable().getRowCount());
    }

    @Test
    void everySharedCaptureFiltersAsTheCommandLineDoes() throws Exception {
        List<Path> captures;
        try (Stream<Path> s = Files.list(TestFiles.captures())) {
            captures = s.filter(p -> p.toString().matches(".*\\.(pcap|pcapng)")).sorted().toList();
        }
        assertThat(captures).hasSizeGreaterThanOrEqualTo(39);
        List<String> checked = new ArrayList<>();
        for (Path cap : captures) {
            openAndPass(cap);
            List<String> filters = new ArrayList<>(protocols(cap));
            filters.add("finding");
            filters.add("tpkt.reserved != 0");
            for (String f : filters) {
                int cli = cliCount(cap, f);
                assertThat(guiCount(f)).as("%s: -Y '%s'", cap.getFileName(), f).isEqualTo(cli);
                checked.add(cap.getFileName() + " " + f + " " + cli);
            }
        }
        assertThat(checked).anyMatch(s -> s.equals("mms_iec61850_8d7c7db0.pcap ses 163"));
        // issue 15: every frame is S7COMM in its own frame, as in tshark (83 while segments after a gap were held back)
        assertThat(checked).anyMatch(s -> s.equals("s7_wincc_s300_setup-alarm-read-write.pcapng s7comm 164"));
    }

    @Test
    void aFilterOnAFieldThatDoesNotExistIsRedWithTheMessageAndNoCount() throws Exception {
        Path cap = TestFiles.captures().resolve("s7_wincc_s300_setup-alarm-read-write.pcapng");
        openAndPass(cap);
        var text = window.textBox("filterText");
        text.click();
        String good = "s7comm.header.rosctr == 1";
        int expected = cliCount(cap, good);
        assertThat(expected).as("a filter that shows some frames, not all").isBetween(1, 163);
        text.enterText(good);
        text.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        GuiWait.until("the filter", () -> !main.isBusy() && main.frameModel().isFiltered(), 30_000);
        assertThat(window.label("filterShown").text()).isEqualTo("Displayed: " + expected + " of 164");
        text.deleteText();
        text.enterText("tcp.bogus == 1");
        GuiWait.until("red", () -> main.filterBar().state() == FilterBar.State.INVALID, 5_000);
        text.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        // the message names the field where the count stood; no stale "Displayed: n of 164", no silent zero
        String shown = window.label("filterShown").text();
        assertThat(shown).contains("tcp.bogus").doesNotContain("Displayed");
        assertThat(execute(() -> main.filterBar().field().getBackground().getRed()
                > main.filterBar().field().getBackground().getGreen())).isTrue();
        assertThat(execute(() -> main.frameTable().getRowCount())).as("the last good filter's rows stay").isEqualTo(expected);
    }
}
