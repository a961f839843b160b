package org.frameinspector.gui;

import java.util.Arrays;
import javax.swing.table.AbstractTableModel;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.input.capture.CaptureIndex;
import org.frameinspector.core.model.Dissection;

/**
 * The frame list: fully virtual. A row is a frame index (all frames, or the ones a display filter kept, as an int
 * array). No. / Time / Length of a capture come from its {@link CaptureIndex} without reading packet bytes; the
 * dissected columns come from {@link RowSummaries}, computed off the EDT for the rows being painted. Small inputs
 * (pasted dumps, live captures) are summarized straight from the input's {@link Dissections}.
 */
public final class FrameTableModel extends AbstractTableModel {
    public static final int NO = 0, TIME = 1, SRC = 2, DST = 3, PROTO = 4, LEN = 5, INFO = 6, FINDINGS = 7;
    private static final String[] NAMES = {"No.", "Time", "Source", "Destination", "Protocol", "Length", "Info",
        "Findings"};
    static final String PENDING = "…";

    private Dissections cache;
    private CaptureIndex index;
    private RowSummaries summaries;
    private int[] view;   // frame indices shown, ascending; null = every frame
    private int[] order;  // the rows sorted by a column: frame indices in row order; null = as in view
    private int[] rowOfOrdered; // frame index → row while sorted
    private int sortColumn = -1;
    private boolean sortDescending;
    private java.util.List<String> custom = CustomColumns.get();
    private int rows;     // frames known to the table when view == null (a live capture grows)
    private long firstTimestamp;
    /** Summaries of inputs without a worker (pasted dumps, live captures): the dissection they were made of. */
    private final java.util.Map<Integer, Object[]> small = new java.util.HashMap<>();

    void setDissections(Dissections c) {
        setDissections(c, false);
    }

    /**
     * Shows a new input; with {@code background}, the text columns of a capture file are dissected on a worker
     * (only the painted rows).
     */
    void setDissections(Dissections c, boolean background) {
        if (summaries != null) summaries.close();
        small.clear();
        this.cache = c;
        FrameSource s = c == null ? null : c.source();
        index = s instanceof CaptureIndex ci ? ci : null;
        summaries = index != null && background ? new RowSummaries(c, this::summariesReady) : null;
        view = null;
        clearOrder();
        rows = c == null ? 0 : c.size();
        firstTimestamp = 0;
        if (rows > 0) firstTimestamp = index != null ? index.timestampNanos(0) : s.frame(0).timestampNanos();
        fireTableDataChanged();
    }

    Dissections dissections() { return cache; }

    /**
     * The in-order pass has reached {@code done} frames: rows it passed that were shown dissected alone are
     * summarized again (view kept).
     */
    void reached(int done) {
        if (getRowCount() == 0) return;
        if (summaries == null) {
            fireTableRowsUpdated(0, getRowCount() - 1);
            return;
        }
        int[] stale = summaries.reached(done);
        if (stale.length > 0) summariesReady(stale);
    }

    /** Frames of the input (not just the displayed ones). */
    public int frameCount() { return cache == null ? 0 : rows; }

    /** Shows only these frame indices (ascending), or every frame for null. */
    public void setView(int[] frameIndices) {
        view = frameIndices;
        clearOrder();
        fireTableDataChanged();
    }

    private void clearOrder() {
        order = null;
        rowOfOrdered = null;
        sortColumn = -1;
    }

    /** The frame indices of the rows as they are now (filtered, not sorted), in ascending order. */
    int[] unsortedFrames() {
        if (view != null) return view.clone();
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) all[i] = i;
        return all;
    }

    /** Shows the rows in this order (frame indices; the same ones as now) as sorted by {@code column}. */
    void setOrder(int[] frames, int column, boolean descending) {
        order = frames;
        rowOfOrdered = new int[rows];
        java.util.Arrays.fill(rowOfOrdered, -1);
        for (int r = 0; r < frames.length; r++) rowOfOrdered[frames[r]] = r;
        sortColumn = column;
        sortDescending = descending;
        fireTableDataChanged();
    }

    int sortColumn() { return sortColumn; }

    boolean sortDescending() { return sortDescending; }

    public int[] view() { return view; }

    public boolean isFiltered() { return view != null; }

    /** Picks up frames appended to a growing source (live capture); returns how many rows were added. */
    public int sourceGrew() {
        if (cache == null) return 0;
        int n = cache.size();
        if (n <= rows) return 0;
        int old = rows;
        rows = n;
        if (order != null) {
            clearOrder(); // a live capture grows at the end: back to frame order
            fireTableDataChanged();
            return n - old;
        }
        if (old == 0 && n > 0) firstTimestamp = cache.source().frame(0).timestampNanos();
        if (view == null) fireTableRowsInserted(old, n - 1);
        return n - old;
    }

    /** Frame index (0-based) shown in a table row. */
    public int frameIndex(int row) { return order != null ? order[row] : view == null ? row : view[row]; }

    /** Table row showing a frame index, or -1 when the filter hides it. */
    public int rowOf(int frameIndex) {
        if (order != null) return frameIndex >= 0 && frameIndex < rowOfOrdered.length ? rowOfOrdered[frameIndex] : -1;
        if (view == null) return frameIndex >= 0 && frameIndex < rows ? frameIndex : -1;
        int r = Arrays.binarySearch(view, frameIndex);
        return r >= 0 ? r : -1;
    }

    /** The dissection shown in a row (from the cache, on the EDT). */
    public Dissection dissection(int row) {
        int i = frameIndex(row);
        Dissection d = cache.get(i);
        if (summaries != null) summaries.put(i, d);
        return d;
    }

    @Override
    public int getRowCount() { return cache == null ? 0 : view == null ? rows : view.length; }

    @Override
    public int getColumnCount() { return NAMES.length + custom.size(); }

    @Override
    public String getColumnName(int c) {
        String name = c < NAMES.length ? NAMES[c] : custom.get(c - NAMES.length);
        return c == sortColumn ? name + (sortDescending ? " \u25BC" : " \u25B2") : name;
    }

    /** The field abbreviation of a custom column, or null for the fixed ones. */
    String customColumn(int c) { return c >= NAMES.length && c < getColumnCount() ? custom.get(c - NAMES.length) : null; }

    /** The custom columns changed (added or removed): the rows are summarized again with them. */
    void columnsChanged() {
        custom = CustomColumns.get();
        clearOrder();
        small.clear();
        if (summaries != null) {
            summaries.close();
            summaries = new RowSummaries(cache, this::summariesReady);
        }
        fireTableStructureChanged();
    }

    @Override
    public Class<?> getColumnClass(int c) {
        return c == NO || c == LEN ? Integer.class : c == FINDINGS ? RowSummaries.Summary.class : String.class;
    }

    @Override
    public Object getValueAt(int row, int col) {
        int i = frameIndex(row);
        switch (col) {
            case NO:
                return i + 1;
            case TIME:
                return time(index != null ? index.timestampNanos(i) : cache.source().frame(i).timestampNanos());
            case LEN:
                return index != null ? index.originalLength(i) : cache.source().frame(i).originalLength();
            default:
                break;
        }
        RowSummaries.Summary s = summaries != null ? summaries.get(i) : smallSummary(i);
        if (s == null) return col == FINDINGS ? null : PENDING;
        return switch (col) {
            case SRC -> s.src();
            case DST -> s.dst();
            case PROTO -> s.protocol();
            case INFO -> s.info();
            case FINDINGS -> s;
            default -> col - NAMES.length < s.custom().length ? s.custom()[col - NAMES.length] : PENDING;
        };
    }

    private RowSummaries.Summary smallSummary(int i) {
        Dissection d = cache.get(i);
        Object[] kept = small.get(i);
        if (kept != null && kept[0] == d) return (RowSummaries.Summary) kept[1];
        RowSummaries.Summary s = RowSummaries.Summary.of(d);
        if (small.size() > 8192) small.clear();
        small.put(i, new Object[] {d, s});
        return s;
    }

    /** The colouring rule's RGB of a row, or -1 (none, or not summarized yet; nothing is dissected here). */
    int colourAt(int row) {
        if (cache == null || row < 0 || row >= getRowCount()) return -1;
        int i = frameIndex(row);
        RowSummaries.Summary s = summaries != null ? summaries.peek(i) : smallSummary(i);
        return s == null ? -1 : s.colour();
    }

    /** The colouring rules changed: every row is summarized again. */
    void coloursChanged() {
        small.clear();
        if (summaries != null) {
            summaries.close();
            summaries = new RowSummaries(cache, this::summariesReady);
        }
        if (getRowCount() > 0) fireTableRowsUpdated(0, getRowCount() - 1);
    }

    private void summariesReady(int[] frameIndices) {
        int lo = Integer.MAX_VALUE, hi = -1;
        for (int i : frameIndices) {
            int r = rowOf(i);
            if (r < 0) continue;
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        if (hi >= 0) fireTableRowsUpdated(lo, hi);
    }

    private static final char DECIMAL_SEPARATOR = java.text.DecimalFormatSymbols
            .getInstance(java.util.Locale.getDefault(java.util.Locale.Category.FORMAT)).getDecimalSeparator();

    private String time(long nanos) {
        if (nanos == 0) return "";
        return seconds(nanos - firstTimestamp, DECIMAL_SEPARATOR);
    }

    /**
     * Nanoseconds as seconds with six decimals, rounded half up like {@code String.format("%.6f")} but without a
     * Formatter per painted cell.
     */
    static String seconds(long nanos, char separator) {
        boolean negative = nanos < 0;
        long micros = ((negative ? -nanos : nanos) + 500) / 1000;
        StringBuilder b = new StringBuilder(20);
        if (negative) b.append('-');
        b.append(micros / 1_000_000).append(separator);
        String frac = Long.toString(micros % 1_000_000);
        for (int i = frac.length(); i < 6; i++) b.append('0');
        return b.append(frac).toString();
    }
}
