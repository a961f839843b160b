package org.frameinspector.gui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Severity;

/**
 * The text columns of the frame list (source, destination, protocol, info, findings) for rows somebody looks at,
 * dissected on a background thread and kept in a small LRU. Nothing is kept per frame: a capture of a million frames
 * costs nothing here until its rows are painted. {@link #get} and the callback run on the EDT.
 */
final class RowSummaries {
    /** What the frame list shows of one dissection; {@code colour}: the first colouring rule's RGB, or -1. */
    record Summary(String src, String dst, String protocol, String info, Severity worst, int findings,
                   int worstCount, int colour, String[] custom) {
        Summary(String src, String dst, String protocol, String info, Severity worst, int findings, int worstCount,
                int colour) {
            this(src, dst, protocol, info, worst, findings, worstCount, colour, new String[0]);
        }

        static Summary of(Dissection d) {
            Severity w = d.worst();
            int n = 0;
            for (var f : d.findings()) if (f.severity() == w) n++;
            return new Summary(d.src(), d.dst(), d.protocol(), d.info(), w, d.findings().size(), n,
                    Colouring.colourOf(d), CustomColumns.values(d, CustomColumns.get()));
        }

        /** Sort key of the Findings column: the worst severity first, then the count. */
        long findingsRank() {
            return worst == null ? 0 : (3L - worst.ordinal()) * 1_000_000L + findings;
        }
    }

    private static final int CAPACITY = 8192;
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "frame-list-dissector");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    private final Dissections dissections;
    private final Consumer<int[]> updated;
    private final Map<Integer, Summary> lru = new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Summary> e) {
            return size() > CAPACITY;
        }
    };
    private final Set<Integer> pending = new HashSet<>();
    /** Frames summarized before the in-order pass reached them (dissected alone). */
    private final Set<Integer> alone = new HashSet<>();
    private List<Integer> batch;
    private volatile boolean closed;

    /** Rows are dissected through {@code dissections} (on the worker). */
    RowSummaries(Dissections dissections, Consumer<int[]> updated) {
        this.dissections = dissections;
        this.updated = updated;
    }

    /** The summary of frame index i, or null while it is being computed (the callback names it when ready). */
    Summary get(int i) {
        Summary s = lru.get(i);
        if (s != null || closed) return s;
        if (pending.add(i)) {
            if (batch == null) {
                batch = new ArrayList<>();
                SwingUtilities.invokeLater(this::submit);
            }
            batch.add(i);
        }
        return null;
    }

    /** The summary of frame index i if it is kept (nothing is dissected). */
    Summary peek(int i) {
        return lru.get(i);
    }

    /** Stores a summary computed elsewhere (e.g. the dissection of the selected frame). */
    void put(int i, Dissection d) {
        lru.put(i, Summary.of(d));
        if (i >= dissections.indexed()) alone.add(i);
        else alone.remove(i);
    }

    /** The in-order pass reached {@code done} frames: the frames summarized alone below it are dropped, and named. */
    int[] reached(int done) {
        if (alone.isEmpty()) return new int[0];
        List<Integer> stale = new ArrayList<>();
        for (var it = alone.iterator(); it.hasNext(); ) {
            int i = it.next();
            if (i < done) {
                it.remove();
                lru.remove(i);
                stale.add(i);
            }
        }
        int[] out = new int[stale.size()];
        for (int k = 0; k < out.length; k++) out[k] = stale.get(k);
        return out;
    }

    void close() {
        closed = true;
    }

    private void submit() {
        List<Integer> todo = batch;
        batch = null;
        if (todo == null || closed) return;
        WORKER.execute(() -> {
            if (closed) return;
            int[] idx = new int[todo.size()];
            Summary[] out = new Summary[idx.length];
            boolean[] inOrder = new boolean[idx.length];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = todo.get(k);
                inOrder[k] = idx[k] < dissections.indexed();
                out[k] = summarize(idx[k]);
            }
            SwingUtilities.invokeLater(() -> {
                if (closed) return;
                for (int k = 0; k < idx.length; k++) {
                    pending.remove(idx[k]);
                    lru.put(idx[k], out[k]);
                    if (!inOrder[k]) alone.add(idx[k]);
                }
                updated.accept(idx);
            });
        });
    }

    private Summary summarize(int i) {
        try {
            return Summary.of(dissections.dissect(i));
        } catch (RuntimeException | LinkageError e) {
            return new Summary("", "", "ERROR", "cannot dissect: " + e, null, 0, 0, -1);
        }
    }
}
