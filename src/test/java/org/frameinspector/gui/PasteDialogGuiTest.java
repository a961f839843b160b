package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.image.BufferedImage;
import java.util.function.BooleanSupplier;
import javax.swing.JFrame;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.text.BadLocationException;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.frameinspector.TestFiles;
import org.frameinspector.core.input.Inputs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Paste dialog with the real dump reader, typed into and pasted into like a user does: what was understood is
 * shown live (layout, start layer, frames, the first frame's tree), what was not read as bytes is greyed, warnings get
 * a yellow note, errors are marked at their line and column, and an empty dialog opens with the clipboard's dump.
 */
class PasteDialogGuiTest {
    /** A COTP CR (22 bytes, TPKT first) logged row by row behind a logger prefix. */
    private static final String LOGGED = "DEBUG s7 - 0000  03 00 00 16 11 e0 00 00 00 06 00 c1 02 01 00 c2\n"
            + "DEBUG s7 - 0010  02 01 02 c0 01 0a\n";
    private Robot robot;
    private JFrame owner;
    private PasteDialog.Draft draft;

    @BeforeAll
    static void needsDisplay() {
        TestFiles.requireDisplay();
        System.setProperty("fi.gui.prefs", "org/frameinspector/gui-test");
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void setUp() {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        owner = execute(() -> {
            Theme.setup();
            JFrame f = new JFrame("owner");
            f.setLocation(100, 100);
            f.setSize(300, 200);
            f.setVisible(true);
            return f;
        });
        draft = new PasteDialog.Draft();
        execute(() -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection("no dump here"), null);
            return null;
        });
    }

    @AfterEach
    void tearDown(org.junit.jupiter.api.TestInfo test) {
        if (robot != null) robot.cleanUp();
        if (owner != null) execute(() -> {
            owner.dispose();
            return null;
        });
        GuiWait.closeAll(test.getDisplayName());
    }

    private DialogFixture open() {
        SwingUtilities.invokeLater(() -> {
            PasteDialog d = new PasteDialog(owner, draft, Inputs::fromText);
            d.setLocation(120, 120);
            d.setVisible(true);
        });
        return GuiWait.ready(WindowFinder.findDialog("pasteDialog").withTimeout(10_000).using(robot));
    }

    private static void waitFor(String what, BooleanSupplier c) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return execute(c::getAsBoolean);
            }
        }, Timeout.timeout(15_000));
    }

    @Test
    void typingADumpShowsLayoutFramesTreeAndGreysWhatWasNotRead() throws Exception {
        DialogFixture d = open();
        PasteDialog dialog = (PasteDialog) d.target();
        d.textBox("pasteText").enterText(LOGGED);
        waitFor("a parse of the whole text", () -> dialog.shownText().equals(LOGGED));
        assertThat(d.label("pastePreview").text()).contains("starts at TPKT").contains("1 frame · 22 bytes");
        assertThat(dialog.frameItems()).singleElement().asString().contains("22 bytes").contains("TPKT");
        assertThat(dialog.warningText()).isEmpty();
        assertThat(d.label("pasteError").text()).isBlank();
        // the first frame's field tree: TPKT and COTP layers
        String layers = execute(() -> dialog.firstFrameTree().dissection().layers().stream()
                .map(l -> l.name()).toList().toString());
        assertThat(layers).contains("TPKT").contains("COTP");
        assertThat(execute(() -> dialog.firstFrameTree().getRowCount())).as("layers expanded").isGreaterThan(4);
        // what was read as bytes: the hex only, never the logger prefix or the offsets
        int[] used = execute(dialog::usedRanges);
        assertThat(used).hasSize(4);
        assertThat(LOGGED.substring(used[0], used[1])).isEqualTo("03 00 00 16 11 e0 00 00 00 06 00 c1 02 01 00 c2");
        assertThat(LOGGED.substring(used[2], used[3])).isEqualTo("02 01 02 c0 01 0a");
        // and the prefix is painted fainter than the bytes
        BufferedImage img = execute(() -> {
            JTextArea a = dialog.textArea();
            BufferedImage i = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = i.createGraphics();
            a.paint(g);
            g.dispose();
            return i;
        });
        int prefixInk = darkest(img, execute(() -> box(dialog.textArea(), 0, 10)));
        int byteInk = darkest(img, execute(() -> box(dialog.textArea(), used[0], used[0] + 10)));
        assertThat(prefixInk).as("darkest prefix pixel vs darkest byte pixel").isGreaterThan(byteInk + 40);
        GuiWait.clickClosing(d.button("pasteCancel"));
    }

    @Test
    void aDoubtIsAYellowNoteAndTheDumpStillOpens() {
        DialogFixture d = open();
        PasteDialog dialog = (PasteDialog) d.target();
        execute(() -> {
            dialog.textArea().setText("received: [3, 0, 0, 22, 17, -32, 0, 0, 0, 6, 0, -63, 2, 1, 0, -62, 2, 1, 2, -64, 1, 10]");
            return null;
        });
        waitFor("the parse", () -> dialog.shownText().startsWith("received"));
        assertThat(dialog.warningText()).contains("decimal");
        assertThat(d.label("pasteWarning").target().isShowing()).isTrue();
        d.button("pasteOpen").requireEnabled();
        GuiWait.clickClosing(d.button("pasteOpen"));
        waitFor("the dialog closed with its result", () -> !dialog.isShowing());
        assertThat(dialog.result()).isNotNull();
        assertThat(dialog.result().frames().frame(0).data()).hasSize(22);
    }

    @Test
    void aTypoIsAnErrorAtItsLineAndColumnNotFewerBytes() {
        DialogFixture d = open();
        PasteDialog dialog = (PasteDialog) d.target();
        String typo = LOGGED.replace(" c0 ", " c ");
        execute(() -> {
            dialog.textArea().setText(typo);
            return null;
        });
        waitFor("the parse", () -> dialog.shownText().equals(typo));
        int line2 = typo.indexOf('\n') + 1;
        int col = typo.indexOf(" c ", line2) + 1 - line2 + 1;
        assertThat(d.label("pasteError").text()).startsWith("line 2, column " + col + ":");
        assertThat(execute(dialog::errorMarkRange)).containsExactly(line2 + col - 1, line2 + col);
        d.button("pasteOpen").requireDisabled();
        assertThat(dialog.frameItems()).isEmpty();
    }

    @Test
    void anEmptyDialogOpensWithTheDumpOnTheClipboard() {
        execute(() -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(LOGGED), null);
            return null;
        });
        DialogFixture d = open();
        PasteDialog dialog = (PasteDialog) d.target();
        waitFor("the clipboard's dump", () -> dialog.textArea().getText().equals(LOGGED));
        waitFor("its parse", () -> dialog.shownText().equals(LOGGED));
        d.button("pasteOpen").requireEnabled();
        GuiWait.clickClosing(d.button("pasteCancel"));
        // a draft the user has is never replaced
        draft.text = "my own text";
        DialogFixture d2 = open();
        Pause.pause(500);
        d2.textBox("pasteText").requireText("my own text");
        GuiWait.clickClosing(d2.button("pasteCancel"));
    }

    @Test
    void proseOnTheClipboardLeavesTheDialogEmpty() {
        DialogFixture d = open();
        Pause.pause(500);
        d.textBox("pasteText").requireText("");
        GuiWait.clickClosing(d.button("pasteCancel"));
    }

    private static java.awt.Rectangle box(JTextArea a, int from, int to) {
        try {
            java.awt.Rectangle r0 = a.modelToView2D(from).getBounds();
            java.awt.Rectangle r1 = a.modelToView2D(to).getBounds();
            return new java.awt.Rectangle(r0.x, r0.y, Math.max(1, r1.x - r0.x), r0.height);
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The darkest luminance (0..255) inside r. */
    private static int darkest(BufferedImage img, java.awt.Rectangle r) {
        int min = 255;
        for (int y = r.y; y < r.y + r.height && y < img.getHeight(); y++) {
            for (int x = r.x; x < r.x + r.width && x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int l = (((p >> 16) & 255) * 299 + ((p >> 8) & 255) * 587 + (p & 255) * 114) / 1000;
                min = Math.min(min, l);
            }
        }
        return min;
    }
}
