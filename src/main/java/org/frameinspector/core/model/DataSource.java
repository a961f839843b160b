package org.frameinspector.core.model;

import java.util.List;

/**
 * Bytes that fields point into. The frame itself has id {@link #FRAME}; reassembled buffers (TCP stream pieces,
 * TPKT spanning segments, COTP TSDUs) have their own id and list the frame pieces they came from.
 */
public record DataSource(String id, String name, byte[] bytes, List<SourcePart> parts) {
    public static final String FRAME = "frame";

    public boolean isFrame() {
        return FRAME.equals(id);
    }

    /** Maps a buffer offset to the frame piece holding it, or null if none. */
    public SourcePart partAt(int bufferOffset) {
        for (SourcePart p : parts) {
            if (bufferOffset >= p.bufferOffset() && bufferOffset < p.bufferOffset() + p.length()) return p;
        }
        return null;
    }
}
