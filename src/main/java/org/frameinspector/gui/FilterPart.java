package org.frameinspector.gui;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.filter.FilterSyntaxException;

/**
 * The display filter: the bar above the frame list, and applying a filter, which dissects every frame on a worker
 * (through the input's {@link Dissections}, after the in-order pass has reached every frame, so the count is the
 * command line's) and keeps the matching ones as the rows of the frame list.
 */
final class FilterPart {
    final FilterBar bar = new FilterBar(this::apply);
    private FrameListPart list;
    private StatusBarPart status;
    private java.util.function.IntConsumer restore;

    /** Wires the part to the frame list and the status bar; {@code restore} selects a frame index again (or none). */
    void wire(FrameListPart list, StatusBarPart status, java.util.function.IntConsumer restore) {
        this.list = list;
        this.status = status;
        this.restore = restore;
    }

    /**
     * Applies a display filter: an empty one shows every frame; otherwise every frame is dissected on a worker and
     * the matching indices become the rows of the frame list.
     */
    void apply(String text) {
        FrameTableModel model = list.model;
        if (model.dissections() == null) return;
        DisplayFilter f;
        try {
            f = DisplayFilter.compile(text);
        } catch (FilterSyntaxException e) {
            bar.setShown(null);
            status.setFrames("Filter: " + e.getMessage());
            return;
        }
        int keep = list.selectedFrameIndex();
        status.cancelBusy();
        if (f.isEmpty()) {
            model.setView(null);
            bar.setShown(null);
            restore.accept(keep);
            return;
        }
        Dissections src = model.dissections();
        int n = model.frameCount();
        bar.setShown("Filtering " + Texts.count(n, "frame") + "…");
        StatusBarPart.Job<int[]> w = new StatusBarPart.Job<>(status) {
            @Override
            protected int[] doInBackground() {
                // the same dissections as the command line: the in-order pass first reaches every frame
                if (!src.index(k -> isCancelled())) return null;
                // every core dissects a share of the frames; toArray keeps them in order
                AtomicInteger done = new AtomicInteger();
                try {
                    return IntStream.range(0, n).parallel().filter(i -> {
                        if (isCancelled()) throw new CancellationException();
                        int k = done.incrementAndGet();
                        if ((k & 4095) == 0) progress((int) (100L * k / n));
                        try {
                            return f.matches(src.dissect(i));
                        } catch (RuntimeException | LinkageError e) {
                            return false;
                        }
                    }).toArray();
                } catch (CancellationException e) {
                    return null;
                }
            }

            @Override
            void succeeded(int[] hits) {
                if (hits == null) return; // cancelled
                model.setView(hits);
                bar.setShown("Displayed: " + Texts.count(hits.length) + " of " + Texts.count(n));
                restore.accept(keep);
            }

            @Override
            void failed(Throwable cause) {
                bar.setShown("Filter failed: " + cause.getMessage());
            }
        };
        status.busy(w, "Filtering");
    }

    /** A new input: no count yet; a valid filter in the bar is applied to it. */
    void inputChanged(int frames) {
        bar.setShown(null);
        String t = bar.field().getText();
        if (!t.isBlank() && bar.state() == FilterBar.State.VALID && frames > 0) apply(t.strip());
    }
}
