package org.frameinspector.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.swing.JFileChooser;
import javax.swing.SwingWorker;
import org.frameinspector.core.export.ExportWriter;
import org.frameinspector.core.export.Exporter;
import org.frameinspector.core.export.JsonExport;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.notes.NotesStore;
import org.frameinspector.core.output.OutputFile;
import org.frameinspector.core.stream.Conversation;

/** File → Export…: the dialog (format and scope, remembered), the file chooser, and the export on a worker. */
final class ExportPart {
    private final MainWindow window;
    private final FrameListPart list;
    private final StatusBarPart status;
    private final Supplier<NotesStore> notes;
    private final Supplier<List<Conversation>> connections;
    private ExportDialog.Scope lastScope;
    private Exporter.Format lastFormat;

    ExportPart(MainWindow window, FrameListPart list, StatusBarPart status, Supplier<NotesStore> notes,
            Supplier<List<Conversation>> connections) {
        this.window = window;
        this.connections = connections;
        this.list = list;
        this.status = status;
        this.notes = notes;
    }

    void showDialog() {
        FrameTableModel model = list.model;
        if (model.dissections() == null || model.frameCount() == 0) {
            window.showError("Nothing to export", "Open a capture or paste a dump first.");
            return;
        }
        int sel = list.selectedFrameIndex();
        ExportDialog d = new ExportDialog(window, lastScope, lastFormat, sel, model.frameCount(), model.getRowCount());
        d.setVisible(true);
        ExportDialog.Choice c = d.result();
        if (c == null) return;
        lastScope = c.scope();
        lastFormat = c.format();
        JFileChooser fc = new JFileChooser();
        List<String> recent = AppPrefs.recentFiles();
        if (!recent.isEmpty()) fc.setCurrentDirectory(Path.of(recent.get(0)).toAbsolutePath().getParent().toFile());
        Loaded loaded = window.loaded();
        String base = loaded == null ? "frames" : loaded.name().replaceAll("\\.[^.]*$", "");
        if (c.scope() == ExportDialog.Scope.SELECTED && sel >= 0) base += "-frame" + (sel + 1);
        fc.setSelectedFile(new java.io.File(base + "." + c.format().extension()));
        if (fc.showSaveDialog(window) != JFileChooser.APPROVE_OPTION) return;
        exportTo(fc.getSelectedFile().toPath(), c.format(), c.scope());
    }

    /** Exports in the background; the worker returns the number of frames written. */
    SwingWorker<Integer, Void> exportTo(Path out, Exporter.Format format, ExportDialog.Scope scope) {
        FrameTableModel model = list.model;
        int[] indices;
        int sel = list.selectedFrameIndex();
        switch (scope) {
            case SELECTED -> indices = sel < 0 ? new int[0] : new int[] {sel};
            case DISPLAYED -> {
                indices = new int[model.getRowCount()];
                for (int r = 0; r < indices.length; r++) indices[r] = model.frameIndex(r);
            }
            default -> indices = IntStream.range(0, model.frameCount()).toArray();
        }
        Dissections src = model.dissections();
        Loaded in = window.loaded();
        NotesStore exportNotes = new NotesStore(notes.get().all());
        StatusBarPart.Job<Integer> w = new StatusBarPart.Job<>(status) {
            @Override
            protected Integer doInBackground() throws Exception {
                // the command line's dissections: the in-order pass first reaches every frame
                if (!src.index(k -> isCancelled())) return 0;
                // written frame by frame (nothing kept), to a temporary file renamed when complete; the input
                // itself is never written over
                Path inFile = window.inputFile();
                int written = 0;
                try (OutputFile of = OutputFile.create(out, java.util.Collections.singleton(inFile))) {
                    ExportWriter ew = Exporter.open(format, of.stream(), new Exporter.Options(false), exportNotes);
                    ew.begin(JsonExport.InputInfo.of(in, null));
                    for (int k = 0; k < indices.length; k++) {
                        if (isCancelled()) return 0;
                        if ((k & 255) == 0) progress((int) (100L * k / Math.max(1, indices.length)));
                        Dissection d = src.dissect(indices[k]);
                        if (scope == ExportDialog.Scope.FINDINGS && d.findings().isEmpty()) continue;
                        ew.frame(d);
                        written++;
                    }
                    ew.connections(connections.get()); // the in-order pass has made them all by now
                    ew.end();
                    of.commit();
                }
                return written;
            }

            @Override
            void succeeded(Integer n) {
                status.setFrames("Exported " + Texts.count(n, "frame") + " to " + out.getFileName());
            }

            @Override
            void failed(Throwable cause) {
                window.showError("Cannot export", String.valueOf(cause.getMessage()));
            }
        };
        status.busy(w, "Exporting");
        return w;
    }
}
