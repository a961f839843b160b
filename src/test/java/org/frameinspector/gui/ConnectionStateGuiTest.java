package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.frameinspector.TestFiles;
import org.frameinspector.core.model.Dissection;
import org.junit.jupiter.api.Test;

/**
 * With connection state on (as the desktop app runs), a small capture is dissected in order in the background: the
 * DR of the bundled CR/CC/DT/DR exchange then shows the finding that needs the CC before it, which a lone-frame
 * dissection cannot raise.
 */
class ConnectionStateGuiTest extends WindowTest {
    private static final Path SAMPLE = Path.of("samples", "iso-on-tcp-cr-cc-dt-dr.pcap");

    private static void waitFor(String what, BooleanSupplier c) {
        GuiWait.until(what, c, 15_000);
    }

    private Dissection row(int r) {
        return ((FrameTableModel) main.frameTable().getModel()).dissection(r);
    }

    @Test
    void theDrShowsTheFindingThatNeedsTheCcBeforeIt() {
        execute(() -> main.openFile(SAMPLE));
        waitFor("the in-order pass", () -> main.frameTable().getRowCount() == 4
                && row(3) != null && row(3).finding("COTP-DR-ON-ESTABLISHED-CLASS0") != null);
        assertThat(execute(() -> row(1).finding("TPKT-RESERVED-NONZERO"))).isNotNull();
        // selecting the DR shows the context finding in the findings panel
        execute(() -> main.selectFrame(3));
        waitFor("the DR selected", () -> main.currentDissection() != null
                && main.currentDissection().frame().number() == 4);
        assertThat(execute(() -> main.currentDissection().finding("COTP-DR-ON-ESTABLISHED-CLASS0"))).isNotNull();

        // the Connections tab: one transport connection, its TSAPs, how it ended; a click selects its first frame
        // the tab is filled on the event thread once the in-order pass hands over its rows
        waitFor("the connection row", () -> main.connectionsTable().getRowCount() == 1);
        String tsaps = execute(() -> String.valueOf(main.connectionsTable().getValueAt(0, 4)));
        assertThat(tsaps).contains("SWISSLIFETSAP").contains("EXCHANGETSAP1");
        assertThat(execute(() -> main.lowerTabs().getTitleAt(main.lowerTabs().indexOfComponent(
                main.connectionsTable().getParent().getParent())))).isEqualTo("Connections (1)");
        execute(() -> {
            main.lowerTabs().setSelectedIndex(main.lowerTabs().indexOfComponent(main.connectionsTable().getParent().getParent()));
            main.connectionsTable().setRowSelectionInterval(0, 0);
            return null;
        });
        waitFor("frame 1 selected from the connection", () -> main.currentDissection() != null
                && main.currentDissection().frame().number() == 1);
    }

    /**
     * Many connections: the Connections tab is sized to its content in steps of 250 rows after the pass (one event
     * for all of them held up the event thread ~100 ms on the 1M-frame real mix); when the steps are done no cell is
     * cut.
     */
    @Test
    void manyConnectionsAreSizedToTheirContentInSteps(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path cap = dir.resolve("many.pcap");
        org.frameinspector.cli.BenchManyConnections.write(cap, 700);
        execute(() -> main.openFile(cap));
        waitFor("the connection rows", () -> main.connectionsTable().getRowCount() == 700);
        javax.swing.JTable t = main.connectionsTable();
        execute(() -> main.lowerTabs().setSelectedIndex(main.lowerTabs().indexOfComponent(t.getParent().getParent())));
        // the steps run as later events: once they are done and the tab laid out, nothing is cut
        String[] last = new String[1];
        try {
            waitFor("the columns sized", () -> (last[0] = execute(() -> nothingCut(t))) == null);
        } catch (RuntimeException e) {
            throw new AssertionError("cut: " + last[0], e);
        }
    }

    /** The first cell wider than its column ("column, row"), or null when nothing is cut. */
    static String nothingCut(javax.swing.JTable t) {
        for (int c = 0; c < t.getColumnCount(); c++) {
            int width = t.getColumnModel().getColumn(c).getWidth();
            for (int r = 0; r < t.getRowCount(); r++) {
                int want = t.prepareRenderer(t.getCellRenderer(r, c), r, c).getPreferredSize().width;
                if (want > width) return t.getColumnName(c) + ", row " + r + ": " + want + " > " + width;
            }
        }
        return null;
    }

    /**
     * Issue 13's "the GUI contradicts itself": with the in-order pass done, the GUI's display filter counts what the
     * command line's {@code dissect -Y} counts (both use the in-order dissection with connection state); before, the
     * GUI filter re-dissected each frame alone (ses: 0 in the GUI, 163 on the CLI; finding: 431 against 120).
     */
    @Test
    void theFilterCountsTheSameFramesAsTheCommandLine() throws Exception {
        java.nio.file.Path cap = TestFiles.captures().resolve("mms_iec61850_8d7c7db0.pcap");
        execute(() -> main.openFile(cap));
        waitFor("the in-order pass", () -> main.loaded() != null && main.connectionsTable().getRowCount() > 0);
        java.util.List<Dissection> all = new java.util.ArrayList<>();
        try (var fs = org.frameinspector.core.input.capture.CaptureIndex.open(cap)) {
            org.frameinspector.core.stream.InOrder.dissect(fs, null, all::add);
        }
        for (String f : new String[] {"ses", "finding", "tpkt.reserved != 0", "cotp"}) {
            var filter = org.frameinspector.core.filter.DisplayFilter.compile(f);
            long cli = all.stream().filter(filter::matches).count();
            execute(() -> main.applyFilter(f));
            waitFor("the filter " + f, () -> !main.isBusy() && main.frameModel().isFiltered());
            assertThat(execute(() -> main.frameTable().getRowCount())).as(f).isEqualTo((int) cli);
            execute(() -> main.applyFilter(""));
            waitFor("no filter", () -> !main.frameModel().isFiltered());
        }
        assertThat(all.stream().filter(org.frameinspector.core.filter.DisplayFilter.compile("ses")::matches).count())
                .as("the CLI's count the issue names").isEqualTo(163);
    }

    /**
     * Issue 19: the app's HTML export is the command line's report, byte for byte (one writer), with the connections
     * summary from the in-order pass.
     */
    @Test
    void theHtmlReportFromTheAppIsTheCommandLinesReport(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        execute(() -> main.openFile(SAMPLE));
        waitFor("the in-order pass", () -> main.loaded() != null && main.connectionsTable().getRowCount() == 1
                && row(3) != null && row(3).finding("COTP-DR-ON-ESTABLISHED-CLASS0") != null);
        Path html = tmp.resolve("app.html"), cli = tmp.resolve("cli.html");
        var w = execute(() -> main.exportTo(html, org.frameinspector.core.export.Exporter.Format.HTML, ExportDialog.Scope.ALL));
        assertThat(w.get()).isEqualTo(4);
        java.io.StringWriter err = new java.io.StringWriter();
        assertThat(org.frameinspector.cli.Main.run(new String[] {"export", "--format", "html", "-o", cli.toString(),
                SAMPLE.toString()}, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err)))
                .as(err.toString()).isZero();
        String app = java.nio.file.Files.readString(html);
        assertThat(app).isEqualTo(java.nio.file.Files.readString(cli));
        assertThat(org.frameinspector.core.export.HtmlReportData.json(app))
                .contains("[1,\"134.38.44.90:1555\",\"134.38.52.77:102\",4,1,4,\"SWISSLIFETSAP\",\"EXCHANGETSAP1\"");
    }
}
