package org.frameinspector.gui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.frameinspector.core.fix.FixResult;
import org.frameinspector.core.fix.FrameFixer;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.stream.Conversation;
import org.frameinspector.core.stream.InOrder;

/**
 * {@link Dissections} over a lone-frame dissector: frames are dissected on demand and the most recently used ones
 * kept (LRU), so a list of a million frames only ever dissects the rows someone looks at; after the in-order pass
 * the in-order dissections are answered instead. {@link #get} runs on the EDT only.
 */
public final class DissectionCache implements Dissections {
    private final FrameSource source;
    private final Function<Frame, Dissection> dissector;
    private final Map<Integer, Dissection> lru;
    private volatile List<Dissection> inOrder;
    private volatile List<Dissection> inOrderDone;
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

    @Override
    public FrameSource source() { return source; }

    @Override
    public int size() { return source.size(); }

    /** Dissections computed so far (cache misses); for tests and diagnostics. */
    public int misses() { return misses; }

    /** Stores a dissection computed elsewhere (e.g. off the EDT by the loader). */
    public void put(int index, Dissection d) {
        if (d != null) lru.put(index, d);
    }

    @Override
    public Dissection get(int index) {
        Dissection d = lru.get(index);
        if (d == null) {
            misses++;
            Frame f = source.frame(index);
            try {
                d = dissect(index, f);
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

    @Override
    public Dissection dissect(int index) {
        List<Dissection> all = inOrder;
        return all != null && index < all.size() ? all.get(index) : dissector.apply(source.frame(index));
    }

    private Dissection dissect(int index, Frame f) {
        List<Dissection> all = inOrder;
        return all != null && index < all.size() ? all.get(index) : dissector.apply(f);
    }

    @Override
    public Dissection dissectOther(Frame f) {
        return dissector.apply(f);
    }

    @Override
    public FixResult fix(Frame f) {
        return FrameFixer.standard().fix(f);
    }

    @Override
    public List<Conversation> runInOrder() {
        List<Dissection> all = new ArrayList<>(source.size());
        List<Conversation> rows = InOrder.dissect(source, null, all::add).rows();
        inOrderDone = all;
        return rows;
    }

    @Override
    public void useInOrder() {
        List<Dissection> all = inOrderDone;
        if (all == null || all.size() != source.size()) return; // the frames stay dissected one by one
        inOrder = all;
        lru.clear();
    }
}
