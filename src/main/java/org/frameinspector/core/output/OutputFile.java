package org.frameinspector.core.output;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every file Frame Inspector writes (exports, {@code fix}, {@code capture -w}, {@code generate-bench}, notes) goes
 * through here, so that nothing the user has is ever lost:
 * <ul>
 * <li>an output that is one of the inputs (the same file, also through a symbolic or hard link) is refused before
 * anything is written;</li>
 * <li>the content goes to a temporary file in the target's folder, which replaces the target in one atomic rename
 * only when {@link #commit()} is called after the last byte; until then an existing file under the target name is
 * untouched;</li>
 * <li>{@link #close()} without a commit (an error, a cancelled export) deletes the temporary file, and so does a
 * normal JVM exit (Ctrl-C); only a hard kill can leave one behind, never a truncated file under the target
 * name.</li>
 * </ul>
 * A target that is a symbolic link is written through the link (the link stays a link). A target that exists but is
 * not a regular file (a FIFO, a terminal, {@code /dev/null}) is written directly: it cannot be renamed over, and has
 * nothing to lose. Standard output ({@link #stdout}) is written directly too.
 */
public final class OutputFile implements Closeable {
    private final Path target;   // the file that gets the content (links resolved)
    private final Path temp;     // null when writing directly
    private final FileChannel channel;
    private final OutputStream stream;
    private final Closeable owned; // a FIFO or device opened here (closed at the end); null for stdout and temp files
    private boolean committed, closed;

    private OutputFile(Path target, Path temp, FileChannel channel, OutputStream raw, Closeable owned) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.owned = owned;
        // close() of the returned stream must not close the file: commit() and close() decide what happens to it
        this.stream = new BufferedOutputStream(new FilterOutputStream(raw) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, 1 << 16);
    }

    /**
     * Prepares to write {@code target}. Nothing is created under the target name until {@link #commit()}.
     *
     * @param inputs files the command reads (null entries are ignored); the target may not be any of them
     * @throws IOException with a one-line reason: the target is an input, a folder, or its folder does not exist
     */
    public static OutputFile create(Path target, Collection<Path> inputs) throws IOException {
        refuseInputs(target, inputs);
        Path real = target;
        if (Files.exists(target)) {
            real = target.toRealPath();
            if (Files.isDirectory(real)) throw new IOException(target + " is a directory");
            if (!Files.isRegularFile(real)) {
                // a FIFO or device: written in place, there is nothing to replace
                OutputStream direct = Files.newOutputStream(real, StandardOpenOption.WRITE);
                return new OutputFile(real, null, null, direct, direct);
            }
        } else if (Files.isSymbolicLink(target)) {
            throw new IOException(target + " is a symbolic link to a file that does not exist");
        }
        Path dir = real.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException((dir == null ? target : dir) + ": no such directory");
        }
        Path temp = null;
        FileChannel ch = null;
        for (int attempt = 0; ch == null; attempt++) {
            temp = dir.resolve("." + real.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16)
                    + ".fi-tmp");
            try {
                ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 20) throw e;
            } catch (java.nio.file.AccessDeniedException e) {
                throw new IOException(dir + ": permission denied (no file can be created there)", e);
            }
        }
        temp.toFile().deleteOnExit();
        keepPermissions(real, temp);
        return new OutputFile(real, temp, ch, Channels.newOutputStream(ch), null);
    }

    /** Standard output (or any stream that is not a file): written directly; {@link #commit()} flushes it. */
    public static OutputFile stdout(OutputStream out) {
        return new OutputFile(null, null, null, out, null);
    }

    /**
     * Refuses a target that is one of the inputs: the same path, or the same file through a link
     * ({@link Files#isSameFile} compares the file itself, so hard links count too).
     */
    public static void refuseInputs(Path target, Collection<Path> inputs) throws IOException {
        if (inputs == null) return;
        for (Path in : inputs) {
            if (in == null) continue;
            boolean same;
            try {
                same = target.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize())
                        || (Files.exists(target) && Files.exists(in) && Files.isSameFile(target, in));
            } catch (NoSuchFileException e) {
                same = false;
            }
            if (same) {
                throw new IOException("the output " + target + " is the input " + in
                        + "; it would be overwritten: choose another output file");
            }
        }
    }

    private static void keepPermissions(Path from, Path to) {
        try {
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) return;
            PosixFileAttributeView v = Files.getFileAttributeView(from, PosixFileAttributeView.class);
            if (v == null) return;
            Files.setPosixFilePermissions(to, v.readAttributes().permissions());
        } catch (IOException | UnsupportedOperationException e) {
            // the default permissions of a new file are fine
        }
    }

    /** Where the content goes; null for standard output. */
    public Path target() {
        return target;
    }

    /** The stream to write; closing it only flushes. */
    public OutputStream stream() {
        return stream;
    }

    /** Makes the content the target's: flushed, synced and renamed into place in one step. */
    public void commit() throws IOException {
        if (closed) throw new IOException("output already closed");
        stream.flush();
        if (temp != null) {
            channel.force(true);
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
        closed = true;
        if (owned != null) owned.close();
    }

    /** Without a {@link #commit()}: discards what was written (the temporary file is deleted). */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        if (temp == null) {
            try {
                stream.flush();
            } finally {
                if (owned != null) owned.close();
            }
            return;
        }
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** True once {@link #commit()} succeeded. */
    public boolean committed() {
        return committed;
    }
}
