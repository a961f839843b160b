package org.frameinspector.gui;

import com.formdev.flatlaf.util.UIScale;
import java.awt.Dimension;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.swing.JFileChooser;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.input.capture.CaptureFiles;
import org.frameinspector.core.input.capture.CaptureIndex;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.session.Session;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.stream.Conversation;

/**
 * The opened input and how it gets there: Open, recent files, samples, the clipboard and the Paste dialog, loading in
 * the background (Cancel in the status bar), its notes, and the input's {@link Dissections} (with the in-order pass
 * and the Connections tab it fills).
 */
final class SessionPart {
    static final int CACHE_SIZE = 512;

    final PasteDialog.Parser parser;
    final PasteDialog.Draft pasteDraft = new PasteDialog.Draft();
    final ConnectionsModel connectionsModel = new ConnectionsModel();
    final JTable connectionsTable = new JTable(connectionsModel);
    final JScrollPane connectionsPane = new JScrollPane(connectionsTable);
    private final MainWindow window;
    private final Function<Loaded, Dissections> dissectionsOf;
    private Loaded loaded;
    private Dissections dissections;
    private Path inputFile;
    private SwingWorker<Loaded, Void> loadWorker;
    private Runnable loadCancel;
    private Pass pass;

    /**
     * {@code dissectionsOf} makes an input's {@link Dissections} (the app: a {@link DissectionCache} over the input's
     * {@link Session}; tests may stand in their own).
     */
    SessionPart(MainWindow window, Function<Loaded, Dissections> dissectionsOf, PasteDialog.Parser parser) {
        this.window = window;
        this.dissectionsOf = dissectionsOf;
        this.parser = parser;
        connectionsTable.setName("connectionsTable");
        connectionsTable.setAutoCreateRowSorter(true);
        connectionsTable.setFillsViewportHeight(true);
        // wide text columns: scroll sideways rather than cut every cell to a few characters
        connectionsTable.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        // a small preferred viewport, like the findings table's: the tab must not make a packed window taller
        connectionsTable.setPreferredScrollableViewportSize(new Dimension(UIScale.scale(300), UIScale.scale(60)));
        int[] widths = {30, 170, 170, 90, 260, 70, 50, 170, 200, 420};
        for (int c = 0; c < widths.length; c++) {
            connectionsTable.getColumnModel().getColumn(c).setPreferredWidth(UIScale.scale(widths[c]));
        }
        // a double-click filters the frame list to the connection (its first frame's conversation filter)
        connectionsTable.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                int r = connectionsTable.rowAtPoint(e.getPoint());
                if (e.getClickCount() != 2 || r < 0 || dissections == null) return;
                int first = connectionsModel.at(connectionsTable.convertRowIndexToModel(r)).firstFrame();
                if (first >= 1) window.useFilter(FilterExpressions.conversation(dissections.get(first - 1)), true);
            }
        });
        connectionsTable.setToolTipText("Click: its first frame; double-click: filter the list to the connection");
        connectionsTable.getSelectionModel().addListSelectionListener(e -> {
            if (e.getValueIsAdjusting()) return;
            int r = connectionsTable.getSelectedRow();
            if (r < 0) return;
            int first = connectionsModel.at(connectionsTable.convertRowIndexToModel(r)).firstFrame();
            FrameTableModel m = window.frameList.model;
            if (first >= 1 && m.getRowCount() == (loaded == null ? 0 : loaded.frames().size())) {
                window.frameList.selectFrame(first - 1);
            }
        });
    }

    Loaded loaded() { return loaded; }

    Path inputFile() { return inputFile; }

    Dissections dissections() { return dissections; }

    /** The app's {@link Dissections} of an input: the input's {@link Session}, with the most recent frames kept. */
    static Dissections sessionOf(Loaded l) {
        return new DissectionCache(Session.of(l, null), CACHE_SIZE);
    }

    boolean isLoading() { return loadWorker != null; }

    // ------------------------------------------------------------------ opening

    /** Opens a capture or dump file in the background. */
    void openFile(Path p) {
        AtomicBoolean cancelled = new AtomicBoolean();
        String name = p.getFileName().toString();
        load(() -> {
            byte[] head = new byte[4];
            int n = 0;
            if (Files.isRegularFile(p)) {
                try (InputStream in = Files.newInputStream(p)) {
                    n = in.readNBytes(head, 0, 4);
                }
            }
            if (n < 4 || !CaptureFiles.isCapture(head)) return Inputs.open(p, null);
            long size = Files.size(p);
            long[] last = {-1};
            CaptureIndex idx = CaptureIndex.open(p, done -> {
                int pct = size == 0 ? 100 : (int) (done * 100 / size);
                if (pct != last[0]) {
                    last[0] = pct;
                    SwingUtilities.invokeLater(() -> window.statusBar.loadProgress(pct));
                }
            }, cancelled::get);
            return new Loaded(name, CaptureFiles.formatName(head), null, null, idx);
        }, name, p);
        loadCancel = () -> cancelled.set(true);
    }

    /** Opens dump text (clipboard, drop) in the background; a parse error opens the Paste dialog on the text. */
    void openText(String name, String text) {
        load(() -> {
            try {
                return parser.parse(name, text, null);
            } catch (InputException e) {
                throw new PasteFailed(text, e);
            }
        }, name, null);
    }

    void openSample(Samples.Sample s) {
        load(() -> s.file().matches("(?i).*\\.(pcap|pcapng|cap)") ? Inputs.read(s.file(),
                new java.io.ByteArrayInputStream(Samples.bytes(s)), null) : parser.parse(s.file(), Samples.read(s), null),
                s.file(), null);
    }

    void chooseFile() {
        JFileChooser fc = new JFileChooser();
        List<String> recent = AppPrefs.recentFiles();
        if (!recent.isEmpty()) fc.setCurrentDirectory(Path.of(recent.get(0)).toAbsolutePath().getParent().toFile());
        fc.addChoosableFileFilter(new FileNameExtensionFilter("Captures and dumps (pcap, pcapng, txt)", "pcap",
                "pcapng", "cap", "txt", "log", "hex"));
        fc.setAcceptAllFileFilterUsed(true);
        if (fc.showOpenDialog(window) == JFileChooser.APPROVE_OPTION) openFile(fc.getSelectedFile().toPath());
    }

    void pasteFromClipboard() {
        try {
            var cb = Toolkit.getDefaultToolkit().getSystemClipboard();
            if (cb.isDataFlavorAvailable(DataFlavor.stringFlavor)) {
                openText("clipboard", (String) cb.getData(DataFlavor.stringFlavor));
            } else {
                showPasteDialog();
            }
        } catch (Exception e) {
            window.showError("Cannot read the clipboard", e.getMessage());
        }
    }

    /** Shows the Paste dialog (modal); opens what it returns. */
    void showPasteDialog() {
        if (!window.notes.confirm()) return;
        PasteDialog d = new PasteDialog(window, pasteDraft, parser);
        d.setVisible(true);
        if (d.result() != null) setLoaded(d.result(), null, null, null);
    }

    private void load(Callable<Loaded> job, String what, Path file) {
        if (!window.notes.confirm()) return;
        cancelLoading();
        window.statusBar.cancelBusy();
        loadCancel = null;
        window.statusBar.loading(true);
        window.statusBar.setFrames("Opening " + what + "…");
        SwingWorker<Loaded, Void> w = new SwingWorker<>() {
            NotesPart.Read notes;
            Dissections dissections;

            @Override
            protected Loaded doInBackground() throws Exception {
                long t0 = System.nanoTime();
                try {
                    Loaded l = job.call();
                    // the input's dissections are made here, and the frame shown first is dissected here, not on
                    // the EDT
                    dissections = dissectionsOf(l, true);
                    if (file != null) notes = NotesPart.read(file, l);
                    return l;
                } finally {
                    GuiTrace.since("load " + what, t0);
                }
            }

            @Override
            protected void done() {
                if (loadWorker != this) return;
                loadWorker = null;
                window.statusBar.loading(false);
                try {
                    setLoaded(get(), file, notes, dissections);
                } catch (CancellationException e) {
                    window.statusBar.setFrames("Cancelled");
                } catch (ExecutionException e) {
                    window.statusBar.setFrames(" ");
                    Throwable c = e.getCause();
                    if (c instanceof PasteFailed pf) {
                        pasteDraft.text = pf.text;
                        showPasteDialog();
                    } else {
                        window.showError("Cannot open " + what,
                                c instanceof InputException ? c.getMessage() : String.valueOf(c));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        loadWorker = w;
        w.execute();
    }

    /** Cancels a load in progress (the status bar's Cancel). */
    void cancelLoading() {
        SwingWorker<Loaded, Void> w = loadWorker;
        loadWorker = null;
        if (loadCancel != null) loadCancel.run();
        if (w != null) {
            w.cancel(true);
            window.statusBar.loading(false);
            window.statusBar.setFrames("Cancelled");
        }
    }

    /**
     * The one place an input's {@link Dissections} are made; with {@code first} (off the EDT) its first frame is
     * dissected and cached at once.
     */
    private Dissections dissectionsOf(Loaded l, boolean first) {
        Dissections d = dissectionsOf.apply(l);
        if (first && l.frames().size() > 0) {
            try {
                d.put(0, d.dissect(0));
            } catch (RuntimeException | LinkageError e) {
                // dissected again (and the failure shown) when the frame is selected
            }
        }
        return d;
    }

    // ------------------------------------------------------------------ showing an input

    /**
     * Shows a new input in two EDT events: this one puts the rows in the list (they paint next); the first frame
     * is selected and shown in the event after that, with the dissections the loader made (frame 1 already
     * dissected) when there are some, so neither event carries the whole first-show cost. {@code notes} null: read
     * them here when there is a file.
     */
    void setLoaded(Loaded l, Path file, NotesPart.Read notes, Dissections made) {
        inputFile = file;
        window.notes.set(notes != null || file == null ? notes : NotesPart.read(file, l), file);
        window.capture.inputChanged(l);
        window.statusBar.cancelBusy();
        if (loaded != null && loaded != l) close(loaded);
        loaded = l;
        long t0 = System.nanoTime();
        Dissections dissections = made != null ? made : dissectionsOf(l, false);
        this.dissections = dissections;
        FrameTableModel model = window.frameList.model;
        model.setDissections(dissections, true);
        GuiTrace.since("setDissections", t0);
        connectionsModel.setRows(null);
        connectionsTitle("Connections");
        window.actions.follow.closeAll();
        window.actions.statistics.closeAll();
        window.expert.inputChanged(dissections);
        int n = l.frames().size();
        startInOrderPass();
        window.sizeColumns();
        GuiTrace.since("sizeColumns", t0);
        window.updateTitle();
        StatusBarPart status = window.statusBar;
        status.source.setText(l.name());
        status.source.setToolTipText(file == null ? l.name() : file.toAbsolutePath().toString());
        StringBuilder lay = new StringBuilder(formatName(l, file));
        if (l.layout() != null) lay.append(": ").append(l.layout());
        if (l.startLayer() != null) lay.append(" · starts at ").append(l.startLayer());
        status.layout.setText(lay.toString());
        status.layout.setToolTipText(lay.toString());
        status.setFrames(Texts.count(n, "frame"));
        if (file != null) {
            // the Open Recent submenu follows when the File menu is next opened
            SwingUtilities.invokeLater(() -> {
                AppPrefs.addRecentFile(file.toAbsolutePath().toString());
                window.actions.recentChanged();
            });
        }
        GuiTrace.since("status", t0);
        if (n > 0) {
            // a little later, not in the next event: the rows are painted first and the event thread is free for
            // the user's input in between, instead of running the rows' paint, frame 1 and its paint back to back
            MainWindow.later(25, () -> {
                // not if another input came meanwhile or a row is already selected (a filter, a click)
                if (loaded != l || model.dissections() != dissections
                        || window.frameList.table.getSelectedRow() >= 0) {
                    return;
                }
                long t1 = System.nanoTime();
                window.frameList.selectFrame(0);
                GuiTrace.since("selectFrame (next event)", t1);
            });
        } else {
            window.fieldTree.show(null);
        }
        window.filter.inputChanged(n);
        window.fitFrameList(n);
    }

    /**
     * The format for the status bar: read from the file's magic number, so a pcap named .pcapng says "pcap"; when the
     * name claims the other format it says so ("pcap, named .pcapng").
     */
    static String formatName(Loaded l, Path file) {
        String f = l.format();
        if (file == null || !("pcap".equals(f) || "pcapng".equals(f))) return f;
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String ext = name.endsWith(".pcapng") ? "pcapng" : name.endsWith(".pcap") ? "pcap" : null;
        return ext == null || ext.equals(f) ? f : f + ", named ." + ext;
    }

    private void connectionsTitle(String title) {
        int tab = window.lowerTabs.indexOfComponent(connectionsPane);
        if (tab >= 0) window.lowerTabs.setTitleAt(tab, title);
    }

    /**
     * Closes an input that is no longer shown: at once, or when its in-order pass has stopped (it is told to stop).
     */
    private void close(Loaded old) {
        Pass p = pass;
        if (p != null && p.input == old) {
            p.stop.set(true);
            p.closeAfter = true;
            pass = null;
            window.statusBar.passDone(null);
            return;
        }
        closeQuietly(old);
    }

    private static void closeQuietly(Loaded l) {
        try {
            l.frames().close();
        } catch (Exception ignored) {
            // closing a finished input cannot fail in a way the user can act on
        }
    }

    /** The in-order pass of one input in the background: its input, and whether to stop and close it after. */
    private static final class Pass {
        final Loaded input;
        final Dissections dissections;
        final AtomicBoolean stop = new AtomicBoolean();
        volatile boolean closeAfter;
        boolean again;

        Pass(Loaded input, Dissections dissections) {
            this.input = input;
            this.dissections = dissections;
        }
    }

    /** Stops the in-order pass (the status bar's stop button); the frames it has not reached stay dissected alone. */
    void stopPass() {
        Pass p = pass;
        if (p != null) p.stop.set(true);
    }

    /** Frames were appended (a live capture): the in-order pass goes on over them. */
    void framesAppended() {
        if (pass != null && pass.input == loaded) pass.again = true;
        else startInOrderPass();
    }

    /** Whether the in-order pass of the shown input is running (for tests). */
    boolean passRunning() { return pass != null; }

    /**
     * Runs the in-order pass over the whole input in the background (every frame, with TCP reassembly, TPKT framing
     * and COTP state, as the command line dissects it), with its progress and a stop button in the status bar. As it
     * goes, the rows and the frame shown that it has reached are shown again with their connection state; when it is
     * done, the Connections tab and the Expert Info view are filled.
     */
    private void startInOrderPass() {
        Loaded l = loaded;
        Dissections d = dissections;
        if (l == null || d == null || d.indexed() >= d.size()) {
            if (l != null && d != null) passFinished(l, d, null, true);
            return;
        }
        Pass p = new Pass(l, d);
        pass = p;
        boolean live = l.frames() instanceof GrowingFrameSource;
        if (!live) window.statusBar.passProgress(d.indexed(), d.size());
        new SwingWorker<List<Conversation>, Integer>() {
            private long lastPublished;
            private boolean complete;

            @Override
            protected List<Conversation> doInBackground() {
                try {
                    complete = d.index(done -> {
                        long now = System.nanoTime();
                        if (now - lastPublished > 150_000_000L) {
                            lastPublished = now;
                            publish(done);
                        }
                        return p.stop.get();
                    });
                    return p.stop.get() ? null : d.conversations();
                } finally {
                    if (p.closeAfter) closeQuietly(l);
                }
            }

            @Override
            protected void process(List<Integer> chunks) {
                if (pass != p) return;
                int done = chunks.get(chunks.size() - 1);
                if (!live) window.statusBar.passProgress(done, d.size());
                reached(d, done);
                window.expert.progress(d);
            }

            @Override
            protected void done() {
                if (pass != p) return;
                pass = null;
                List<Conversation> rows = null;
                try {
                    rows = get();
                } catch (Exception e) {
                    complete = false; // the frames not reached stay dissected alone
                }
                passFinished(l, d, rows, complete);
                if (complete && p.again) startInOrderPass();
            }
        }.execute();
    }

    /** The pass has reached {@code done} frames: rows and the frame shown that it passed are shown again. */
    private void reached(Dissections d, int done) {
        FrameTableModel model = window.frameList.model;
        if (model.dissections() != d) return;
        model.reached(done);
        int row = window.frameList.shownRow();
        if (row < 0) return;
        int index = model.frameIndex(row);
        Dissection shown = window.fieldTree.current();
        if (index < done && shown != null) {
            Dissection now = d.get(index);
            if (now != shown) window.fieldTree.show(now);
        }
    }

    private void passFinished(Loaded l, Dissections d, List<Conversation> connections, boolean complete) {
        if (loaded != l) return;
        boolean live = l.frames() instanceof GrowingFrameSource;
        window.statusBar.passDone(complete || live ? null
                : "In order up to frame " + Texts.count(d.indexed()) + " (stopped)");
        if (connections != null) {
            connectionsModel.setRows(connections);
            // as wide as the content: "24 (121–1…" must not happen
            StatisticsConversations.sizeToContentInSteps(connectionsTable, Integer.MAX_VALUE);
            connectionsTitle("Connections (" + Texts.count(connections.size()) + ")");
        }
        reached(d, d.indexed());
        window.expert.passed(d, complete);
    }

    /** A clipboard text that is not a dump: carried back to the EDT to open the Paste dialog on it. */
    private static final class PasteFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient String text;

        PasteFailed(String text, InputException cause) {
            super(cause.getMessage(), cause);
            this.text = text;
        }
    }
}
