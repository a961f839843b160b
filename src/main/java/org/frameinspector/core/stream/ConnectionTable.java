package org.frameinspector.core.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.SourcePart;

/**
 * The connection table of the stream layer: the state kept per TCP connection ({@link Conn}) and per direction
 * ({@link Dir}), looked up by the connection's address pair, and the rows of the connections view in order of their
 * first frame. The table holds at most {@link Conversations#MAX_LIVE_CONNECTIONS} connections: above it the least
 * recently used ones are dropped (their rows stay).
 */
final class ConnectionTable {
    /** The connection table, least recently looked up first (access order; see {@link #evict}). */
    final Map<Key, Conn> active = new LinkedHashMap<>(64, 0.75f, true);
    /** Every connection's row, in order of its first frame. */
    final List<Conversation> rows = new ArrayList<>();
    Conn last;
    /** The connections used most recently (a capture interleaves a few busy ones): checked before the map. */
    final Conn[] recent = new Conn[16];
    int recentAt;

    record Key(String a, int pa, String b, int pb) {
        static Key of(TcpInfo t) {
            int c = t.srcAddr().compareTo(t.dstAddr());
            if (c < 0 || c == 0 && t.srcPort() <= t.dstPort()) return new Key(t.srcAddr(), t.srcPort(), t.dstAddr(), t.dstPort());
            return new Key(t.dstAddr(), t.dstPort(), t.srcAddr(), t.srcPort());
        }
    }

    static final class Dir {
        boolean synSeen, seqKnown, fin, rst;
        /** The stream left TPKT (RDP switched to TLS): payload goes back to TCP. */
        boolean passthrough;
        long nextSeq;
        byte[] hist;
        long histCount;
        TpktFramer framer;
        int skipped;
        boolean lostSync;
        // TSDU being reassembled from DT EOT=0
        byte[] tsdu;
        int tsduLen, tsduDts, tsduFirstFrame;
        List<SourcePart> tsduParts;
        boolean tsduDropped;
        /** SEQ/ACK analysis of this direction (kept after release: retransmissions after the close are analysed). */
        TcpAnalysis.Flow flow = new TcpAnalysis.Flow();
        /** The framer hunts after a sequence hole (or a stream picked up mid-way): bytes before a header are continuation. */
        boolean gapHunt;
        /** Sequence holes not filled yet, as [from, to) pairs (at most {@link #MAX_HOLES}): late segments fill them. */
        long[] holes;
        int holeCount;
        /** Segments with unfinished checksums (checksum offload on the sending host). */
        int offloaded;

        void release() {
            hist = null;
            framer = null;
            tsdu = null;
            tsduParts = null;
            tsduLen = tsduDts = 0;
        }

        /** Remembers the hole [nextSeq, dataSeq) (the oldest is forgotten above {@link Conversations#MAX_HOLES}). */
        void addHole(long dataSeq) {
            int max = Conversations.MAX_HOLES;
            if (holes == null) holes = new long[2 * max];
            if (holeCount == max) {
                System.arraycopy(holes, 2, holes, 0, 2 * (max - 1));
                holeCount--;
            }
            holes[2 * holeCount] = nextSeq;
            holes[2 * holeCount + 1] = dataSeq;
            holeCount++;
        }

        /** True when [seq, seq+n) starts in a remembered hole; the hole shrinks by what the segment fills. */
        boolean fillHole(long seq, int n) {
            for (int i = 0; i < holeCount; i++) {
                long from = holes[2 * i], to = holes[2 * i + 1];
                if ((int) (seq - from) < 0 || (int) (seq - to) >= 0) continue;
                long end = (seq + n) & 0xFFFFFFFFL;
                if (seq == from && (int) (end - to) >= 0) {
                    System.arraycopy(holes, 2 * i + 2, holes, 2 * i, 2 * (holeCount - i - 1));
                    holeCount--;
                } else if (seq == from) {
                    holes[2 * i] = end;
                } else {
                    holes[2 * i + 1] = seq;
                }
                return true;
            }
            return false;
        }

        /** Delivers [off, off+n) of {@code b} at {@link #nextSeq}: kept in the history ring, the sequence moves on. */
        void remember(byte[] b, int off, int n) {
            long s = nextSeq;
            growHistory(s, n);
            int cap = hist.length;
            int copy = Math.min(n, cap), from = off + n - copy;
            long hs = (s + (n - copy)) & 0xFFFFFFFFL;
            for (int i = 0; i < copy; ) {
                int idx = (int) ((hs + i) & (cap - 1));
                int k = Math.min(copy - i, cap - idx);
                System.arraycopy(b, from + i, hist, idx, k);
                i += k;
            }
            histCount += n;
            nextSeq = (s + n) & 0xFFFFFFFFL;
        }

        /**
         * Makes the history ring (a power of two, indexed by sequence number) big enough for {@code n} more bytes after
         * {@code next}, up to {@link Conversations#HISTORY}: it starts at the size of the first delivery (64 bytes for a
         * lone CR) and doubles as the connection carries more, so 20,000 one-CR connections do not cost 16 KiB each.
         */
        private void growHistory(long next, int n) {
            long want = Math.min(Conversations.HISTORY, histCount + n);
            int old = hist == null ? 0 : hist.length;
            if (old >= want) return;
            int cap = Math.max(Conversations.MIN_HISTORY, Math.max(old * 2, Integer.highestOneBit((int) want - 1) << 1));
            cap = Math.min(Conversations.HISTORY, cap);
            byte[] h = new byte[cap];
            long kept = Math.min(histCount, old);
            for (long i = kept; i > 0; i--) {
                long q = (next - i) & 0xFFFFFFFFL;
                h[(int) (q & (cap - 1))] = hist[(int) (q & (old - 1))];
            }
            hist = h;
        }
    }

    static final class Conn {
        final Conversation row;
        Key key;
        final Dir a = new Dir(), b = new Dir();
        Boolean tpkt;
        boolean closed;
        // COTP
        Cotp.Params cr;
        int crFrame, crSrcRef;
        boolean crFromA, ccSeen, expedited;
        // AE/CWR/ECE of the SYN and the SYN-ACK (RFC 3168 §6.1.1), -1 until seen
        int synEcn = -1, synAckEcn = -1;
        boolean ecnToldA, ecnToldB;
        int ccFrame, cls = -1, negotiated = -1;
        int lastTpduFrame, lastTpduType;
        boolean lastTpduFromA;
        long lastTpduTime;
        String lastTpduIssues;
        TcpAnalysis analysis = new TcpAnalysis();

        Conn(Conversation row) {
            this.row = row;
        }

        boolean matches(TcpInfo t) {
            Conversation r = row;
            return r.portA == t.srcPort() && r.portB == t.dstPort() && r.addrA.equals(t.srcAddr()) && r.addrB.equals(t.dstAddr())
                    || r.portA == t.dstPort() && r.portB == t.srcPort() && r.addrA.equals(t.dstAddr()) && r.addrB.equals(t.srcAddr());
        }

        boolean class0() {
            return ccSeen ? cls == 0 : cr != null && cr.cls == 0;
        }
    }

    Conn lookup(TcpInfo t, int fn, long ts) {
        Conn c = null;
        for (int i = 0; i < recent.length; i++) {
            Conn r = recent[(recentAt - i) & (recent.length - 1)];
            if (r != null && r.matches(t)) { c = r; break; }
        }
        if (c == null) c = active.get(Key.of(t));
        if (ts > now) now = ts;
        if (c != null && idle(c)) {
            forget(c);
            c = null;
        }
        boolean newSyn = t.syn() && (t.flags() & TcpInfo.ACK) == 0;
        Conn old = null;
        if (c != null && c.closed && newSyn) {
            old = c;
            c = null;
        }
        if (c == null) {
            boolean synAck = t.syn() && (t.flags() & TcpInfo.ACK) != 0;
            String src = shared(t.srcAddr()), dst = shared(t.dstAddr());
            Conversation row = synAck
                    ? new Conversation(rows.size() + 1, dst, t.dstPort(), src, t.srcPort())
                    : new Conversation(rows.size() + 1, src, t.srcPort(), dst, t.dstPort());
            row.firstFrame = fn;
            row.firstTime = ts;
            rows.add(row);
            c = new Conn(row);
            c.key = row.addrA.compareTo(row.addrB) < 0 || row.addrA.equals(row.addrB) && row.portA <= row.portB
                    ? new Key(row.addrA, row.portA, row.addrB, row.portB) : new Key(row.addrB, row.portB, row.addrA, row.portA);
            active.put(c.key, c);
            if (old != null) {
                // a SYN with the ISN of the closed connection's SYN is a retransmission of it (a new connection on
                // the same ports would choose a new ISN): the SEQ/ACK analysis goes on where it was
                boolean oldA = old.row.portA == t.srcPort() && old.row.addrA.equals(t.srcAddr());
                Dir os = oldA ? old.a : old.b, or = oldA ? old.b : old.a;
                if (os.flow.baseSet && os.flow.base == (t.seq() & 0xFFFFFFFFL)) {
                    c.analysis = old.analysis;
                    c.a.flow = os.flow;
                    c.b.flow = or.flow;
                }
            }
        }
        if (c != last) {
            boolean known = false;
            for (Conn r : recent) if (r == c) { known = true; break; }
            if (!known) {
                recentAt = (recentAt + 1) & (recent.length - 1);
                Conn out = recent[recentAt];
                // looked up through the cache, not the table: refresh its place in the table's access order
                if (out != null && out.key != null) active.get(out.key);
                recent[recentAt] = c;
            }
        }
        last = c;
        return c;
    }

    /**
     * Drops the least recently used connections until the table is back at {@link Conversations#MAX_LIVE_CONNECTIONS}.
     * A closed one goes silently (only its row remains, as always); an open one ends like a connection at the end of the
     * capture, with {@code why} as a note on its row, and is handed to {@code dropped} (for STREAM-CONNECTION-LIMIT on
     * the frame that needed the room).
     */
    void evict(Conn keep, String why, Consumer<Conn> dropped) {
        var it = active.entrySet().iterator();
        int guard = active.size();
        while (active.size() > Conversations.MAX_LIVE_CONNECTIONS && it.hasNext() && guard-- > 0) {
            Conn old = it.next().getValue();
            if (old == keep) continue;
            boolean inCache = false;
            for (Conn r : recent) if (r == old) { inCache = true; break; }
            if (inCache) continue;
            it.remove();
            if (old == last) last = null;
            if (old.closed) continue;
            endOpen(old, why);
            dropped.accept(old);
        }
    }

    /** Strings many rows repeat (a server's address, the TSAPs of a CR): kept once, up to 4,096 of them. */
    private final Map<String, String> shared = new java.util.HashMap<>();

    /** The one copy of {@code s} the table keeps (about 50 bytes less per repeated string and connection). */
    String shared(String s) {
        if (s == null) return null;
        String k = shared.get(s);
        if (k != null) return k;
        if (shared.size() >= 4096) shared.clear();
        shared.put(s, s);
        return s;
    }

    /**
     * Ends the capture: connections never closed stay "open" (or "DR" when one was seen) with what was cut off.
     * Returns, in frame order, one finding for each direction that was inside a TPKT or a segmented TSDU when the
     * capture ended ({@link EndFinding}). A connection past the idle timeout gets none: its state would have been
     * dropped by a sweep at any time before, and the result must not depend on when the sweep ran.
     */
    List<EndFinding> finish() {
        List<EndFinding> out = new ArrayList<>();
        for (Conn c : active.values()) {
            if (c.closed) continue;
            if (idle(c)) {
                endOpen(c, "state", idleNote(c));
            } else {
                unfinished(c, c.a, c.row.endpointA(), out);
                unfinished(c, c.b, c.row.endpointB(), out);
                endOpen(c, null);
            }
        }
        out.sort(java.util.Comparator.comparingInt(EndFinding::frame).thenComparingInt(e -> e.finding().offset()));
        return out;
    }

    /** The end findings of one direction (sent by {@code from}): a TPKT begun, DTs with EOT = 0 and no last one. */
    private static void unfinished(Conn c, Dir d, String from, List<EndFinding> out) {
        TpktFramer f = d.framer;
        if (f != null && f.partialHave() > 0) {
            int at = f.position(), held = f.partialHave(), l = f.partialLength();
            int frame = f.frameOf(at), off = f.frameOffset(at, frame);
            int[] run = {0};
            // the held bytes of the frame where the TPKT starts, from its header on
            f.forEachIn(at, held, frame, (fo, n) -> {
                if (fo == off) run[0] = n;
            });
            if (frame > 0 && off >= 0) {
                out.add(EndFinding.of(EndFinding.TPKT, frame, off, run[0],
                        held + " byte" + (held == 1 ? "" : "s") + " from " + from,
                        l >= 0 ? "the " + l + " bytes its length field announces" : "a whole 4-byte TPKT header"));
            }
        }
        if (d.tsduDts > 0) {
            // where the message starts: the user data of its first DT (or that frame, when the DT carried none)
            SourcePart p = d.tsduParts == null || d.tsduParts.isEmpty() ? null : d.tsduParts.get(0);
            out.add(EndFinding.of(EndFinding.TSDU, p != null ? p.frame() : d.tsduFirstFrame, p != null ? p.frameOffset() : 0,
                    p != null ? p.length() : 0,
                    d.tsduDts + " DT" + (d.tsduDts == 1 ? "" : "s") + " with EOT = 0 (" + d.tsduLen + " bytes) from " + from,
                    "a DT with EOT = 1 ending the message"));
        }
    }

    /**
     * Capture time without a segment after which a connection's state is dropped, as a stateful firewall does: a
     * connection left open by a crashed peer then costs nothing for the rest of the capture. Its row stays, with a note,
     * and a later segment on the same addresses starts a new row.
     */
    static final long IDLE_NANOS = 600L * 1_000_000_000L;
    /** The latest capture time seen (timestamps may step back: the clock of the idle timeout does not). */
    private long now = Long.MIN_VALUE;
    private long lastSweep = Long.MIN_VALUE;
    private int sweepFrames;

    private boolean idle(Conn c) {
        return now - c.row.lastTime > IDLE_NANOS;
    }

    private static String idleNote(Conn c) {
        return "no segment for more than " + IDLE_NANOS / 1_000_000_000L + " s after frame " + c.row.lastFrame
                + ": its state was dropped (idle timeout); a later segment starts a new row";
    }

    /** Drops a connection that was idle too long (see {@link #IDLE_NANOS}) from the table and the cache. */
    private void forget(Conn c) {
        active.remove(c.key);
        uncache(c);
        if (!c.closed) endOpen(c, "state", idleNote(c));
    }

    private void uncache(Conn c) {
        for (int i = 0; i < recent.length; i++) if (recent[i] == c) recent[i] = null;
        if (last == c) last = null;
    }

    /**
     * Frees the connections idle for longer than {@link #IDLE_NANOS} (closed ones silently). It walks the whole table,
     * at most once per minute of capture time and once per {@code size / 16} frames, so it costs a few steps per frame
     * on average however the timestamps jump. The result does not depend on when it runs: a connection past the
     * timeout is dropped with the same note by its next segment, by the sweep or at the end of the capture.
     */
    void sweep(Conn keep) {
        sweepFrames++;
        if (lastSweep == Long.MIN_VALUE) lastSweep = now;
        if (now - lastSweep < IDLE_NANOS / 10 || sweepFrames < Math.max(1024, active.size() / 16)) return;
        lastSweep = now;
        sweepFrames = 0;
        var it = active.values().iterator();
        while (it.hasNext()) {
            Conn c = it.next();
            if (c == keep || !idle(c)) continue;
            it.remove();
            uncache(c);
            if (!c.closed) endOpen(c, "state", idleNote(c));
        }
    }

    /** Ends the row of a connection that was never closed (end of the capture, or dropped from the table). */
    static void endOpen(Conn c, String why) {
        endOpen(c, "capture", why);
    }

    /** The same; {@code what} ended: "capture" (end of the capture, or dropped from the table) or "state" (timeout). */
    static void endOpen(Conn c, String what, String why) {
        {
            Conversation row = c.row;
            if (row.end == Conversation.End.OPEN && row.drFrame > 0) {
                row.end = Conversation.End.DR;
                row.endFrame = row.drFrame;
            }
            StringBuilder n = new StringBuilder(row.note);
            for (Dir d : new Dir[] {c.a, c.b}) {
                String side = d == c.a ? "A" : "B";
                if (d.framer != null && d.framer.partialHave() > 0) {
                    n.append(n.length() > 0 ? "; " : "").append(what).append(" ended inside a TPKT from ").append(side)
                            .append(" (").append(d.framer.partialHave()).append(" bytes held)");
                }
                if (d.tsduDts > 0) {
                    n.append(n.length() > 0 ? "; " : "").append(what).append(" ended inside a segmented TSDU from ").append(side);
                }
                d.release();
            }
            if (why != null) n.append(n.length() > 0 ? "; " : "").append(why);
            row.note = n.toString();
        }
    }
}
