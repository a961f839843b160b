package org.frameinspector.core.stream;

import java.util.List;
import java.util.function.Consumer;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.findings.Catalog;
import org.frameinspector.core.findings.FindingDef;
import org.frameinspector.core.source.FrameCursor;
import org.frameinspector.core.source.FrameSource;
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
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        Conversations conv = new Conversations();
        for (int i = 0; i < fs.size(); i++) {
            Dissection d = fd.dissect(fs.frame(i), startsAt, conv);
            conv.record(d);
            each.accept(d);
        }
        conv.finish();
        return conv;
    }

    // a CR and a DT carrying S7comm, Ethernet / IPv4 / TCP port 102 (checksums need not be right for a warm-up)
    private static final String[] WARM_UP = {
        "02000000000202000000000108004500003e0000400040060000c0000201c0000202c00000660000000100000001501800000000000003"
                + "00001611e00000000100c0010ac1020100c2020102",
        "0200000000020200000000010800450000340000400040060000c0000201c0000202044e00660000000100000001"
                + "50180000000000000300000c0702f080320100000000"};

    /**
     * Loads the dissectors and the findings catalogue on a background thread (one throwaway pass over two canned
     * frames), so a command can do it while it parses its options and indexes its input: the first full dissection
     * otherwise costs a few hundred milliseconds of class loading on the critical path.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            try {
                FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
                Conversations conv = new Conversations();
                int n = 1;
                for (int r = 0; r < 5; r++) {
                    for (String h : WARM_UP) {
                        byte[] b = java.util.HexFormat.of().parseHex(h);
                        conv.record(fd.dissect(org.frameinspector.core.model.Frame.of(n++, b,
                                org.frameinspector.core.model.Frame.LINK_ETHERNET), null, conv));
                    }
                }
            } catch (RuntimeException | LinkageError ignored) {
                // only a warm-up: the real pass reports its own problems
            }
        }, "dissector-warm-up");
        t.setDaemon(true);
        t.start();
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
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        Conversations conv = new Conversations();
        if (!fast || startsAt != null) {
            int frames = 0;
            try (FrameCursor cur = fs.cursor()) {
                while (cur.next()) {
                    frames++;
                    Dissection d = fd.dissect(cur.frame(), startsAt, conv);
                    conv.record(d);
                    each.accept(cur.number(), d.findings(), d);
                }
            }
            conv.finish();
            return new Pass(conv, 0, frames);
        }
        FastLanePass p = new FastLanePass(fd, conv, each);
        try (ReadAhead ra = new ReadAhead(fs.cursor())) {
            ReadAhead.Batch b;
            while ((b = ra.take()) != null) {
                p.batch(b);
                ra.recycle(b);
            }
        }
        conv.finish();
        return new Pass(conv, p.lane != null ? p.lane.taken() : p.fastFrames, p.frames);
    }

    /** The consumer side of a fast-lane pass, batch by batch (small methods: quick for the JIT to compile). */
    private static final class FastLanePass {
        final FrameDissector fd;
        final Conversations conv;
        final FrameFindings each;
        FastLane lane;
        long fastFrames;
        int frames;

        FastLanePass(FrameDissector fd, Conversations conv, FrameFindings each) {
            this.fd = fd;
            this.conv = conv;
            this.each = each;
            this.lane = new FastLane(conv, fd.registry());
        }

        void batch(ReadAhead.Batch b) {
            for (int i = 0; i < b.count; i++) frame(b, i);
            if (b.error != null) throw b.error;
        }

        void frame(ReadAhead.Batch b, int i) {
            frames++;
            int number = b.number[i];
            if (lane != null && b.clean[i]) {
                boolean took;
                try {
                    took = lane.offerClean(b.data[i], b.len[i], number, b.ts[i]);
                } catch (RuntimeException e) {
                    // a bug: say so on this frame, and dissect the rest of the capture the slow way
                    fastFrames = lane.taken();
                    lane = null;
                    each.accept(number, List.of(internalError(e)), null);
                    return;
                }
                if (took) {
                    each.accept(number, lane.findings(), null);
                    return;
                }
            }
            Dissection d = fd.dissect(b.frameAt(i), null, conv);
            conv.record(d);
            each.accept(number, d.findings(), d);
        }
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
