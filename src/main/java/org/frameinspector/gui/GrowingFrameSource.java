package org.frameinspector.gui;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.model.Frame;

/** Frames of a live capture: appended by the capture thread, read by the EDT. */
final class GrowingFrameSource implements FrameSource {
    private final List<Frame> frames = new ArrayList<>();

    /** Appends a frame, numbering it. */
    synchronized void add(byte[] data, int originalLength, long timestampNanos, int linkType) {
        frames.add(new Frame(frames.size() + 1, data, Math.max(originalLength, data.length), timestampNanos, linkType,
                0, null));
    }

    @Override
    public synchronized int size() {
        return frames.size();
    }

    @Override
    public synchronized Frame frame(int index) {
        return frames.get(index);
    }
}
