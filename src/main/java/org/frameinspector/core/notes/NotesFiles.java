package org.frameinspector.core.notes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.Encapsulate;
import org.frameinspector.core.output.OutputFile;
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

    /** Sidecars larger than this are not read (ours are a few kilobytes). */
    static final long MAX_SIDECAR_BYTES = 64L << 20;

    /**
     * Saves the notes in the sidecar of {@code file}, never losing one it could not read: the new content replaces
     * the old in one atomic rename ({@link OutputFile}); a sidecar that exists but cannot be parsed is first copied to
     * a free {@code <sidecar>.bak} name (an existing backup is never overwritten); with no notes to save, a readable
     * sidecar is deleted and an unreadable one is left as it is. Marks the store saved.
     *
     * @return the backup made of an unreadable sidecar, or null
     */
    public static Path saveSidecar(Path file, NotesStore store) throws IOException {
        Path sc = sidecar(file);
        List<Note> all = store.all();
        Path backup = null;
        if (Files.exists(sc, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(sc)) throw new IOException(sc + " is not a regular file; the notes were not saved");
            if (!readable(sc)) {
                if (all.isEmpty()) {
                    store.markSaved();
                    return null; // nothing to save, and a file we could not read is not ours to delete
                }
                backup = backupOf(sc);
            }
        }
        if (all.isEmpty()) {
            Files.deleteIfExists(sc);
        } else {
            try (OutputFile out = OutputFile.create(sc, List.of(file))) {
                out.stream().write(NotesJson.write(all).getBytes(StandardCharsets.UTF_8));
                out.commit();
            }
        }
        store.markSaved();
        return backup;
    }

    private static boolean readable(Path sc) {
        try {
            readNotesFile(sc);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Copies {@code f} to the first free name of {@code f.bak}, {@code f.1.bak}, {@code f.2.bak} …; returns it. */
    static Path backupOf(Path f) throws IOException {
        for (int k = 0; k < 1000; k++) {
            Path b = f.resolveSibling(f.getFileName() + (k == 0 ? "" : "." + k) + ".bak");
            if (Files.exists(b, LinkOption.NOFOLLOW_LINKS)) continue;
            try {
                Files.copy(f, b, StandardCopyOption.COPY_ATTRIBUTES);
                return b;
            } catch (FileAlreadyExistsException e) {
                // taken meanwhile: try the next name
            }
        }
        throw new IOException("no free backup name for " + f + "; the notes were not saved");
    }

    /**
     * The notes of the sidecar of {@code file} (none when it has none).
     *
     * @throws IOException              the sidecar cannot be read
     * @throws IllegalArgumentException it is not a notes file we can parse (the reason in one line)
     */
    public static List<Note> readSidecar(Path file) throws IOException {
        Path sc = sidecar(file);
        if (!Files.isRegularFile(sc)) return List.of();
        return readNotesFile(sc);
    }

    private static List<Note> readNotesFile(Path sc) throws IOException {
        long size = Files.size(sc);
        if (size > MAX_SIDECAR_BYTES) {
            throw new IllegalArgumentException("notes file of " + size + " bytes is too large (limit "
                    + (MAX_SIDECAR_BYTES >> 20) + " MiB)");
        }
        return NotesJson.read(Files.readAllBytes(sc));
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

    /**
     * As {@link #load(Path, Loaded)}, for commands that go on without the notes they cannot read: each unreadable
     * note line of a frame comment and an unreadable sidecar is reported to {@code warn} (one line each) and left
     * out; the files are not touched.
     */
    public static NotesStore load(Path file, Loaded loaded, Consumer<String> warn) {
        Map<String, Note> m = new LinkedHashMap<>();
        if (loaded != null) for (Note n : fromComments(loaded.frames(), warn)) m.put(n.id(), n);
        if (file != null) {
            try {
                for (Note n : readSidecar(file)) m.put(n.id(), n);
            } catch (IOException | IllegalArgumentException e) {
                warn.accept("notes file " + sidecar(file) + " unreadable: " + oneLine(e.getMessage())
                        + "; going on without it (the file is left as it is)");
            }
        }
        return new NotesStore(m.values());
    }

    /** Notes found in the frames' comments (frame numbers are taken from the frames); damaged note lines are skipped. */
    public static List<Note> fromComments(FrameSource fs) {
        return fromComments(fs, w -> { });
    }

    /**
     * Notes found in the frames' comments; a note line that cannot be parsed stays a plain comment and is reported
     * as "notes in frame N unreadable: …". The comments of an indexed capture are read without its packets.
     */
    public static List<Note> fromComments(FrameSource fs, Consumer<String> warn) {
        List<Note> out = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            String comment = fs.comment(i);
            if (comment == null || !comment.contains(PREFIX)) continue;
            int number = i + 1;
            for (String line : comment.split("\n")) {
                if (!line.startsWith(PREFIX)) continue;
                try {
                    Note n = NotesJson.readOne(line.substring(PREFIX.length()));
                    out.add(n.frame() == number ? n : n.moved(number, 0));
                } catch (IllegalArgumentException e) {
                    warn.accept("notes in frame " + number + " unreadable: " + oneLine(e.getMessage())
                            + "; the line stays a plain comment");
                }
            }
        }
        return out;
    }

    private static String oneLine(String s) {
        if (s == null) return "unreadable";
        s = s.replace('\r', ' ').replace('\n', ' ');
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    /** True when {@code line} is one of our note lines that can be read back. */
    static boolean isNoteLine(String line) {
        if (!line.startsWith(PREFIX)) return false;
        try {
            NotesJson.readOne(line.substring(PREFIX.length()));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The comment without our note lines (null when nothing else is left). A damaged note line is kept: it is what
     * the user has, and it is not in any notes store.
     */
    public static String userComment(String comment) {
        if (comment == null) return null;
        if (!comment.contains(PREFIX)) return comment;
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\n", -1)) {
            if (isNoteLine(line)) continue;
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
