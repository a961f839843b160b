package org.frameinspector.gui;

import com.formdev.flatlaf.util.UIScale;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FontMetrics;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableColumn;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Severity;

/** The findings of the shown frame (a table) and the explanation of the selected one. */
final class FindingsPart {
    final FindingsTableModel model = new FindingsTableModel();
    final JTable table = new JTable(model);
    final JTextArea explanation = new JTextArea();
    private final JPanel tablePanel = new JPanel(new BorderLayout());
    private final JPanel explanationPanel = new JPanel(new BorderLayout());
    private boolean quiet;

    FindingsPart() {
        table.setName("findingsTable");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
        table.setShowHorizontalLines(false);
        table.setDefaultRenderer(Severity.class, new SeverityRenderer());
        table.getTableHeader().setReorderingAllowed(false);
        JScrollPane scroll = new JScrollPane(table);
        // a smaller window (or a dragged splitter) must not hide the selected finding
        scroll.getViewport().addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                scrollToSelection();
            }
        });
        tablePanel.add(scroll, BorderLayout.CENTER);
        explanation.setName("explanation");
        explanation.setEditable(false);
        explanation.setLineWrap(true);
        explanation.setWrapStyleWord(true);
        explanation.setRows(6);
        explanation.setMargin(UIScale.scale(new java.awt.Insets(6, 8, 6, 8)));
        JLabel header = new JLabel("Explanation");
        header.putClientProperty("FlatLaf.styleClass", "h4");
        header.setBorder(BorderFactory.createEmptyBorder(UIScale.scale(4), UIScale.scale(6), UIScale.scale(4), 0));
        explanationPanel.add(header, BorderLayout.NORTH);
        explanationPanel.add(new JScrollPane(explanation), BorderLayout.CENTER);
    }

    /** The findings table (a tab of the lower tabs). */
    JComponent tableComponent() { return tablePanel; }

    /** The explanation with its header (beside the lower tabs). */
    JComponent explanationComponent() { return explanationPanel; }

    /** Calls {@code select} when the user selects a finding (not when the app selects one to keep in step). */
    void onSelect(Consumer<Finding> select) {
        table.getSelectionModel().addListSelectionListener(e -> {
            if (e.getValueIsAdjusting() || quiet) return;
            int r = table.getSelectedRow();
            if (r >= 0) select.accept(model.at(r));
        });
    }

    /** Lists a frame's findings (null: none) with the text for "no findings". */
    void show(Dissection d) {
        quiet = true;
        try {
            model.setFindings(d == null ? null : d.findings());
        } finally {
            quiet = false;
        }
        explanation.setText(d == null ? "" : d.findings().isEmpty()
                ? "No findings: every checked byte of this frame follows the standards." : "");
        explanation.setCaretPosition(0);
    }

    void showExplanation(Finding x) {
        explanation.setText(Texts.findingText(x));
        explanation.setCaretPosition(0);
    }

    /** Selects a row (and scrolls it into view); {@code notify} false keeps the listener quiet. */
    void selectRow(int row, boolean notify) {
        boolean was = quiet;
        quiet = !notify;
        try {
            table.setRowSelectionInterval(row, row);
        } finally {
            quiet = was;
        }
        scrollToSelection();
    }

    /** Selects a finding's row without telling the listener; false when it is not listed. */
    boolean selectQuietly(Finding x) {
        int row = model.all().indexOf(x);
        if (row >= 0) selectRow(row, false);
        return row >= 0;
    }

    void clearSelection() {
        quiet = true;
        try {
            table.clearSelection();
        } finally {
            quiet = false;
        }
    }

    /** F8: the next finding, round the end. */
    void next() {
        int n = model.getRowCount();
        if (n == 0) return;
        selectRow((table.getSelectedRow() + 1) % n, true);
    }

    private void scrollToSelection() {
        int r = table.getSelectedRow();
        if (r >= 0) table.scrollRectToVisible(table.getCellRect(r, 0, true));
    }

    void sizeColumns(FontMetrics fm, int pad) {
        int[] fw = {fm.stringWidth("VIOLATION") + UIScale.scale(30), fm.stringWidth("TPKT-RESERVED-NONZERO") + pad,
            fm.stringWidth("Layer") + pad, fm.stringWidth("0x0000–0x0000") + pad};
        for (int i = 0; i < fw.length; i++) {
            TableColumn c = table.getColumnModel().getColumn(i);
            c.setMinWidth(fw[i]);
            c.setPreferredWidth(fw[i]);
        }
        table.getColumnModel().getColumn(FindingsTableModel.MESSAGE).setPreferredWidth(fm.stringWidth("x") * 30);
    }

    /** Severity column of the findings table: icon and name. */
    static final class SeverityRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int r, int c) {
            super.getTableCellRendererComponent(t, v == null ? "" : v.toString(), sel, focus, r, c);
            Icon i = v instanceof Severity s ? Icons.severityCell(s) : null;
            setIcon(i);
            return this;
        }
    }
}
