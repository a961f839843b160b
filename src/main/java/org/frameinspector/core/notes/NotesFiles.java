package org.frameinspector.core.notes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.Encapsulate;
import org.frameinspector.core.output.PcapngWriter;

/**
 * Where notes are kept. Next to any input file as a sidecar {@code <file>.fi-notes.json}; and inside pcapng captures
 * as frame comments, one line per note: {@value #PREFIX} followed by the note as JSON. Reopening restores both (the
 * sidecar wins for a note present in both).
 */
public final class NotesFiles {
    /** Start of a comment line that holds a note. */
    public static final String PREFIX = "fi-note: ";
    public static final String SIDECAR_SUFFIX = ".fi-notes.json";

    private NotesFiles() {
    }

    public static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName().toString() + SIDECAR_SUFFIX);
    }

    /** Writes the sidecar atomically (or deletes it when there are no notes) and marks the store saved. */
    public static void saveSidecar(Path file, NotesStore store) throws IOException {
        Path sc = sidecar(file);
        List<Note> all = store.all();
        if (all.isEmpty()) {
            Files.deleteIfExists(sc);
        } else {
            Path tmp = sc.resolveSibling(sc.getFileName() + ".tmp");
            Files.writeString(tmp, NotesJson.write(all), StandardCharsets.UTF_8);
            Files.move(tmp, sc, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        store.markSaved();
    }

    public static List<Note> readSidecar(Path file) throws IOException {
        Path sc = sidecar(file);
        if (!Files.isRegularFile(sc)) return List.of();
        return NotesJson.read(Files.readString(sc, StandardCharsets.UTF_8));
    }

    /** Notes of an opened input: those in its frame comments, then those of its sidecar (if the file has one). */
    public static NotesStore load(Path file, Loaded loaded) throws IOException {
        Map<String, Note> m = new LinkedHashMap<>();
        if (loaded != null) for (Note n : fromComments(loaded.frames())) m.put(n.id(), n);
        if (file != null) {
            try {
                for (Note n : readSidecar(file)) m.put(n.id(), n);
            } catch (IllegalArgumentException e) {
                throw new IOException(sidecar(file) + ": " + e.getMessage(), e);
            }
        }
        return new NotesStore(m.values());
    }

    /** Notes found in the frames' comments (frame numbers are taken from the frames). */
    public static List<Note> fromComments(FrameSource fs) {
        List<Note> out = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            Frame f = fs.frame(i);
            if (f.comment() == null || !f.comment().contains(PREFIX)) continue;
            for (String line : f.comment().split("\n")) {
                if (!line.startsWith(PREFIX)) continue;
                try {
                    Note n = NotesJson.readOne(line.substring(PREFIX.length()));
                    out.add(n.frame() == f.number() ? n : n.moved(f.number(), 0));
                } catch (IllegalArgumentException e) {
                    // a damaged note line stays a plain comment
                }
            }
        }
        return out;
    }

    /** The comment without our note lines (null when nothing else is left). */
    public static String userComment(String comment) {
        if (comment == null) return null;
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\n", -1)) {
            if (line.startsWith(PREFIX)) continue;
            if (sb.length() > 0) sb.append('\n');
            sb.append(line);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The frame's user comment followed by one {@value #PREFIX} line per note (byte offsets moved by {@code delta}). */
    public static String comment(String userComment, List<Note> notes, int delta) {
        StringBuilder sb = new StringBuilder();
        String c = userComment(userComment);
        if (c != null) sb.append(c);
        for (Note n : notes) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(PREFIX).append(NotesJson.write(n.moved(n.frame(), delta)));
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /**
     * Writes every frame as pcapng with the notes in the frame comments. Dumps that start above the link layer are
     * wrapped ({@link Encapsulate}); byte and field offsets of their notes move with the bytes.
     */
    public static void writeCapture(FrameSource fs, NotesStore notes, OutputStream os) throws IOException {
        PcapngWriter w = new PcapngWriter(os);
        for (int i = 0; i < fs.size(); i++) {
            Frame f = fs.frame(i);
            Frame c = Encapsulate.forCapture(f);
            int delta = c.capturedLength() - f.capturedLength();
            w.write(c.withComment(comment(f.comment(), notes.forFrame(f.number()), delta)));
        }
        w.flush();
    }
}
