package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import com.formdev.flatlaf.FlatLaf;
import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.frameinspector.TestFiles;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The main window end to end under a real (X) display, with {@link FakeDissection} standing in for the TPKT/COTP
 * dissectors: finding ↔ tree ↔ hex pane, paste, paste-dialog error marks, theme switch, command-line launch.
 */
class MainWindowGuiTest {
    private static final Path KB = Path.of("samples", "kb-q151626-connect-confirm.txt");
    private Robot robot;
    private FrameFixture window;
    private MainWindow main;

    @BeforeAll
    static void needsDisplay() {
        TestFiles.requireDisplay();
        System.setProperty("fi.gui.prefs", "org/frameinspector/gui-test");
        AppPrefs.setDarkTheme(false);
        AppPrefs.clearRecentFiles();
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void open() {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        window = WindowTest.show(robot, () -> new MainWindow(LoneFrameDissections.of(FakeDissection.dissector()),
                PasteDialogParsers.withFakeError()), 100, 100, 1300, 850);
        main = (MainWindow) window.target();
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) {
        if (window != null) window.cleanUp();
        if (robot != null) robot.cleanUp();
        GuiWait.closeAll(test.getDisplayName());
    }

    private static void waitFor(String what, BooleanSupplier c) {
        GuiWait.until(what, c, 15_000);
    }

    private void openKb() {
        execute(() -> main.openFile(KB));
        waitFor("the KB dump to load", () -> main.loaded() != null && main.currentDissection() != null);
    }

    @Test
    void tpktReservedByteIsAFindingAndSelectingItSelectsFieldAndByte() {
        openKb();
        window.table("frameTable").requireRowCount(1);
        window.table("findingsTable").requireRowCount(1);
        assertThat(window.table("findingsTable").valueAt(org.assertj.swing.data.TableCell.row(0).column(1)))
                .isEqualTo("TPKT-RESERVED-NONZERO");
        // click elsewhere first, then select the finding with the mouse
        execute(() -> main.fieldTree().selectField(main.currentDissection().field("eth.dst")));
        assertThat(execute(() -> main.hexPane().selectionStart())).isEqualTo(0);
        window.table("findingsTable").cell(org.assertj.swing.data.TableCell.row(0).column(1)).click();
        Field f = execute(() -> main.fieldTree().selectedField());
        assertThat(f.abbrev()).isEqualTo("tpkt.reserved");
        assertThat(execute(() -> main.hexPane().selectionStart())).isEqualTo(0x37);
        assertThat(execute(() -> main.hexPane().selectionLength())).isEqualTo(1);
        assertThat(execute(() -> main.explanationArea().getText())).contains("TPKT-RESERVED-NONZERO")
                .contains("RFC 1006").contains("Observed: 0x11");
        assertThat(execute(() -> main.bitStrip().bitsText())).isEqualTo("0001 0001");
        assertThat(execute(() -> main.statusFieldLabel().getText())).contains("tpkt.reserved").contains("0x37");
        // the byte is permanently marked as a RISK in the hex pane
        assertThat(execute(() -> main.hexPane().markAt(0x37))).isEqualTo(HexPane.MARK_RISK);
        assertThat(execute(() -> main.hexPane().markAt(0x36))).isEqualTo(HexPane.MARK_NONE);
    }

    @Test
    void clickingByte0x37InTheHexPaneSelectsTheReservedField() {
        openKb();
        execute(() -> main.fieldTree().selectField(main.currentDissection().field("ip.src")));
        HexPane hex = execute(() -> main.hexPane());
        Rectangle cell = execute(() -> hex.hexLayout().hexCell(0x37));
        robot.click(hex, new Point(cell.x + cell.width / 2, cell.y + cell.height / 2));
        // the click reaches the pane when X delivers it, which can be after the robot's idle wait
        GuiWait.until("the reserved field selected by the click", () -> main.fieldTree().selectedField() != null
                && main.fieldTree().selectedField().abbrev().equals("tpkt.reserved"), 10_000);
        assertThat(execute(() -> main.hexPane().selectionStart())).isEqualTo(0x37);
        assertThat(execute(() -> main.findingsTable().getSelectedRow())).isEqualTo(0);

        // the ASCII column works too: 0x42 is in the calling TSAP
        Rectangle ascii = execute(() -> hex.hexLayout().asciiCell(0x45));
        assertThat(execute(() -> hex.getVisibleRect().contains(ascii))).as("ASCII column visible: %s in %s", ascii, execute(() -> hex.getVisibleRect())).isTrue();
        robot.click(hex, new Point(ascii.x + ascii.width / 2, ascii.y + ascii.height / 2));
        GuiWait.until("the calling TSAP selected by the click", () -> main.fieldTree().selectedField() != null
                && main.fieldTree().selectedField().abbrev().equals("cotp.src_tsap"), 10_000);
    }

    @Test
    void bitFieldsShowTheirBits() {
        openKb();
        execute(() -> main.fieldTree().selectField(main.currentDissection().field("ip.flags.df")));
        assertThat(execute(() -> main.bitStrip().bitsText())).isEqualTo("0100 0000 0000 0000");
        assertThat(execute(() -> main.bitStrip().maskText())).isEqualTo(" ^                 ");
        assertThat(execute(() -> main.hexPane().selectionStart())).isEqualTo(20);
    }

    @Test
    void ctrlVWithADumpOnTheClipboardOpensIt() throws Exception {
        String text = Files.readString(KB);
        execute(() -> Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null));
        window.table("frameTable").focus();
        // AssertJ Swing takes the old-style modifier masks
        @SuppressWarnings("deprecation")
        int menuKey = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx() == KeyEvent.META_DOWN_MASK
                ? KeyEvent.META_MASK : KeyEvent.CTRL_MASK;
        window.pressAndReleaseKey(org.assertj.swing.core.KeyPressInfo.keyCode(KeyEvent.VK_V).modifiers(menuKey));
        waitFor("the pasted dump to load", () -> main.loaded() != null);
        assertThat(execute(() -> main.loaded().name())).isEqualTo("clipboard");
        waitFor("the frame", () -> main.currentDissection() != null);
        assertThat(execute(() -> main.currentDissection().findings())).hasSize(1);
        assertThat(execute(() -> main.statusLayoutLabel().getText())).contains("starts at eth");
    }

    @Test
    void pasteDialogMarksTheErrorAtItsLineAndColumnAndKeepsTheText() {
        SwingUtilities.invokeLater(main::showPasteDialog);
        DialogFixture d = GuiWait.ready(WindowFinder.findDialog("pasteDialog").withTimeout(10_000).using(robot));
        String bad = "0000  03 11 00 2C\n0004  27 D0 01 CA\n0008  00 ZZ 00 C1\n";
        execute(() -> {
            ((PasteDialog) d.target()).textArea().setText(bad);
            return null;
        });
        waitFor("the error", () -> ((PasteDialog) d.target()).lastError() != null);
        d.label("pasteError").requireText("line 3, column 10: not a hex byte: ZZ");
        int[] mark = execute(() -> ((PasteDialog) d.target()).errorMarkRange());
        int lineStart = bad.indexOf("0008");
        assertThat(mark).containsExactly(lineStart + 9, lineStart + 11);
        d.button("pasteOpen").requireDisabled();
        GuiWait.clickClosing(d.button("pasteCancel"));

        // reopening shows the same text
        SwingUtilities.invokeLater(main::showPasteDialog);
        DialogFixture d2 = GuiWait.ready(WindowFinder.findDialog("pasteDialog").withTimeout(10_000).using(robot));
        d2.textBox("pasteText").requireText(bad);
        execute(() -> {
            ((PasteDialog) d2.target()).textArea().setText(bad.replace("ZZ", "00"));
            return null;
        });
        waitFor("a clean parse", () -> d2.button("pasteOpen").target().isEnabled());
        d2.label("pastePreview").requireText(
                java.util.regex.Pattern.compile(".*starts at TPKT.*1 frame · 12 bytes"));
        // the Open button must lie inside the dialog whatever the preview says (a long layout name once pushed it out)
        java.awt.Rectangle db = execute(() -> d2.target().getBounds());
        java.awt.Rectangle bb = execute(() -> {
            java.awt.Component b = d2.button("pasteOpen").target();
            return new java.awt.Rectangle(b.getLocationOnScreen(), b.getSize());
        });
        assertThat(db.contains(bb)).as("Open button %s inside dialog %s", bb, db).isTrue();
        GuiWait.clickClosing(d2.button("pasteOpen"));
        waitFor("the pasted frame", () -> main.currentDissection() != null);
        assertThat(execute(() -> main.currentDissection().frame().capturedLength())).isEqualTo(12);
    }

    @Test
    void themeSwitchesToDarkAndIsRemembered() {
        openKb();
        Color lightBg = execute(() -> main.hexPane().getBackground());
        window.menuItemWithPath("View", "Dark Theme").click();
        waitFor("dark", FlatLaf::isLafDark);
        assertThat(AppPrefs.darkTheme()).isTrue();
        Color darkBg = execute(() -> main.hexPane().getBackground());
        assertThat(darkBg).isNotEqualTo(lightBg);
        assertThat(luminance(darkBg)).isLessThan(luminance(lightBg));
        window.button("themeButton").click();
        waitFor("light", () -> !FlatLaf.isLafDark());
        assertThat(AppPrefs.darkTheme()).isFalse();
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    @Test
    void commandLineLaunchOpensTheSeedAndReturnsZeroWhenClosed() throws Exception {
        window.cleanUp();
        window = null;
        Path seed = TestFiles.seed();
        CompletableFuture<Integer> rc = CompletableFuture.supplyAsync(() -> GuiLauncher.launch(List.of(seed.toString())));
        FrameFixture launched = WindowFinder.findFrame(new GenericTypeMatcher<MainWindow>(MainWindow.class) {
            @Override
            protected boolean isMatching(MainWindow w) {
                return w.isShowing();
            }
        }).withTimeout(20_000).using(robot);
        MainWindow w = (MainWindow) launched.target();
        waitFor("the seed to load", () -> w.loaded() != null && w.currentDissection() != null);
        assertThat(execute(() -> w.loaded().name())).isEqualTo(seed.getFileName().toString());
        assertThat(execute(() -> w.currentDissection().frame().data()[0x37])).isEqualTo((byte) 0x11);
        assertThat(execute(() -> w.statusLayoutLabel().getText())).contains("hex dump").contains("starts at eth");
        assertThat(rc).isNotDone();
        execute(w::dispose);
        assertThat(rc.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(AppPrefs.recentFiles()).first().asString().endsWith(seed.getFileName().toString());
    }

    /** Parsers for the paste dialog: the real one, with a fake error for "ZZ" until the full importer lands. */
    static final class PasteDialogParsers {
        static PasteDialog.Parser withFakeError() {
            return (name, text, startsAt) -> {
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    int c = lines[i].indexOf("ZZ");
                    if (c >= 0) throw InputException.at(i + 1, c + 1, "not a hex byte: ZZ");
                }
                return Inputs.fromText(name, text, startsAt);
            };
        }
    }
}
