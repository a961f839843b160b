package org.frameinspector.gui;

import java.awt.Color;
import java.awt.Component;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JTextArea;
import javax.swing.JTabbedPane;
import javax.swing.filechooser.FileNameExtensionFilter;
import net.miginfocom.swing.MigLayout;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.input.capture.CaptureIndex;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.notes.FrameNotes;
import org.frameinspector.core.notes.Note;
import org.frameinspector.core.notes.NoteLocator;
import org.frameinspector.core.notes.NotesFiles;
import org.frameinspector.core.notes.NotesJson;
import org.frameinspector.core.notes.NotesListener;
import org.frameinspector.core.notes.NotesStore;

/**
 * Notes on fields, byte ranges and frames: the Notes tab, the marks in the tree and the hex pane, the note items of
 * the context menus, and keeping them (a sidecar next to a dump, a pcapng copy for a capture).
 *
 * <p>A sidecar the app cannot read is never written over or deleted: the notes open read-only, a banner says what is
 * wrong with the file, and saving goes to a new file ("Save Notes As…").
 */
final class NotesPart {
    /** Asks for a note's text (null: cancelled); tests may replace it. */
    interface NoteEditor {
        String ask(Component parent, String title, String where, String initial);
    }

    /** The notes of an opened file, and the sidecar that could not be read (null when none) with the reason. */
    record Read(NotesStore store, Path unreadable, String problem) {
    }

    private static final Pattern AT_CHARACTER = Pattern.compile("at character (\\d+)");

    NoteEditor editor = NoteDialog::ask;
    private final MainWindow window;
    private final FieldTreePart frame;
    private final ByteViewPart bytes;
    private final JTabbedPane tabs;
    private final NotesListener listener = (k, n) -> changed();
    final NotesPanel panel = new NotesPanel(this::goTo, this::edit);
    private final JPanel banner = new JPanel(new MigLayout("insets 4 8 4 8, gap 8", "[][grow,fill][]", "[center]")) {
        @Override
        public void updateUI() {
            super.updateUI();
            // a warning colour of the theme in use (the theme can change while the banner shows)
            setBackground(Theme.isDark() ? new Color(0x4A3A12) : new Color(0xFFF4CE));
        }
    };
    private final JTextArea bannerText = new JTextArea();
    private NotesStore store = new NotesStore();
    private List<FrameNotes.Item> frameNotes = List.of();
    private Path inputFile;
    /** The sidecar that could not be read: never written or deleted while it is the input's. */
    private Path unreadable;
    private IntPredicate goToFrame = n -> false;

    NotesPart(MainWindow window, FieldTreePart frame, ByteViewPart bytes, JTabbedPane tabs) {
        this.window = window;
        this.frame = frame;
        this.bytes = bytes;
        this.tabs = tabs;
        store.addListener(listener);
        panel.setStore(store);
        banner.setName("notesBanner");
        bannerText.setName("notesBannerText");
        // a text area wraps the message in a small window instead of cutting it
        bannerText.setEditable(false);
        bannerText.setLineWrap(true);
        bannerText.setWrapStyleWord(true);
        bannerText.setOpaque(false);
        bannerText.setBorder(null);
        bannerText.setFocusable(false);
        JButton saveAs = new JButton("Save Notes As…");
        saveAs.setName("notesBannerSaveAs");
        saveAs.addActionListener(e -> saveAs());
        banner.add(new JLabel(Icons.get("risk")), "aligny top");
        banner.add(bannerText, "wmin 0, width 100:300:n");
        banner.add(saveAs);
        banner.setBorder(BorderFactory.createMatteBorder(1, 0, 1, 0, Theme.color("Component.borderColor", Color.GRAY)));
        banner.setVisible(false);
        frame.afterShow(this::refresh);
        bytes.hex.setTooltipProvider(this::tooltip);
    }

    /** Selects frame number n (1-based), false when it is not shown; used by Go To on a note. */
    void goToFrame(IntPredicate p) { goToFrame = p; }

    NotesStore store() { return store; }

    /** The banner shown while the notes file could not be read (under the toolbar). */
    JComponent banner() { return banner; }

    /** Whether the notes are read-only because their file could not be read. */
    boolean readOnly() { return unreadable != null; }

    // ------------------------------------------------------------------ reading

    /** The notes of an opened file: its pcapng comments, then its sidecar (one that cannot be read is reported). */
    static Read read(Path file, Loaded l) {
        Map<String, Note> m = new LinkedHashMap<>();
        if (l != null) {
            if (l.frames() instanceof CaptureIndex idx) {
                // the index keeps comments apart: no packet needs to be read
                for (int i = 0; i < idx.size(); i++) {
                    String c = idx.comment(i);
                    if (c == null || !c.contains(NotesFiles.PREFIX)) continue;
                    for (String line : c.split("\n")) {
                        if (!line.startsWith(NotesFiles.PREFIX)) continue;
                        try {
                            Note n = NotesJson.readOne(line.substring(NotesFiles.PREFIX.length()));
                            m.put(n.id(), n.frame() == i + 1 ? n : n.moved(i + 1, 0));
                        } catch (IllegalArgumentException e) {
                            // a damaged note line stays a plain comment
                        }
                    }
                }
            } else if (!(l.frames() instanceof GrowingFrameSource)) {
                for (Note n : NotesFiles.fromComments(l.frames())) m.put(n.id(), n);
            }
        }
        if (file != null) {
            try {
                for (Note n : NotesFiles.readSidecar(file)) m.put(n.id(), n);
            } catch (IOException | RuntimeException e) {
                Path sc = NotesFiles.sidecar(file);
                return new Read(new NotesStore(m.values()), sc, where(sc, String.valueOf(e.getMessage())));
            }
        }
        return new Read(new NotesStore(m.values()), null, null);
    }

    /** "line 3, column 7: …" for a reader's "at character N" (the reader counts characters of the whole file). */
    static String where(Path file, String message) {
        Matcher mt = AT_CHARACTER.matcher(message);
        String msg = message.replaceFirst("^notes JSON: ", "");
        if (!mt.find()) return msg;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int at = Math.min(Integer.parseInt(mt.group(1)), text.length());
            int line = 1, col = 1;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return "line " + line + ", column " + col + ": " + msg.replace(" " + mt.group(), "");
        } catch (IOException | RuntimeException e) {
            return msg;
        }
    }

    /** A new input's notes (from {@link #read}); {@code file} is the input file, null for pasted text. */
    void set(Read r, Path file) {
        inputFile = file;
        unreadable = r == null ? null : r.unreadable();
        NotesStore s = r == null ? new NotesStore() : r.store();
        store.removeListener(listener);
        store = s;
        store.addListener(listener);
        panel.setStore(store);
        if (unreadable != null) {
            String text = "The notes file " + unreadable.getFileName() + " could not be read: " + r.problem()
                    + ". Your notes are kept as they are: the app never writes or deletes that file. Save Notes As… "
                    + "saves to a new file.";
            bannerText.setText(text);
            bannerText.setToolTipText(unreadable.toAbsolutePath() + ": " + r.problem());
        }
        banner.setVisible(unreadable != null);
        changed();
    }

    private void changed() {
        refresh();
        window.updateTitle();
    }

    // ------------------------------------------------------------------ showing

    /** Shows the notes of the shown frame in the tree and the hex pane; counts them on the Notes tab. */
    void refresh() {
        Dissection current = frame.current();
        frameNotes = current == null ? List.of() : FrameNotes.of(store, current);
        Map<Object, String> byNode = new IdentityHashMap<>();
        for (FrameNotes.Item it : frameNotes) {
            if (it.location() == null || it.location().field() == null) continue;
            byNode.merge(it.location().field(), it.note().text(), (x, y) -> x + "\n" + y);
        }
        frame.tree.setNotes(byNode);
        BitSet b = new BitSet();
        for (FrameNotes.Item it : frameNotes) {
            var loc = it.location();
            if (loc == null || !loc.source().equals(bytes.source()) || loc.offset() < 0) continue;
            b.set(loc.offset(), loc.offset() + Math.max(1, loc.length()));
        }
        bytes.setNoted(b);
        int tab = tabs.indexOfComponent(panel);
        if (tab < 0) return;
        int n = store.size();
        tabs.setTitleAt(tab, n == 0 ? "Notes" : "Notes (" + Texts.count(n) + ")");
        tabs.setIconAt(tab, n > 0 ? Icons.get("note") : null);
    }

    /** Tooltip of a byte of the hex pane: the field, and the notes covering the byte. */
    private String tooltip(int off) {
        Dissection current = frame.current();
        if (current == null) return null;
        Field f = current.deepestFieldAt(bytes.source(), off);
        String t = f == null ? String.format("0x%02X", off) : Texts.fieldTooltip(f);
        StringBuilder sb = new StringBuilder();
        for (FrameNotes.Item it : frameNotes) {
            var loc = it.location();
            if (loc == null || !loc.source().equals(bytes.source())) continue;
            if (off < loc.offset() || off >= loc.offset() + Math.max(1, loc.length())) continue;
            if (sb.length() > 0) sb.append("<br>");
            sb.append(Texts.esc(it.label() + " (" + it.where() + "): " + it.note().text()).replace("\n", "<br>"));
        }
        if (sb.length() == 0) return t;
        String body = t.startsWith("<html>") ? t.substring(6, t.length() - 7) : Texts.esc(t);
        return "<html>" + body + "<hr><b>Note</b><br>" + sb + "</html>";
    }

    // ------------------------------------------------------------------ menus and editing

    /** The notes on exactly this field (by the located field). */
    private List<Note> on(Field f) {
        List<Note> out = new ArrayList<>();
        for (FrameNotes.Item it : frameNotes) {
            if (it.location() != null && it.location().field() == f) out.add(it.note());
        }
        return out;
    }

    /** Adds Add / Edit / Delete note items for a field to a context menu. */
    JPopupMenu fieldItems(JPopupMenu m, Field f) {
        m.addSeparator();
        List<Note> on = on(f);
        JMenuItem add = new JMenuItem(on.isEmpty() ? "Add Note…" : "Add Another Note…", Icons.get("note"));
        add.setName("addFieldNote");
        add.addActionListener(e -> addOnField(f));
        m.add(add);
        for (Note n : on) editItems(m, n, "editFieldNote", "deleteFieldNote");
        return m;
    }

    /** Adds "Add Note on Bytes…" for the hex selection to a context menu. */
    JPopupMenu bytesItems(JPopupMenu m) {
        m.addSeparator();
        int start = bytes.hex.selectionStart(), len = Math.max(1, bytes.hex.selectionLength());
        JMenuItem add = new JMenuItem("Add Note on Bytes…", Icons.get("note"));
        add.setName("addBytesNote");
        add.setEnabled(DataSource.FRAME.equals(bytes.source()));
        add.setToolTipText(add.isEnabled() ? null : "Notes on bytes go on the frame's own bytes");
        add.addActionListener(e -> addOnBytes(start, len));
        m.add(add);
        return m;
    }

    /** Adds Edit / Delete items for the frame notes of the shown frame. */
    void frameItems(JPopupMenu m) {
        Dissection current = frame.current();
        if (current == null) return;
        for (Note n : store.forFrame(current.frame().number())) {
            if (n.target() == Note.Target.FRAME) editItems(m, n, null, null);
        }
    }

    private void editItems(JPopupMenu m, Note n, String editName, String deleteName) {
        JMenuItem ed = new JMenuItem("Edit Note “" + shorten(n.text()) + "”…");
        ed.setName(editName);
        ed.addActionListener(e -> edit(n));
        m.add(ed);
        JMenuItem del = new JMenuItem("Delete Note “" + shorten(n.text()) + "”");
        del.setName(deleteName);
        del.addActionListener(e -> store.remove(n.id()));
        m.add(del);
    }

    private static String shorten(String t) {
        String first = t.lines().findFirst().orElse("");
        return first.length() > 30 ? first.substring(0, 29) + "…" : first;
    }

    /** Asks for a note and attaches it to a field of the shown frame. */
    void addOnField(Field f) {
        Dissection current = frame.current();
        if (current == null || f == null) return;
        String t = editor.ask(window, "Add Note", "On field " + f.name() + " (" + f.abbrev() + "), "
                + Texts.range(f.offset(), f.length()) + ", frame " + current.frame().number(), "");
        if (t != null) store.add(Note.onField(current, f, t));
    }

    void addOnBytes(int start, int length) {
        Dissection current = frame.current();
        if (current == null || start < 0) return;
        String t = editor.ask(window, "Add Note", "On bytes " + Texts.range(start, length) + ", frame "
                + current.frame().number(), "");
        if (t != null) store.add(Note.onBytes(current.frame().number(), start, length, t));
    }

    void addOnFrame() {
        Dissection current = frame.current();
        if (current == null) {
            window.showError("No frame", "Select a frame first.");
            return;
        }
        String t = editor.ask(window, "Add Note", "On frame " + current.frame().number(), "");
        if (t != null) store.add(Note.onFrame(current.frame().number(), t));
    }

    void edit(Note n) {
        String t = editor.ask(window, "Edit Note", "On " + n.where() + ", frame " + n.frame(), n.text());
        if (t != null) store.edit(n.id(), t);
    }

    /** Shows the frame of a note and selects what it is on. */
    void goTo(Note n) {
        if (!goToFrame.test(n.frame())) return;
        Dissection current = frame.current();
        if (current == null) return;
        var loc = NoteLocator.locate(current, n);
        if (loc == null) return;
        if (loc.field() != null && frame.selectField(loc.field())) return;
        frame.selectBytes(loc.source(), loc.offset(), Math.max(1, loc.length()));
    }

    // ------------------------------------------------------------------ keeping

    /**
     * File → Save Notes: the sidecar next to a dump; a pcapng copy (with the notes as comments) for anything else;
     * Save Notes As… while the sidecar could not be read. False when nothing was saved.
     */
    boolean save() {
        Loaded loaded = window.loaded();
        if (loaded == null) return true;
        if (unreadable != null) return saveAs();
        if (inputFile != null && !isCapture(loaded)) {
            try {
                NotesFiles.saveSidecar(inputFile, store);
                window.statusBar.setFrames("Notes saved to " + NotesFiles.sidecar(inputFile).getFileName());
                return true;
            } catch (IOException e) {
                window.showError("Cannot save the notes", e.getMessage());
                return false;
            }
        }
        return saveAsCapture();
    }

    /** Save Notes As…: a new notes file for a dump (or a pcapng copy for a capture); never the unreadable file. */
    boolean saveAs() {
        Loaded loaded = window.loaded();
        if (loaded == null) return true;
        if (isCapture(loaded)) return saveAsCapture();
        JFileChooser fc = chooser("Save Notes As", "Frame Inspector notes (JSON)", "json",
                loaded.name().replaceAll("\\.[^.]*$", "") + "-notes.json");
        Path out = choose(fc, ".json");
        if (out == null) return false;
        try {
            Path tmp = out.resolveSibling(out.getFileName() + ".part");
            Files.writeString(tmp, NotesJson.write(store.all()), StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            store.markSaved();
            changed();
            window.statusBar.setFrames("Notes saved to " + out.getFileName());
            return true;
        } catch (IOException e) {
            window.showError("Cannot save the notes", e.getMessage());
            return false;
        }
    }

    private boolean saveAsCapture() {
        Loaded loaded = window.loaded();
        String base = loaded.name().replaceAll("^live: ", "").replaceAll("\\.[^.]*$", "");
        JFileChooser fc = chooser("Save Notes in a pcapng Copy", "pcapng capture with the notes as comments", "pcapng",
                base + "-notes.pcapng");
        Path out = choose(fc, ".pcapng");
        if (out == null) return false;
        try {
            saveAsCapture(out);
            return true;
        } catch (IOException e) {
            window.showError("Cannot save the notes", e.getMessage());
            return false;
        }
    }

    private JFileChooser chooser(String title, String what, String ext, String name) {
        JFileChooser fc = new JFileChooser();
        if (inputFile != null) fc.setCurrentDirectory(inputFile.toAbsolutePath().getParent().toFile());
        fc.setFileFilter(new FileNameExtensionFilter(what, ext));
        fc.setSelectedFile(new java.io.File(name));
        fc.setDialogTitle(title);
        return fc;
    }

    /**
     * The file picked in a save dialog (with {@code ext} added when it has none), or null: the input, the unreadable
     * notes file and (unless the user agrees) any other existing file are refused.
     */
    private Path choose(JFileChooser fc, String ext) {
        while (fc.showSaveDialog(window) == JFileChooser.APPROVE_OPTION) {
            Path out = fc.getSelectedFile().toPath();
            if (!out.getFileName().toString().contains(".")) out = out.resolveSibling(out.getFileName() + ext);
            if (same(out, unreadable) || same(out, inputFile)) {
                window.showError("Save Notes", out.getFileName() + " is " + (same(out, inputFile) ? "the opened input"
                        : "the notes file that could not be read") + ": it is kept as it is. Pick another name.");
                continue;
            }
            if (Files.exists(out) && JOptionPane.showConfirmDialog(window, out.getFileName()
                    + " exists. Replace it?", "Save Notes", JOptionPane.YES_NO_OPTION,
                    JOptionPane.WARNING_MESSAGE) != JOptionPane.YES_OPTION) {
                continue;
            }
            return out;
        }
        return null;
    }

    private static boolean same(Path a, Path b) {
        if (a == null || b == null) return false;
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // fall back to the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** Writes every frame as pcapng with the notes in the frame comments; the notes count as saved. */
    void saveAsCapture(Path out) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (var os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
            NotesFiles.writeCapture(window.loaded().frames(), store, os);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        store.markSaved();
        changed();
        window.statusBar.setFrames("Notes saved in " + out.getFileName());
    }

    private static boolean isCapture(Loaded l) {
        return !"hex dump".equals(l.format());
    }

    /** True when there are no unsaved notes, or the user saved or discarded them; false to stay. */
    boolean confirm() {
        Loaded loaded = window.loaded();
        if (loaded == null || !store.dirty()) return true;
        Object[] options = {unreadable != null ? "Save As…" : "Save", "Discard", "Cancel"};
        int r = JOptionPane.showOptionDialog(window, "The notes on " + loaded.name() + " have changed. Save them?",
                "Unsaved Notes", JOptionPane.YES_NO_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE, null, options,
                options[0]);
        if (r == 0) return save();
        return r == 1;
    }
}
