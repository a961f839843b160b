package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.swing.JPopupMenu;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JViewport;
import javax.swing.plaf.basic.BasicSplitPaneUI;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.core.MouseButton;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JPopupMenuFixture;
import org.frameinspector.TestFiles;
import org.frameinspector.capture.CaptureException;
import org.frameinspector.capture.LiveCapture;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.PcapngWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's layout and keyboard items, clicked and typed like a user: the frame list grows with the window, a
 * 1024×700 window keeps the tree, the selected finding, the status bar and the Reference line visible, splitter
 * positions survive a restart; Go to Frame takes one Enter (one Escape after a bad entry), Find looks for bytes or
 * text first, Tab leaves the frame list, Ctrl+Shift+T switches the theme, a filter error and a running filter show
 * in the bar, counts are grouped and in the right number, the status bar names the real capture format; copying
 * annotated text from a hex byte names the finding once; Stop releases the live capture at once.
 */
class LayoutKeysGuiTest {
    private static final Path KB = Path.of("samples", "kb-q151626-connect-confirm.txt");
    private static Locale locale;
    @TempDir
    static Path dir;
    private static Path capture;
    private Robot robot;
    private FrameFixture window;
    private MainWindow main;

    @BeforeAll
    static void setUp() throws Exception {
        TestFiles.requireDisplay();
        System.setProperty("fi.gui.prefs", "org/frameinspector/gui-test");
        AppPrefs.setDarkTheme(false);
        locale = Locale.getDefault();
        Locale.setDefault(Locale.US); // "1,200": the grouping of the user's locale, US here
        FailOnThreadViolationRepaintManager.install();
        capture = dir.resolve("exchange-x300.pcap");
        TestFrames.writePcap(capture, repeated(300));
    }

    @AfterAll
    static void restoreLocale() {
        if (locale != null) Locale.setDefault(locale);
    }

    /** The CR/CC/DT/DR exchange {@code times} times over (the CC, frame 2 of each, has the TPKT finding). */
    static List<Frame> repeated(int times) {
        List<Frame> ex = TestFrames.exchange();
        List<Frame> all = new ArrayList<>();
        for (int r = 0; r < times; r++) {
            for (Frame f : ex) {
                all.add(new Frame(all.size() + 1, f.data(), f.originalLength(), f.timestampNanos() + r * 20_000_000L,
                        f.linkType(), 0, null));
            }
        }
        return all;
    }

    @BeforeEach
    void forgetSplitters() {
        for (String k : new String[] {"split.mainSplit", "split.centerSplit", "split.findingsSplit", "split.hexWidth"}) {
            AppPrefs.node().remove(k);
        }
    }

    private void start(int w, int h, Function<Frame, Dissection> dissector) {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        window = WindowTest.show(robot, () -> dissector == null ? new MainWindow()
                : new MainWindow(LoneFrameDissections.of(dissector), org.frameinspector.core.input.Inputs::fromText),
                0, 0, w, h);
        main = (MainWindow) window.target();
    }

    private void start(int w, int h) {
        start(w, h, null);
    }

    @AfterEach
    void tearDown(org.junit.jupiter.api.TestInfo test) {
        close();
        GuiWait.closeAll(test.getDisplayName());
    }

    void close() {
        if (window != null) window.cleanUp();
        if (robot != null) robot.cleanUp();
        window = null;
        robot = null;
    }

    private static void waitFor(String what, BooleanSupplier c) {
        GuiWait.until(what, c, 20_000);
    }

    private void open(Path p, int frames) {
        execute(() -> main.openFile(p));
        waitFor("the input", () -> main.loaded() != null && !main.isLoading()
                && main.frameTable().getRowCount() == frames && main.currentDissection() != null);
    }

    private static int visibleRows(JTable t) {
        return ((JViewport) t.getParent()).getHeight() / t.getRowHeight();
    }

    // ------------------------------------------------------------------ layout

    @Test
    void theFrameListGrowsTheSmallWindowKeepsEverythingInViewAndSplittersAreRemembered() {
        start(1600, 1000);
        open(capture, 1200);
        waitFor("the list laid out", () -> visibleRows(main.frameTable()) > 0);
        int big = execute(() -> visibleRows(main.frameTable()));
        assertThat(big).as("rows of the frame list at 1600×1000").isGreaterThan(12);

        // 1024×700, on the CC (frame 2) with its finding
        execute(() -> main.setSize(1024, 700));
        robot.waitForIdle();
        execute(() -> main.selectFrame(1));
        waitFor("frame 2", () -> main.currentDissection().frame().number() == 2);
        robot.waitForIdle();
        int small = execute(() -> visibleRows(main.frameTable()));
        assertThat(small).as("the list shrinks with the window").isLessThan(big).isGreaterThanOrEqualTo(6);
        int treeRows = execute(() -> ((JViewport) main.fieldTree().getParent()).getHeight()
                / main.fieldTree().getRowBounds(0).height);
        assertThat(treeRows).as("rows of the field tree at 1024×700").isGreaterThanOrEqualTo(10);
        // the selected finding is in view
        assertThat(execute(() -> main.findingsTable().getSelectedRow())).isZero();
        assertThat(execute(() -> main.findingsTable().getVisibleRect()
                .contains(main.findingsTable().getCellRect(0, 0, true)))).as("selected finding visible").isTrue();
        // the Reference line of the explanation is in view
        assertThat(execute(() -> {
            var area = main.explanationArea();
            int at = area.getText().indexOf("Reference:");
            Rectangle r = area.modelToView2D(at).getBounds();
            return at >= 0 && area.getVisibleRect().contains(r.x, r.y + r.height - 1);
        })).as("Reference line visible").isTrue();
        // the status bar is whole: its own height, inside the window, the frame count not cut
        assertThat(execute(() -> {
            var bar = main.statusBar.component();
            Rectangle inWindow = javax.swing.SwingUtilities.convertRectangle(bar.getParent(), bar.getBounds(),
                    main.getContentPane());
            return bar.getHeight() >= bar.getPreferredSize().height
                    && inWindow.y + inWindow.height <= main.getContentPane().getHeight()
                    && main.statusFramesLabel().getWidth() >= main.statusFramesLabel().getPreferredSize().width;
        })).as("status bar whole").isTrue();
        assertThat(window.label("statusFrames").text()).isEqualTo("1,200 frames");
        // the Connections tab gets the whole width (the explanation is the findings' and steps aside)
        // "Connections (1)" once the in-order pass is done
        execute(() -> main.lowerTabs().setSelectedComponent(main.connectionsTable().getParent().getParent()));
        waitFor("the connections table across the window", () -> main.connectionsTable().getParent().getWidth()
                > 0.9 * main.getContentPane().getWidth());
        window.tabbedPane("lowerTabs").selectTab("Findings");
        waitFor("the explanation back", () -> main.explanationArea().isShowing());

        // drag the list's divider 120 pixels down: remembered, and the next window starts there
        JSplitPane split = (JSplitPane) window.splitPane("mainSplit").target();
        java.awt.Component divider = execute(() -> ((BasicSplitPaneUI) split.getUI()).getDivider());
        Point c = execute(() -> new Point(divider.getWidth() / 2, divider.getHeight() / 2));
        int before = execute(split::getDividerLocation);
        robot.pressMouse(divider, c, MouseButton.LEFT_BUTTON);
        robot.moveMouse(divider, c.x, c.y + 60);
        robot.moveMouse(divider, c.x, c.y + 120);
        robot.releaseMouse(MouseButton.LEFT_BUTTON);
        // the moves and the release reach the divider when X delivers them, which can be after the robot's idle wait
        waitFor("the divider dragged more than 60 pixels down", () -> split.getDividerLocation() > before + 60);
        waitFor("the dragged divider remembered", () -> AppPrefs.splitter("mainSplit", -1) > 0);
        double saved = AppPrefs.splitter("mainSplit", -1);
        assertThat(saved).isBetween(0.0, 1.0);
        close();

        start(1024, 700);
        open(capture, 1200);
        JSplitPane again = (JSplitPane) window.splitPane("mainSplit").target();
        waitFor("the remembered divider", () -> Math.abs(
                (double) again.getDividerLocation() / (again.getHeight() - again.getDividerSize()) - saved) < 0.02);
    }

    // ------------------------------------------------------------------ keyboard

    @Test
    void goToFrameTakesOneEnterAndOneEscapeAfterABadNumber() {
        start(1300, 850);
        open(capture, 1200);
        window.button("goToButton").click();
        DialogFixture d = GuiWait.ready(window.dialog("goToDialog"));
        d.textBox("goToNumber").deleteText().enterText("3");
        d.textBox("goToNumber").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("frame 3 after one Enter", () -> !d.target().isShowing()
                && main.currentDissection().frame().number() == 3);

        window.button("goToButton").click();
        DialogFixture d2 = GuiWait.ready(window.dialog("goToDialog"));
        d2.textBox("goToNumber").deleteText().enterText("99999");
        d2.textBox("goToNumber").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the error", () -> ((GoToDialog) d2.target()).error().contains("no frame 99999"));
        assertThat(execute(() -> d2.target().isShowing())).as("a bad number keeps the dialog").isTrue();
        assertThat(((GoToDialog) d2.target()).error()).contains("1–1,200");
        d2.textBox("goToNumber").pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        waitFor("closed after one Escape", () -> !d2.target().isShowing());
        assertThat(execute(() -> main.currentDissection().frame().number())).isEqualTo(3);
    }

    @Test
    void findLooksForBytesOrTextFirstTabLeavesTheListAndCtrlShiftTSwitchesTheTheme() throws Exception {
        start(1300, 850);
        open(capture, 1200);
        window.button("findButton").click();
        assertThat(window.comboBox("findMode").selectedItem()).isEqualTo("Bytes, text or field");
        window.textBox("findText").enterText("EXCHANGETSAP1");
        window.textBox("findText").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the TSAP found as text", () -> !main.isBusy() && main.hexPane().selectionLength() == 13);
        assertThat(window.label("findStatus").text()).startsWith("Frame ").doesNotContain("Not found");
        // hex in the same mode
        window.textBox("findText").deleteText().enterText("03 11");
        window.textBox("findText").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the reserved byte found as hex", () -> !main.isBusy()
                && main.hexPane().selectionStart() == 0x36 && main.hexPane().selectionLength() == 2);

        // Tab leaves the frame list
        window.table("frameTable").focus();
        window.table("frameTable").pressAndReleaseKeys(KeyEvent.VK_TAB);
        waitFor("focus out of the list", () -> {
            var owner = java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
            return owner != null && owner != main.frameTable();
        });

        // Ctrl+Shift+T (the keys, not the button)
        @SuppressWarnings("deprecation")
        int mods = InputEvent.CTRL_MASK | InputEvent.SHIFT_MASK; // AssertJ Swing takes the old-style masks
        window.table("frameTable").pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_T).modifiers(mods));
        waitFor("dark", Theme::isDark);
        assertThat(AppPrefs.darkTheme()).isTrue();
        window.table("frameTable").pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_T).modifiers(mods));
        waitFor("light", () -> !Theme.isDark());
        assertThat(AppPrefs.darkTheme()).isFalse();
    }

    // ------------------------------------------------------------------ feedback

    @Test
    void aFilterErrorIsWrittenInTheBarARunningFilterSaysSoAndCountsAreGrouped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean();
        var fd = org.frameinspector.core.protocols.Protocols.dissector();
        // once the filter starts, its workers wait until the test lets them go, so the bar can be read while it runs
        start(1300, 850, f -> {
            String t = Thread.currentThread().getName();
            if (hold.get() && !javax.swing.SwingUtilities.isEventDispatchThread() && !t.equals("frame-list-dissector")) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return fd.dissect(f);
        });
        open(capture, 1200);
        var text = window.textBox("filterText");
        text.click();
        text.enterText("tpkt.reservd != 0");
        waitFor("red", () -> main.filterBar().state() == FilterBar.State.INVALID);
        String shown = window.label("filterShown").text();
        assertThat(shown).as("the error beside the field").contains("tpkt.reservd").doesNotContain("Displayed");
        assertThat(execute(() -> {
            var fg = main.filterBar().shownText().isEmpty() ? null : window.label("filterShown").target().getForeground();
            return fg != null && fg.getRed() > 150 && fg.getGreen() < 100;
        })).as("written in red").isTrue();

        text.deleteText();
        text.enterText("tpkt.reserved != 0");
        waitFor("green", () -> main.filterBar().state() == FilterBar.State.VALID);
        hold.set(true);
        text.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the running filter in the bar", () -> main.filterBar().shownText().equals("Filtering 1,200 frames…"));
        hold.set(false);
        release.countDown();
        waitFor("the count", () -> !main.isBusy() && main.frameModel().isFiltered());
        assertThat(window.label("filterShown").text()).isEqualTo("Displayed: 300 of 1,200");

        // a typo again: the count makes way for the error, and comes back when the text is valid again
        text.deleteText();
        text.enterText("tpkt.reserved !=");
        waitFor("red again", () -> main.filterBar().state() == FilterBar.State.INVALID);
        assertThat(window.label("filterShown").text()).doesNotContain("Displayed");
        text.enterText(" 0");
        waitFor("valid again", () -> main.filterBar().state() == FilterBar.State.VALID);
        assertThat(window.label("filterShown").text()).isEqualTo("Displayed: 300 of 1,200");

        // singular and plural in the findings column: the CC has one RISK
        String cell = execute(() -> {
            JTable t = main.frameTable();
            java.awt.Component r = t.prepareRenderer(t.getCellRenderer(0, FrameTableModel.FINDINGS), 0,
                    FrameTableModel.FINDINGS);
            return ((javax.swing.JLabel) r).getText();
        });
        assertThat(cell).isEqualTo("1 risk");
    }

    @Test
    void theStatusBarNamesTheFormatByItsMagicNumber() throws Exception {
        Path ng = dir.resolve("exchange.pcapng");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(ng))) {
            PcapngWriter w = new PcapngWriter(os);
            for (Frame f : TestFrames.exchange()) w.write(f);
            w.flush();
        }
        Path misnamed = dir.resolve("really-a-pcap.pcapng");
        Files.copy(capture, misnamed);
        start(1300, 850);
        open(ng, 4);
        assertThat(window.label("statusLayout").text()).isEqualTo("pcapng");
        assertThat(window.label("statusFrames").text()).isEqualTo("4 frames");
        open(misnamed, 1200);
        assertThat(window.label("statusLayout").text()).isEqualTo("pcap, named .pcapng");
        open(KB, 1);
        assertThat(window.label("statusFrames").text()).isEqualTo("1 frame");
    }

    // ------------------------------------------------------------------ copy

    @Test
    void annotatedTextCopiedFromAHexByteNamesTheFindingOnce() throws Exception {
        start(1300, 850);
        open(KB, 1);
        HexPane hex = execute(() -> main.hexPane());
        Rectangle cell = execute(() -> hex.hexLayout().hexCell(0x37));
        Point p = new Point(cell.x + cell.width / 2, cell.y + cell.height / 2);
        robot.click(hex, p);
        waitFor("the reserved byte selected", () -> main.fieldTree().selectedField() != null
                && main.fieldTree().selectedField().abbrev().equals("tpkt.reserved"));
        JPopupMenu popup = robot.showPopupMenu(hex, p);
        JPopupMenuFixture menu = new JPopupMenuFixture(robot, popup);
        menu.menuItem("copyAs").click();
        menu.menuItem("copyAnnotated").click();
        String copied = (String) Toolkit.getDefaultToolkit().getSystemClipboard().getData(DataFlavor.stringFlavor);
        assertThat(copied).startsWith("0x0037  11").contains("tpkt.reserved");
        assertThat(copied.split("TPKT-RESERVED-NONZERO", -1)).as("the id once in: %s", copied).hasSize(2);
        assertThat(copied).contains("RISK TPKT-RESERVED-NONZERO: observed 0x11");
    }

    // ------------------------------------------------------------------ live capture

    @Test
    void stopReleasesTheLiveCaptureAtOnceEvenWithoutTraffic() throws Exception {
        List<LiveCapture.Device> devices;
        try {
            devices = LiveCapture.devices();
        } catch (CaptureException e) {
            TestFiles.missing("live capture: " + e.getMessage());
            return;
        }
        if (!org.frameinspector.capture.LiveCaptureTest.root() || devices.stream().noneMatch(d -> d.name().equals("lo"))) {
            TestFiles.missing("live capture needs root and the loopback interface");
        }
        start(1300, 850);
        window.menuItemWithPath("Capture", "Start…").click();
        DialogFixture d = GuiWait.ready(window.dialog("captureDialog"));
        d.list("captureDevices").selectItem(Pattern.compile("lo( .*)?"));
        d.textBox("captureFilter").deleteText().enterText("udp port 9"); // discard: nothing talks here
        d.button("captureStart").click();
        waitFor("capturing", () -> main.isCapturing() && main.capture.live() != null);
        LiveCapture lc = execute(() -> main.capture.live());
        assertThat(lc.isOpen()).isTrue();
        Thread.sleep(300); // the reader waits for packets that do not come
        window.menuItemWithPath("Capture", "Stop").click();
        // released when the click returns (how fast close() is, is measured in capture/LiveCaptureTest)
        assertThat(lc.isOpen()).as("handle released by Stop").isFalse();
        assertThat(execute(() -> main.isCapturing())).isFalse();
        assertThat(window.label("statusFrames").text()).isEqualTo("0 frames (stopped)");
    }
}
