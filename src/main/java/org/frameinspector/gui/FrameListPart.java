package org.frameinspector.gui;

import com.formdev.flatlaf.util.UIScale;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FontMetrics;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.util.Set;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableColumn;
import org.frameinspector.core.model.Severity;

/** The frame list (virtual, see {@link FrameTableModel}) with the display filter bar above it. */
final class FrameListPart {
    final FrameTableModel model = new FrameTableModel();
    final JTable table = new JTable(model) {
        @Override
        public Component prepareRenderer(javax.swing.table.TableCellRenderer r, int row, int column) {
            Component c = super.prepareRenderer(r, row, column);
            // the colouring rules: the row's background unless it is selected
            // (always set when unselected: a DefaultTableCellRenderer keeps the last background it was given and
            // would paint the next row, or every row after Colourize is turned off, with it)
            if (!isRowSelected(row)) {
                int rgb = Colouring.enabled() ? model.colourAt(convertRowIndexToModel(row)) : -1;
                c.setBackground(rgb >= 0 ? Colouring.background(rgb, getBackground()) : getBackground());
            }
            return c;
        }
    };
    private final JPanel panel = new JPanel(new BorderLayout());

    FrameListPart(FilterBar filterBar) {
        table.setName("frameTable");
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
        table.setFillsViewportHeight(true);
        table.setShowHorizontalLines(false);
        table.getTableHeader().setReorderingAllowed(false);
        table.setDefaultRenderer(RowSummaries.Summary.class, new WorstFindingRenderer());
        // Tab and Shift+Tab leave the list (a table moves between cells with them otherwise, and never lets go)
        table.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS,
                Set.of(KeyStroke.getKeyStroke(KeyEvent.VK_TAB, 0)));
        table.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS,
                Set.of(KeyStroke.getKeyStroke(KeyEvent.VK_TAB, KeyEvent.SHIFT_DOWN_MASK)));
        panel.add(filterBar, BorderLayout.NORTH);
        panel.add(new JScrollPane(table), BorderLayout.CENTER);
    }

    JComponent component() { return panel; }

    /** The row shown (the lead of a multiple selection), or -1. */
    int shownRow() {
        int lead = table.getSelectionModel().getLeadSelectionIndex();
        return lead >= 0 && table.isRowSelected(lead) ? lead : table.getSelectedRow();
    }

    /** Frame index of the selected row, or -1. */
    int selectedFrameIndex() {
        int r = table.getSelectedRow();
        return r < 0 ? -1 : model.frameIndex(r);
    }

    void selectFrame(int row) {
        if (row < 0 || row >= model.getRowCount()) return;
        ListSelectionModel sm = table.getSelectionModel();
        int lo = sm.getMinSelectionIndex(), hi = sm.getMaxSelectionIndex();
        if (lo >= 0 && (row < lo || row > hi) && Math.max(hi, row) - Math.min(lo, row) > 10_000) {
            // DefaultListSelectionModel walks every index between the old and the new selection: from frame 1
            // to frame 1,000,000 that is a million steps on the EDT. Clearing first keeps it to the rows selected;
            // while adjusting, the listeners see one change.
            sm.setValueIsAdjusting(true);
            try {
                sm.clearSelection();
                table.setRowSelectionInterval(row, row);
            } finally {
                sm.setValueIsAdjusting(false);
            }
        } else {
            table.setRowSelectionInterval(row, row);
        }
        table.scrollRectToVisible(table.getCellRect(row, 0, true));
    }

    /** After rows were appended (live capture): follows the end unless the user scrolled away from it. */
    void followEnd(int rowsBefore) {
        java.awt.Rectangle vis = table.getVisibleRect();
        if (vis.y + vis.height >= table.getCellRect(rowsBefore - 1, 0, true).y) {
            table.scrollRectToVisible(table.getCellRect(model.getRowCount() - 1, 0, true));
        }
    }

    /** Height of the header and {@code rows} rows. */
    int rowsHeight(int rows) {
        return table.getTableHeader().getPreferredSize().height + rows * table.getRowHeight() + UIScale.scale(4);
    }

    void sizeColumns(FontMetrics fm, int pad) {
        int n = model.getRowCount();
        String[] widest = {Texts.count(Math.max(100, n)), "0000.000000", "255.255.255.255",
            "255.255.255.255", "COTP/TPKT", "Length", null, "99 violations"};
        for (int i = 0; i < widest.length; i++) {
            if (widest[i] == null) continue;
            TableColumn c = table.getColumnModel().getColumn(i);
            int w = Math.max(fm.stringWidth(widest[i]), fm.stringWidth(model.getColumnName(i))) + pad
                    + (i == FrameTableModel.FINDINGS ? UIScale.scale(20) : 0); // the severity icon
            c.setPreferredWidth(w);
            if (i != FrameTableModel.INFO) c.setMaxWidth(w * 3);
        }
        table.getColumnModel().getColumn(FrameTableModel.INFO).setPreferredWidth(fm.stringWidth("x") * 80);
        for (int i = FrameTableModel.FINDINGS + 1; i < model.getColumnCount(); i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(Math.max(fm.stringWidth("x") * 20,
                    fm.stringWidth(model.getColumnName(i)) + pad));
        }
        DefaultTableCellRenderer centered = new DefaultTableCellRenderer();
        centered.setHorizontalAlignment(SwingConstants.CENTER);
        table.getColumnModel().getColumn(FrameTableModel.LEN).setCellRenderer(centered);
    }

    /**
     * Findings column of the frame list: the worst severity's icon and the count, "1 risk", "2 violations", or
     * "3 findings" when they are not all of the worst severity.
     */
    static final class WorstFindingRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int r, int c) {
            super.getTableCellRendererComponent(t, "", sel, focus, r, c);
            RowSummaries.Summary d = (RowSummaries.Summary) v;
            Severity w = d == null ? null : d.worst();
            setIcon(w == null ? null : Icons.severityCell(w));
            setText(w == null ? "" : text(d));
            return this;
        }

        static String text(RowSummaries.Summary d) {
            String noun = d.worstCount() == d.findings() ? d.worst().name().toLowerCase() : "finding";
            // "info" has no plural: "2 info"
            return noun.equals("info") ? Texts.count(d.findings()) + " info" : Texts.count(d.findings(), noun);
        }
    }
}
