package org.frameinspector.gui;

import java.awt.BorderLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.text.DateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.table.AbstractTableModel;
import net.miginfocom.swing.MigLayout;
import org.frameinspector.core.notes.Note;
import org.frameinspector.core.notes.NotesListener;
import org.frameinspector.core.notes.NotesStore;

/** Every note of the input: frame, what it is on, text. Double-click goes to it; Edit… and Delete act on the selection. */
final class NotesPanel extends JPanel {
    private final Model model = new Model();
    private final JTable table = new JTable(model);
    private final JButton edit = new JButton("Edit…"), delete = new JButton("Delete"), go = new JButton("Go To");
    private final JLabel empty = new JLabel("No notes. Right-click a field, a byte selection or a frame to add one.");
    private final NotesListener listener = (k, n) -> reload();
    private NotesStore store;

    NotesPanel(Consumer<Note> goTo, Consumer<Note> editor) {
        super(new BorderLayout());
        setName("notesPanel");
        table.setName("notesTable");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setShowHorizontalLines(false);
        table.getTableHeader().setReorderingAllowed(false);
        table.getColumnModel().getColumn(0).setPreferredWidth(50);
        table.getColumnModel().getColumn(0).setMaxWidth(80);
        table.getColumnModel().getColumn(1).setPreferredWidth(200);
        table.getColumnModel().getColumn(2).setPreferredWidth(400);
        table.getColumnModel().getColumn(3).setPreferredWidth(140);
        table.getColumnModel().getColumn(3).setMinWidth(110);
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && selected() != null) goTo.accept(selected());
            }
        });
        table.getSelectionModel().addListSelectionListener(e -> buttons());
        edit.setName("noteEdit");
        delete.setName("noteDelete");
        go.setName("noteGoTo");
        edit.addActionListener(e -> {
            if (selected() != null) editor.accept(selected());
        });
        delete.addActionListener(e -> {
            Note n = selected();
            if (n != null && store != null) store.remove(n.id());
        });
        go.addActionListener(e -> {
            if (selected() != null) goTo.accept(selected());
        });
        empty.putClientProperty("FlatLaf.styleClass", "small");
        JPanel south = new JPanel(new MigLayout("insets 2 4 2 4, gap 4", "[grow,fill][][][]", "[]"));
        south.add(empty, "wmin 0");
        south.add(go);
        south.add(edit);
        south.add(delete);
        add(new JScrollPane(table), BorderLayout.CENTER);
        add(south, BorderLayout.SOUTH);
        buttons();
    }

    void setStore(NotesStore s) {
        if (store != null) store.removeListener(listener);
        store = s;
        if (store != null) store.addListener(listener);
        reload();
    }

    private void reload() {
        List<Note> all = store == null ? List.of() : new ArrayList<>(store.all());
        all.sort((x, y) -> x.frame() != y.frame() ? Integer.compare(x.frame(), y.frame())
                : Integer.compare(x.offset(), y.offset()));
        String keep = selected() == null ? null : selected().id();
        model.set(all);
        for (int r = 0; r < all.size(); r++) if (all.get(r).id().equals(keep)) table.setRowSelectionInterval(r, r);
        empty.setVisible(all.isEmpty());
        buttons();
    }

    private void buttons() {
        boolean s = selected() != null;
        edit.setEnabled(s);
        delete.setEnabled(s);
        go.setEnabled(s);
    }

    Note selected() {
        int r = table.getSelectedRow();
        return r < 0 || r >= model.rows.size() ? null : model.rows.get(r);
    }

    JTable table() { return table; }

    private static final class Model extends AbstractTableModel {
        private static final String[] COLS = {"Frame", "On", "Note", "Modified"};
        List<Note> rows = List.of();

        void set(List<Note> r) {
            rows = r;
            fireTableDataChanged();
        }

        @Override
        public int getRowCount() { return rows.size(); }

        @Override
        public int getColumnCount() { return COLS.length; }

        @Override
        public String getColumnName(int c) { return COLS[c]; }

        @Override
        public Object getValueAt(int r, int c) {
            Note n = rows.get(r);
            return switch (c) {
                case 0 -> n.frame();
                case 1 -> n.where();
                case 2 -> n.text().replace('\n', ' ');
                default -> DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT).format(new Date(n.modified()));
            };
        }

        @Override
        public Class<?> getColumnClass(int c) {
            return c == 0 ? Integer.class : String.class;
        }
    }
}
