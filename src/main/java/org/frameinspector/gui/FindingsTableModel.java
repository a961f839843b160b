package org.frameinspector.gui;

import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Severity;

/** Findings of the selected frame: severity, id, layer, offset, message. */
public final class FindingsTableModel extends AbstractTableModel {
    public static final int SEVERITY = 0, ID = 1, LAYER = 2, OFFSET = 3, MESSAGE = 4;
    private static final String[] NAMES = {"Severity", "Id", "Layer", "Offset", "Message"};
    private final List<Finding> rows = new ArrayList<>();

    public void setFindings(List<Finding> f) {
        rows.clear();
        if (f != null) rows.addAll(f);
        rows.sort((a, b) -> a.severity() != b.severity() ? a.severity().compareTo(b.severity())
                : Integer.compare(a.offset(), b.offset()));
        fireTableDataChanged();
    }

    public Finding at(int row) { return rows.get(row); }
    public List<Finding> all() { return rows; }

    @Override
    public int getRowCount() { return rows.size(); }

    @Override
    public int getColumnCount() { return NAMES.length; }

    @Override
    public String getColumnName(int c) { return NAMES[c]; }

    @Override
    public Class<?> getColumnClass(int c) { return c == SEVERITY ? Severity.class : String.class; }

    @Override
    public Object getValueAt(int row, int col) {
        Finding f = rows.get(row);
        return switch (col) {
            case SEVERITY -> f.severity();
            case ID -> f.id();
            case LAYER -> f.layer();
            case OFFSET -> offsetText(f);
            default -> message(f);
        };
    }

    static String offsetText(Finding f) {
        String base = String.format("0x%02X", f.offset());
        if (f.length() > 1) base += String.format("–0x%02X", f.offset() + f.length() - 1);
        return f.source().equals("frame") ? base : f.source() + " " + base;
    }

    /** The catalogue title is the first sentence of the explanation; fall back to observed/expected. */
    static String message(Finding f) {
        StringBuilder sb = new StringBuilder();
        if (f.observed() != null) sb.append("observed ").append(f.observed());
        if (f.expected() != null) sb.append(sb.length() > 0 ? ", expected " : "expected ").append(f.expected());
        String expl = f.explanation();
        if (expl != null && !expl.isBlank()) {
            int dot = expl.indexOf(". ");
            String first = dot > 0 ? expl.substring(0, dot + 1) : expl;
            if (sb.length() > 0) sb.append(" — ");
            sb.append(first.strip());
        }
        return sb.length() == 0 ? f.message() : sb.toString();
    }
}
