package org.frameinspector.core.stream;

import java.util.List;
import java.util.function.Consumer;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.findings.Catalog;
import org.frameinspector.core.findings.FindingDef;
import org.frameinspector.core.input.FrameCursor;
import org.frameinspector.core.input.FrameSource;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;

/**
 * Dissects the frames of an input in order with connection state (TCP reassembly, TPKT framing, COTP state), the way
 * the CLI commands and exports see a capture. Dissections are handed to the consumer one at a time and not kept, so
 * memory stays bounded however big the capture is.
 */
public final class InOrder {
    private InOrder() {
    }

    /** Returns the conversations (finished) after every frame was passed to {@code each}. */
    public static Conversations dissect(FrameSource fs, String startsAt, Consumer<Dissection> each) {
        FrameDissector fd = FrameDissector.standard();
        Conversations conv = new Conversations();
        for (int i = 0; i < fs.size(); i++) {
            Dissection d = fd.dissect(fs.frame(i), startsAt, conv);
            conv.record(d);
            each.accept(d);
        }
        conv.finish();
        return conv;
    }

    /** What an in-order findings pass reports per frame. */
    public interface FrameFindings {
        /**
         * @param findings the frame's findings (only valid during the call)
         * @param full     the full dissection, or null when the frame went through the {@link FastLane}
         */
        void accept(int frameNumber, List<Finding> findings, Dissection full);
    }

    /**
     * The findings of every frame, with connection state, for {@code check} and friends: the same findings as
     * {@link #dissect}, but frames the {@link FastLane} can prove clean skip the field tree. The frames are read once,
     * in order, through {@link FrameSource#cursor()}.
     *
     * @param fast false to dissect every frame fully (for comparison)
     */
    public static Pass findings(FrameSource fs, String startsAt, boolean fast, FrameFindings each) {
        FrameDissector fd = FrameDissector.standard();
        Conversations conv = new Conversations();
        FastLane lane = fast && startsAt == null ? new FastLane(conv, fd.registry()) : null;
        long fastFrames = 0;
        int frames = 0;
        try (FrameCursor cur = fs.cursor()) {
            while (cur.next()) {
                frames++;
                if (lane != null) {
                    boolean took;
                    try {
                        took = lane.offer(cur.bytes(), cur.length(), cur.originalLength(), cur.linkType(), cur.number(),
                                cur.timestampNanos());
                    } catch (RuntimeException e) {
                        // a bug: say so on this frame, and dissect the rest of the capture the slow way
                        fastFrames = lane.taken();
                        lane = null;
                        each.accept(cur.number(), List.of(internalError(e)), null);
                        continue;
                    }
                    if (took) {
                        each.accept(cur.number(), lane.findings(), null);
                        continue;
                    }
                }
                Dissection d = fd.dissect(cur.frame(), startsAt, conv);
                conv.record(d);
                each.accept(cur.number(), d.findings(), d);
            }
        }
        conv.finish();
        return new Pass(conv, lane != null ? lane.taken() : fastFrames, frames);
    }

    /** The outcome of {@link #findings}: the connections, and how many of the frames took the fast lane. */
    public record Pass(Conversations conversations, long fastFrames, int frames) {
    }

    private static Finding internalError(RuntimeException e) {
        FindingDef def = Catalog.get("INSPECTOR-INTERNAL-ERROR");
        String obs = e.getClass().getSimpleName() + " in the fast lane of the stream layer";
        return new Finding(def.id(), def.severity(), "tcp", null, DataSource.FRAME, 0, 0, obs, null,
                org.frameinspector.core.dissect.L.explain(def, obs, null), def.reference(), def.context());
    }
}
