package org.frameinspector.core.input.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.source.FrameCursor;
import org.frameinspector.core.source.InputException;

/**
 * A pcap or pcapng capture read once, in order, with nothing kept per frame: what the one-pass commands (check,
 * dissect, export, conversations) need, for a capture of any length in a small heap. Opening reads the file through
 * once with {@link CaptureReader} (the reader {@link CaptureIndex} uses) to learn what a command must know before
 * its first frame: the warnings, the number of frames, the interfaces and whether any frame has a comment.
 * {@link #cursor()} then reads the file again with the same reader into a 1 MiB buffer and
 * copies each frame into one reused array. There is no random access: {@link #frame(int)} is not supported (the GUI
 * uses the index).
 */
public final class CaptureStream extends CaptureFile {
    private final Path file;
    private final int count;
    private final boolean commented; // some frame has a comment
    private CaptureReader comments;  // reads the comments for comment(int), in order

    private CaptureStream(Path file, FileChannel channel, long inputSize, CaptureReader r) throws IOException, InputException {
        super(r, channel, inputSize);
        this.file = file;
        boolean c = false;
        while (r.next()) c |= r.comment() != null;
        this.commented = c;
        this.count = r.count();
        readThrough(r);
    }

    /** Opens a capture file for reading once, in order. Close the stream when done. */
    public static CaptureStream open(Path file) throws InputException {
        return open(file, (ch, size) -> new CaptureStream(file, ch, size, CaptureReader.start(window(ch, size))));
    }

    /** Positional reads into a 1 MiB buffer: no mapping, so the resident memory does not grow with the file. */
    private static Window window(FileChannel ch, long size) {
        return new Window(ch, size, null, null, false);
    }

    @Override
    public int size() {
        return count;
    }

    /** Not supported: a stream is read in order with {@link #cursor()}. */
    @Override
    public Frame frame(int index) {
        throw new UnsupportedOperationException(file + " is opened for one pass in order; frame " + (index + 1)
                + " cannot be read on its own");
    }

    /**
     * pcapng opt_comment (several joined by newlines), or null. Nothing is kept per frame: when the file has comments
     * at all, they are read with a reader of their own that moves forward, so asking for every frame in order (as the
     * notes are loaded) is one more pass over the record headers; asking backwards starts it again.
     */
    @Override
    public synchronized String comment(int index) {
        if (index < 0 || index >= count) throw new IndexOutOfBoundsException("frame index " + index + " of " + count);
        if (!commented) return null;
        try {
            if (comments == null || comments.count() > index + 1) comments = CaptureReader.start(window(channel, inputSize));
            while (comments.count() < index + 1) {
                if (!comments.next()) throw changed(comments.window().size(), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InputException e) {
            throw changed(e.byteOffset(), e);
        }
        return comments.comment();
    }

    /**
     * Reads the frames in order with the reader that opened the file: positional reads into a 1 MiB buffer, each
     * frame copied into one reused array. A file that changed since it was opened ends the pass with an
     * {@link UncheckedIOException}.
     */
    @Override
    public FrameCursor cursor() {
        try {
            return new Cursor(CaptureReader.start(window(channel, inputSize)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InputException e) {
            throw changed(0, e);
        }
    }

    private UncheckedIOException changed(long offset, Exception cause) {
        return new UncheckedIOException(new IOException(file + " at byte offset " + offset
                + ": the file changed since it was opened", cause));
    }

    private final class Cursor implements FrameCursor {
        private final CaptureReader r;
        private byte[] buf = new byte[2048];

        Cursor(CaptureReader r) {
            this.r = r;
        }

        @Override
        public boolean next() {
            if (r.count() >= count) return false;
            try {
                if (!r.next()) {
                    throw new UncheckedIOException(new IOException("frame " + (r.count() + 1)
                            + ": the file is shorter than when it was opened"));
                }
                int len = r.capturedLength();
                long off = r.dataOffset();
                Window w = r.window();
                if (!w.ensure(off, len)) throw changed(off, null);
                if (buf.length < len) buf = new byte[Math.max(len, buf.length * 2)];
                w.buffer().get((int) (off - w.start()), buf, 0, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InputException e) {
                throw changed(e.byteOffset(), e);
            }
            return true;
        }

        @Override public int number() { return r.count(); }
        @Override public byte[] bytes() { return buf; }
        @Override public int length() { return r.capturedLength(); }
        @Override public int originalLength() { return r.originalLength(); }
        @Override public int linkType() { return r.linkType(); }
        @Override public long timestampNanos() { return r.timestampNanos(); }
        @Override public int interfaceId() { return r.interfaceId(); }
        @Override public String comment() { return r.comment(); }

        @Override
        public Frame frame() {
            return new Frame(r.count(), java.util.Arrays.copyOf(buf, r.capturedLength()), r.originalLength(),
                    r.timestampNanos(), r.linkType(), r.interfaceId(), r.comment());
        }
    }
}
