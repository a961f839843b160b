package org.frameinspector.gui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.frameinspector.core.fix.FixResult;
import org.frameinspector.core.fix.FrameFixer;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.stream.Conversation;

/**
 * Test stand-in for the app's {@link DissectionCache}: every frame dissected alone by a function the test gives (a
 * hand-built dissection, a dissector that waits for the test), so a GUI test can put what it needs in front of the
 * window. There is no connection state: the "pass" has nothing to do.
 */
final class LoneFrameDissections implements Dissections {
    private final FrameSource source;
    private final Function<Frame, Dissection> dissector;
    private final Map<Integer, Dissection> kept = new HashMap<>();
    private final CaptureFindings findings = new CaptureFindings();
    private boolean counted;

    private LoneFrameDissections(FrameSource source, Function<Frame, Dissection> dissector) {
        this.source = source;
        this.dissector = dissector;
    }

    /** A maker of inputs' dissections for {@code MainWindow(Function, Parser)}. */
    static Function<Loaded, Dissections> of(Function<Frame, Dissection> dissector) {
        return l -> new LoneFrameDissections(l.frames(), dissector);
    }

    @Override public FrameSource source() { return source; }
    @Override public int size() { return source.size(); }

    @Override
    public Dissection get(int index) {
        return kept.computeIfAbsent(index, this::dissect);
    }

    @Override
    public void put(int index, Dissection d) {
        kept.put(index, d);
    }

    @Override
    public Dissection dissect(int index) {
        return dissector.apply(source.frame(index));
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
    public synchronized boolean index(IntPredicate stop) {
        if (!counted) {
            counted = true;
            for (int i = 0; i < source.size(); i++) findings.add(dissect(i));
        }
        return true;
    }

    @Override public int indexed() { return source.size(); }
    @Override public List<Conversation> conversations() { return List.of(); }
    @Override public CaptureFindings findings() { return findings; }
}
