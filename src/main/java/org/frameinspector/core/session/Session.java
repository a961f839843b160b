package org.frameinspector.core.session;

import java.util.List;
import java.util.function.Consumer;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.stream.Conversation;
import org.frameinspector.core.stream.Conversations;
import org.frameinspector.core.stream.EndFinding;
import org.frameinspector.core.stream.InOrder;
import org.frameinspector.core.stream.StreamLog;

/**
 * One opened input and the one way its frames are dissected: in order, with connection state (IP fragments, TCP
 * reassembly, TPKT framing, COTP state), for captures and multi-frame dumps alike. The command line and the desktop
 * app both ask this class, so they show the same thing for the same file.
 *
 * <ul>
 * <li>{@link #stream}: one pass in order, each dissection handed over and dropped (memory does not grow with the
 * input): what the commands use.</li>
 * <li>{@link #index}: the same pass, keeping for each frame the small log of what the connection state did to it
 * ({@link StreamLog}); afterwards {@link #dissect(int)} makes frame N's dissection again from its bytes and that log,
 * exactly as the pass made it, in any order and on any thread: what the desktop app uses for its list, tree, filter,
 * find, export and compare.</li>
 * </ul>
 */
public final class Session implements AutoCloseable {
    /** Progress of {@link #index}: called now and then from the indexing thread; return true to stop. */
    public interface Progress {
        boolean frames(int done, int total);
    }

    private final Loaded input;
    private final String startsAt;
    private final FrameDissector fd = Protocols.dissector();
    private final Object lock = new Object();
    private StreamLog[] logs = new StreamLog[0];
    private byte[] worst = new byte[0];
    private volatile int indexed;
    private Conversations conv;

    private Session(Loaded input, String startsAt) {
        this.input = input;
        this.startsAt = startsAt;
    }

    /** A session over an opened input; {@code startsAt} overrides where a dump's bytes start (null: detected). */
    public static Session of(Loaded input, String startsAt) {
        return new Session(input, startsAt);
    }

    public Loaded input() {
        return input;
    }

    public FrameSource frames() {
        return input.frames();
    }

    public int size() {
        return input.frames().size();
    }

    /**
     * Dissects every frame in order with connection state and hands each dissection to {@code each} (valid during the
     * call); nothing is kept. Returns the connections.
     */
    public Conversations stream(Consumer<Dissection> each) {
        return InOrder.dissect(input.frames(), startsAt, each);
    }

    /**
     * Runs the in-order pass over the frames not indexed yet (all of them the first time; a growing live capture can
     * be indexed again as frames arrive), keeping each frame's stream log and worst severity. {@code each}, when not
     * null, sees every dissection of the pass. Returns false when {@code progress} asked to stop (what was indexed
     * stays indexed).
     */
    public boolean index(Progress progress, Consumer<Dissection> each) {
        synchronized (lock) {
            FrameSource fs = input.frames();
            int n = fs.size();
            if (conv == null) conv = new Conversations();
            StreamLog.Recorder rec = new StreamLog.Recorder();
            conv.record(rec);
            try {
                ensure(n);
                for (int i = indexed; i < n; i++) {
                    Frame f = fs.frame(i);
                    Dissection d = fd.dissect(f, startsAt, conv);
                    conv.record(d);
                    logs[i] = rec.take();
                    worst[i] = rank(d.findings());
                    indexed = i + 1;
                    if (each != null) each.accept(d);
                    if (progress != null && ((i & 1023) == 1023 || i == n - 1) && progress.frames(i + 1, n)) {
                        return false;
                    }
                }
                return true;
            } finally {
                conv.record((StreamLog.Recorder) null);
            }
        }
    }

    private void ensure(int n) {
        if (logs.length >= n) return;
        logs = java.util.Arrays.copyOf(logs, Math.max(n, logs.length * 2));
        worst = java.util.Arrays.copyOf(worst, logs.length);
    }

    private static byte rank(List<Finding> fs) {
        int w = 0;
        for (Finding f : fs) w = Math.max(w, 3 - f.severity().ordinal());
        return (byte) w;
    }

    /** How many frames (from the first) the in-order pass has reached. */
    public int indexed() {
        return indexed;
    }

    /** The connections the in-order pass has seen so far (empty before {@link #index}). */
    public List<Conversation> conversations() {
        synchronized (lock) {
            return conv == null ? List.of() : List.copyOf(conv.rows());
        }
    }

    /**
     * Ends the connections view of a finished input (connections never closed stay open, see {@link Conversations#finish()})
     * and takes the findings the end of the input raised about earlier frames ({@link EndFinding}): from then on
     * {@link #dissect(int)} of such a frame lists them after its own, and {@link #worst} counts them.
     */
    public void finish() {
        synchronized (lock) {
            if (conv == null) return;
            conv.finish();
            java.util.Map<Integer, List<Finding>> m = new java.util.HashMap<>();
            for (EndFinding e : conv.endFindings()) {
                int i = e.frame() - 1;
                if (i < 0 || i >= indexed) continue;
                m.computeIfAbsent(i, k -> new java.util.ArrayList<>()).add(e.finding());
                worst[i] = (byte) Math.max(worst[i], rank(List.of(e.finding())));
            }
            endFindings = m;
            ended = true;
        }
    }

    /** Frame index → the end-of-input findings about it (empty until {@link #finish()}). */
    private volatile java.util.Map<Integer, List<Finding>> endFindings = java.util.Map.of();
    private volatile boolean ended;

    /** True once {@link #finish()} has run: dissections made before may lack the end-of-input findings. */
    public boolean ended() {
        return ended;
    }

    /** The findings the end of the input raised about frame {@code index} (0-based); empty before {@link #finish()}. */
    public List<Finding> endFindings(int index) {
        return endFindings.getOrDefault(index, List.of());
    }

    /**
     * Frame {@code index} (0-based) dissected as the in-order pass dissected it, when the pass has reached it;
     * otherwise dissected alone (without connection state; {@link #withConnectionState} says which). Never throws.
     */
    public Dissection dissect(int index) {
        Frame f = input.frames().frame(index);
        StreamLog log = index < indexed ? logs[index] : null;
        Dissection d = fd.dissect(f, startsAt, log == null ? null : log.replayer());
        if (log != null) d.findings().addAll(endFindings(index));
        return d;
    }

    /** True when {@link #dissect(int)} of this frame includes the connection state. */
    public boolean withConnectionState(int index) {
        return index < indexed;
    }

    /** The most severe finding of an indexed frame (null: none, or not indexed yet). */
    public Severity worst(int index) {
        if (index >= indexed) return null;
        int w = worst[index];
        return w == 0 ? null : Severity.values()[3 - w];
    }

    @Override
    public void close() {
        input.frames().close();
    }
}
