package org.frameinspector.gui;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.Color;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import net.miginfocom.swing.MigLayout;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;

/**
 * The find bar (Ctrl+F, F3): bytes given as hex, text, or a field by name or label, in the shown frame from the
 * selection on, then in the following displayed frames on a worker, wrapping round.
 */
final class FindPart {
    /** What the find bar looks for; the combo box lists them in this order, the first is the default. */
    enum FindMode {
        /** Hex bytes when the text reads as hex ("03 11", "0x0311"), else the text; then field names. */
        ANY("Bytes, text or field"),
        TEXT("Text"),
        HEX("Hex bytes"),
        FIELD_NAME("Field name"),
        FIELD_TEXT("Field text");

        final String label;

        FindMode(String label) {
            this.label = label;
        }
    }

    /** A match: frame index, and the field (field modes) or the byte offset and length (byte modes). */
    record Match(int frameIndex, String fieldAbbrev, int occurrence, int offset, int length) {
    }

    final JPanel bar = new JPanel();
    final JTextField text = new JTextField(24);
    final JComboBox<String> mode = new JComboBox<>();
    final JLabel status = new JLabel(" ");
    private final FrameListPart list;
    private final FieldTreePart frame;
    private final ByteViewPart bytes;
    private final StatusBarPart statusBar;

    FindPart(FrameListPart list, FieldTreePart frame, ByteViewPart bytes, StatusBarPart statusBar) {
        this.list = list;
        this.frame = frame;
        this.bytes = bytes;
        this.statusBar = statusBar;
        for (FindMode m : FindMode.values()) mode.addItem(m.label);
        bar.setName("findBar");
        bar.setLayout(new MigLayout("insets 2 8 2 8, gap 6", "[][][][][][grow]", "[center]"));
        text.setName("findText");
        text.putClientProperty(FlatClientProperties.TEXT_FIELD_LEADING_ICON, Icons.get("find"));
        text.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "e.g. 03 11, EXCHANGETSAP1 or tpkt.length");
        text.addActionListener(e -> find());
        mode.setName("findMode");
        JButton next = new JButton("Find Next");
        next.setName("findNext");
        next.setToolTipText("Find the next match (F3 or Enter)");
        next.addActionListener(e -> find());
        JButton close = new JButton(Icons.get("close"));
        close.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        close.setToolTipText("Close (Esc)");
        close.addActionListener(e -> bar.setVisible(false));
        text.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "fi-close");
        text.getActionMap().put("fi-close", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                bar.setVisible(false);
            }
        });
        status.setName("findStatus");
        bar.add(new JLabel("Find:"));
        bar.add(text, "wmin 12sp");
        bar.add(mode);
        bar.add(next);
        bar.add(close);
        bar.add(status, "wmin 0");
        bar.setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, Theme.color("Component.borderColor", Color.GRAY)));
        bar.setVisible(false);
    }

    JComponent component() { return bar; }

    FindMode findMode() { return FindMode.values()[mode.getSelectedIndex()]; }

    void show() {
        bar.setVisible(true);
        text.requestFocusInWindow();
        text.selectAll();
    }

    /** The bytes a byte mode looks for, or null (field modes; ANY with text that is not hex gives its text). */
    private static byte[] pattern(FindMode m, String q) {
        String h = q.replaceAll("(?i)0x|[\\s:.,-]", "");
        boolean hex = h.length() % 2 == 0 && !h.isEmpty() && h.matches("(?i)[0-9a-f]+");
        return switch (m) {
            case HEX -> hex ? HexFormat.of().parseHex(h) : null;
            case TEXT -> q.getBytes(StandardCharsets.ISO_8859_1);
            case ANY -> hex ? HexFormat.of().parseHex(h) : q.getBytes(StandardCharsets.ISO_8859_1);
            default -> null;
        };
    }

    /**
     * Finds the next match after the current selection: in the shown frame on the EDT, then in the following
     * displayed frames on a worker (dissecting them for the field modes), wrapping round. Bytes and text are looked
     * for in the frame's own bytes.
     */
    void find() {
        if (!bar.isVisible()) show();
        String q = text.getText().strip();
        FrameTableModel model = list.model;
        if (q.isEmpty() || model.dissections() == null || model.getRowCount() == 0) return;
        FindMode m = findMode();
        byte[] pattern = pattern(m, q);
        if (m == FindMode.HEX && pattern == null) {
            status.setText("Hex bytes, e.g. 03 11 or 0311");
            return;
        }
        FindMode fieldMode = m == FindMode.ANY ? FindMode.FIELD_NAME : m;
        Field selected = frame.tree.selectedField();
        if (m == FindMode.ANY && selected != null && fieldIn(selected, q, fieldMode)) {
            // F3 after a field was found by its name: go on with the fields
            m = FindMode.FIELD_NAME;
            pattern = null;
        }
        int selRow = list.table.getSelectedRow();
        Dissection current = frame.current();
        // 1. the rest of the shown frame
        if (current != null && selRow >= 0) {
            int idx = list.model.frameIndex(selRow);
            Match hit = pattern != null ? bytesIn(current, idx, pattern, bytes.hex.selectionStart() + 1)
                    : fieldIn(current, idx, q, fieldMode, selected);
            if (hit != null) {
                showMatch(hit);
                return;
            }
        }
        // 2. the other frames, off the EDT
        int rows = model.getRowCount();
        int start = selRow < 0 ? 0 : selRow + 1;
        FindMode searchMode = m;
        byte[] pat = pattern;
        int[] order = new int[rows];
        for (int k = 0; k < rows; k++) order[k] = model.frameIndex((start + k) % rows);
        Dissections src = model.dissections();
        status.setText("Searching…");
        StatusBarPart.Job<Match> w = new StatusBarPart.Job<>(statusBar) {
            @Override
            protected Match doInBackground() {
                if (pat == null || searchMode == FindMode.ANY) {
                    // fields as the command line dissects them: the in-order pass first reaches every frame
                    if (!src.index(k -> isCancelled())) return null;
                }
                if (pat != null) {
                    for (int k = 0; k < order.length; k++) {
                        if (isCancelled()) return null;
                        if ((k & 1023) == 0) progress((int) (100L * k / order.length));
                        int at = indexOf(src.source().frame(order[k]).data(), pat, 0);
                        if (at >= 0) return new Match(order[k], null, 0, at, pat.length);
                    }
                    if (searchMode != FindMode.ANY) return null;
                }
                for (int k = 0; k < order.length; k++) {
                    if (isCancelled()) return null;
                    if ((k & 1023) == 0) progress((int) (100L * k / order.length));
                    Match hit = fieldIn(src.dissect(order[k]), order[k], q, fieldMode, null);
                    if (hit != null) return hit;
                }
                return null;
            }

            @Override
            void succeeded(Match hit) {
                if (hit == null) status.setText("Not found");
                else showMatch(hit);
            }

            @Override
            void failed(Throwable cause) {
                status.setText("Search failed: " + cause.getMessage());
            }
        };
        statusBar.busy(w, "Searching");
    }

    private static Match bytesIn(Dissection d, int frameIndex, byte[] pattern, int from) {
        int at = indexOf(d.frame().data(), pattern, Math.max(0, from));
        return at < 0 ? null : new Match(frameIndex, null, 0, at, pattern.length);
    }

    /** The first field after {@code after} (null: from the start) whose name / label matches. */
    private static Match fieldIn(Dissection d, int frameIndex, String q, FindMode mode, Field after) {
        String lower = q.toLowerCase();
        List<Field> all = new ArrayList<>();
        d.forEachField(all::add);
        int from = after == null ? 0 : all.indexOf(after) + 1;
        for (int i = from; i < all.size(); i++) {
            Field f = all.get(i);
            if (fieldIn(f, lower, mode)) {
                int occ = 0;
                for (int k = 0; k < i; k++) if (all.get(k).abbrev().equals(f.abbrev())) occ++;
                return new Match(frameIndex, f.abbrev(), occ, f.offset(), f.length());
            }
        }
        return null;
    }

    /** Whether a field matches: by abbreviation or name (FIELD_NAME), else by its label or value. */
    private static boolean fieldIn(Field f, String q, FindMode mode) {
        String lower = q.toLowerCase();
        return mode == FindMode.FIELD_NAME
                ? f.abbrev().toLowerCase().contains(lower) || f.name().toLowerCase().contains(lower)
                : f.treeLabel().toLowerCase().contains(lower)
                        || (f.display() != null && f.display().toLowerCase().contains(lower));
    }

    private void showMatch(Match m) {
        int row = list.model.rowOf(m.frameIndex());
        if (row < 0) return;
        if (row != list.table.getSelectedRow()) list.selectFrame(row);
        Dissection current = frame.current();
        if (m.fieldAbbrev() != null && current != null) {
            List<Field> same = current.fields(m.fieldAbbrev());
            if (m.occurrence() < same.size()) frame.selectField(same.get(m.occurrence()));
            status.setText("Frame " + Texts.count(m.frameIndex() + 1) + ": " + m.fieldAbbrev());
        } else {
            frame.selectBytes(DataSource.FRAME, m.offset(), m.length());
            status.setText("Frame " + Texts.count(m.frameIndex() + 1) + String.format(", offset 0x%02X", m.offset()));
        }
    }

    private static int indexOf(byte[] data, byte[] p, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - p.length; i++) {
            for (int j = 0; j < p.length; j++) if (data[i + j] != p[j]) continue outer;
            return i;
        }
        return -1;
    }
}
