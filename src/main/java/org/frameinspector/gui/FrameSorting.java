package org.frameinspector.gui;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Arrays;
import java.util.Comparator;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableColumn;
import org.frameinspector.core.input.capture.CaptureIndex;

/**
 * Sorting the frame list by a column (a click on the header; again for descending; a third time back to frame
 * order), and the header's right-click menu (sort, remove a custom column). No., Time and Length sort from the
 * capture's index; the dissected columns sort on a worker that asks every shown frame's summary through the input's
 * {@link Dissections} (after the in-order pass), with the status bar's progress and Cancel.
 */
final class FrameSorting {
    private final FrameListPart list;
    private final StatusBarPart status;
    private final Runnable columnsChanged;

    FrameSorting(FrameListPart list, StatusBarPart status, Runnable columnsChanged) {
        this.list = list;
        this.status = status;
        this.columnsChanged = columnsChanged;
        JTableHeader h = list.table.getTableHeader();
        h.setName("frameTableHeader");
        h.setToolTipText("Click to sort; again for descending; a third time for frame order. Right-click for more");
        h.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getButton() != MouseEvent.BUTTON1 || e.isPopupTrigger()) return;
                int c = column(e);
                if (c >= 0) clicked(c);
            }

            @Override
            public void mousePressed(MouseEvent e) { popup(e); }

            @Override
            public void mouseReleased(MouseEvent e) { popup(e); }
        });
    }

    private int column(MouseEvent e) {
        int v = list.table.columnAtPoint(e.getPoint());
        return v < 0 ? -1 : list.table.convertColumnIndexToModel(v);
    }

    private void popup(MouseEvent e) {
        if (!e.isPopupTrigger()) return;
        int c = column(e);
        if (c < 0) return;
        JPopupMenu m = new JPopupMenu();
        m.setName("headerMenu");
        JMenuItem up = new JMenuItem("Sort Ascending");
        up.addActionListener(a -> sort(c, false));
        JMenuItem down = new JMenuItem("Sort Descending");
        down.addActionListener(a -> sort(c, true));
        JMenuItem none = new JMenuItem("No Sorting (frame order)");
        none.addActionListener(a -> sort(-1, false));
        m.add(up);
        m.add(down);
        m.add(none);
        String abbrev = list.model.customColumn(c);
        if (abbrev != null) {
            m.addSeparator();
            JMenuItem rm = new JMenuItem("Remove Column " + abbrev);
            rm.setName("removeColumnItem");
            rm.addActionListener(a -> {
                CustomColumns.remove(abbrev);
                columnsChanged.run();
            });
            m.add(rm);
        }
        m.show(e.getComponent(), e.getX(), e.getY());
    }

    /** A click on a header: ascending, then descending, then frame order. */
    void clicked(int column) {
        FrameTableModel m = list.model;
        if (m.sortColumn() != column) sort(column, false);
        else if (!m.sortDescending()) sort(column, true);
        else sort(-1, false);
    }

    /** Sorts the rows by a column ({@code column} -1: frame order), keeping the selected frame selected. */
    void sort(int column, boolean descending) {
        FrameTableModel m = list.model;
        Dissections src = m.dissections();
        if (src == null) return;
        int keep = list.selectedFrameIndex();
        int[] frames = m.unsortedFrames();
        if (column < 0 || column == FrameTableModel.NO && !descending) {
            int[] view = m.isFiltered() ? m.view() : null;
            m.setView(view); // frame order, the filter kept
            shown(keep);
            return;
        }
        status.cancelBusy();
        StatusBarPart.Job<int[]> w = new StatusBarPart.Job<>(status) {
            @Override
            protected int[] doInBackground() {
                Comparator<Integer> by = comparator(src, column, frames, this);
                if (by == null) return null;
                Integer[] boxed = Arrays.stream(frames).boxed().toArray(Integer[]::new);
                Arrays.sort(boxed, descending ? by.reversed() : by);
                return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
            }

            @Override
            void succeeded(int[] order) {
                if (order == null || m.dissections() != src) return;
                m.setOrder(order, column, descending);
                shown(keep);
            }

            @Override
            void failed(Throwable cause) {
                status.setFrames("Sorting failed: " + cause.getMessage());
            }
        };
        status.busy(w, "Sorting");
    }

    private void shown(int keep) {
        for (int v = 0; v < list.table.getColumnCount(); v++) {
            TableColumn tc = list.table.getColumnModel().getColumn(v);
            tc.setHeaderValue(list.model.getColumnName(tc.getModelIndex()));
        }
        list.table.getTableHeader().repaint();
        int row = keep < 0 ? -1 : list.model.rowOf(keep);
        if (row >= 0) list.selectFrame(row);
    }

    /** Compares frame indices by a column's value; null when cancelled. */
    private static Comparator<Integer> comparator(Dissections src, int column, int[] frames,
                                                  StatusBarPart.Job<int[]> job) {
        CaptureIndex idx = src.source() instanceof CaptureIndex ci ? ci : null;
        switch (column) {
            case FrameTableModel.NO:
                return Comparator.naturalOrder();
            case FrameTableModel.TIME: {
                long[] t = new long[frames.length == 0 ? 0 : Arrays.stream(frames).max().getAsInt() + 1];
                for (int i : frames) t[i] = idx != null ? idx.timestampNanos(i) : src.source().frame(i).timestampNanos();
                return Comparator.<Integer>comparingLong(i -> t[i]).thenComparing(Comparator.naturalOrder());
            }
            case FrameTableModel.LEN: {
                int[] l = new int[frames.length == 0 ? 0 : Arrays.stream(frames).max().getAsInt() + 1];
                for (int i : frames) l[i] = idx != null ? idx.originalLength(i) : src.source().frame(i).originalLength();
                return Comparator.<Integer>comparingInt(i -> l[i]).thenComparing(Comparator.naturalOrder());
            }
            default:
                break;
        }
        // the dissected columns: the in-order pass first, then each frame's summary
        if (!src.index(k -> job.isCancelled())) return null;
        java.util.Map<Integer, Object> key = new java.util.HashMap<>(frames.length * 2);
        for (int k = 0; k < frames.length; k++) {
            if (job.isCancelled()) return null;
            if ((k & 1023) == 0) job.progress((int) (100L * k / Math.max(1, frames.length)));
            RowSummaries.Summary s = RowSummaries.Summary.of(src.dissect(frames[k]));
            key.put(frames[k], switch (column) {
                case FrameTableModel.SRC -> s.src();
                case FrameTableModel.DST -> s.dst();
                case FrameTableModel.PROTO -> s.protocol();
                case FrameTableModel.INFO -> s.info();
                case FrameTableModel.FINDINGS -> s.findingsRank();
                default -> column - FrameTableModel.FINDINGS - 1 < s.custom().length
                        ? s.custom()[column - FrameTableModel.FINDINGS - 1] : "";
            });
        }
        return Comparator.<Integer, Object>comparing(key::get, FrameSorting::compareValues)
                .thenComparing(Comparator.naturalOrder());
    }

    /** Numbers as numbers (also numbers written as text, as custom columns show them), text as text. */
    static int compareValues(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        String s = a == null ? "" : a.toString(), t = b == null ? "" : b.toString();
        Long x = number(s), y = number(t);
        if (x != null && y != null) return Long.compare(x, y);
        return s.compareToIgnoreCase(t);
    }

    private static Long number(String s) {
        try {
            return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
