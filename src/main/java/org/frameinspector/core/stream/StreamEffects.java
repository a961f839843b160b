package org.frameinspector.core.stream;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.model.SourcePart;
import org.frameinspector.core.protocols.cotp.CotpFields;
import org.frameinspector.core.protocols.tcp.TcpFields;

/**
 * Everything the stream layer does to a frame's dissection, in one place: raise a finding, hand bytes to a dissector,
 * add a reassembled buffer, explain consumed bytes. With a {@link Recorder} attached, each effect is also written to
 * the frame's {@link StreamLog}, so the same dissection can be made again later from the frame's bytes and its log
 * alone ({@link StreamLog#replayer}), without the connection state: that is how the desktop app shows frame N of a
 * big capture exactly as the in-order pass dissected it.
 */
final class StreamEffects {
    /** Writes effects to a log while the in-order pass runs; null when nothing records. */
    StreamLog.Recorder recorder;

    // ------------------------------------------------------------------ hook calls (recorded as records)

    void begin(byte kind) {
        if (recorder != null) recorder.begin(kind);
    }

    void end(Object result) {
        if (recorder != null) recorder.end(result);
    }

    /** Callers test {@code recorder != null} first, so no record is made while nothing records. */
    private void log(StreamLog.Op op) {
        if (recorder != null) recorder.op(op);
    }

    // ------------------------------------------------------------------ effects

    Finding finding(Ctx ctx, String id, Severity sev, String layer, Field field, String source, int off, int len,
                    String observed, String expected) {
        return finding(ctx, id, sev, layer, field, source, off, len, observed, expected, null);
    }

    /** Same with a sentence added to the catalogue's explanation. */
    Finding finding(Ctx ctx, String id, Severity sev, String layer, Field field, String source, int off, int len,
                    String observed, String expected, String extra) {
        if (recorder != null) log(new StreamLog.FindingOp(id, sev, layer, StreamLog.FieldRef.of(field), source, off, len, observed, expected,
                extra));
        return ctx.finding(id, sev, layer, field, source, off, len, observed, expected, extra);
    }

    <T> void put(Ctx ctx, Ctx.Key<T> key, T value) {
        if (recorder != null) log(new StreamLog.PutOp(key, value));
        ctx.put(key, value);
    }

    /** Hands {@code [start, end)} of a data source to the dissector registered under {@code name}. */
    void call(Ctx ctx, Dissector d, Buf buf) {
        if (recorder != null) log(new StreamLog.CallOp(d.protocol(), buf.sourceId(), buf.start(), buf.end()));
        ctx.call(d, buf);
    }

    DataSource addSource(Ctx ctx, String name, byte[] bytes, List<SourcePart> parts) {
        if (recorder != null) log(new StreamLog.SourceOp(name, bytes, parts));
        return ctx.addSource(name, bytes, parts);
    }

    /** Dispatches through a table (with its heuristics), or shows the bytes as data. */
    void nextOrData(Ctx ctx, String table, int key, Buf buf) {
        if (recorder != null) log(new StreamLog.NextOp(table, key, buf.sourceId(), buf.start(), buf.end()));
        if (!ctx.next(table, key, buf)) ctx.data(buf);
    }

    /** Explains frame bytes the stream layer consumed without decoding them in this frame. */
    void note(Ctx ctx, int off, int n, String what) {
        if (n <= 0) return;
        if (recorder != null) log(new StreamLog.NoteOp(off, n, what));
        noteNow(ctx, off, n, what);
    }

    static void noteNow(Ctx ctx, int off, int n, String what) {
        Dissection out = ctx.out();
        String proto = out.protocol();
        Buf fb = new Buf(out.sources().get(0), off, off + n);
        L l = ctx.layer("tcp.segment", null, fb);
        l.name(() -> "TCP segment data (" + n + " bytes): " + what);
        // a plain display ("N bytes", as Wireshark shows segment data): no hex string per frame on the hot path
        l.field(null, TcpFields.TCP_SEGMENT_DATA, off, n, 0, fb.copy(off, n), n + " bytes", FieldKind.PAYLOAD);
        out.setProtocol(proto);
    }

    /** Relative sequence numbers and the SEQ/ACK analysis of the segment, into its TCP layer. */
    void analysis(Ctx ctx, TcpAnalysis.Result r) {
        if (recorder != null) log(new StreamLog.AnalysisOp(r));
        TcpAnalysis.apply(ctx, r);
    }

    /** A bracketed tag in front of the Info column ("[TCP Retransmission]"). */
    void tag(Ctx ctx, String tag) {
        if (recorder != null) log(new StreamLog.TagOp(tag));
        TcpAnalysis.tagInfo(ctx, tag);
    }

    /** Frame bytes after a sequence hole, before the first TPKT header: the rest of a TPKT whose start was not captured. */
    void continuation(Ctx ctx, int off, int n) {
        if (n <= 0) return;
        if (recorder != null) log(new StreamLog.ContinuationOp(off, n));
        continuationNow(ctx, off, n);
    }

    static void continuationNow(Ctx ctx, int off, int n) {
        Dissection out = ctx.out();
        Buf fb = new Buf(out.sources().get(0), off, off + n);
        L l = ctx.layer("tpkt", "TPKT Continuation", fb);
        l.field(null, org.frameinspector.core.protocols.tpkt.TpktFields.TPKT_CONTINUATION_DATA
                .as("Continuation data (start not captured)"), off, n, 0, fb.copy(off, n), n + " bytes", FieldKind.PAYLOAD);
    }

    /** Shows DT user data the stream layer took (to reassemble a TSDU) in the COTP layer it belongs to. */
    void segmentData(Ctx ctx, Buf ud) {
        if (ud.length() <= 0) return;
        if (recorder != null) log(new StreamLog.SegmentOp(ud.sourceId(), ud.start(), ud.end()));
        segmentDataNow(ctx, ud.sourceId(), ud.start(), ud.end());
    }

    static void segmentDataNow(Ctx ctx, String sourceId, int start, int end) {
        int n = end - start;
        List<Layer> ls = ctx.out().layers();
        for (int i = ls.size() - 1; i >= 0; i--) {
            Layer l = ls.get(i);
            if (!l.protocol().equals("cotp") || !l.source().equals(sourceId)) continue;
            DataSource src = ctx.out().source(sourceId);
            byte[] v = java.util.Arrays.copyOfRange(src.bytes(), start, end);
            l.add(new Field(CotpFields.COTP_SEGMENT_DATA.as("COTP segment data (" + n + " byte" + (n == 1 ? "" : "s") + ")"),
                    start, n, 0, v, n + " bytes", sourceId, FieldKind.PAYLOAD));
            if (l.end() < end) l.setLength(end - l.offset());
            return;
        }
    }

    /** The deepest field with the given abbreviation at exactly {@code off} in {@code source}, searched from the last layer. */
    static Field field(Dissection out, String source, int off, String abbrev) {
        List<Layer> ls = out.layers();
        for (int i = ls.size() - 1; i >= 0; i--) {
            Layer l = ls.get(i);
            if (!l.source().equals(source) || off < l.offset() || off >= l.end() && l.length() > 0) continue;
            for (Field f : l.fields()) {
                Field r = find(f, off, abbrev);
                if (r != null) return r;
            }
        }
        return null;
    }

    private static Field find(Field f, int off, String abbrev) {
        if (f.offset() == off && abbrev.equals(f.abbrev())) return f;
        // children still to be made lie within f's bytes: made only when the field sought may be one of them
        if (f.childrenPending() && (off < f.offset() || off >= f.end())) return null;
        for (Field c : f.children()) {
            Field r = find(c, off, abbrev);
            if (r != null) return r;
        }
        return null;
    }

    static List<SourcePart> copy(List<SourcePart> parts) {
        return parts == null ? List.of() : new ArrayList<>(parts);
    }
}
