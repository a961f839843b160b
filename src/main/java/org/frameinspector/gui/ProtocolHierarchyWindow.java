package org.frameinspector.gui;

import com.formdev.flatlaf.util.UIScale;
import java.awt.Component;
import java.awt.Dialog;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.swing.BorderFactory;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * Statistics → Protocol Hierarchy as a tree table: protocol (indented by its place in the layer path, ▾/▸ to fold),
 * frames, % of frames, bytes, % of bytes, like Wireshark's. A double-click applies the protocol as display filter.
 */
final class ProtocolHierarchyWindow extends JDialog {
    final JTable table;
    private final Model model;

    ProtocolHierarchyWindow(MainWindow main, ProtocolHierarchy.Node root, String inputName) {
        super(main, "Protocol Hierarchy — " + inputName, Dialog.ModalityType.MODELESS);
        setName("protocolHierarchy");
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        model = new Model(root);
        table = new JTable(model);
        table.setName("protocolHierarchyTable");
        table.setFillsViewportHeight(true);
        table.getTableHeader().setReorderingAllowed(false);
        table.setDefaultRenderer(Object.class, new Renderer());
        table.setToolTipText("Click ▸/▾: fold or unfold; double-click: apply the protocol as display filter");
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int r = table.rowAtPoint(e.getPoint());
                if (r < 0) return;
                ProtocolHierarchy.Node n = model.rows.get(r);
                if (e.getClickCount() == 2) {
                    main.useFilter(n.protocol, true);
                } else if (table.columnAtPoint(e.getPoint()) == 0 && !n.children.isEmpty()) {
                    int x = e.getX() - table.getCellRect(r, 0, false).x;
                    int at = indent(n);
                    if (x >= at - UIScale.scale(4) && x < at + UIScale.scale(16)) model.toggle(n);
                }
            }
        });
        JLabel total = new JLabel(Texts.count(root.frames, "frame") + ", " + Texts.count(root.bytes, "byte")
                + " — bytes of a protocol: from its layer to the end of the frame (or of the reassembled data it is in)");
        total.setName("protocolHierarchyTotal");
        int w = StatisticsConversations.layOut(this, table, total);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
        setSize(Math.max(UIScale.scale(640), w + UIScale.scale(40)), UIScale.scale(480));
        setLocationRelativeTo(main);
    }

    private static int indent(ProtocolHierarchy.Node n) {
        return UIScale.scale(4) + n.depth() * UIScale.scale(18);
    }

    /** The rows shown, in tree order (for tests). */
    List<ProtocolHierarchy.Node> rows() {
        return List.copyOf(model.rows);
    }

    private final class Renderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int r, int c) {
            super.getTableCellRendererComponent(t, v, sel, focus, r, c);
            ProtocolHierarchy.Node n = model.rows.get(r);
            if (c == 0) {
                setBorder(BorderFactory.createEmptyBorder(0, indent(n), 0, UIScale.scale(4)));
                setHorizontalAlignment(LEFT);
            } else {
                setBorder(BorderFactory.createEmptyBorder(0, UIScale.scale(4), 0, UIScale.scale(6)));
                setHorizontalAlignment(RIGHT);
            }
            setToolTipText(c == 0 ? n.name + " — filter: " + n.protocol : null);
            return this;
        }
    }

    private static final class Model extends StatisticsTableModel {
        private final ProtocolHierarchy.Node root;
        private final Set<ProtocolHierarchy.Node> folded = new HashSet<>();
        List<ProtocolHierarchy.Node> rows = new ArrayList<>();

        Model(ProtocolHierarchy.Node root) {
            super("Protocol", "Frames", "% Frames", "Bytes", "% Bytes");
            this.root = root;
            rebuild();
        }

        void toggle(ProtocolHierarchy.Node n) {
            if (!folded.remove(n)) folded.add(n);
            rebuild();
            fireTableDataChanged();
        }

        private void rebuild() {
            rows = new ArrayList<>();
            for (ProtocolHierarchy.Node k : root.children()) add(k);
        }

        private void add(ProtocolHierarchy.Node n) {
            rows.add(n);
            if (folded.contains(n)) return;
            for (ProtocolHierarchy.Node k : n.children()) add(k);
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        private static String pct(long part, long whole) {
            return whole == 0 ? "–" : String.format("%.1f %%", part * 100.0 / whole);
        }

        @Override
        public Object getValueAt(int r, int c) {
            ProtocolHierarchy.Node n = rows.get(r);
            return switch (c) {
                case 0 -> (n.children.isEmpty() ? "   " : folded.contains(n) ? "▸ " : "▾ ") + n.name + " (" + n.protocol + ")";
                case 1 -> Texts.count(n.frames);
                case 2 -> pct(n.frames, root.frames);
                case 3 -> Texts.count(n.bytes);
                default -> pct(n.bytes, root.bytes);
            };
        }
    }
}
