package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import org.assertj.swing.data.TableCell;
import org.frameinspector.core.model.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Apply / Prepare as Filter from the field tree and the findings, Apply as Column (kept in the preferences, removed
 * from the header's menu), sorting by a header click, and the Conversation Filter of the frame list, clicked like a
 * user on the bundled CR / CC / DT / DR exchange.
 */
class FilterActionsGuiTest extends WindowTest {
    @BeforeEach
    @AfterEach
    void noColumns() {
        AppPrefs.node().remove("columns.custom");
        CustomColumns.reset();
    }

    private void waitRows(int n) {
        GuiWait.until(n + " rows", () -> !main.isBusy() && main.frameTable().getRowCount() == n, 20_000);
    }

    private int treeRowOf(String abbrev) {
        Field f = execute(() -> main.currentDissection().field(abbrev));
        execute(() -> main.fieldTree().selectField(f));
        return execute(() -> main.fieldTree().getRowForPath(main.fieldTree().getSelectionPath()));
    }

    @Test
    void filterAndColumnActionsAndSorting() {
        openAndPass(SampleCaptureTest.SAMPLE);
        execute(() -> main.selectFrame(1)); // the CC with the TPKT reserved byte 0x11
        GuiWait.until("the CC shown", () -> main.currentDissection() != null
                && main.currentDissection().frame().number() == 2, 10_000);

        // the field tree: Apply as Filter on tpkt.reserved
        window.tree("fieldTree").showPopupMenuAt(treeRowOf("tpkt.reserved")).menuItem("applyAsFilter").click();
        assertThat(window.textBox("filterText").text()).isEqualTo("tpkt.reserved == 17");
        waitRows(1);
        assertThat(window.table("frameTable").valueAt(TableCell.row(0).column(FrameTableModel.NO))).isEqualTo("2");

        // the findings: Prepare as Filter puts it in the bar without applying it
        window.table("findingsTable").cell(TableCell.row(0).column(1)).rightClick();
        window.menuItem("prepareAsFilter").click();
        assertThat(window.textBox("filterText").text()).isEqualTo("finding.id == \"TPKT-RESERVED-NONZERO\"");
        assertThat(execute(() -> main.frameTable().getRowCount())).isEqualTo(1);
        GuiWait.until("the caret in the filter bar", () -> main.filterBar().field().isFocusOwner(), 5_000);
        execute(() -> main.applyFilter(""));
        waitRows(4);

        // Apply as Column: cotp.type, one value a frame, kept in the preferences
        execute(() -> main.selectFrame(1));
        GuiWait.until("the CC shown", () -> main.currentDissection().frame().number() == 2, 10_000);
        window.tree("fieldTree").showPopupMenuAt(treeRowOf("cotp.type")).menuItem("applyAsColumn").click();
        int col = FrameTableModel.FINDINGS + 1;
        GuiWait.until("the column", () -> main.frameTable().getColumnCount() == col + 1
                && "cotp.type".equals(main.frameTable().getColumnName(col)), 5_000);
        assertThat(AppPrefs.node().get("columns.custom", "")).isEqualTo("cotp.type");
        GuiWait.until("its cells", () -> {
            for (int r = 0; r < 4; r++) {
                Object v = main.frameTable().getValueAt(r, col);
                if (v == null || FrameTableModel.PENDING.equals(v) || v.toString().isEmpty()) return false;
            }
            return true;
        }, 10_000);
        String cc = execute(() -> String.valueOf(main.frameTable().getValueAt(1, col)));
        assertThat(cc).contains("0x0d");

        // sorting: a click on Length sorts ascending, a second descending, a third back to frame order
        var header = window.table("frameTable").tableHeader();
        header.clickColumn(FrameTableModel.LEN);
        GuiWait.until("sorted", () -> !main.isBusy() && main.frameModel().sortColumn() == FrameTableModel.LEN, 10_000);
        int[] asc = execute(() -> lengths());
        for (int i = 1; i < asc.length; i++) assertThat(asc[i]).isGreaterThanOrEqualTo(asc[i - 1]);
        header.clickColumn(FrameTableModel.LEN);
        GuiWait.until("descending", () -> !main.isBusy() && main.frameModel().sortDescending(), 10_000);
        int[] desc = execute(() -> lengths());
        for (int i = 1; i < desc.length; i++) assertThat(desc[i]).isLessThanOrEqualTo(desc[i - 1]);
        assertThat(execute(() -> main.frameTable().getColumnModel().getColumn(FrameTableModel.LEN).getHeaderValue()))
                .isEqualTo("Length \u25BC");
        // the custom column sorts on a worker, by its values
        header.clickColumn(col);
        GuiWait.until("sorted by cotp.type", () -> !main.isBusy() && main.frameModel().sortColumn() == col, 10_000);
        String first = execute(() -> String.valueOf(main.frameTable().getValueAt(0, col)));
        String last = execute(() -> String.valueOf(main.frameTable().getValueAt(3, col)));
        assertThat(FrameSorting.compareValues(first, last)).isLessThanOrEqualTo(0);
        header.clickColumn(col);
        header.clickColumn(col);
        GuiWait.until("frame order", () -> main.frameModel().sortColumn() == -1, 10_000);
        assertThat(execute(() -> main.frameModel().frameIndex(3))).isEqualTo(3);

        // the frame list: Conversation Filter keeps the one connection's frames
        window.table("frameTable").cell(TableCell.row(2).column(0)).rightClick();
        window.menuItem("conversationFilterItem").click();
        assertThat(window.textBox("filterText").text()).startsWith("ip.addr == ").contains("tcp.port == 102");
        GuiWait.until("the conversation", () -> !main.isBusy() && main.frameModel().isFiltered(), 10_000);
        assertThat(execute(() -> main.frameTable().getRowCount())).isEqualTo(4);

        // the header's menu removes the custom column
        header.showPopupMenuAt(col).menuItem("removeColumnItem").click();
        GuiWait.until("the column gone", () -> main.frameTable().getColumnCount() == col, 5_000);
        assertThat(AppPrefs.node().get("columns.custom", "x")).isEmpty();
    }

    private int[] lengths() {
        int[] l = new int[main.frameTable().getRowCount()];
        for (int r = 0; r < l.length; r++) l[r] = (Integer) main.frameTable().getValueAt(r, FrameTableModel.LEN);
        return l;
    }
}
