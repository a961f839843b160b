package org.frameinspector.core.source;

import org.frameinspector.core.model.Frame;

/**
 * Frames of an opened input, by index. A capture file is indexed (offset, length, timestamp per frame) and frames
 * are read on demand, or opened for one pass in order ({@link #cursor()} only, nothing kept per frame); a pasted dump
 * keeps its few frames in memory.
 */
public interface FrameSource extends AutoCloseable {
    int size();

    /** Frame at 0-based index (its number() is index + 1). */
    Frame frame(int index);

    /** The comment of the frame at 0-based index (pcapng), or null; a capture answers without reading packet bytes. */
    default String comment(int index) {
        return frame(index).comment();
    }

    /** Reads every frame in order (a capture file overrides this with buffered reads into one reused array). */
    default FrameCursor cursor() {
        return FrameCursor.over(this);
    }

    @Override
    default void close() {
    }
}
