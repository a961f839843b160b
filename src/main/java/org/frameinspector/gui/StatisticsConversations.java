package org.frameinspector.gui;

import com.formdev.flatlaf.util.UIScale;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;
import org.frameinspector.core.stream.Conversation;

/**
 * Statistics → Conversations: the connections of the input (the rows of the {@code conversations} command) with
 * both endpoints, frames, bytes each way, start and duration, TSAPs, TPDU size, how each ended and its findings;
 * sortable, columns as wide as their content. A double-click applies the conversation filter; the right-click menu
 * follows the stream.
 */
final class StatisticsConversations extends JDialog {
    static final String[] COLUMNS = {"#", "Address A", "Port A", "Address B", "Port B", "Frames", "Bytes A → B",
        "Bytes B → A", "Start (s)", "Duration (s)", "Ended", "TSAPs (calling > called)", "TPDU size", "Class", "TPDUs",
        "Findings", "Note"};
    final JTable table;
    private final Model model;

    /**
     * {@code filterOf} makes the conversation filter of a connection (null: none); {@code t0} is the first frame's
     * time (start times are relative to it).
     */
    StatisticsConversations(MainWindow main, List<Conversation> rows, long t0, Function<Conversation, String> filterOf,
                            String inputName) {
        super(main, "Conversations — " + inputName, Dialog.ModalityType.MODELESS);
        setName("conversations");
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        model = new Model(rows, t0);
        table = new JTable(model);
        table.setName("conversationsTable");
        table.setAutoCreateRowSorter(true);
        table.setFillsViewportHeight(true);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        table.setDefaultRenderer(Integer.class, new Renderer());
        table.setDefaultRenderer(Long.class, new Renderer());
        table.setDefaultRenderer(Double.class, new Renderer());
        table.setToolTipText("Double-click: filter the frame list to the connection; right-click: follow its stream");
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int r = table.rowAtPoint(e.getPoint());
                if (e.getClickCount() == 2 && r >= 0) main.useFilter(filterOf.apply(at(r)), true);
            }

            @Override
            public void mousePressed(MouseEvent e) { popup(e); }

            @Override
            public void mouseReleased(MouseEvent e) { popup(e); }

            private void popup(MouseEvent e) {
                if (!e.isPopupTrigger()) return;
                int r = table.rowAtPoint(e.getPoint());
                if (r < 0) return;
                table.setRowSelectionInterval(r, r);
                menu(main, at(r), filterOf).show(table, e.getX(), e.getY());
            }
        });
        JLabel total = new JLabel(Texts.count(rows.size(), "connection"));
        total.setName("conversationsTotal");
        int w = layOut(this, table, total);
        java.awt.Rectangle screen = main.getGraphicsConfiguration().getBounds();
        setSize(Math.min(screen.width - UIScale.scale(40), Math.max(UIScale.scale(700), w + UIScale.scale(40))),
                UIScale.scale(420));
        setLocationRelativeTo(main);
    }

    /**
     * The table (columns sized to their content) above a line with {@code total} and Close; Escape closes too.
     * Returns the width the columns want.
     */
    static int layOut(JDialog d, JTable table, JLabel total) {
        sizeToContent(table, Integer.MAX_VALUE);
        total.setBorder(BorderFactory.createEmptyBorder(4, UIScale.scale(8), 4, UIScale.scale(8)));
        JButton close = new JButton("Close");
        close.addActionListener(e -> d.dispose());
        d.getRootPane().registerKeyboardAction(e -> d.dispose(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(total, BorderLayout.CENTER);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        right.add(close);
        bottom.add(right, BorderLayout.EAST);
        d.getContentPane().add(new JScrollPane(table), BorderLayout.CENTER);
        d.getContentPane().add(bottom, BorderLayout.SOUTH);
        int w = 0;
        for (int c = 0; c < table.getColumnCount(); c++) w += table.getColumnModel().getColumn(c).getPreferredWidth();
        return w;
    }

    /** The connection shown in view row {@code r}. */
    Conversation at(int r) {
        return model.rows.get(table.convertRowIndexToModel(r));
    }

    /** Follow TCP Stream, Follow TPKT/COTP Stream and Conversation Filter for one connection (also the Connections tab's menu). */
    static JPopupMenu menu(MainWindow main, Conversation c, Function<Conversation, String> filterOf) {
        JPopupMenu m = new JPopupMenu();
        m.setName("conversationMenu");
        JMenuItem tcp = new JMenuItem("Follow TCP Stream");
        tcp.setName("followTcpItem");
        tcp.addActionListener(a -> main.actions.follow.follow(c, false));
        m.add(tcp);
        JMenuItem cotp = new JMenuItem("Follow TPKT/COTP Stream");
        cotp.setName("followCotpItem");
        cotp.setEnabled(c.tpkt());
        cotp.addActionListener(a -> main.actions.follow.follow(c, true));
        m.add(cotp);
        m.addSeparator();
        JMenuItem f = new JMenuItem("Conversation Filter");
        f.setName("conversationFilterItem");
        f.addActionListener(a -> main.useFilter(filterOf.apply(c), true));
        m.add(f);
        return m;
    }

    /** Rows measured by {@link #sizeToContent}: enough for every kind of value a column shows. */
    private static final int SIZED_ROWS = 5000;

    /**
     * Every column as wide as its header and its widest cell (the first 5,000 rows), so nothing is cut; at most
     * {@code max} pixels.
     */
    static void sizeToContent(JTable t, int max) {
        int[] w = headerWidths(t);
        cellWidths(t, 0, Math.min(t.getRowCount(), SIZED_ROWS), w);
        apply(t, w, max);
    }

    /**
     * The same, measured 250 rows per event so that a table of thousands of rows filled at the end of a pass does not
     * hold up the event thread (measuring 5,000 rows of the Connections tab took ~100 ms in one event); applied
     * when all are measured, unless the table got another model meanwhile.
     */
    static void sizeToContentInSteps(JTable t, int max) {
        javax.swing.table.TableModel model = t.getModel();
        int rows = Math.min(t.getRowCount(), SIZED_ROWS);
        int[] w = headerWidths(t);
        Runnable[] step = new Runnable[1];
        int[] next = {0};
        step[0] = () -> {
            if (t.getModel() != model || t.getRowCount() < rows || t.getColumnCount() != w.length) return;
            int to = Math.min(rows, next[0] + 250);
            cellWidths(t, next[0], to, w);
            next[0] = to;
            if (to < rows) javax.swing.SwingUtilities.invokeLater(step[0]);
            else apply(t, w, max);
        };
        step[0].run();
    }

    private static int[] headerWidths(JTable t) {
        int[] w = new int[t.getColumnCount()];
        for (int c = 0; c < w.length; c++) {
            TableColumn col = t.getColumnModel().getColumn(c);
            TableCellRenderer hr = col.getHeaderRenderer() != null ? col.getHeaderRenderer()
                    : t.getTableHeader().getDefaultRenderer();
            w[c] = hr.getTableCellRendererComponent(t, col.getHeaderValue(), false, false, -1, c).getPreferredSize().width;
        }
        return w;
    }

    private static void cellWidths(JTable t, int from, int to, int[] w) {
        for (int c = 0; c < w.length; c++) {
            for (int r = from; r < to; r++) {
                Component comp = t.prepareRenderer(t.getCellRenderer(r, c), r, c);
                w[c] = Math.max(w[c], comp.getPreferredSize().width);
            }
        }
    }

    private static void apply(JTable t, int[] w, int max) {
        int pad = UIScale.scale(14);
        for (int c = 0; c < w.length; c++) t.getColumnModel().getColumn(c).setPreferredWidth(Math.min(max, w[c] + pad));
    }

    /**
     * Numbers right-aligned, counts with digit grouping (ports and indexes without); an unknown one (negative) as a
     * dash; seconds to the microsecond.
     */
    private static final class Renderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int r, int c) {
            Object shown = v;
            int m = t.convertColumnIndexToModel(c);
            if (v instanceof Double d) shown = String.format("%.6f", d);
            else if (v instanceof Number n && n.longValue() < 0) shown = "–";
            else if (v instanceof Number n && m != 0 && m != 2 && m != 4) shown = Texts.count(n.longValue()); // not ports
            super.getTableCellRendererComponent(t, shown, sel, focus, r, c);
            setHorizontalAlignment(RIGHT);
            return this;
        }
    }

    private static final class Model extends StatisticsTableModel {
        final List<Conversation> rows;
        final long t0;

        Model(List<Conversation> rows, long t0) {
            super(COLUMNS);
            this.rows = List.copyOf(rows);
            this.t0 = t0;
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public Class<?> getColumnClass(int c) {
            return switch (c) {
                case 0, 2, 4, 5, 12, 13 -> Integer.class;
                case 6, 7 -> Long.class;
                case 8, 9 -> Double.class;
                default -> String.class;
            };
        }

        @Override
        public Object getValueAt(int r, int c) {
            Conversation x = rows.get(r);
            return switch (c) {
                case 0 -> x.index();
                case 1 -> x.addressA();
                case 2 -> x.portA();
                case 3 -> x.addressB();
                case 4 -> x.portB();
                case 5 -> x.frames();
                case 6 -> x.bytesAtoB();
                case 7 -> x.bytesBtoA();
                case 8 -> (x.firstTimeNanos() - t0) / 1e9;
                case 9 -> (x.lastTimeNanos() - x.firstTimeNanos()) / 1e9;
                case 10 -> x.endSummary();
                case 11 -> ConnectionsModel.tsaps(x);
                case 12 -> x.tpduSize();
                case 13 -> x.cotpClass();
                case 14 -> ConnectionsModel.tpdus(x);
                case 15 -> ConnectionsModel.nz(x.findingSummary());
                default -> x.note();
            };
        }
    }
}
