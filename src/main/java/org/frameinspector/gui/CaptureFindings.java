package org.frameinspector.gui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Severity;

/**
 * The findings of a whole input, filled by the in-order pass frame by frame (any thread) and read on the EDT as
 * snapshots: per severity and id, how many findings and in which frames. Kept small: one int per frame with a
 * finding of the id, the text of the first finding of each id.
 */
final class CaptureFindings {
    /**
     * One id of one severity: how many findings, the first finding's text, and the frames they are in (0-based,
     * ascending, each once).
     */
    record Group(Severity severity, String id, String layer, String message, String explanation, String reference,
                 int count, int[] frames) {
    }

    private static final class Acc {
        final Finding first;
        int[] frames = new int[4];
        int nFrames;
        int count;

        Acc(Finding first) {
            this.first = first;
        }

        void add(int frame) {
            count++;
            if (nFrames > 0 && frames[nFrames - 1] == frame) return;
            if (nFrames == frames.length) frames = Arrays.copyOf(frames, nFrames * 2);
            frames[nFrames++] = frame;
        }
    }

    private final Map<String, Acc> byKey = new LinkedHashMap<>();
    private final int[] perSeverity = new int[Severity.values().length];
    private int frames;

    /** Adds the findings of one dissection of the pass. */
    synchronized void add(Dissection d) {
        frames++;
        int frame = d.frame().number() - 1;
        for (Finding f : d.findings()) {
            perSeverity[f.severity().ordinal()]++;
            byKey.computeIfAbsent(f.severity().name() + ' ' + f.id(), k -> new Acc(f)).add(frame);
        }
    }

    /** Adds one finding of frame {@code frame} (0-based) raised after its dissection (at the end of the input). */
    synchronized void add(int frame, Finding f) {
        perSeverity[f.severity().ordinal()]++;
        byKey.computeIfAbsent(f.severity().name() + ' ' + f.id(), k -> new Acc(f)).add(frame);
    }

    /** Frames the pass has added so far. */
    synchronized int frames() { return frames; }

    /** Findings of each severity so far. */
    synchronized Map<Severity, Integer> counts() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) m.put(s, perSeverity[s.ordinal()]);
        return m;
    }

    synchronized int total() {
        int t = 0;
        for (int c : perSeverity) t += c;
        return t;
    }

    /** The groups so far: most severe first, then the most frequent, then by id. */
    synchronized List<Group> groups() {
        List<Group> out = new ArrayList<>(byKey.size());
        for (Acc a : byKey.values()) {
            Finding f = a.first;
            out.add(new Group(f.severity(), f.id(), f.layer(), f.message(), f.explanation(), f.reference(), a.count,
                    Arrays.copyOf(a.frames, a.nFrames)));
        }
        out.sort(Comparator.comparing(Group::severity).thenComparing(Comparator.comparingInt(Group::count).reversed())
                .thenComparing(Group::id));
        return out;
    }
}
