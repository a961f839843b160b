package org.frameinspector.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Window;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JColorChooser;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import net.miginfocom.swing.MigLayout;

/**
 * View → Colouring Rules…: the rules in order (the first that matches colours a row), each with a check box, a
 * name, a display filter (red with the reason when it does not compile) and a colour (double-click to choose). New,
 * Delete, Up, Down, Defaults; OK keeps them (in the preferences), Cancel forgets the edits.
 */
final class ColouringDialog extends JDialog {
    static final int ON = 0, NAME = 1, FILTER = 2, COLOUR = 3;
    final RulesModel model = new RulesModel();
    final JTable table = new JTable(model);
    private boolean ok;

    ColouringDialog(Window owner) {
        super(owner, "Colouring Rules", ModalityType.APPLICATION_MODAL);
        setName("colouringDialog");
        model.rules.addAll(Colouring.rules());
        table.setName("colouringTable");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setRowHeight(table.getRowHeight() + 4);
        table.getColumnModel().getColumn(ON).setMaxWidth(40);
        table.getColumnModel().getColumn(NAME).setPreferredWidth(140);
        table.getColumnModel().getColumn(FILTER).setPreferredWidth(420);
        table.getColumnModel().getColumn(COLOUR).setPreferredWidth(80);
        table.getColumnModel().getColumn(FILTER).setCellRenderer(new FilterRenderer());
        table.getColumnModel().getColumn(COLOUR).setCellRenderer(new ColourRenderer());
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int r = table.rowAtPoint(e.getPoint()), c = table.columnAtPoint(e.getPoint());
                if (e.getClickCount() == 2 && r >= 0 && c == COLOUR) chooseColour(r);
            }
        });
        JPanel buttons = new JPanel(new MigLayout("insets 6, gap 6", "[][][][][grow][][]", "[]"));
        buttons.add(button("New", "colouringNew", e -> add()));
        buttons.add(button("Delete", "colouringDelete", e -> delete()));
        buttons.add(button("Up", "colouringUp", e -> move(-1)));
        buttons.add(button("Down", "colouringDown", e -> move(1)));
        buttons.add(button("Defaults", "colouringDefaults", e -> {
            model.rules.clear();
            model.rules.addAll(Colouring.DEFAULTS);
            model.fireTableDataChanged();
        }), "skip");
        JButton okButton = button("OK", "colouringOk", e -> accept());
        buttons.add(okButton);
        buttons.add(button("Cancel", "colouringCancel", e -> dispose()));
        getRootPane().setDefaultButton(okButton);
        JLabel hint = new JLabel("<html>The first rule that matches a frame colours its row. Double-click a colour to "
                + "change it. A default rule on a field this version does not know is skipped.</html>");
        JPanel content = new JPanel(new BorderLayout(0, 6));
        content.add(hint, BorderLayout.NORTH);
        content.add(new JScrollPane(table), BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        content.setBorder(javax.swing.BorderFactory.createEmptyBorder(8, 8, 0, 8));
        setContentPane(content);
        setSize(760, 420);
        setLocationRelativeTo(owner);
    }

    private static JButton button(String text, String name, java.awt.event.ActionListener a) {
        JButton b = new JButton(text);
        b.setName(name);
        b.addActionListener(a);
        return b;
    }

    /** Whether OK closed the dialog (the rules are then saved). */
    boolean accepted() { return ok; }

    private void add() {
        stopEditing();
        int at = Math.max(0, table.getSelectedRow());
        model.rules.add(at, new Colouring.Rule(true, "New rule", "frame", 0xFFF0A0));
        model.fireTableRowsInserted(at, at);
        editFilter(at);
    }

    /**
     * Starts editing a rule's filter with its text selected and the keyboard in it, so what the user types next
     * replaces it (after New, and after OK refused the rule).
     */
    private void editFilter(int r) {
        table.setRowSelectionInterval(r, r);
        table.scrollRectToVisible(table.getCellRect(r, FILTER, true));
        if (!table.editCellAt(r, FILTER)) return;
        Component ed = table.getEditorComponent();
        if (ed instanceof javax.swing.text.JTextComponent t) t.selectAll();
        if (ed != null) ed.requestFocus(); // not InWindow: after the message the dialog itself may need the focus back
    }

    private void delete() {
        stopEditing();
        int r = table.getSelectedRow();
        if (r < 0) return;
        model.rules.remove(r);
        model.fireTableRowsDeleted(r, r);
    }

    private void move(int by) {
        stopEditing();
        int r = table.getSelectedRow(), to = r + by;
        if (r < 0 || to < 0 || to >= model.rules.size()) return;
        model.rules.add(to, model.rules.remove(r));
        model.fireTableDataChanged();
        table.setRowSelectionInterval(to, to);
    }

    private void chooseColour(int r) {
        Colouring.Rule x = model.rules.get(r);
        Color c = JColorChooser.showDialog(this, "Colour of " + x.name(), new Color(x.rgb()));
        if (c != null) model.set(r, new Colouring.Rule(x.enabled(), x.name(), x.filter(), c.getRGB() & 0xFFFFFF));
    }

    private void stopEditing() {
        if (table.isEditing()) table.getCellEditor().stopCellEditing();
    }

    /** OK: refused while an enabled rule of the user's does not compile (a default one is skipped quietly). */
    void accept() {
        stopEditing();
        for (int i = 0; i < model.rules.size(); i++) {
            Colouring.Rule r = model.rules.get(i);
            String p = r.enabled() && !r.isDefault() ? Colouring.problem(r) : null;
            if (p != null) {
                JOptionPane.showMessageDialog(this, "The rule \u201c" + r.name() + "\u201d: " + p, "Colouring Rules",
                        JOptionPane.ERROR_MESSAGE);
                editFilter(i);
                return;
            }
        }
        Colouring.setRules(new ArrayList<>(model.rules));
        ok = true;
        dispose();
    }

    /** The rules being edited. */
    static final class RulesModel extends AbstractTableModel {
        final List<Colouring.Rule> rules = new ArrayList<>();

        void set(int r, Colouring.Rule x) {
            rules.set(r, x);
            fireTableRowsUpdated(r, r);
        }

        @Override public int getRowCount() { return rules.size(); }
        @Override public int getColumnCount() { return 4; }

        @Override
        public String getColumnName(int c) {
            return new String[] {"On", "Name", "Filter", "Colour"}[c];
        }

        @Override
        public Class<?> getColumnClass(int c) { return c == ON ? Boolean.class : String.class; }

        @Override
        public boolean isCellEditable(int r, int c) { return c != COLOUR; }

        @Override
        public Object getValueAt(int r, int c) {
            Colouring.Rule x = rules.get(r);
            return switch (c) {
                case ON -> x.enabled();
                case NAME -> x.name();
                case FILTER -> x.filter();
                default -> String.format("#%06x", x.rgb());
            };
        }

        @Override
        public void setValueAt(Object v, int r, int c) {
            Colouring.Rule x = rules.get(r);
            switch (c) {
                case ON -> set(r, x.with(Boolean.TRUE.equals(v)));
                case NAME -> set(r, new Colouring.Rule(x.enabled(), String.valueOf(v).strip(), x.filter(), x.rgb()));
                case FILTER -> set(r, new Colouring.Rule(x.enabled(), x.name(), String.valueOf(v).strip(), x.rgb()));
                default -> { }
            }
        }
    }

    /** The filter in monospace; red with the reason when it does not compile. */
    private final class FilterRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int r, int c) {
            super.getTableCellRendererComponent(t, v, sel, focus, r, c);
            setFont(Theme.monoFont().deriveFont(t.getFont().getSize2D()));
            Colouring.Rule x = model.rules.get(r);
            String p = Colouring.problem(x);
            setToolTipText(p == null ? null : p + (x.isDefault() ? " (a default rule: skipped)" : ""));
            if (p != null) setForeground(Theme.isDark() ? new Color(0xFF8A80) : new Color(0xC62828));
            else if (!sel) setForeground(t.getForeground());
            return this;
        }
    }

    /** The colour as a swatch of the row background it gives. */
    private static final class ColourRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int r, int c) {
            super.getTableCellRendererComponent(t, v, false, focus, r, c);
            int rgb = Integer.parseInt(String.valueOf(v).substring(1), 16);
            Color bg = Colouring.background(rgb, t.getBackground());
            setBackground(bg);
            setForeground(Theme.isDark() ? Color.WHITE : Color.BLACK);
            setToolTipText("Double-click to choose the colour");
            return this;
        }
    }
}
