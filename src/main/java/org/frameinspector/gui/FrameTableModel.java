package org.frameinspector.gui;

import javax.swing.table.AbstractTableModel;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;

/** The frame list: a virtual model; rows are dissected only when the table asks for them. */
public final class FrameTableModel extends AbstractTableModel {
    public static final int NO = 0, TIME = 1, SRC = 2, DST = 3, PROTO = 4, LEN = 5, INFO = 6, FINDINGS = 7;
    private static final String[] NAMES = {"No.", "Time", "Source", "Destination", "Protocol", "Length", "Info",
        "Findings"};

    private DissectionCache cache;
    private long firstTimestamp;

    public void setCache(DissectionCache c) {
        this.cache = c;
        firstTimestamp = 0;
        if (c != null && c.size() > 0) firstTimestamp = c.source().frame(0).timestampNanos();
        fireTableDataChanged();
    }

    public DissectionCache cache() { return cache; }

    @Override
    public int getRowCount() { return cache == null ? 0 : cache.size(); }

    @Override
    public int getColumnCount() { return NAMES.length; }

    @Override
    public String getColumnName(int c) { return NAMES[c]; }

    @Override
    public Class<?> getColumnClass(int c) {
        return c == NO || c == LEN ? Integer.class : c == FINDINGS ? Dissection.class : String.class;
    }

    @Override
    public Object getValueAt(int row, int col) {
        if (col == NO) return row + 1;
        Dissection d = cache.get(row);
        Frame f = d.frame();
        return switch (col) {
            case TIME -> time(f);
            case SRC -> d.src();
            case DST -> d.dst();
            case PROTO -> d.protocol();
            case LEN -> f.originalLength();
            case INFO -> d.info();
            default -> d;
        };
    }

    private String time(Frame f) {
        if (f.timestampNanos() == 0) return "";
        double s = (f.timestampNanos() - firstTimestamp) / 1e9;
        return String.format("%.6f", s);
    }
}
