package org.frameinspector.gui;

import com.formdev.flatlaf.util.UIScale;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextPane;
import javax.swing.KeyStroke;
import javax.swing.SwingWorker;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultStyledDocument;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;
import org.frameinspector.core.session.StreamBytes;
import org.frameinspector.core.stream.Conversation;

/**
 * Follow Stream: the payload of one connection in frame order, A's segments (the client, the side that opened it)
 * and B's in two colours, shown as ASCII, a hex dump or raw hex; for the TPKT/COTP stream also the connection's
 * TPDUs (a click shows that frame in the main window). The bytes are the ones the session's dissections carry
 * ({@link StreamBytes}); "Filter to this stream" applies the conversation filter in the main window.
 */
final class FollowStreamWindow extends JDialog {
    /** Payload bytes rendered as text (the views of a bigger stream say where they stop). */
    static final int MAX_SHOWN = 1 << 20;

    enum View {
        ASCII("ASCII"), HEX("Hex Dump"), RAW("Raw");

        final String label;

        View(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    final JTextPane text = new JTextPane();
    final JComboBox<View> view = new JComboBox<>(View.values());
    final JComboBox<String> direction = new JComboBox<>();
    final JTable tpduTable;
    final JButton filterButton = new JButton("Filter to this stream");
    final JLabel status = new JLabel(" ");
    private final TpduModel tpduModel = new TpduModel();
    private final MainWindow main;
    private final StreamBytes data;
    private final boolean cotp;
    private SwingWorker<StyledDocument, Void> render;

    FollowStreamWindow(MainWindow main, StreamBytes data, boolean cotp, String filter) {
        super(main, title(data.conversation(), cotp), Dialog.ModalityType.MODELESS);
        this.main = main;
        this.data = data;
        this.cotp = cotp;
        setName("followStream");
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        Conversation c = data.conversation();

        text.setName("followText");
        text.setEditable(false);
        text.setFont(Theme.monoFont());
        JScrollPane textPane = new JScrollPane(text);

        JPanel head = new JPanel(new FlowLayout(FlowLayout.LEFT, UIScale.scale(10), UIScale.scale(4)));
        JLabel what = new JLabel((cotp ? "TPKT/COTP" : "TCP") + " stream of connection " + c.index());
        what.setFont(what.getFont().deriveFont(java.awt.Font.BOLD));
        head.add(what);
        head.add(swatch("A " + c.endpointA() + " → B: " + Texts.count(c.bytesAtoB(), "byte"), true));
        head.add(swatch("B " + c.endpointB() + " → A: " + Texts.count(c.bytesBtoA(), "byte"), false));

        direction.setName("followDirection");
        direction.addItem("Entire conversation (" + Texts.count(data.size(), "byte") + ")");
        direction.addItem(c.endpointA() + " → " + c.endpointB() + " (" + Texts.count(data.bytes(true).length, "byte") + ")");
        direction.addItem(c.endpointB() + " → " + c.endpointA() + " (" + Texts.count(data.bytes(false).length, "byte") + ")");
        view.setName("followView");
        // the protocols here are binary: the hex dump first (ASCII and raw a click away)
        view.setSelectedItem(View.HEX);
        view.addActionListener(e -> render());
        direction.addActionListener(e -> render());
        filterButton.setName("followFilter");
        filterButton.setEnabled(filter != null);
        filterButton.setToolTipText(filter);
        filterButton.addActionListener(e -> main.useFilter(filter, true));
        JButton close = new JButton("Close");
        close.addActionListener(e -> dispose());
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        status.setName("followStatus");

        JPanel bottom = new JPanel(new BorderLayout());
        JPanel controls = new JPanel(new FlowLayout(FlowLayout.LEFT, UIScale.scale(6), UIScale.scale(4)));
        controls.add(direction);
        controls.add(new JLabel("Show data as"));
        controls.add(view);
        controls.add(filterButton);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, UIScale.scale(6), UIScale.scale(4)));
        right.add(close);
        bottom.add(status, BorderLayout.NORTH);
        bottom.add(controls, BorderLayout.CENTER);
        bottom.add(right, BorderLayout.EAST);
        status.setBorder(BorderFactory.createEmptyBorder(2, UIScale.scale(8), 2, UIScale.scale(8)));
        status.setText(statusText());

        tpduTable = new JTable(tpduModel);
        tpduTable.setName("followTpdus");
        tpduTable.setAutoCreateRowSorter(true);
        tpduTable.setFillsViewportHeight(true);
        tpduTable.setDefaultRenderer(Object.class, new DirectionRenderer());
        tpduTable.setDefaultRenderer(Integer.class, new DirectionRenderer());
        tpduTable.getSelectionModel().addListSelectionListener(e -> {
            if (e.getValueIsAdjusting()) return;
            int r = tpduTable.getSelectedRow();
            if (r >= 0) main.goToFrameNumber(tpduModel.rows.get(tpduTable.convertRowIndexToModel(r)).frame());
        });
        tpduTable.setToolTipText("Click: show the frame in the main window");

        getContentPane().add(head, BorderLayout.NORTH);
        if (cotp) {
            tpduModel.rows = data.tpdus();
            tpduModel.fireTableDataChanged();
            JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, textPane, new JScrollPane(tpduTable));
            split.setResizeWeight(0.6);
            split.setDividerLocation(UIScale.scale(330));
            getContentPane().add(split, BorderLayout.CENTER);
            StatisticsConversations.sizeToContent(tpduTable, Integer.MAX_VALUE);
        } else {
            getContentPane().add(textPane, BorderLayout.CENTER);
        }
        getContentPane().add(bottom, BorderLayout.SOUTH);
        setSize(UIScale.scale(960), UIScale.scale(cotp ? 760 : 560));
        setLocationRelativeTo(main);
        render();
    }

    private static String title(Conversation c, boolean cotp) {
        return "Follow " + (cotp ? "TPKT/COTP" : "TCP") + " Stream — " + c.endpointA() + " ⇄ " + c.endpointB()
                + " (connection " + c.index() + ")";
    }

    private String statusText() {
        Conversation c = data.conversation();
        StringBuilder b = new StringBuilder();
        b.append(Texts.count(c.frames(), "frame")).append(" (").append(c.endSummary()).append("), ")
                .append(Texts.count(data.segments().size(), "segment")).append(" with payload");
        long re = data.segments().stream().filter(StreamBytes.Segment::retransmission).count();
        if (re > 0) b.append(" (").append(Texts.count(re, "retransmission")).append(", shown and marked)");
        if (cotp) b.append(", ").append(Texts.count(data.tpdus().size(), "TPDU"));
        if (data.droppedBytes() > 0) {
            b.append(" — stopped keeping payload at ").append(StreamBytes.MAX_BYTES >> 20).append(" MiB (")
                    .append(Texts.count(data.droppedBytes(), "byte")).append(" more not shown)");
        }
        if (data.droppedTpdus() > 0) b.append(" — ").append(Texts.count(data.droppedTpdus(), "TPDU")).append(" more not listed");
        if (data.size() > MAX_SHOWN) b.append(" — the view shows the first ").append(MAX_SHOWN >> 20).append(" MiB");
        if (data.stopped()) b.append(" — stopped before the last frame");
        return b.toString();
    }

    /** The colours of A (client) and B (server) text and background, for the current theme. */
    static Color[] colours(boolean fromA) {
        boolean dark = Theme.isDark();
        if (fromA) {
            return dark ? new Color[] {new Color(0xFF, 0xB4, 0xB4), new Color(0x4A, 0x26, 0x2A)}
                    : new Color[] {new Color(0x80, 0x00, 0x00), new Color(0xFB, 0xE9, 0xE9)};
        }
        return dark ? new Color[] {new Color(0xB4, 0xCC, 0xFF), new Color(0x22, 0x30, 0x4C)}
                : new Color[] {new Color(0x00, 0x00, 0x80), new Color(0xE6, 0xEC, 0xFB)};
    }

    private static JLabel swatch(String s, boolean fromA) {
        JLabel l = new JLabel(s);
        Color[] c = colours(fromA);
        l.setOpaque(true);
        l.setForeground(c[0]);
        l.setBackground(c[1]);
        l.setBorder(BorderFactory.createEmptyBorder(2, UIScale.scale(6), 2, UIScale.scale(6)));
        l.setName(fromA ? "followA" : "followB");
        return l;
    }

    /** Renders the chosen view off the event thread, then shows it. */
    void render() {
        if (render != null) render.cancel(true);
        View v = (View) view.getSelectedItem();
        int dir = direction.getSelectedIndex();
        text.setText("Rendering…");
        render = new SwingWorker<>() {
            @Override
            protected StyledDocument doInBackground() throws BadLocationException {
                return document(data, v, dir);
            }

            @Override
            protected void done() {
                if (isCancelled()) return;
                try {
                    text.setDocument(get());
                    text.setCaretPosition(0);
                } catch (Exception e) {
                    text.setText("Could not render: " + e);
                }
                render = null;
            }
        };
        render.execute();
    }

    /** True while a view is being rendered (for tests). */
    boolean rendering() {
        return render != null;
    }

    /** The text of a view: {@code dir} 0 both directions, 1 A's segments only, 2 B's. */
    static StyledDocument document(StreamBytes data, View v, int dir) throws BadLocationException {
        DefaultStyledDocument doc = new DefaultStyledDocument();
        SimpleAttributeSet[] style = {attrs(true), attrs(false)};
        StringBuilder sb = new StringBuilder();
        long[] off = new long[2];
        int shown = 0;
        for (StreamBytes.Segment s : data.segments()) {
            if (dir == 1 && !s.fromA() || dir == 2 && s.fromA()) continue;
            if (shown >= MAX_SHOWN) break;
            int len = Math.min(s.length(), MAX_SHOWN - shown);
            shown += len;
            sb.setLength(0);
            int side = s.fromA() ? 0 : 1;
            switch (v) {
                case ASCII -> ascii(sb, data, s.offset(), len);
                case RAW -> {
                    for (int i = 0; i < len; i++) hex2(sb, data.at(s.offset() + i));
                    sb.append('\n');
                }
                case HEX -> hexDump(sb, data, s.offset(), len, off[side], side == 1);
            }
            off[side] += len;
            doc.insertString(doc.getLength(), sb.toString(), style[side]);
        }
        if (shown >= MAX_SHOWN) doc.insertString(doc.getLength(), "\n[… the view stops at " + (MAX_SHOWN >> 20) + " MiB]\n", null);
        return doc;
    }

    private static SimpleAttributeSet attrs(boolean fromA) {
        SimpleAttributeSet a = new SimpleAttributeSet();
        Color[] c = colours(fromA);
        StyleConstants.setForeground(a, c[0]);
        StyleConstants.setBackground(a, c[1]);
        return a;
    }

    /** Printable ASCII as is, line ends kept, everything else as a dot (Wireshark's ASCII view). */
    private static void ascii(StringBuilder sb, StreamBytes data, int from, int len) {
        for (int i = 0; i < len; i++) {
            int b = data.at(from + i) & 0xFF;
            sb.append(b == '\n' || b == '\t' || b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        if (sb.length() == 0 || sb.charAt(sb.length() - 1) != '\n') sb.append('\n');
    }

    /** Rows of 16 bytes with the direction's running offset; B's rows indented like Wireshark's. */
    private static void hexDump(StringBuilder sb, StreamBytes data, int from, int len, long base, boolean indent) {
        for (int row = 0; row < len; row += 16) {
            if (indent) sb.append("    ");
            sb.append(String.format("%08X  ", base + row));
            int n = Math.min(16, len - row);
            for (int i = 0; i < 16; i++) {
                if (i < n) hex2(sb, data.at(from + row + i)).append(' ');
                else sb.append("   ");
                if (i == 7) sb.append(' ');
            }
            sb.append(' ');
            for (int i = 0; i < n; i++) {
                int b = data.at(from + row + i) & 0xFF;
                sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            sb.append('\n');
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static StringBuilder hex2(StringBuilder sb, byte b) {
        return sb.append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
    }

    /** The listed TPDUs (for tests). */
    List<StreamBytes.Tpdu> tpdus() {
        return tpduModel.rows;
    }

    StreamBytes data() {
        return data;
    }

    private final class DirectionRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int r, int col) {
            super.getTableCellRendererComponent(t, v, sel, focus, r, col);
            if (!sel) {
                Color[] c = colours(tpduModel.rows.get(t.convertRowIndexToModel(r)).fromA());
                setForeground(c[0]);
                setBackground(c[1]);
            }
            setHorizontalAlignment(v instanceof Integer ? RIGHT : LEFT);
            return this;
        }
    }

    private final class TpduModel extends StatisticsTableModel {
        List<StreamBytes.Tpdu> rows = List.of();

        TpduModel() {
            super("Frame", "Direction", "TPDU", "Length", "Findings");
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public Class<?> getColumnClass(int c) {
            return c == 1 || c == 2 ? String.class : Integer.class;
        }

        @Override
        public Object getValueAt(int r, int c) {
            StreamBytes.Tpdu t = rows.get(r);
            Conversation x = data.conversation();
            return switch (c) {
                case 0 -> t.frame();
                case 1 -> t.fromA() ? "A → B (" + x.endpointA() + ")" : "B → A (" + x.endpointB() + ")";
                case 2 -> t.type();
                case 3 -> t.length();
                default -> t.findings();
            };
        }
    }
}
