package org.frameinspector.gui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;

/**
 * Dissects frames of a {@link FrameSource} on demand and keeps the most recently used ones (LRU), so a list of a
 * million frames only ever dissects the rows someone looks at. Used on the EDT only.
 */
public final class DissectionCache {
    private final FrameSource source;
    private final Function<Frame, Dissection> dissector;
    private final Map<Integer, Dissection> lru;
    private int misses;

    public DissectionCache(FrameSource source, Function<Frame, Dissection> dissector, int capacity) {
        this.source = source;
        this.dissector = dissector;
        this.lru = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Dissection> e) {
                return size() > capacity;
            }
        };
    }

    public FrameSource source() { return source; }
    public int size() { return source.size(); }

    /** Dissections computed so far (cache misses); for tests and diagnostics. */
    public int misses() { return misses; }

    /** Stores a dissection computed elsewhere (e.g. off the EDT by the loader). */
    public void put(int index, Dissection d) {
        if (d != null) lru.put(index, d);
    }

    public Dissection get(int index) {
        Dissection d = lru.get(index);
        if (d == null) {
            misses++;
            Frame f = source.frame(index);
            try {
                d = dissector.apply(f);
            } catch (RuntimeException | LinkageError e) {
                // the core promises not to throw; if it does, show the bytes rather than lose the row
                d = new Dissection(f);
                d.setProtocol("ERROR");
                d.setInfo("dissector failed: " + e);
            }
            lru.put(index, d);
        }
        return d;
    }
}
