package org.frameinspector.core.source;

import org.frameinspector.core.model.Frame;

/**
 * One pass over the frames of an input, in order, reading each frame's bytes into a buffer that is reused from frame
 * to frame: a million-frame capture is read with a few kilobytes of frame memory and no mapping of the file. Use
 * {@link #frame()} for a {@link Frame} of its own (a copy) when the current frame must be kept or dissected.
 */
public interface FrameCursor extends AutoCloseable {
    /** Moves to the next frame; false at the end. */
    boolean next();

    /** 1-based number of the current frame. */
    int number();

    /** The current frame's bytes from index 0 to {@link #length()}; the array is reused (and may be longer). */
    byte[] bytes();

    int length();

    int originalLength();

    int linkType();

    long timestampNanos();

    /** The current frame as a {@link Frame} of its own. */
    Frame frame();

    /** The current frame's capture interface (pcapng), 0 otherwise. */
    default int interfaceId() {
        return frame().interfaceId();
    }

    /** The current frame's comment (pcapng), or null. */
    default String comment() {
        return frame().comment();
    }

    @Override
    default void close() {
    }

    /** A cursor over any source, frame by frame through {@link FrameSource#frame}. */
    static FrameCursor over(FrameSource fs) {
        return new FrameCursor() {
            private int i = -1;
            private Frame f;

            @Override
            public boolean next() {
                if (i + 1 >= fs.size()) {
                    f = null;
                    return false;
                }
                f = fs.frame(++i);
                return true;
            }

            @Override public int number() { return f.number(); }
            @Override public byte[] bytes() { return f.data(); }
            @Override public int length() { return f.capturedLength(); }
            @Override public int originalLength() { return f.originalLength(); }
            @Override public int linkType() { return f.linkType(); }
            @Override public long timestampNanos() { return f.timestampNanos(); }
            @Override public Frame frame() { return f; }
        };
    }
}
