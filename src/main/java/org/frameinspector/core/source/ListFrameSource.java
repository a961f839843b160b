package org.frameinspector.core.source;

import java.util.List;
import org.frameinspector.core.model.Frame;

/** Frames held in memory. */
public final class ListFrameSource implements FrameSource {
    private final List<Frame> frames;

    public ListFrameSource(List<Frame> frames) {
        this.frames = List.copyOf(frames);
    }

    @Override
    public int size() {
        return frames.size();
    }

    @Override
    public Frame frame(int index) {
        return frames.get(index);
    }

    public List<Frame> frames() {
        return frames;
    }
}
