package org.frameinspector.core.stream;

import org.frameinspector.core.protocols.cotp.CotpFields;
import org.frameinspector.core.protocols.tcp.TcpFields;
import org.frameinspector.core.protocols.cotp.CotpDissector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.CotpInfo;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.dissect.StreamHook;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.protocols.tpkt.TpktDissector;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.model.SourcePart;
import org.frameinspector.core.stream.ConnectionTable.Conn;
import org.frameinspector.core.stream.ConnectionTable.Dir;

/**
 * The stream layer: connection state for a capture dissected frame by frame, in order. Pass one instance as the
 * stream hook of {@link org.frameinspector.core.dissect.FrameDissector#dissect(org.frameinspector.core.model.Frame,
 * String, StreamHook)} for every frame, call {@link #record(Dissection)} with each result (for the per-connection
 * findings column) and {@link #finish()} at the end; {@link #rows()} is the connections view.
 *
 * <p>Per TCP connection and direction it keeps the next expected sequence number, a short history of delivered bytes
 * (to check retransmissions), the holes in the sequence numbers (bounded, for late segments), the SEQ/ACK analysis
 * ({@link TcpAnalysis}), the TPKT framer and the COTP TSDU being reassembled; per connection the COTP CR/CC
 * negotiation. Nothing waits for missing bytes: a segment after a hole is decoded at once (the framing starts again
 * at a TPKT header; bytes before it are continuation data). Memory per direction is bounded by 65535 (one TPKT) +
 * {@link #MAX_TSDU} + {@link #HISTORY}; closed connections keep only their row.
 */
public final class Conversations implements StreamHook {
    /** Largest segmented TSDU reassembled. */
    public static final int MAX_TSDU = 1 << 20;
    /** Bytes of already delivered data kept per direction to compare retransmissions with. */
    public static final int HISTORY = 1 << 14;
    /** First size of the history ring of a direction; it grows by doubling up to {@link #HISTORY}. */
    static final int MIN_HISTORY = 64;

    /** Where the stream layer's effects on a dissection go (and are recorded, see {@link #record(StreamLog.Recorder)}). */
    final StreamEffects fx = new StreamEffects();
    /**
     * Connections held at once. Above it the least recently used one is dropped from the table (its row stays, with a
     * note; a live one raises STREAM-CONNECTION-LIMIT), so a capture of millions of half-open connections stays
     * bounded. An open connection with a CR/CC exchanged and nothing held costs about 1.3 KB (measured: 1,310 bytes
     * each over 98,000 such connections, row included; a closed one less, its buffers are released), so 100,000
     * concurrent connections fit in a 256 MiB heap (issue 14, BenchManyConnectionsTest) and the limit itself stands for
     * about 170 MB; idle ones go earlier, after {@link ConnectionTable#IDLE_NANOS} of capture time without a segment.
     */
    public static final int MAX_LIVE_CONNECTIONS = 131_072;
    /** The connection table and the rows of the connections view. */
    final ConnectionTable table = new ConnectionTable();

    // the call in progress (onTpdu/onDtUserData arrive inside onTcpPayload)
    private Ctx curCtx;
    private Conn cur;
    private Dir curDir;
    private boolean curFromA;
    private int curFrame;
    private int liveFrame;
    Dissector tpkt;

    // which connection the latest frame belonged to, for record()
    Conn frameConn;
    int frameConnNo;

    /** The connections seen so far, in order of their first frame. */
    public List<Conversation> rows() {
        return Collections.unmodifiableList(table.rows);
    }

    // ------------------------------------------------------------------ IP fragments

    /** IP fragment reassembly and the IPv4 ID reuse check. */
    final IpFragments ipFragments = new IpFragments(fx);

    @Override
    public DataSource onIpDatagram(Ctx ctx, Buf payload, org.frameinspector.core.dissect.IpDatagram ip) {
        fx.begin(StreamLog.IP);
        DataSource s = null;
        try {
            return s = ipFragments.onDatagram(ctx, payload, ip);
        } finally {
            fx.end(s == null ? null : s.id());
        }
    }

    // ------------------------------------------------------------------ TCP

    @Override
    public boolean onTcpPayload(Ctx ctx, Buf payload, TcpInfo tcp) {
        fx.begin(StreamLog.TCP);
        boolean handled = false;
        try {
            return handled = segment(ctx, payload, tcp);
        } catch (RuntimeException e) {
            fx.finding(ctx, "INSPECTOR-INTERNAL-ERROR", null, "tcp", null, DataSource.FRAME, payload.start(),
                    payload.length(), e.getClass().getSimpleName() + " in the stream layer", null);
            return false;
        } finally {
            curCtx = null;
            cur = null;
            curDir = null;
            fx.end(handled);
        }
    }

    private boolean segment(Ctx ctx, Buf payload, TcpInfo tcp) {
        int fn = ctx.out().frame().number();
        long ts = ctx.out().frame().timestampNanos();
        Conn c = table.lookup(tcp, fn, ts);
        if (table.active.size() > MAX_LIVE_CONNECTIONS) evictIdle(ctx, c, payload);
        table.sweep(c);
        // the class the connection negotiated decides which class-0 rules COTP applies to its TPDUs
        fx.put(ctx, CotpDissector.CONN_CLASS, c.ccSeen && c.cls >= 0 && c.cls <= 4 ? c.cls : null);
        Conversation row = c.row;
        boolean fromA = row.portA == tcp.srcPort() && row.addrA.equals(tcp.srcAddr());
        Dir d = fromA ? c.a : c.b;
        if (frameConnNo != fn || frameConn != c) row.frames++;
        row.lastFrame = fn;
        row.lastTime = ts;
        frameConn = c;
        frameConnNo = fn;
        curCtx = ctx;
        cur = c;
        curDir = d;
        curFromA = fromA;
        curFrame = fn;
        liveFrame = payload.source().isFrame() ? fn : -1;

        long seq = tcp.seq() & 0xFFFFFFFFL;
        TcpAnalysis.Result ar = analyse(ctx, c, d, fromA ? c.b : c.a, tcp, payload, fn, ts);
        checksum(ctx, c, d, tcp, fromA);
        ecn(ctx, c, tcp, fromA);
        if (tcp.syn()) {
            d.synSeen = true;
            d.seqKnown = true;
            d.nextSeq = (seq + 1) & 0xFFFFFFFFL;
        }
        boolean handled = false;
        int n = payload.length();
        if (n > 0) {
            long dataSeq = tcp.syn() ? (seq + 1) & 0xFFFFFFFFL : seq;
            if (!d.seqKnown) {
                d.seqKnown = true;
                d.nextSeq = dataSeq;
            }
            if (fromA) row.bytesAtoB += n;
            else row.bytesBtoA += n;
            if (c.tpkt == null) {
                c.tpkt = standardPort(tcp) || looksLikeTpkt(payload);
                row.tpkt = c.tpkt;
            }
            if (tpkt == null) tpkt = ctx.registry().byName("tpkt");
            if (d.passthrough && !c.closed) {
                int diff = (int) (dataSeq - d.nextSeq);
                if (diff >= 0 || diff + n > 0) d.nextSeq = (dataSeq + n) & 0xFFFFFFFFL;
                note(ctx, payload.source(), payload.start(), n, "TLS (RDP switched to TLS after the X.224 exchange), not decoded");
                handled = true;
            } else if (c.tpkt && tpkt != null && !c.closed) {
                handled = data(ctx, c, d, payload, dataSeq);
            } else {
                int diff = (int) (dataSeq - d.nextSeq);
                if (diff >= 0 || diff + n > 0) d.nextSeq = (dataSeq + n) & 0xFFFFFFFFL;
            }
        }
        if (tcp.fin() || tcp.rst()) close(ctx, c, d, tcp, fromA, payload);
        String tag = ar == null ? null : TcpAnalysis.tag(ar);
        if (tag != null) fx.tag(ctx, tag);
        return handled && n > 0;
    }

    /** Max. sequence holes remembered per direction (for late segments that fill them). */
    static final int MAX_HOLES = 16;

    /** Checks --strict-checksums: every unfinished checksum is a violation of its own, offload or not. */
    boolean strictChecksums;

    /** Makes every unfinished TCP checksum a VIOLATION of its own instead of one INFO per host and direction. */
    public Conversations strictChecksums(boolean strict) {
        strictChecksums = strict;
        return this;
    }

    /** Relative numbers and the SEQ/ACK analysis of this segment, with findings where they matter. */
    private TcpAnalysis.Result analyse(Ctx ctx, Conn c, Dir d, Dir o, TcpInfo tcp, Buf payload, int fn, long ts) {
        Layer l = TcpAnalysis.tcpLayer(ctx.out());
        if (l == null) return null;
        long win = tcp.window();
        long len = tcp.segmentLength();
        // a window scale option counts on a SYN only (RFC 7323 §2.2), the only segment whose options are searched
        int ws = tcp.syn() ? (int) TcpAnalysis.value(l, "tcp.options.wscale.shift", -1) : -1;
        TcpAnalysis.Result r = c.analysis.segment(d.flow, o.flow, tcp, (int) len, win, ws, fn, ts);
        fx.analysis(ctx, r);
        int f = r.flags();
        String src = l.source();
        int off = l.offset();
        Field seqF = field(ctx, src, off + 4, "tcp.seq");
        if ((f & TcpAnalysis.LOST) != 0) {
            fx.finding(ctx, "TCP-SEGMENT-MISSING", null, "tcp", seqF, src, off + 4, 4,
                    "this segment starts at relative sequence " + r.seq() + ", the highest seen before was "
                            + r.prevNext(), null);
        }
        if ((f & TcpAnalysis.ACK_LOST) != 0) {
            fx.finding(ctx, "TCP-ACKED-UNSEEN-SEGMENT", null, "tcp", field(ctx, src, off + 8, "tcp.ack"), src, off + 8, 4,
                    "acknowledges up to relative sequence " + r.ack(), null);
        }
        if ((f & TcpAnalysis.SPURIOUS) != 0) {
            fx.finding(ctx, "TCP-SPURIOUS-RETRANSMISSION", null, "tcp", seqF, src, off + 4, 4,
                    len + " bytes from relative sequence " + r.seq() + ", already acknowledged by the peer", null);
        } else if ((f & TcpAnalysis.FAST) != 0) {
            fx.finding(ctx, "TCP-FAST-RETRANSMISSION", null, "tcp", seqF, src, off + 4, 4,
                    len + " bytes from relative sequence " + r.seq() + " after " + o.flow.dupAcks + " duplicate ACKs", null);
        } else if ((f & TcpAnalysis.RETRANSMISSION) != 0) {
            fx.finding(ctx, "TCP-RETRANSMISSION", null, "tcp", seqF, src, off + 4, 4,
                    (tcp.syn() ? "the SYN" : len + " bytes") + " from relative sequence " + r.seq()
                            + " sent again (first sent in or before frame " + r.prevNextFrame() + ")", null);
        } else if ((f & TcpAnalysis.OUT_OF_ORDER) != 0) {
            fx.finding(ctx, "TCP-OUT-OF-ORDER", null, "tcp", seqF, src, off + 4, 4,
                    "relative sequence " + r.seq() + ", below the highest seen (" + r.prevNext() + ")", null);
        }
        if ((f & TcpAnalysis.WINDOW_FULL) != 0) {
            fx.finding(ctx, "TCP-WINDOW-FULL", null, "tcp", seqF, src, off + 4, 4, "this segment ends at relative sequence "
                    + r.nxtSeq() + ", the right edge of the window the peer last advertised", null);
        }
        if ((f & TcpAnalysis.RST_AFTER_DATA) != 0) {
            fx.finding(ctx, "TCP-RST-AFTER-DATA", null, "tcp", field(ctx, src, off + 13, "tcp.flags.reset"), src, off + 13,
                    1, "this side had sent up to relative sequence " + d.flow.nextRel() + ", the peer up to "
                            + o.flow.nextRel(), null);
        }
        if ((f & TcpAnalysis.ZERO_WINDOW) != 0) {
            fx.finding(ctx, "TCP-ZERO-WINDOW", null, "tcp", field(ctx, src, off + 14, "tcp.window_size_value"), src,
                    off + 14, 2, "window 0", null);
        }
        return r;
    }

    /**
     * An unfinished checksum (TCP left it to the stream layer: 0 or the bare pseudo-header sum) is checksum offload
     * on the sending host: one INFO per connection direction, counted in the connection's note; with
     * --strict-checksums each one is a VIOLATION.
     */
    private void checksum(Ctx ctx, Conn c, Dir d, TcpInfo tcp, boolean fromA) {
        Integer unf = ctx.get(org.frameinspector.core.protocols.tcp.TcpDissector.CHECKSUM_UNFINISHED);
        if (unf == null) return;
        Layer l = TcpAnalysis.tcpLayer(ctx.out());
        if (l == null) return;
        String src = l.source();
        int off = l.offset() + 16;
        Field ck = field(ctx, src, off, "tcp.checksum");
        Field calc = field(ctx, src, off, "tcp.checksum_calculated");
        String exp = calc == null ? "the checksum over the segment" : String.format("0x%04x", calc.longValue());
        String obs = String.format("0x%04x", unf & 0xFFFF);
        if (strictChecksums) {
            fx.finding(ctx, "TCP-CHECKSUM-BAD", Severity.VIOLATION, "tcp", ck, src, off, 2, obs, exp);
        } else if (d.offloaded++ == 0) {
            fx.finding(ctx, "TCP-CHECKSUM-OFFLOAD", null, "tcp", ck, src, off, 2, obs + " from " + tcp.srcAddr()
                    + " (the first of its segments to " + tcp.dstAddr() + " with an unfinished checksum)", exp);
        }
        if (fromA) c.row.offloadA++;
        else c.row.offloadB++;
    }

    private static final int ECE = 0x040, CWR = 0x080, AE = 0x100;

    /**
     * Follows the ECN set-up of the handshake and flags ECN code points on a connection that did not negotiate ECN
     * (IP4-ECN-WITHOUT-NEGOTIATION). RFC 3168 §6.1.1: ECT may be set only after an ECN-setup SYN (ECE and CWR set) was
     * answered by an ECN-setup SYN-ACK (ECE set, CWR clear: AE/CWR/ECE = 001). Accurate ECN (RFC 9768 §3.1.1): the SYN
     * sets AE, CWR and ECE, and a SYN-ACK with AE/CWR/ECE = 010, 011, 100 or 110 agrees. Checked only when both SYNs
     * were seen, and flagged once per direction.
     */
    private void ecn(Ctx ctx, Conn c, TcpInfo tcp, boolean fromA) {
        int f = tcp.flags() & (AE | CWR | ECE);
        if (tcp.syn()) {
            if ((tcp.flags() & TcpInfo.ACK) == 0) c.synEcn = f;
            else c.synAckEcn = f;
            return;
        }
        if (c.synEcn < 0 || c.synAckEcn < 0) return;
        boolean classic = (c.synEcn & (CWR | ECE)) == (CWR | ECE) && c.synAckEcn == ECE;
        int a = c.synAckEcn;
        boolean accurate = c.synEcn == (AE | CWR | ECE) && (a == CWR || a == (CWR | ECE) || a == AE || a == (AE | CWR));
        if (classic || accurate) return;
        if (fromA ? c.ecnToldA : c.ecnToldB) return;
        List<Layer> ls = ctx.out().layers();
        for (int i = ls.size() - 1; i >= 0; i--) {
            Layer l = ls.get(i);
            if (l.protocol().equals("ipv6")) return;
            if (!l.protocol().equals("ip")) continue;
            if (!l.source().equals(DataSource.FRAME) || l.length() < 2) return;
            byte[] b = ctx.out().frame().data();
            int off = l.offset() + 1;
            if (off >= b.length) return;
            int bits = b[off] & 3;
            if (bits == 0) return;
            String cp = bits == 3 ? "CE (11)" : bits == 2 ? "ECT(0) (10)" : "ECT(1) (01)";
            String why = (c.synEcn & (CWR | ECE)) != (CWR | ECE) ? "the SYN did not ask for ECN (ECE and CWR not both set)"
                    : "the SYN-ACK did not agree to ECN";
            fx.finding(ctx, "IP4-ECN-WITHOUT-NEGOTIATION", null, "ip", field(ctx, DataSource.FRAME, off, "ip.dsfield"),
                    DataSource.FRAME, off, 1, cp, "Not-ECT (00): " + why, "Only the first such datagram in this "
                            + "direction of the connection is flagged.");
            if (fromA) c.ecnToldA = true;
            else c.ecnToldB = true;
            return;
        }
    }

    /**
     * Makes room in the connection table (see {@link ConnectionTable#evict}): an open connection dropped from it raises
     * STREAM-CONNECTION-LIMIT on the frame that needed the room.
     */
    private void evictIdle(Ctx ctx, Conn keep, Buf payload) {
        int fn = ctx.out().frame().number();
        table.evict(keep, "dropped from the connection table at frame " + fn + " (more than " + MAX_LIVE_CONNECTIONS
                + " connections open); a later segment starts a new row", old -> {
                    Conversation row = old.row;
                    Layer tl = ctx.out().layer("tcp");
                    boolean inFrame = tl != null && tl.source().equals(DataSource.FRAME);
                    fx.finding(ctx, "STREAM-CONNECTION-LIMIT", null, "tcp", null, DataSource.FRAME,
                            inFrame ? tl.offset() : payload.start(), inFrame ? tl.length() : 0,
                            "connection " + row.index + " (" + row.endpointA() + " ⇄ " + row.endpointB() + ", last frame "
                                    + row.lastFrame + ") dropped to make room for this one",
                            "at most " + MAX_LIVE_CONNECTIONS + " open connections");
                });
    }

    private static boolean standardPort(TcpInfo t) {
        return t.srcPort() == 102 || t.dstPort() == 102 || t.srcPort() == 3389 || t.dstPort() == 3389;
    }

    private static boolean looksLikeTpkt(Buf p) {
        int s = p.start();
        if (p.peek(s) != 3 || p.peek(s + 1) != 0) return false;
        int l = (p.peek(s + 2) << 8) | p.peek(s + 3);
        int li = p.peek(s + 4), code = p.peek(s + 5);
        return l >= 7 && li > 0 && li < l - 4 && code >= 0 && Cotp.definedType(code >> 4);
    }

    private boolean data(Ctx ctx, Conn c, Dir d, Buf payload, long dataSeq) {
        byte[] b = payload.bytes();
        int start = payload.start(), n = payload.length();
        DataSource src = payload.source();
        int diff = (int) (dataSeq - d.nextSeq);
        if (diff < 0 && d.fillHole(dataSeq, n)) {
            late(ctx, payload);
            return true;
        }
        if (diff < 0) {
            int ov = (int) Math.min(n, -(long) diff);
            overlap(ctx, d, b, start, ov, dataSeq);
            if (ov == n) return true;
            start += ov;
            n -= ov;
            dataSeq = (dataSeq + ov) & 0xFFFFFFFFL;
            diff = 0;
        }
        if (diff > 0) hole(d, dataSeq);
        if (src.isFrame()) deliver(ctx, c, d, b, start, n, curFrame, start);
        else pieces(src, start, n, (o, k, fr, fo) -> deliver(ctx, c, d, b, o, k, fr, fo));
        endOfFrame(ctx, d);
        if (d.framer != null) d.framer.trim();
        return true;
    }

    /**
     * A sequence hole: the bytes before this segment were not captured (a capture is a record, not a wait state). It
     * is remembered so a late segment can fill it, the framing starts again at this segment (what was held of a TPKT
     * before the hole is dropped) and the TCP analysis reports it (TCP-SEGMENT-MISSING).
     */
    private void hole(Dir d, long dataSeq) {
        d.addHole(dataSeq);
        if (d.framer != null) d.framer.gap();
        d.gapHunt = true;
        d.skipped = 0;
        d.lostSync = false;
        dropTsdu(d);
        d.nextSeq = dataSeq;
    }

    /** Set while a late segment is decoded on its own: COTP state (TSDU reassembly) is not touched. */
    private boolean detached;

    /**
     * A late (or retransmitted) segment with bytes of a hole: decoded in its own frame, apart from the stream's
     * framing (which has moved on): a TPKT at its start is decoded, other bytes are continuation data.
     */
    private void late(Ctx ctx, Buf payload) {
        int s = payload.start(), n = payload.length();
        if (!payload.source().isFrame() || liveFrame < 0) {
            note(ctx, payload.source(), s, n, "late segment (bytes of an earlier hole in the sequence numbers)");
            return;
        }
        if (n >= 4 && payload.peek(s) == 3 && payload.peek(s + 1) == 0) {
            lone(ctx, s, n);
        } else {
            fx.continuation(ctx, s, n);
        }
    }

    /** Decodes [off, off+n) of the frame with the TPKT dissector alone, as a single frame would be. */
    private void lone(Ctx ctx, int off, int n) {
        boolean was = detached;
        detached = true;
        try {
            fx.call(ctx, tpkt, new Buf(ctx.out().sources().get(0), off, off + n));
        } finally {
            detached = was;
        }
    }

    private interface Piece {
        void at(int off, int len, int frame, int frameOff);
    }

    /** Splits [start, start+n) of a reassembled source into runs that each lie in one frame (IP fragments). */
    private void pieces(DataSource src, int start, int n, Piece fn) {
        int o = start, end = start + n;
        while (o < end) {
            SourcePart p = src.partAt(o);
            if (p == null) {
                int next = end;
                for (SourcePart q : src.parts()) if (q.bufferOffset() > o && q.bufferOffset() < next) next = q.bufferOffset();
                fn.at(o, next - o, curFrame, o);
                o = next;
                continue;
            }
            int k = Math.min(end, p.bufferOffset() + p.length()) - o;
            fn.at(o, k, p.frame(), p.frameOffset() + (o - p.bufferOffset()));
            o += k;
        }
    }

    /** Bytes of this segment at sequence numbers already delivered: compare them with what was delivered. */
    private void overlap(Ctx ctx, Dir d, byte[] b, int start, int ov, long dataSeq) {
        int first = -1, lastDiff = -1, differ = 0, compared = 0;
        if (d.hist != null) {
            int mask = d.hist.length - 1;
            long kept = Math.min(d.histCount, d.hist.length);
            long histStart = (d.nextSeq - kept) & 0xFFFFFFFFL;
            for (int i = 0; i < ov; i++) {
                long s = (dataSeq + i) & 0xFFFFFFFFL;
                if ((int) (s - histStart) < 0) continue;
                compared++;
                if (d.hist[(int) (s & mask)] != b[start + i]) {
                    if (first < 0) first = i;
                    lastDiff = i;
                    differ++;
                }
            }
        }
        if (differ > 0) {
            fx.finding(ctx, "TCP-OVERLAP-MISMATCH", null, "tcp", null, DataSource.FRAME, start + first,
                    lastDiff - first + 1, differ + " of the " + compared + " overlapping bytes differ",
                    "the same bytes as first sent");
        }
        note(ctx, null, start, ov, differ > 0 ? "retransmitted, but different from the first copy (first copy kept)"
                : "retransmitted, already decoded");
    }

    private void deliver(Ctx ctx, Conn c, Dir d, byte[] b, int off, int n, int frame, int frameOff) {
        d.remember(b, off, n);
        if (d.passthrough) return;
        if (d.framer == null) {
            d.framer = new TpktFramer(!d.synSeen || d.gapHunt);
            d.framer.rdp = c.row.portA == 3389 || c.row.portB == 3389;
            if (!d.synSeen) d.gapHunt = true;
        }
        if (frame == liveFrame && d.framer.hunting() && d.framer.buffered() == 0 && n >= 4 && b[off] == 3 && b[off + 1] == 0
                && !TpktDissector.looksLikeTpkt(new Buf(ctx.out().sources().get(0), off, off + n), off)) {
            // a segment that starts where a TPKT header must start (stream start, after a hole or a lost framing)
            // with 03 00 but a header the framer cannot follow (length < 7, COTP LI 0 or 255 …): decode it as a
            // lone segment, so its TPKT and COTP findings are raised, and keep looking for a header after it
            lone(ctx, off, n);
            return;
        }
        if (frame == liveFrame && frameOff == off && d.framer.buffered() == 0 && !d.framer.hunting() && !d.lostSync
                && d.skipped == 0) {
            // fast path (most segments): whole TPKTs straight from the frame, no copy into the framer
            int o = off, end = off + n;
            runCount = 0;
            runStart = -1;
            while (end - o >= 4 && b[o] == 3) {
                int l = ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF);
                if (l < 7 || l > end - o) break;
                if (runCount == runOff.length) flushRun(ctx, c);
                if (runStart < 0) runStart = o;
                runOff[runCount] = o;
                runLen[runCount] = l;
                runCount++;
                runEnd = o + l;
                o += l;
            }
            flushRun(ctx, c);
            if (o == end) return;
            n = end - o;
            frameOff += o - off;
            off = o;
        }
        d.framer.append(b, off, n, frame, frameOff);
        frame(ctx, c, d);
    }

    // ------------------------------------------------------------------ TPKT framing

    private final int[] runOff = new int[64], runLen = new int[64];
    private int runCount, runStart = -1, runEnd;

    private void frame(Ctx ctx, Conn c, Dir d) {
        TpktFramer f = d.framer;
        runCount = 0;
        runStart = -1;
        while (true) {
            int r = f.next();
            if (r == TpktFramer.NEED_MORE) break;
            if (r == TpktFramer.TPKT) {
                d.gapHunt = false;
                int s = f.resultStart, l = f.resultLen;
                boolean resync = d.skipped > 0 || d.lostSync;
                if (liveFrame > 0 && f.wholeIn(s, l, liveFrame) && !resync) {
                    int fo = f.frameOffset(s, liveFrame);
                    if (runStart < 0 || fo != runEnd || runCount == runOff.length) {
                        flushRun(ctx, c);
                        runStart = fo;
                        runEnd = fo;
                    }
                    runOff[runCount] = fo;
                    runLen[runCount] = l;
                    runCount++;
                    runEnd = fo + l;
                } else {
                    flushRun(ctx, c);
                    if (liveFrame > 0 && f.wholeIn(s, l, liveFrame)) {
                        int fo = f.frameOffset(s, liveFrame);
                        resync(ctx, d, DataSource.FRAME, fo);
                        runStart = fo;
                        runEnd = fo + l;
                        runOff[0] = fo;
                        runLen[0] = l;
                        runCount = 1;
                    } else {
                        reassembled(ctx, c, d, s, l);
                    }
                }
            } else if (r == TpktFramer.SYNC_LOST) {
                flushRun(ctx, c);
                d.lostSync = true;
                int fo = f.frameOffset(f.resultStart, liveFrame);
                int v = f.bytes()[f.resultStart] & 0xFF;
                String obs = f.tpktLength >= 0 ? "the length field says " + f.tpktLength + " (less than 7)"
                        : String.format("the byte is 0x%02x, not the version 3", v);
                if (fo < 0) obs += " (header began in frame " + f.frameOf(f.resultStart) + ")";
                fx.finding(ctx, "TPKT-STREAM-SYNC-LOST", null, "tpkt", null, DataSource.FRAME,
                        fo >= 0 ? fo : firstLive(f), fo >= 0 ? (f.tpktLength >= 0 ? 4 : 1) : 0, obs,
                        "03 00 and a length of at least 7");
            } else if (r == TpktFramer.TLS) {
                flushRun(ctx, c);
                d.passthrough = true;
                String side = curFromA ? "A" : "B";
                c.row.note += (c.row.note.isEmpty() ? "" : "; ") + side + " switched to TLS in frame " + curFrame;
                f.forEachIn(f.resultStart, f.resultLen, liveFrame, (fo, k) -> note(ctx, null, fo, k,
                        "TLS record: RDP switched to TLS after the X.224 exchange (not decoded here)"));
                f.drop();
                break;
            } else if (r == TpktFramer.FASTPATH) {
                flushRun(ctx, c);
                int n = f.resultLen;
                // a fast-path PDU wholly in this frame is decoded by the RDP fast-path dissector (if registered)
                org.frameinspector.core.dissect.Dissector fp = ctx.registry().byName("rdp.fastpath");
                int[] piece = {-1, 0, 0};
                f.forEachIn(f.resultStart, n, liveFrame, (fo, k) -> { piece[0] = fo; piece[1] = k; piece[2]++; });
                if (fp != null && piece[2] == 1 && piece[1] == n) {
                    fx.call(ctx, fp, new Buf(ctx.out().sources().get(0), piece[0], piece[0] + n));
                } else {
                    f.forEachIn(f.resultStart, n, liveFrame, (fo, k) -> note(ctx, null, fo, k,
                            "RDP fast-path PDU of " + n + " bytes (MS-RDPBCGR 2.2.9.1.2), not TPKT"));
                }
            } else if (r == TpktFramer.SKIPPED && d.gapHunt) {
                flushRun(ctx, c);
                f.forEachIn(f.resultStart, f.resultLen, liveFrame, (fo, k) -> fx.continuation(ctx, fo, k));
            } else if (r == TpktFramer.SKIPPED) {
                flushRun(ctx, c);
                d.skipped += f.resultLen;
                int n = f.resultLen;
                f.forEachIn(f.resultStart, n, liveFrame, (fo, k) -> note(ctx, null, fo, k,
                        "not TPKT-framed (skipped while looking for the next TPKT header)"));
            }
        }
        flushRun(ctx, c);
    }

    private int firstLive(TpktFramer f) {
        int[] out = {-1};
        f.forEachIn(0, f.buffered() + 1 << 20, liveFrame, (fo, k) -> { if (out[0] < 0) out[0] = fo; });
        return Math.max(out[0], 0);
    }

    private void resync(Ctx ctx, Dir d, String source, int off) {
        if (d.skipped > 0 || d.lostSync) {
            fx.finding(ctx, "TPKT-STREAM-RESYNC", null, "tpkt", null, source, off, 4,
                    d.skipped + " byte" + (d.skipped == 1 ? "" : "s"), null);
        }
        d.skipped = 0;
        d.lostSync = false;
    }

    private void flushRun(Ctx ctx, Conn c) {
        if (runCount == 0) {
            runStart = -1;
            return;
        }
        DataSource frameSrc = ctx.out().sources().get(0);
        fx.call(ctx, tpkt, new Buf(frameSrc, runStart, runEnd));
        for (int i = 0; i < runCount; i++) sizeCheck(ctx, c, DataSource.FRAME, runOff[i], runLen[i]);
        runCount = 0;
        runStart = -1;
    }

    private void reassembled(Ctx ctx, Conn c, Dir d, int s, int l) {
        TpktFramer f = d.framer;
        byte[] bytes = Arrays.copyOfRange(f.bytes(), s, s + l);
        List<SourcePart> parts = f.parts(s, l);
        int first = parts.isEmpty() ? curFrame : parts.get(0).frame();
        int lastF = parts.isEmpty() ? curFrame : parts.get(parts.size() - 1).frame();
        String name = "Reassembled TPKT (" + l + " bytes, frame" + (first == lastF ? " " + first : "s " + first + "-" + lastF) + ")";
        DataSource src = fx.addSource(ctx, name, bytes, parts);
        resync(ctx, d, src.id(), 0);
        String why = "part of a TPKT decoded from \"" + name + "\"";
        f.forEachIn(s, l, liveFrame, (fo, k) -> note(ctx, null, fo, k, why));
        fx.call(ctx, tpkt, Buf.of(src));
        sizeCheck(ctx, c, src.id(), 0, l);
    }

    private void sizeCheck(Ctx ctx, Conn c, String source, int off, int l) {
        if (c.negotiated > 0 && l - 4 > c.negotiated) {
            fx.finding(ctx, "TPKT-EXCEEDS-TPDU-SIZE", null, "tpkt", field(ctx, source, off + 2, "tpkt.length"), source,
                    off + 2, 2, (l - 4) + " octets", c.negotiated + " octets (CC in frame " + c.ccFrame + ")");
        }
    }

    /** Marks held bytes of this frame (the start of a TPKT continued later) so no byte is left unexplained. */
    private void endOfFrame(Ctx ctx, Dir d) {
        TpktFramer f = d.framer;
        if (f == null || f.buffered() == 0 || liveFrame < 0) return;
        int held = f.buffered();
        int l = f.partialLength();
        String what = f.hunting() ? "held while looking for a TPKT header"
                : l > 0 ? "start of a " + l + "-byte TPKT (" + held + " bytes so far), continued in a later segment"
                : "start of a TPKT header, continued in a later segment";
        f.compact();
        f.forEachIn(0, held, liveFrame, (fo, k) -> note(ctx, null, fo, k, what));
    }

    /** Explains frame bytes the hook consumed without decoding them here. */
    private void note(Ctx ctx, DataSource src, int off, int n, String what) {
        if (n <= 0 || src != null && !src.isFrame() || liveFrame < 0) return;
        fx.note(ctx, off, n, what);
    }

    // ------------------------------------------------------------------ FIN / RST

    private void close(Ctx ctx, Conn c, Dir d, TcpInfo tcp, boolean fromA, Buf payload) {
        Layer tl = ctx.out().layer("tcp");
        boolean inFrame = tl != null && tl.source().equals(DataSource.FRAME) && tl.length() >= 14;
        int flagsOff = inFrame ? tl.offset() + 13 : payload.start();
        int flagsLen = inFrame ? 1 : 0;
        Field flags = inFrame ? field(ctx, DataSource.FRAME, tl.offset() + 12, "tcp.flags") : null;
        String how = tcp.rst() ? "RST" : "FIN";
        if (d.framer != null && d.framer.partialHave() > 0) {
            int l = d.framer.partialLength();
            fx.finding(ctx, "TPKT-LENGTH-VS-SEGMENTS", null, "tpkt", flags, DataSource.FRAME, flagsOff, flagsLen,
                    "only " + d.framer.partialHave() + " bytes of the TPKT begun in frame " + d.framer.frameOf(0)
                            + " arrived before " + how,
                    l > 0 ? l + " bytes" : "a complete 4-byte header");
            d.framer.gap();
        }
        if (d.tsduDts > 0) {
            fx.finding(ctx, "COTP-DT-EOT-SEQUENCE-BROKEN", null, "cotp", flags, DataSource.FRAME, flagsOff, flagsLen,
                    d.tsduDts + " DT with EOT = 0 from frame " + d.tsduFirstFrame, how);
            dropTsdu(d);
        }
        Conversation row = c.row;
        if (row.end == Conversation.End.OPEN) {
            row.end = tcp.rst() ? Conversation.End.RST : Conversation.End.FIN;
            row.endBy = fromA ? "A" : "B";
            row.endFrame = curFrame;
            row.endTime = ctx.out().frame().timestampNanos();
            if (c.lastTpduFrame > 0 && c.lastTpduFromA != fromA && (c.lastTpduType == CotpInfo.CR
                    || c.lastTpduType == CotpInfo.CC || c.lastTpduType == CotpInfo.ER || c.lastTpduIssues != null)) {
                String who = fromA ? row.endpointA() : row.endpointB();
                long dt = row.endTime - c.lastTpduTime;
                String after = row.endTime != 0 && c.lastTpduTime != 0 && dt >= 0 ? " " + millis(dt) + " after" : " right after";
                String tp = Conversation.typeName(c.lastTpduType);
                fx.finding(ctx, "COTP-PEER-CLOSED-AFTER-TPDU", c.lastTpduIssues != null ? Severity.RISK : null, "tcp", flags,
                        DataSource.FRAME, flagsOff, flagsLen, who + " sent " + how + after + " the " + tp + " in frame "
                                + c.lastTpduFrame,
                        c.lastTpduIssues != null ? "the " + tp + " in frame " + c.lastTpduFrame + " raised " + c.lastTpduIssues
                                : "the " + tp + " in frame " + c.lastTpduFrame);
            }
        }
        if (tcp.rst()) d.rst = true;
        if (tcp.fin()) d.fin = true;
        if (d.rst || c.a.fin && c.b.fin) {
            c.closed = true;
            c.a.release();
            c.b.release();
        }
    }

    private static String millis(long nanos) {
        if (nanos < 1_000_000) return String.format("%.3f ms", nanos / 1e6);
        return String.format("%.1f ms", nanos / 1e6);
    }

    // ------------------------------------------------------------------ COTP

    @Override
    public void onTpdu(Ctx ctx, CotpInfo t) {
        fx.begin(StreamLog.TPDU);
        try {
            if (ctx != curCtx || cur == null) return;
            tpdu(ctx, t);
        } catch (RuntimeException e) {
            fx.finding(ctx, "INSPECTOR-INTERNAL-ERROR", null, "cotp", null, t.source(), t.offset(), 0,
                    e.getClass().getSimpleName() + " in the stream layer", null);
        } finally {
            fx.end(null);
        }
    }

    private void tpdu(Ctx ctx, CotpInfo t) {
        Conn c = cur;
        Dir d = curDir;
        int type = t.type() & 15;
        c.row.tpdus[type]++;
        String src = t.source();
        DataSource ds = ctx.out().source(src);
        byte[] b = ds == null ? new byte[0] : ds.bytes();
        int off = t.offset();
        int end = Math.min(b.length, off + Math.max(t.length(), 0));
        int hdr = Math.min(Math.max(t.li(), 0) + 1, Math.max(0, end - off));
        Field typeField = t.typeField();
        if (type != CotpInfo.DT && d.tsduDts > 0 && !detached) {
            fx.finding(ctx, "COTP-DT-EOT-SEQUENCE-BROKEN", null, "cotp", typeField, src, off + 1, 1,
                    d.tsduDts + " DT with EOT = 0 from frame " + d.tsduFirstFrame, "a " + Conversation.typeName(type));
            dropTsdu(d);
        }
        switch (type) {
            case CotpInfo.CR -> {
                Cotp.Params p = Cotp.Params.read(b, off, end);
                if (c.ccSeen) {
                    fx.finding(ctx, "COTP-SECOND-CR", null, "cotp", typeField, src, off + 1, 1,
                            "CR after the CC in frame " + c.ccFrame, null);
                } else {
                    c.cr = p;
                    c.crFrame = curFrame;
                    c.crFromA = curFromA;
                    c.crSrcRef = t.srcRef() >= 0 ? t.srcRef() : p.cls >= 0 ? u16(b, off + 4) : -1;
                    c.row.callingTsap = table.shared(Cotp.tsap(p.calling));
                    c.row.calledTsap = table.shared(Cotp.tsap(p.called));
                    if (c.row.cotpClass < 0) c.row.cotpClass = p.cls;
                }
            }
            case CotpInfo.CC -> {
                Cotp.Params p = Cotp.Params.read(b, off, end);
                c.ccSeen = true;
                c.ccFrame = curFrame;
                c.cls = p.cls;
                c.row.cotpClass = p.cls;
                if (c.cr != null && c.crFromA != curFromA) {
                    int dst = t.dstRef() >= 0 ? t.dstRef() : u16(b, off + 2);
                    if (dst != c.crSrcRef && c.crSrcRef >= 0) {
                        fx.finding(ctx, "COTP-CC-DSTREF-MISMATCH", null, "cotp", field(ctx, src, off + 2, "cotp.destref"), src,
                                off + 2, 2, String.format("0x%04x", dst), String.format("0x%04x (CR in frame %d)", c.crSrcRef, c.crFrame));
                    }
                    int proposed = c.cr.size() > 0 ? c.cr.size() : 128;
                    int sel = p.size();
                    if (sel > 0 && sel > proposed) {
                        fx.finding(ctx, "COTP-CC-TPDU-SIZE-INCREASED", null, "cotp", field(ctx, src, p.sizeOff, "cotp.tpdu_size"), src,
                                p.sizeOff, 1, sel + " octets", "at most " + proposed + " octets"
                                        + (c.cr.size() > 0 ? " (CR in frame " + c.crFrame + ")" : " (the CR proposed none: default 128)"));
                    }
                    c.negotiated = sel > 0 ? Math.min(sel, Math.max(proposed, sel)) : c.cr.size() > 0 ? c.cr.size() : -1;
                    tsel(ctx, c, p, src, off, hdr, typeField);
                    int allowed = Cotp.allowedClasses(c.cr.cls, c.cr.altMask);
                    if (p.cls >= 0 && p.cls <= 4 && c.cr.cls >= 0 && c.cr.cls <= 4 && (allowed & (1 << p.cls)) == 0) {
                        fx.finding(ctx, "COTP-CC-CLASS-NOT-ALLOWED", null, "cotp", field(ctx, src, off + 6, "cotp.class"), src,
                                off + 6, 1, Integer.toString(p.cls), Cotp.classList(allowed) + " (CR in frame " + c.crFrame + ")");
                    }
                    c.expedited = c.cr.addOptions >= 0 && (c.cr.addOptions & 1) != 0 && p.addOptions >= 0 && (p.addOptions & 1) != 0;
                } else {
                    c.negotiated = p.size();
                }
                c.row.tpduSize = c.negotiated;
            }
            case CotpInfo.DR -> {
                if (c.ccSeen && c.cls == 0) {
                    fx.finding(ctx, "COTP-DR-ON-ESTABLISHED-CLASS0", null, "cotp", typeField, src, off + 1, 1,
                            "DR after the CC in frame " + c.ccFrame, null);
                }
                if (c.row.drFrame == 0) c.row.drFrame = curFrame;
            }
            case CotpInfo.DC, CotpInfo.AK, CotpInfo.EA, CotpInfo.RJ -> {
                if (c.class0()) notInClass0(ctx, c, t, type, src, off, typeField, "");
            }
            case CotpInfo.ED -> {
                if (c.class0() && !c.expedited) {
                    notInClass0(ctx, c, t, type, src, off, typeField, " (expedited data was not agreed in CR and CC)");
                }
            }
            case CotpInfo.DT -> {
                if (c.negotiated > 0 && t.length() > c.negotiated) {
                    fx.finding(ctx, "COTP-DT-EXCEEDS-TPDU-SIZE", null, "cotp", typeField, src, off, hdr,
                            t.length() + " octets", "at most " + c.negotiated + " octets (CC in frame " + c.ccFrame + ")");
                }
            }
            default -> { }
        }
        c.lastTpduFrame = curFrame;
        c.lastTpduFromA = curFromA;
        c.lastTpduType = type;
        c.lastTpduTime = ctx.out().frame().timestampNanos();
        c.lastTpduIssues = issues(ctx.out());
    }

    private void notInClass0(Ctx ctx, Conn c, CotpInfo t, int type, String src, int off, Field typeField, String extra) {
        fx.finding(ctx, "COTP-TPDU-NOT-IN-CLASS0", null, "cotp", typeField, src, off + 1, 1,
                Conversation.typeName(type) + extra, "CR, CC, DR, DT or ER");
    }

    private void tsel(Ctx ctx, Conn c, Cotp.Params p, String src, int off, int hdr, Field typeField) {
        boolean callingDiff = p.calling != null && c.cr.calling != null && !Arrays.equals(p.calling, c.cr.calling);
        boolean calledDiff = p.called != null && c.cr.called != null && !Arrays.equals(p.called, c.cr.called);
        if (!callingDiff && !calledDiff) return;
        boolean swapped = Arrays.equals(p.calling, c.cr.called) && Arrays.equals(p.called, c.cr.calling);
        String obs = (swapped ? "swapped: " : "") + "calling " + Cotp.tsap(p.calling) + ", called " + Cotp.tsap(p.called);
        String exp = "calling " + Cotp.tsap(c.cr.calling) + ", called " + Cotp.tsap(c.cr.called) + " (CR in frame " + c.crFrame + ")";
        fx.finding(ctx, "COTP-TSEL-CC-MISMATCH", null, "cotp", typeField, src, off, hdr, obs, exp);
    }

    private static int u16(byte[] b, int off) {
        return off >= 0 && off + 2 <= b.length ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF) : -1;
    }

    private static final java.util.Set<String> LOWER_LAYERS = java.util.Set.of("frame", "eth", "vlan", "llc", "sll",
            "sll2", "null", "loop", "ip", "ipv6", "tcp", "undecoded");

    private static String issues(Dissection out) {
        StringBuilder sb = null;
        for (Finding f : out.findings()) {
            // only what the peer's transport saw: findings of TPKT and above (a bad TCP checksum is usually offload,
            // and a segment with a truly bad one is dropped, not answered by a close)
            if (f.severity() == Severity.INFO || LOWER_LAYERS.contains(f.layer())) continue;
            if (sb == null) sb = new StringBuilder();
            else if (sb.indexOf(f.id()) >= 0) continue;
            else sb.append(", ");
            sb.append(f.id());
        }
        return sb == null ? null : sb.toString();
    }

    // ------------------------------------------------------------------ DT reassembly

    @Override
    public boolean onDtUserData(Ctx ctx, Buf userData, boolean eot) {
        fx.begin(StreamLog.DT);
        boolean took = false;
        try {
            if (ctx != curCtx || cur == null || detached) return false;
            took = dtData(ctx, userData, eot);
            if (took) fx.segmentData(ctx, userData);
            return took;
        } catch (RuntimeException e) {
            fx.finding(ctx, "INSPECTOR-INTERNAL-ERROR", null, "cotp", null, userData.sourceId(), userData.start(), 0,
                    e.getClass().getSimpleName() + " in the stream layer", null);
            return false;
        } finally {
            fx.end(took);
        }
    }

    private boolean dtData(Ctx ctx, Buf ud, boolean eot) {
        Dir d = curDir;
        if (eot && d.tsduDts == 0) {
            if (d.tsduDropped) {
                d.tsduDropped = false;
                return true;
            }
            return false;
        }
        if (d.tsduDropped) {
            if (eot) d.tsduDropped = false;
            return true;
        }
        int n = ud.length();
        if (d.tsduLen + n > MAX_TSDU) {
            fx.finding(ctx, "STREAM-BUFFER-LIMIT", null, "cotp", null, ud.sourceId(), ud.start(), n,
                    (d.tsduLen + n) + " bytes of a segmented TSDU", MAX_TSDU + " bytes");
            dropTsdu(d);
            d.tsduDropped = !eot;
            return true;
        }
        if (d.tsduDts == 0) {
            d.tsduFirstFrame = curFrame;
            d.tsduParts = new ArrayList<>(4);
            if (d.tsdu == null) d.tsdu = new byte[Math.max(1024, n * 2)];
        }
        if (d.tsduLen + n > d.tsdu.length) d.tsdu = Arrays.copyOf(d.tsdu, Math.max(d.tsduLen + n, d.tsdu.length * 2));
        if (n > 0) {
            System.arraycopy(ud.bytes(), ud.start(), d.tsdu, d.tsduLen, n);
            mapParts(ud, d.tsduLen, d.tsduParts);
        }
        d.tsduLen += n;
        d.tsduDts++;
        if (!eot) return true;
        byte[] bytes = Arrays.copyOf(d.tsdu, d.tsduLen);
        String name = "Reassembled TSDU (" + d.tsduLen + " bytes from " + d.tsduDts + " DTs, frames " + d.tsduFirstFrame
                + "-" + curFrame + ")";
        List<SourcePart> parts = d.tsduParts;
        dropTsdu(d);
        if (bytes.length == 0) return true;
        DataSource s = fx.addSource(ctx, name, bytes, parts);
        Buf buf = Buf.of(s);
        fx.nextOrData(ctx, CotpDissector.PAYLOAD_TABLE, 0, buf);
        return true;
    }

    private void mapParts(Buf ud, int bufOff, List<SourcePart> out) {
        DataSource s = ud.source();
        if (s.isFrame()) {
            out.add(new SourcePart(curFrame, ud.start(), bufOff, ud.length()));
            return;
        }
        for (SourcePart p : s.parts()) {
            int st = Math.max(ud.start(), p.bufferOffset());
            int e = Math.min(ud.end(), p.bufferOffset() + p.length());
            if (st < e) out.add(new SourcePart(p.frame(), p.frameOffset() + (st - p.bufferOffset()), bufOff + (st - ud.start()), e - st));
        }
    }

    static void dropTsdu(Dir d) {
        d.tsduLen = 0;
        d.tsduDts = 0;
        d.tsduParts = null;
        if (d.tsdu != null && d.tsdu.length > 64 * 1024) d.tsdu = null;
    }

    // ------------------------------------------------------------------ driver side

    /** Records the stream layer's effects on each frame from now on (see {@link StreamLog}); null stops. */
    public void record(StreamLog.Recorder r) {
        fx.recorder = r;
    }

    /** Adds the findings of a dissected frame to its connection's row (call after each dissect). */
    public void record(Dissection d) {
        if (frameConn == null || frameConnNo != d.frame().number()) return;
        Conversation row = frameConn.row;
        for (Finding f : d.findings()) row.findings.merge(f.id(), 1, Integer::sum);
        if (frameConn.lastTpduFrame == frameConnNo) frameConn.lastTpduIssues = issues(d);
    }

    /** Ends the capture: connections never closed stay "open" (or "DR" when one was seen); notes what was cut off. */
    public void finish() {
        for (Conversation row : table.rows) {
            for (int side = 0; side < 2; side++) {
                int k = side == 0 ? row.offloadA : row.offloadB;
                if (k == 0) continue;
                String who = side == 0 ? row.endpointA() : row.endpointB();
                row.note += (row.note.isEmpty() ? "" : "; ") + "checksum offload on " + who + ": " + k + " segment"
                        + (k == 1 ? "" : "s") + " with unfinished checksums";
            }
        }
        List<EndFinding> more = table.finish();
        if (!more.isEmpty()) {
            List<EndFinding> all = new ArrayList<>(endFindings);
            all.addAll(more);
            endFindings = List.copyOf(all);
        }
    }

    private List<EndFinding> endFindings = List.of();

    /**
     * What only the end of the input shows, about earlier frames: each TPKT or segmented TSDU left unfinished when the
     * input ended, in frame order ({@link EndFinding}); empty before {@link #finish()}. The one list every consumer
     * shows: {@code check} and {@code dissect --json} after the frames, the exports in a last section, the desktop app
     * under the frame each points to.
     */
    public List<EndFinding> endFindings() {
        return endFindings;
    }

    /** The deepest field with the given abbreviation at exactly {@code off} in {@code source}, searched from the last layer. */
    private static Field field(Ctx ctx, String source, int off, String abbrev) {
        return StreamEffects.field(ctx.out(), source, off, abbrev);
    }
}
