package org.frameinspector.core.stream;

import java.util.List;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.protocols.tcp.TcpDissector;
import org.frameinspector.core.protocols.tcp.TcpFields;

/**
 * Sequence and acknowledgement analysis of one TCP connection, segment by segment in capture order, with the rules and
 * field names of Wireshark's TCP analysis (tcp.analysis.*): relative sequence numbers (relative to the first sequence
 * number of each direction: the SYN's, or one less than the first seen when the capture starts mid-connection),
 * previous segment not captured, ACKed unseen segment, retransmission (SYN included), spurious and fast
 * retransmission, out-of-order (only a segment below the highest sequence number seen that came within the first
 * round-trip time of it), duplicate ACK, zero window, zero-window probe and its ACK, window full, window update,
 * keep-alive and its ACK; and, beyond Wireshark, a reset after data was exchanged (an abort). All comparisons are made on relative numbers modulo 2^32, as Wireshark does.
 */
final class TcpAnalysis {
    static final int LOST = 1, ACK_LOST = 1 << 1, RETRANSMISSION = 1 << 2, SPURIOUS = 1 << 3, FAST = 1 << 4,
            OUT_OF_ORDER = 1 << 5, DUP_ACK = 1 << 6, ZERO_WINDOW = 1 << 7, ZERO_WINDOW_PROBE = 1 << 8,
            WINDOW_FULL = 1 << 9, WINDOW_UPDATE = 1 << 10, KEEP_ALIVE = 1 << 11, KEEP_ALIVE_ACK = 1 << 12,
            ZERO_WINDOW_PROBE_ACK = 1 << 13, RST_AFTER_DATA = 1 << 14;

    /** Out-of-order threshold while the handshake's round-trip time is unknown (Wireshark's 3 ms). */
    static final long OOO_NANOS = 3_000_000L;
    /** A retransmission this soon after the second duplicate ACK is a fast retransmission (Wireshark's 20 ms). */
    static final long FAST_NANOS = 20_000_000L;

    /** What one direction of a connection has sent so far. */
    static final class Flow {
        boolean baseSet;
        long base;
        /** Highest relative sequence number + length seen (0: nothing yet). */
        long nextSeq;
        int nextSeqFrame;
        long nextSeqTime;
        long maxSeqToBeAcked;
        long lastAck;
        long lastAckTime;
        long window = -1;
        /** -1 unknown (no SYN seen), -2 the SYN had no window scale option, else the shift. */
        int winScale = -1;
        int lastNonDupAck, dupAcks;
        int lastFlags;
        long synTime = -1;
        /** Whether this direction has sent any payload. */
        boolean data;

        /** The highest sequence number + length seen, relative (0 before anything was seen). */
        long nextRel() {
            return baseSet && nextSeq != 0 ? (nextSeq - base) & 0xFFFFFFFFL : 0;
        }
    }

    /** The analysis of one segment, applied to its TCP layer by {@link #apply}. */
    record Result(boolean relative, long seq, long ack, boolean hasAck, long nxtSeq, int flags, int dupAckNum,
                  int dupAckFrame, long prevNext, int prevNextFrame) {
    }

    /** The value of the first field {@code abbrev} in the layer (searched in depth), or {@code dflt}. */
    static long value(Layer l, String abbrev, long dflt) {
        for (Field f : l.fields()) {
            Field r = find(f, abbrev);
            if (r != null && r.value() instanceof Long v) return v;
        }
        return dflt;
    }

    private static Field find(Field f, String abbrev) {
        if (f.abbrev().equals(abbrev)) return f;
        for (Field c : f.children()) {
            Field r = find(c, abbrev);
            if (r != null) return r;
        }
        return null;
    }

    /** Round-trip time of the handshake (SYN to the ACK of the SYN-ACK), -1 until seen. */
    long firstRtt = -1;

    private static boolean gt(long a, long b) {
        return (int) (a - b) > 0;
    }

    private static boolean lt(long a, long b) {
        return (int) (a - b) < 0;
    }

    private static boolean le(long a, long b) {
        return (int) (a - b) <= 0;
    }

    /**
     * Analyses a segment going in direction {@code fwd} ({@code rev}: the other one). {@code window} is the raw
     * window field, {@code wscale} the shift of a window scale option on a SYN (-1 none).
     */
    Result segment(Flow fwd, Flow rev, TcpInfo t, int seglen, long window, int wscale, int frame, long now) {
        int th = t.flags();
        boolean syn = t.syn(), fin = t.fin(), rst = t.rst(), ackSet = (th & TcpInfo.ACK) != 0;
        long rawSeq = t.seq() & 0xFFFFFFFFL, rawAck = t.ack() & 0xFFFFFFFFL;
        if (!fwd.baseSet) {
            fwd.base = syn ? rawSeq : (rawSeq - 1) & 0xFFFFFFFFL;
            fwd.baseSet = true;
        }
        if (!rev.baseSet && ackSet) {
            rev.base = (rawAck - 1) & 0xFFFFFFFFL;
            rev.baseSet = true;
        }
        if (syn) {
            fwd.winScale = wscale >= 0 ? wscale : -2;
            if (!ackSet && fwd.synTime < 0) fwd.synTime = now;
        } else if (ackSet && firstRtt < 0 && fwd.synTime >= 0 && rev.winScale != -1 && fwd.winScale != -1) {
            firstRtt = Math.max(0, now - fwd.synTime);
        }
        long relSeq = (rawSeq - fwd.base) & 0xFFFFFFFFL;
        long relAck = ackSet ? (rawAck - rev.base) & 0xFFFFFFFFL : rawAck;
        // the analysis itself runs on the absolute numbers (so 0 means "nothing seen yet" only for the raw value 0)
        long seq = rawSeq, ack = rawAck;
        int f = 0;
        int dupNum = 0, dupFrame = 0;
        boolean noSfr = !syn && !fin && !rst;
        checks:
        {
            if (seglen == 1 && seq == fwd.nextSeq && rev.window == 0) {
                f |= ZERO_WINDOW_PROBE;
                break checks;
            }
            if (window == 0 && noSfr) f |= ZERO_WINDOW;
            if (fwd.nextSeq != 0 && gt(seq, fwd.nextSeq) && !rst) f |= LOST;
            if (seglen <= 1 && seq == ((fwd.nextSeq - 1) & 0xFFFFFFFFL) && noSfr) f |= KEEP_ALIVE;
            if (seglen == 0 && window != 0 && window != fwd.window && seq == fwd.nextSeq && ack == fwd.lastAck && noSfr) {
                f |= WINDOW_UPDATE;
            }
            if (seglen > 0 && rev.winScale != -1 && noSfr) {
                int shift = rev.winScale == -2 || fwd.winScale == -2 ? 0 : rev.winScale;
                if (rev.window >= 0 && ((seq + seglen) & 0xFFFFFFFFL) == ((rev.lastAck + (rev.window << shift)) & 0xFFFFFFFFL)) {
                    f |= WINDOW_FULL;
                }
            }
            boolean repeats = seglen == 0 && window == fwd.window && seq == fwd.nextSeq && ack == fwd.lastAck && noSfr;
            if (repeats && window != 0 && (rev.lastFlags & KEEP_ALIVE) != 0) {
                f |= KEEP_ALIVE_ACK;
                break checks;
            }
            if (repeats && window == 0 && (rev.lastFlags & ZERO_WINDOW_PROBE) != 0) {
                f |= ZERO_WINDOW_PROBE_ACK;
                break checks;
            }
            if (repeats && window != 0) {
                fwd.dupAcks++;
                f |= DUP_ACK;
                dupNum = fwd.dupAcks;
                dupFrame = fwd.lastNonDupAck;
            }
        }
        if (rst && (fwd.data || rev.data)) f |= RST_AFTER_DATA;
        if (seglen > 0) fwd.data = true;
        if ((f & DUP_ACK) == 0) {
            fwd.lastNonDupAck = frame;
            fwd.dupAcks = 0;
        }
        if (rev.maxSeqToBeAcked != 0 && gt(ack, rev.maxSeqToBeAcked) && ackSet) {
            f |= ACK_LOST;
            // once per unseen range: an ACK beyond anything the peer was seen to send moves the mark to it
            rev.maxSeqToBeAcked = gt(ack, rev.nextSeq) ? ack : rev.nextSeq;
        }
        if ((seglen > 0 || syn || fin) && (f & KEEP_ALIVE) == 0) {
            boolean notAdvanced = fwd.nextSeq != 0 && lt(seq, fwd.nextSeq);
            if (seglen > 1 && ((fwd.nextSeq - 1) & 0xFFFFFFFFL) == seq) notAdvanced = false;
            long sinceAck = now - rev.lastAckTime;
            long sinceNext = now - fwd.nextSeqTime;
            long thres = firstRtt > 0 ? firstRtt : OOO_NANOS;
            long end = (seq + seglen + (syn || fin ? 1 : 0)) & 0xFFFFFFFFL;
            if (seglen > 0 && rev.lastAck != 0 && le((seq + seglen) & 0xFFFFFFFFL, rev.lastAck)) {
                f |= SPURIOUS | RETRANSMISSION;
            } else if (notAdvanced && rev.dupAcks >= 2 && rev.lastAck == seq && sinceAck < FAST_NANOS) {
                f |= FAST | RETRANSMISSION;
            } else if (notAdvanced && sinceNext < thres && fwd.nextSeq != end) {
                f |= OUT_OF_ORDER;
            } else if (notAdvanced) {
                f |= RETRANSMISSION;
            }
        }
        long prevNext = fwd.nextSeq;
        int prevNextFrame = fwd.nextSeqFrame;
        long nxt = (seq + seglen + (seglen > 0 || syn || fin ? (syn ? 1 : 0) + (fin ? 1 : 0) : 0)) & 0xFFFFFFFFL;
        if ((gt(nxt, fwd.nextSeq) || fwd.nextSeq == 0) && (f & ZERO_WINDOW_PROBE) == 0) {
            fwd.nextSeq = nxt;
            fwd.nextSeqFrame = frame;
            fwd.nextSeqTime = now;
        }
        if ((seq == fwd.maxSeqToBeAcked || fwd.maxSeqToBeAcked == 0) && (f & ZERO_WINDOW_PROBE) == 0) {
            fwd.maxSeqToBeAcked = fwd.nextSeq;
        }
        fwd.window = window;
        fwd.lastAck = ack;
        fwd.lastAckTime = now;
        fwd.lastFlags = f;
        return new Result(true, relSeq, relAck, ackSet, (nxt - fwd.base) & 0xFFFFFFFFL, f, dupNum, dupFrame,
                (prevNext - fwd.base) & 0xFFFFFFFFL, prevNextFrame);
    }

    /** The bracketed Info tag of the most telling flag, or null (Wireshark's wording). */
    static String tag(Result r) {
        int f = r.flags();
        if ((f & SPURIOUS) != 0) return "[TCP Spurious Retransmission]";
        if ((f & FAST) != 0) return "[TCP Fast Retransmission]";
        if ((f & RETRANSMISSION) != 0) return "[TCP Retransmission]";
        if ((f & OUT_OF_ORDER) != 0) return "[TCP Out-Of-Order]";
        if ((f & LOST) != 0) return "[TCP Previous segment not captured]";
        if ((f & ZERO_WINDOW_PROBE) != 0) return "[TCP ZeroWindowProbe]";
        if ((f & ZERO_WINDOW_PROBE_ACK) != 0) return "[TCP ZeroWindowProbeAck]";
        if ((f & ZERO_WINDOW) != 0) return "[TCP ZeroWindow]";
        if ((f & WINDOW_FULL) != 0) return "[TCP Window Full]";
        if ((f & KEEP_ALIVE_ACK) != 0) return "[TCP Keep-Alive ACK]";
        if ((f & KEEP_ALIVE) != 0) return "[TCP Keep-Alive]";
        if ((f & DUP_ACK) != 0) return "[TCP Dup ACK " + r.dupAckFrame() + "#" + r.dupAckNum() + "]";
        if ((f & ACK_LOST) != 0) return "[TCP ACKed unseen segment]";
        if ((f & WINDOW_UPDATE) != 0) return "[TCP Window Update]";
        if ((f & RST_AFTER_DATA) != 0) return "[TCP RST after data]";
        return null;
    }

    private static final int[] FLAG_BITS = {LOST, ACK_LOST, RETRANSMISSION, SPURIOUS, FAST, OUT_OF_ORDER, DUP_ACK,
        ZERO_WINDOW, ZERO_WINDOW_PROBE, WINDOW_FULL, WINDOW_UPDATE, KEEP_ALIVE, KEEP_ALIVE_ACK, ZERO_WINDOW_PROBE_ACK,
        RST_AFTER_DATA};
    private static final FieldDef[] FLAG_FIELDS = {TcpFields.TCP_ANALYSIS_LOST_SEGMENT,
        TcpFields.TCP_ANALYSIS_ACK_LOST_SEGMENT, TcpFields.TCP_ANALYSIS_RETRANSMISSION,
        TcpFields.TCP_ANALYSIS_SPURIOUS_RETRANSMISSION, TcpFields.TCP_ANALYSIS_FAST_RETRANSMISSION,
        TcpFields.TCP_ANALYSIS_OUT_OF_ORDER, TcpFields.TCP_ANALYSIS_DUPLICATE_ACK, TcpFields.TCP_ANALYSIS_ZERO_WINDOW,
        TcpFields.TCP_ANALYSIS_ZERO_WINDOW_PROBE, TcpFields.TCP_ANALYSIS_WINDOW_FULL,
        TcpFields.TCP_ANALYSIS_WINDOW_UPDATE, TcpFields.TCP_ANALYSIS_KEEP_ALIVE, TcpFields.TCP_ANALYSIS_KEEP_ALIVE_ACK,
        TcpFields.TCP_ANALYSIS_ZERO_WINDOW_PROBE_ACK, TcpFields.TCP_ANALYSIS_RST_AFTER_DATA};

    /** The last TCP layer of the dissection (the segment being analysed). */
    static Layer tcpLayer(Dissection out) {
        List<Layer> ls = out.layers();
        for (int i = ls.size() - 1; i >= 0; i--) if (ls.get(i).protocol().equals("tcp")) return ls.get(i);
        return null;
    }

    /**
     * Adds tcp.seq / tcp.ack (next to their raw fields), tcp.nxtseq and the tcp.analysis tree to the segment's TCP
     * layer, and shows the relative numbers in the Info column and the layer name.
     */
    static void apply(Ctx ctx, Result r) {
        Layer l = tcpLayer(ctx.out());
        if (l == null) return;
        List<Field> fs = l.fields();
        String src = l.source();
        int o = l.offset();
        Field seqRaw = null, ackRaw = null;
        for (Field f : fs) {
            if (f.abbrev().equals("tcp.seq_raw")) seqRaw = f;
            else if (f.abbrev().equals("tcp.ack_raw")) ackRaw = f;
        }
        if (seqRaw == null) return;
        int at = fs.indexOf(seqRaw);
        java.util.function.LongFunction<String> shown = r.relative() ? TcpAnalysis::relativeSeq : TcpDissector::rawNumber;
        fs.add(at, new Field(TcpFields.TCP_SEQ, o + 4, 4, 0, r.seq(), shown, src, FieldKind.NORMAL));
        // tcp.seq and tcp.ack are made in every pass: findings point at them; the rest only serves a reader of the tree
        boolean lean = ctx.out().findingsOnly();
        if (!lean) fs.add(at + 2, new Field(TcpFields.TCP_NXTSEQ, o, 0, 0, r.nxtSeq(), shown, src, FieldKind.GENERATED));
        if (ackRaw != null) {
            int ai = fs.indexOf(ackRaw);
            fs.add(ai, new Field(TcpFields.TCP_ACK, o + 8, 4, 0, r.ack(),
                    r.relative() && r.hasAck() ? TcpAnalysis::relativeAck : shown, src, FieldKind.NORMAL));
        }
        if (r.flags() != 0 && !lean) {
            Field tree = new Field(TcpFields.TCP_ANALYSIS, o, 0, 0, null, "SEQ/ACK analysis", src, FieldKind.TREE);
            Field flags = new Field(TcpFields.TCP_ANALYSIS_FLAGS, o, 0, 0, null, "TCP Analysis Flags", src, FieldKind.TREE);
            tree.add(flags);
            for (int i = 0; i < FLAG_BITS.length; i++) {
                if ((r.flags() & FLAG_BITS[i]) == 0) continue;
                FieldDef d = FLAG_FIELDS[i];
                flags.add(new Field(d, o, 0, 0, null, d.name(), src, FieldKind.GENERATED));
            }
            if ((r.flags() & DUP_ACK) != 0) {
                tree.add(new Field(TcpFields.TCP_ANALYSIS_DUPLICATE_ACK_NUM, o, 0, 0, (long) r.dupAckNum(),
                        Integer.toString(r.dupAckNum()), src, FieldKind.GENERATED));
                tree.add(new Field(TcpFields.TCP_ANALYSIS_DUPLICATE_ACK_FRAME, o, 0, 0, (long) r.dupAckFrame(),
                        Integer.toString(r.dupAckFrame()), src, FieldKind.GENERATED));
            }
            fs.add(tree);
        }
        relativeText(ctx, r);
    }

    private static void relativeText(Ctx ctx, Result r) {
        if (!r.relative()) return;
        TcpDissector.Text text = ctx.get(TcpDissector.TEXT);
        if (text != null) text.relative(r.seq(), r.hasAck(), r.ack());
    }

    private static String relativeSeq(long v) {
        return v + "    (relative sequence number)";
    }

    private static String relativeAck(long v) {
        return v + "    (relative ack number)";
    }

    /** Puts the tag in front of the Info column. */
    static void tagInfo(Ctx ctx, String tag) {
        Dissection out = ctx.out();
        String info = out.info();
        out.setInfo(info == null || info.isEmpty() ? tag : tag + " " + info);
    }
}
