package org.frameinspector.gui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.fix.FixResult;
import org.frameinspector.core.fix.FrameFixer;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.session.Session;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.stream.Conversation;

/**
 * {@link Dissections} over the input's {@link Session}: every answer is the session's, the most recently shown
 * frames are kept (LRU, {@link #get} on the EDT only), so a list of a million frames only ever dissects the rows
 * someone looks at. A kept frame that was dissected before the in-order pass reached it is dissected again once the
 * pass is past it.
 */
public final class DissectionCache implements Dissections {
    private static final FrameDissector OTHER = Protocols.dissector();
    private final Session session;
    private final Map<Integer, Entry> lru;
    private final CaptureFindings findings = new CaptureFindings();
    private final ProtocolHierarchy hierarchy = new ProtocolHierarchy();
    private final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
    private int misses;

    /** {@code ended}: made after the session's end, so with the end-of-input findings of its frame. */
    private record Entry(Dissection d, boolean inOrder, boolean ended) {
    }

    /** True when a kept dissection is still what the session answers for frame {@code index}. */
    private boolean current(Entry e, int index) {
        if (!e.inOrder() && session.withConnectionState(index)) return false;
        return e.ended() || !session.ended() || session.endFindings(index).isEmpty();
    }

    public DissectionCache(Session session, int capacity) {
        this.session = session;
        this.lru = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Entry> e) {
                return size() > capacity;
            }
        };
    }

    Session session() { return session; }

    @Override
    public FrameSource source() { return session.frames(); }

    @Override
    public int size() { return session.size(); }

    /** Dissections computed on the EDT so far (cache misses); for tests and diagnostics. */
    public int misses() { return misses; }

    @Override
    public void put(int index, Dissection d) {
        if (d != null) lru.put(index, new Entry(d, session.withConnectionState(index), session.ended()));
    }

    /** Whether frame {@code index} is kept, dissected as it is answered now (for tests). */
    boolean isCurrent(int index) {
        Entry e = lru.get(index);
        return e != null && current(e, index);
    }

    @Override
    public Dissection get(int index) {
        Entry e = lru.get(index);
        if (e != null && current(e, index)) return e.d();
        misses++;
        boolean inOrder = session.withConnectionState(index);
        boolean ended = session.ended();
        Dissection d;
        try {
            d = session.dissect(index);
        } catch (RuntimeException | LinkageError x) {
            // the core promises not to throw; if it does, show the bytes rather than lose the row
            d = new Dissection(session.frames().frame(index));
            d.setProtocol("ERROR");
            d.setInfo("dissector failed: " + x);
        }
        lru.put(index, new Entry(d, inOrder, ended));
        return d;
    }

    @Override
    public Dissection dissect(int index) {
        return session.dissect(index);
    }

    @Override
    public Dissection dissectOther(Frame f) {
        return OTHER.dissect(f);
    }

    @Override
    public FixResult fix(Frame f) {
        return FrameFixer.standard().fix(f);
    }

    @Override
    public boolean index(IntPredicate stop) {
        if (session.indexed() >= session.size()) return true;
        boolean all = session.index((done, total) -> stop != null && stop.test(done), d -> {
            findings.add(d);
            hierarchy.add(d);
        })
                && session.indexed() >= session.size();
        // a finished file: connections never closed are ended as the command line ends them (a live capture goes on)
        if (all && !(session.frames() instanceof GrowingFrameSource) && finished.compareAndSet(false, true)) {
            session.finish();
            // the findings the end of the input raised about earlier frames: in Expert Info under their frames
            for (int i = 0; i < session.size(); i++) {
                for (org.frameinspector.core.model.Finding f : session.endFindings(i)) findings.add(i, f);
            }
        }
        return all;
    }

    @Override
    public int indexed() { return session.indexed(); }

    @Override
    public List<Conversation> conversations() { return session.conversations(); }

    @Override
    public CaptureFindings findings() { return findings; }

    /** The protocols of the frames the pass has reached, by layer path (Statistics → Protocol Hierarchy). */
    ProtocolHierarchy hierarchy() { return hierarchy; }
}
