package org.frameinspector.gui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Insets;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingWorker;
import net.miginfocom.swing.MigLayout;

/**
 * The status bar: the input's name, its format and dump layout, the frame counts, the selected field; and the
 * progress bar with Cancel of what runs in the background. Background work (filter, find, export) runs one job at a
 * time: starting one cancels the one before. Loading a file shows the same bar.
 */
final class StatusBarPart {
    final JLabel source = new JLabel("No input");
    final JLabel layout = new JLabel(" ");
    final JLabel frames = new JLabel(" ");
    final JLabel field = new JLabel(" ");
    /** The findings of the whole input per severity (filled by the in-order pass); a click opens Expert Info. */
    final JPanel counts = new JPanel(new MigLayout("insets 0, gap 8", "", "[center]"));
    private final JProgressBar progress = new JProgressBar();
    private final JButton cancel = new JButton("Cancel");
    private final JProgressBar pass = new JProgressBar(0, 1000);
    private final JButton passStop = new JButton(Icons.get("close"));
    private final JLabel passNote = new JLabel();
    private Runnable onStopPass = () -> { };
    private final JPanel panel;
    private SwingWorker<?, ?> busyWorker;
    private boolean loading;

    /** {@code onCancel} runs when the user clicks Cancel (it cancels loading; background work is cancelled here). */
    StatusBarPart(Runnable onCancel) {
        panel = new JPanel(new MigLayout("insets 2 8 2 8, gap 12, hidemode 3", "[][][][][grow][][][][][]",
                "[center]")) {
            // as tall as with the progress bar and Cancel shown, so showing them while a file loads does not
            // change the layout of the whole window (a full repaint while the loader is busy)
            @Override
            public Dimension getPreferredSize() {
                Dimension d = super.getPreferredSize();
                Insets in = getInsets();
                int h = Math.max(cancel.getPreferredSize().height, progress.getPreferredSize().height)
                        + in.top + in.bottom + 4;
                return new Dimension(d.width, Math.max(d.height, h));
            }

            @Override
            public Dimension getMinimumSize() {
                // never squeezed below its own height by a small window
                return new Dimension(0, getPreferredSize().height);
            }
        };
        panel.setName("statusBar");
        source.setName("statusSource");
        layout.setName("statusLayout");
        frames.setName("statusFrames");
        field.setName("statusField");
        // the name, the layout and the field may shrink (they have tooltips): at 1024 pixels, or at a UI scale of 2,
        // the bar shows what fits instead of pushing the frame count or Cancel off the window
        panel.add(source, "wmin 0, shrinkprio 200");
        panel.add(layout, "wmin 0, shrinkprio 150");
        panel.add(frames, "wmin pref");
        counts.setName("severityCounts");
        counts.setOpaque(false);
        counts.setVisible(false);
        panel.add(counts, "wmin pref");
        panel.add(field, "wmin 0, growx, shrinkprio 100");
        pass.setName("passProgress");
        pass.setStringPainted(true);
        pass.setVisible(false);
        pass.setToolTipText("<html>Dissecting every frame in order with connection state (TCP reassembly, TPKT framing,"
                + "<br>COTP state), as the command line does. Frames not reached yet are shown dissected alone.</html>");
        passStop.setName("stopPass");
        passStop.setToolTipText("Stop the in-order pass (the frames not reached stay dissected alone)");
        passStop.putClientProperty(com.formdev.flatlaf.FlatClientProperties.BUTTON_TYPE,
                com.formdev.flatlaf.FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        passStop.setVisible(false);
        passStop.addActionListener(e -> onStopPass.run());
        passNote.setName("passNote");
        passNote.setVisible(false);
        panel.add(passNote, "wmin 0, shrinkprio 120");
        panel.add(pass, "wmin 10sp");
        panel.add(passStop);
        progress.setName("loadProgress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        cancel.setName("cancelLoad");
        cancel.setVisible(false);
        cancel.addActionListener(e -> {
            onCancel.run();
            cancelBusy();
        });
        panel.add(progress, "wmin 10sp");
        panel.add(cancel);
        panel.setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, Theme.color("Component.borderColor", Color.GRAY)));
    }

    JComponent component() { return panel; }

    void onStopPass(Runnable r) { onStopPass = r; }

    /** The in-order pass has reached {@code done} of {@code total} frames. */
    void passProgress(int done, int total) {
        pass.setValue(total == 0 ? 1000 : (int) (1000L * done / total));
        pass.setString("In order: " + Texts.count(done) + " of " + Texts.count(total));
        if (!pass.isVisible()) {
            pass.setVisible(true);
            passStop.setVisible(true);
            passNote.setVisible(false);
        }
    }

    /** The in-order pass ended; {@code note} says what is left undone (null: nothing). */
    void passDone(String note) {
        pass.setVisible(false);
        passStop.setVisible(false);
        passNote.setText(note == null ? "" : note);
        passNote.setToolTipText(note == null ? null
                : "Later frames are dissected alone; the display filter, Find and Export finish the pass first");
        passNote.setVisible(note != null);
    }

    boolean passShown() { return pass.isVisible(); }

    void setFrames(String text) { frames.setText(text); }

    /** Shows or hides the indeterminate bar of a file being opened. */
    void loading(boolean on) {
        loading = on;
        if (on) progress.setIndeterminate(true);
        progress.setVisible(on || busyWorker != null);
        cancel.setVisible(on || busyWorker != null);
    }

    /** Percent of the file indexed so far. */
    void loadProgress(int pct) {
        progress.setIndeterminate(false);
        progress.setValue(pct);
    }

    /** Runs a background job with the progress bar (cancelling the one before). */
    void busy(SwingWorker<?, ?> w, String what) {
        cancelBusy();
        busyWorker = w;
        progress.setIndeterminate(false);
        progress.setValue(0);
        progress.setString(what);
        progress.setStringPainted(true);
        progress.setVisible(true);
        cancel.setVisible(true);
        w.addPropertyChangeListener(e -> {
            if ("progress".equals(e.getPropertyName()) && busyWorker == w) progress.setValue((Integer) e.getNewValue());
        });
        w.execute();
    }

    /** Whether {@code w} is the job the bar shows (a cancelled or replaced job must not report). */
    boolean isCurrent(SwingWorker<?, ?> w) { return busyWorker == w; }

    /** The job finished: hides the bar (unless a file is loading). */
    void busyDone() {
        busyWorker = null;
        progress.setStringPainted(false);
        progress.setVisible(loading);
        cancel.setVisible(loading);
    }

    void cancelBusy() {
        SwingWorker<?, ?> w = busyWorker;
        if (w != null) {
            busyDone();
            w.cancel(false);
        }
    }

    boolean isBusy() { return busyWorker != null; }

    /**
     * A background job of the status bar: its result is handled on the EDT only while it is the job shown (a job
     * that was cancelled or replaced says nothing).
     */
    abstract static class Job<T> extends SwingWorker<T, Void> {
        private final StatusBarPart bar;

        Job(StatusBarPart bar) {
            this.bar = bar;
        }

        /** On the EDT, with the job's result. */
        abstract void succeeded(T result);

        /** On the EDT, when the job threw. */
        abstract void failed(Throwable cause);

        @Override
        protected final void done() {
            if (!bar.isCurrent(this)) return;
            bar.busyDone();
            if (isCancelled()) return;
            try {
                succeeded(get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                failed(e.getCause() == null ? e : e.getCause());
            }
        }

        /** Percent done, shown in the bar (from the worker thread). */
        void progress(int percent) {
            setProgress(percent);
        }
    }
}
