package org.frameinspector.core.stream;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.CotpInfo;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.dissect.IpDatagram;
import org.frameinspector.core.dissect.StreamHook;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.model.SourcePart;

/**
 * What the stream layer did to one frame, recorded during the in-order pass so the frame's dissection can be made
 * again later from its bytes alone, exactly as the pass made it (Wireshark keeps per-packet data from its first pass
 * for the same reason).
 *
 * <p>A frame's log is the list of stream-hook calls the dissectors made for it, in the order they made them (a call
 * made while another one runs follows it), each with the effects the stream layer produced (findings, dissector calls
 * on reassembled buffers, explained bytes) and its return value. Replaying feeds the dissectors the same answers:
 * since they are deterministic, they make the same calls in the same order, each taking the next record.
 */
public final class StreamLog {
    static final byte TCP = 1, IP = 2, TPDU = 3, DT = 4;
    private static final Object[] NONE = new Object[0];
    private static final Record[] NO_RECORDS = new Record[0];

    /** The log of a frame whose dissection never called the stream layer (or made no effect). */
    public static final StreamLog EMPTY = new StreamLog(NO_RECORDS);

    private final Record[] records;

    private StreamLog(Record[] records) {
        this.records = records;
    }

    /** Number of stream-hook calls recorded. */
    public int calls() {
        return records.length;
    }

    /** A stream hook that answers every call of one frame's dissection from this log. */
    public StreamHook replayer() {
        return new Replayer(records);
    }

    // ------------------------------------------------------------------ records and effects

    /** One stream-hook call: its kind, the effects it produced (in order) and what it returned. */
    static final class Record {
        final byte kind;
        Object[] ops = NONE;
        int count;
        Object result;

        Record(byte kind) {
            this.kind = kind;
        }

        void add(Op op) {
            if (count == ops.length) ops = java.util.Arrays.copyOf(ops, Math.max(2, count * 2));
            ops[count++] = op;
        }
    }

    /** One effect, applied again to a fresh dissection of the same frame. */
    interface Op {
        void apply(Ctx ctx);
    }

    /** A field named by what it is and where, found again in the replayed dissection. */
    record FieldRef(String abbrev, String source, int offset) {
        static FieldRef of(Field f) {
            return f == null ? null : new FieldRef(f.abbrev(), f.source(), f.offset());
        }

        Field resolve(Ctx ctx) {
            return StreamEffects.field(ctx.out(), source, offset, abbrev);
        }
    }

    record FindingOp(String id, Severity sev, String layer, FieldRef field, String source, int off, int len,
                     String observed, String expected, String extra) implements Op {
        public void apply(Ctx ctx) {
            ctx.finding(id, sev, layer, field == null ? null : field.resolve(ctx), source, off, len, observed, expected,
                    extra);
        }
    }

    record PutOp(Ctx.Key<?> key, Object value) implements Op {
        @SuppressWarnings("unchecked")
        public void apply(Ctx ctx) {
            ctx.put((Ctx.Key<Object>) key, value);
        }
    }

    record CallOp(String dissector, String source, int start, int end) implements Op {
        public void apply(Ctx ctx) {
            Dissector d = ctx.registry().byName(dissector);
            DataSource s = ctx.out().source(source);
            if (d != null && s != null) ctx.call(d, new Buf(s, start, end));
        }
    }

    record SourceOp(String name, byte[] bytes, List<SourcePart> parts) implements Op {
        public void apply(Ctx ctx) {
            ctx.addSource(name, bytes, parts);
        }
    }

    record NextOp(String table, int key, String source, int start, int end) implements Op {
        public void apply(Ctx ctx) {
            DataSource s = ctx.out().source(source);
            if (s == null) return;
            Buf b = new Buf(s, start, end);
            if (!ctx.next(table, key, b)) ctx.data(b);
        }
    }

    record NoteOp(int off, int n, String what) implements Op {
        public void apply(Ctx ctx) {
            StreamEffects.noteNow(ctx, off, n, what);
        }
    }

    record AnalysisOp(TcpAnalysis.Result result) implements Op {
        public void apply(Ctx ctx) {
            TcpAnalysis.apply(ctx, result);
        }
    }

    record TagOp(String tag) implements Op {
        public void apply(Ctx ctx) {
            TcpAnalysis.tagInfo(ctx, tag);
        }
    }

    record ContinuationOp(int off, int n) implements Op {
        public void apply(Ctx ctx) {
            StreamEffects.continuationNow(ctx, off, n);
        }
    }

    record SegmentOp(String source, int start, int end) implements Op {
        public void apply(Ctx ctx) {
            StreamEffects.segmentDataNow(ctx, source, start, end);
        }
    }

    // ------------------------------------------------------------------ recording

    /** Collects the log of the frame being dissected; {@link #take()} ends the frame. */
    public static final class Recorder {
        private final List<Record> frame = new ArrayList<>(4);
        private final ArrayList<Record> open = new ArrayList<>(4);

        void begin(byte kind) {
            Record r = new Record(kind);
            frame.add(r);
            open.add(r);
        }

        void op(Op op) {
            if (!open.isEmpty()) open.get(open.size() - 1).add(op);
        }

        void end(Object result) {
            if (!open.isEmpty()) open.remove(open.size() - 1).result = result;
        }

        /** The log of the frame just dissected; the recorder is ready for the next frame. */
        public StreamLog take() {
            open.clear();
            if (frame.isEmpty()) return EMPTY;
            boolean trivial = true;
            for (Record r : frame) {
                if (r.count > 0 || r.result instanceof Boolean b && b) {
                    trivial = false;
                    break;
                }
            }
            StreamLog log = trivial ? new StreamLog(shapeOnly(frame)) : new StreamLog(frame.toArray(NO_RECORDS));
            frame.clear();
            return log;
        }

        /** Records without effects and with a "not handled" answer need no objects of their own. */
        private static Record[] shapeOnly(List<Record> frame) {
            Record[] out = new Record[frame.size()];
            for (int i = 0; i < out.length; i++) out[i] = BARE[frame.get(i).kind];
            return out;
        }

        private static final Record[] BARE = {null, bare(TCP), bare(IP), bare(TPDU), bare(DT)};

        private static Record bare(byte kind) {
            Record r = new Record(kind);
            r.result = kind == TCP || kind == DT ? Boolean.FALSE : null;
            return r;
        }
    }

    // ------------------------------------------------------------------ replaying

    private static final class Replayer implements StreamHook {
        private final Record[] records;
        private int next;

        Replayer(Record[] records) {
            this.records = records;
        }

        /** The next record, which must be of this kind (else the log does not belong to this dissection). */
        private Record take(Ctx ctx, byte kind) {
            if (next >= records.length || records[next].kind != kind) {
                ctx.finding("INSPECTOR-INTERNAL-ERROR", null, "tcp", null, DataSource.FRAME, 0, 0,
                        "the connection-state log of this frame does not match its dissection", null, null);
                next = records.length;
                return null;
            }
            Record r = records[next++];
            for (int i = 0; i < r.count; i++) ((Op) r.ops[i]).apply(ctx);
            return r;
        }

        @Override
        public boolean onTcpPayload(Ctx ctx, Buf payload, TcpInfo tcp) {
            Record r = take(ctx, TCP);
            return r != null && Boolean.TRUE.equals(r.result);
        }

        @Override
        public DataSource onIpDatagram(Ctx ctx, Buf payload, IpDatagram ip) {
            Record r = take(ctx, IP);
            return r != null && r.result instanceof String id ? ctx.out().source(id) : null;
        }

        @Override
        public void onTpdu(Ctx ctx, CotpInfo tpdu) {
            take(ctx, TPDU);
        }

        @Override
        public boolean onDtUserData(Ctx ctx, Buf userData, boolean eot) {
            Record r = take(ctx, DT);
            return r != null && Boolean.TRUE.equals(r.result);
        }
    }
}
