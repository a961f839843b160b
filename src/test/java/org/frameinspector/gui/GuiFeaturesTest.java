package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.swing.JMenuItem;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.data.TableCell;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JPopupMenuFixture;
import org.frameinspector.TestFiles;
import org.frameinspector.capture.CaptureException;
import org.frameinspector.capture.LiveCapture;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.export.Exporter;
import org.frameinspector.core.input.capture.CaptureIndex;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.SourcePart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Display filter bar, export, copy, find, go to, reassembled-source tabs and live capture, with the real dissectors
 * on our sample exchange (samples/iso-on-tcp-cr-cc-dt-dr.pcap: CR, the KB's CC with reserved byte 0x11, DT, DR).
 */
class GuiFeaturesTest {
    private static final Path PCAP = SampleCaptureTest.SAMPLE;
    private static final Path KB = Path.of("samples", "kb-q151626-connect-confirm.txt");
    private Robot robot;
    private FrameFixture window;
    private MainWindow main;
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsDisplay() {
        TestFiles.requireDisplay();
        System.setProperty("fi.gui.prefs", "org/frameinspector/gui-test");
        AppPrefs.setDarkTheme(false);
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void open() {
        start(null);
    }

    private void start(Function<Frame, Dissection> dissector) {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        window = WindowTest.show(robot, () -> dissector == null ? new MainWindow()
                : new MainWindow(LoneFrameDissections.of(dissector), org.frameinspector.core.input.Inputs::fromText),
                100, 100, 1300, 850);
        main = (MainWindow) window.target();
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) {
        if (window != null) window.cleanUp();
        if (robot != null) robot.cleanUp();
        GuiWait.closeAll(test.getDisplayName());
    }

    private static void waitFor(String what, BooleanSupplier c) {
        GuiWait.until(what, c, 20_000);
    }

    private void openPcap() {
        execute(() -> main.openFile(PCAP));
        waitFor("the sample capture to load", () -> main.loaded() != null && main.frameTable().getRowCount() == 4
                && main.currentDissection() != null);
    }

    private static String clipboard() throws Exception {
        return (String) Toolkit.getDefaultToolkit().getSystemClipboard().getData(DataFlavor.stringFlavor);
    }

    // ------------------------------------------------------------------ display filter

    @Test
    void filterGoesRedOnATypoGreenWhenFixedAndEnterKeepsTheMatchingFrames() {
        openPcap();
        var text = window.textBox("filterText");
        text.click();
        text.enterText("tpkt.reservd != 0");
        waitFor("red", () -> main.filterBar().state() == FilterBar.State.INVALID);
        assertThat(execute(() -> main.filterBar().field().getToolTipText())).contains("column");
        assertThat(execute(() -> main.filterBar().field().getBackground().getRed()
                > main.filterBar().field().getBackground().getGreen())).isTrue();
        // fix the typo: put the missing 'e' back
        text.deleteText();
        text.enterText("tpkt.reserved != 0");
        waitFor("green", () -> main.filterBar().state() == FilterBar.State.VALID);
        assertThat(execute(() -> main.filterBar().field().getBackground().getGreen()
                > main.filterBar().field().getBackground().getRed())).isTrue();
        text.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the filter to run", () -> !main.isBusy() && main.frameModel().isFiltered());
        window.table("frameTable").requireRowCount(1);
        assertThat(window.table("frameTable").valueAt(TableCell.row(0).column(FrameTableModel.NO))).isEqualTo("2");
        waitFor("the filtered frame to be shown", () -> main.currentDissection() != null
                && main.currentDissection().frame().number() == 2);
        assertThat(window.label("filterShown").text()).isEqualTo("Displayed: 1 of 4");
        // cotp.type lists the frame kinds; clearing the filter shows every frame again
        execute(() -> main.applyFilter("cotp.type == 0x08 || cotp.type == 0x0e"));
        waitFor("the second filter", () -> !main.isBusy() && main.frameTable().getRowCount() == 2);
        execute(() -> main.applyFilter(""));
        waitFor("no filter", () -> main.frameTable().getRowCount() == 4 && !main.frameModel().isFiltered());
        // go to a frame hidden by a filter is refused, a shown one works
        execute(() -> main.applyFilter("tpkt.reserved != 0"));
        waitFor("the filter again", () -> !main.isBusy() && main.frameTable().getRowCount() == 1);
        assertThat(execute(() -> main.goToFrameNumber(3))).isFalse();
        assertThat(execute(() -> main.goToFrameNumber(2))).isTrue();
    }

    // ------------------------------------------------------------------ export

    @Test
    void exportRoundTripsThroughPcapAndScopesPickTheRightFrames() throws Exception {
        openPcap();
        Path all = tmp.resolve("all.pcap");
        var w = execute(() -> main.exportTo(all, Exporter.Format.PCAP, ExportDialog.Scope.ALL));
        assertThat(w.get()).isEqualTo(4);
        try (CaptureIndex back = CaptureIndex.open(all); CaptureIndex orig = CaptureIndex.open(PCAP)) {
            assertThat(back.size()).isEqualTo(4);
            for (int i = 0; i < 4; i++) assertThat(back.frame(i).data()).isEqualTo(orig.frame(i).data());
            assertThat(back.timestampNanos(3)).isEqualTo(orig.timestampNanos(3));
        }
        waitFor("the export to finish", () -> !main.isBusy());
        Path json = tmp.resolve("findings.json");
        // the CC (TPKT reserved byte) and the DR (needs the CC before it: the in-order dissection, as on the CLI)
        assertThat(execute(() -> main.exportTo(json, Exporter.Format.JSON, ExportDialog.Scope.FINDINGS)).get())
                .isEqualTo(2);
        assertThat(Files.readString(json)).contains("TPKT-RESERVED-NONZERO").contains("tpkt.reserved");
        waitFor("the export to finish", () -> !main.isBusy());
        execute(() -> main.applyFilter("cotp.type == 0x08"));
        waitFor("the filter", () -> !main.isBusy() && main.frameTable().getRowCount() == 1);
        Path md = tmp.resolve("displayed.md");
        assertThat(execute(() -> main.exportTo(md, Exporter.Format.MD, ExportDialog.Scope.DISPLAYED)).get())
                .isEqualTo(1);
        assertThat(Files.readString(md)).contains("DR");
        // the dialog lists every format and scope
        window.menuItemWithPath("File", "Export…").click();
        var d = GuiWait.ready(window.dialog("exportDialog"));
        assertThat(d.comboBox("exportFormat").contents()).hasSize(6);
        d.radioButton("scopeFINDINGS").requireEnabled();
        d.radioButton("scopeDISPLAYED").requireEnabled();
        d.close();
    }

    // ------------------------------------------------------------------ copy

    @Test
    void rightClickOnAFieldCopiesItInEveryFormat() throws Exception {
        execute(() -> main.openFile(KB));
        waitFor("the KB dump", () -> main.currentDissection() != null);
        Field reserved = execute(() -> main.currentDissection().field("tpkt.reserved"));
        execute(() -> main.fieldTree().selectField(reserved));
        int row = execute(() -> main.fieldTree().getRowForPath(main.fieldTree().getSelectionPath()));
        JPopupMenuFixture menu = window.tree("fieldTree").showPopupMenuAt(row);
        menu.menuItem("copyAs").click();
        menu.menuItem("copyHexStream").click();
        assertThat(clipboard()).isEqualTo("11");
        for (String[] c : new String[][] {{"copyCArray", "static const unsigned char tpkt_reserved[1] = {\n    0x11\n};\n"},
            {"copyEscaped", "\"\\x11\""}, {"copyValue", "17"}, {"copyBytes", "11"}}) {
            JMenuItem it = execute(() -> find(main.copyMenu("tpkt.reserved", () -> CopyFormats.bytes(main.currentDissection(),
                    reserved), () -> CopyFormats.annotated(main.currentDissection(), reserved),
                    () -> CopyFormats.value(reserved)), c[0]));
            execute(() -> it.doClick());
            assertThat(clipboard()).as(c[0]).startsWith(c[1]);
        }
        // annotated text names the offset, the bytes and the finding
        assertThat(execute(() -> CopyFormats.annotated(main.currentDissection(), reserved)))
                .startsWith("0x0037  11").contains("tpkt.reserved").contains("TPKT-RESERVED-NONZERO");
        // the findings table has the same menu
        window.table("findingsTable").cell(TableCell.row(0).column(1)).click();
        JPopupMenuFixture fm = window.table("findingsTable").showPopupMenuAt(TableCell.row(0).column(1));
        fm.menuItem("copyBytes").click();
        assertThat(clipboard()).isEqualTo("11");
        // a longer field: the whole TPKT header as an escaped string
        Field len = execute(() -> main.currentDissection().field("tpkt.length"));
        assertThat(CopyFormats.escaped(CopyFormats.bytes(execute(() -> main.currentDissection()), len)))
                .isEqualTo("\"\\x00\\x2c\"");
    }

    private static JMenuItem find(javax.swing.JPopupMenu m, String name) {
        for (java.awt.Component c : m.getComponents()) {
            if (c instanceof javax.swing.JMenu sub) {
                for (java.awt.Component s : sub.getMenuComponents()) if (name.equals(s.getName())) return (JMenuItem) s;
            }
            if (name.equals(c.getName())) return (JMenuItem) c;
        }
        throw new AssertionError(name);
    }

    // ------------------------------------------------------------------ find / go to / keys

    @Test
    void findsBytesTextAndFieldNamesAcrossFramesAndF3FindsTheNext() {
        openPcap();
        window.table("frameTable").focus();
        robot.pressKey(KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKeys(KeyEvent.VK_F);
        robot.releaseKey(KeyEvent.VK_CONTROL);
        waitFor("the find bar", () -> main.findTextField().isShowing());
        execute(() -> main.findModeBox().setSelectedIndex(FindPart.FindMode.HEX.ordinal()));
        window.textBox("findText").enterText("03 11");
        window.textBox("findText").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        waitFor("the reserved byte to be found", () -> !main.isBusy() && main.currentDissection().frame().number() == 2
                && main.hexPane().selectionStart() == 0x36);
        execute(() -> {
            main.findModeBox().setSelectedIndex(FindPart.FindMode.TEXT.ordinal());
            main.findTextField().setText("EXCHANGETSAP1");
        });
        window.pressAndReleaseKeys(KeyEvent.VK_F3);
        waitFor("the TSAP text", () -> !main.isBusy() && main.hexPane().selectionLength() == 13);
        execute(() -> {
            main.findModeBox().setSelectedIndex(FindPart.FindMode.FIELD_NAME.ordinal());
            main.findTextField().setText("cotp.destref");
        });
        window.pressAndReleaseKeys(KeyEvent.VK_F3);
        waitFor("the CC's destref", () -> !main.isBusy() && main.fieldTree().selectedField() != null
                && main.fieldTree().selectedField().abbrev().equals("cotp.destref"));
        assertThat(execute(() -> main.currentDissection().frame().number())).isEqualTo(2);
        window.pressAndReleaseKeys(KeyEvent.VK_F3);
        waitFor("the next destref (frame 3 has none: DT; frame 4, DR)", () -> !main.isBusy()
                && main.currentDissection().frame().number() == 4 && main.fieldTree().selectedField() != null
                && main.fieldTree().selectedField().abbrev().equals("cotp.destref"));
        // keyboard: tree and hex pane move with the arrows
        window.tree("fieldTree").focus();
        int before = execute(() -> main.fieldTree().getLeadSelectionRow());
        window.tree("fieldTree").pressAndReleaseKeys(KeyEvent.VK_DOWN);
        waitFor("the tree to move", () -> main.fieldTree().getLeadSelectionRow() == before + 1);
        execute(() -> main.selectByte(0x10));
        robot.focusAndWaitForFocusGain(main.hexPane());
        robot.pressAndReleaseKeys(KeyEvent.VK_RIGHT);
        waitFor("the hex pane to move", () -> main.hexPane().selectionStart() >= 0x11);
    }

    // ------------------------------------------------------------------ reassembled sources

    @Test
    void reassembledBuffersGetTabsAndSelectingTheirFieldsSwitchesTab() {
        window.cleanUp();
        robot.cleanUp();
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        start(f -> {
            Dissection d = fd.dissect(f);
            byte[] tpkt = java.util.Arrays.copyOfRange(f.data(), 0x36, f.data().length);
            DataSource r = new DataSource("r1", "Reassembled TPKT (" + tpkt.length + " bytes)", tpkt,
                    List.of(new SourcePart(f.number(), 0x36, 0, tpkt.length)));
            d.sources().add(r);
            Layer l = new Layer("tpkt", "Reassembled TPKT", "r1", 0, tpkt.length);
            l.add(new Field(org.frameinspector.TestDefs.def("tpkt.reassembled.reserved", "Reserved (reassembled)"), 1, 1, 0, 17, "17", "r1",
                    FieldKind.RESERVED));
            d.layers().add(l);
            return d;
        });
        execute(() -> main.openFile(KB));
        waitFor("the KB dump", () -> main.currentDissection() != null);
        assertThat(execute(() -> main.sourceTabs().getTabCount())).isEqualTo(2);
        assertThat(execute(() -> main.sourceTabs().getTitleAt(0))).isEqualTo("Frame (98 bytes)");
        assertThat(execute(() -> main.sourceTabs().getTitleAt(1))).isEqualTo("Reassembled TPKT (44 bytes)");
        assertThat(execute(() -> main.sourceTabs().isShowing())).isTrue();
        Field rf = execute(() -> main.currentDissection().field("tpkt.reassembled.reserved"));
        execute(() -> main.fieldTree().selectField(rf));
        assertThat(execute(() -> main.sourceTabs().getSelectedIndex())).isEqualTo(1);
        assertThat(execute(() -> main.hexPane().data().length)).isEqualTo(44);
        assertThat(execute(() -> main.hexPane().selectionStart())).isEqualTo(1);
        // back to a frame field: back to the first tab
        execute(() -> main.fieldTree().selectField(main.currentDissection().field("tpkt.reserved")));
        assertThat(execute(() -> main.sourceTabs().getSelectedIndex())).isEqualTo(0);
        // clicking a tab shows that buffer
        window.tabbedPane("sourceTabs").selectTab(1);
        waitFor("the reassembled bytes", () -> main.hexPane().data().length == 44);
    }

    // ------------------------------------------------------------------ live capture

    @Test
    void captureDialogExplainsAMissingLibpcapAndLiveFramesAreAppended() throws Exception {
        main.capture.deviceLister = () -> {
            throw new CaptureException(LiveCapture.INSTALL_HINT, new UnsatisfiedLinkError("pcap"));
        };
        window.menuItemWithPath("Capture", "Start…").click();
        var d = GuiWait.ready(window.dialog("captureDialog"));
        d.label("captureMessage").requireText(LiveCapture.INSTALL_HINT);
        d.button("captureStart").requireDisabled();
        d.close();
        GrowingFrameSource src = new GrowingFrameSource();
        execute(() -> main.startLive(null, src, "test"));
        List<Frame> ex = TestFrames.exchange();
        Thread feeder = new Thread(() -> {
            for (Frame f : ex) {
                src.add(f.data(), f.originalLength(), f.timestampNanos(), f.linkType());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        feeder.start();
        feeder.join();
        waitFor("four live frames", () -> main.frameTable().getRowCount() == 4);
        assertThat(execute(() -> main.isCapturing())).isTrue();
        assertThat(window.table("frameTable").valueAt(TableCell.row(1).column(FrameTableModel.INFO)))
                .contains("CC");
        window.menuItemWithPath("Capture", "Stop").click();
        assertThat(execute(() -> main.isCapturing())).isFalse();
    }
}
