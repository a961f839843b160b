package org.frameinspector.core.stream;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.findings.Catalog;
import org.frameinspector.core.findings.FindingDef;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.SourcePart;
import org.frameinspector.core.stream.Conversations.Conn;
import org.frameinspector.core.stream.Conversations.Dir;

/**
 * The findings-only fast lane of an in-order pass ({@code check}, {@code conversations}, {@code bench}): for the
 * frames that make up almost all of a healthy RFC 1006 capture — an Ethernet II / IPv4 / TCP data segment or pure ACK
 * on port 102 of a connection already being followed, carrying whole or split class-0 DT TPDUs whose user data no
 * upper-layer dissector claims — it checks every rule the full dissection would check on such a frame and updates
 * the connection state exactly as {@link Conversations} would, without building a field tree.
 *
 * <p>It is all or nothing per frame: {@link #offer} first proves, without changing anything, that the frame has that
 * shape and that no rule of the full dissection could fire on it other than TPKT-MULTIPLE (which it raises itself, the
 * same finding the TPKT dissector raises). Anything else — a finding of any other kind, an option, a fragment, a SYN,
 * FIN or RST, an out-of-order or retransmitted segment, a first segment, a DT whose user data S7comm or the session
 * layer would decode — makes it return false with the state untouched, and the caller dissects the frame fully.
 * {@code FastLaneEquivalenceTest} checks that both ways give the same findings and connection rows on every shared
 * capture and on generated and mutated streams.
 */
public final class FastLane {
    private final Conversations conv;
    private final DissectorRegistry reg;
    private final boolean payloadByKey;
    private final Ctx probe;
    private final List<Finding> found = new ArrayList<>(4);

    // the frame bytes wrapped once per buffer, for the upper-layer heuristics' accepts()
    private byte[] wrapped;
    private DataSource frameSource;

    // the plan of the frame being offered: TPKTs, in stream order
    private static final int MAX_TPKTS = 64;
    private final int[] tOff = new int[MAX_TPKTS], tLen = new int[MAX_TPKTS];
    private int tCount;
    private byte[] scratch = new byte[512];
    private byte[] tsduScratch = new byte[1024];

    public FastLane(Conversations conv, DissectorRegistry reg) {
        this.conv = conv;
        this.reg = reg;
        this.payloadByKey = reg.lookup("cotp.payload", 0) != null;
        Dissection none = new Dissection(Frame.of(0, new byte[0], Frame.LINK_ETHERNET));
        this.probe = new Ctx(none, reg, null);
        // the RDP heuristics only look at the ports, and the fast lane only takes port 102 without 3389
        probe.put(TcpInfo.KEY, new TcpInfo("", "", 102, 102, 0, 0, TcpInfo.ACK, 0, 0, false));
    }

    private long taken;

    /** Frames taken so far. */
    public long taken() {
        return taken;
    }

    /** The findings of the last frame {@link #offer} took (usually none). */
    public List<Finding> findings() {
        return found;
    }

    /** "a.b.c.d" as an unsigned int, or -1 when the text is not a dotted IPv4 address. */
    static long parseIpv4(String s) {
        if (s == null) return -1;
        long v = 0;
        int parts = 0, cur = -1;
        for (int i = 0; i <= s.length(); i++) {
            char ch = i < s.length() ? s.charAt(i) : '.';
            if (ch == '.') {
                if (cur < 0 || cur > 255) return -1;
                v = (v << 8) | cur;
                parts++;
                cur = -1;
            } else if (ch >= '0' && ch <= '9') {
                cur = (cur < 0 ? 0 : cur * 10) + (ch - '0');
                if (cur > 999) return -1;
            } else {
                return -1;
            }
        }
        return parts == 4 ? v : -1;
    }

    private static int u16(byte[] b, int o) {
        return ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
    }

    private static int s32(byte[] b, int o) {
        return ((b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF);
    }

    /** Sum of b[o, o+n) as 16-bit big-endian words (two per step), not folded (RFC 1071 §2). */
    static long sum(byte[] b, int o, int n) {
        long s = 0;
        int i = o, end = o + n;
        for (; i + 4 <= end; i += 4) {
            s += (((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF)) + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
        }
        if (i + 2 <= end) {
            s += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            i += 2;
        }
        if (i < end) s += (b[i] & 0xFF) << 8;
        return s;
    }

    private static boolean verifies(long s) {
        while ((s >>> 16) != 0) s = (s & 0xFFFF) + (s >>> 16);
        return s == 0xFFFF;
    }

    /**
     * Takes the frame if it is of the shape described above: updates the connection state and leaves the frame's
     * findings in {@link #findings()}. Returns false, having changed nothing, when the frame needs the full dissection.
     *
     * @param b      the frame's bytes from offset 0 (the array may be longer)
     * @param len    captured length
     */
    public boolean offer(byte[] b, int len, int origLen, int linkType, int number, long ts) {
        found.clear();
        if (!cleanLowerLayers(b, len, origLen, linkType)) return false;
        return stream(b, len, number, ts);
    }

    /** {@link #offer} for a frame {@link #cleanLowerLayers} already accepted (e.g. on a read-ahead thread). */
    public boolean offerClean(byte[] b, int len, int number, long ts) {
        found.clear();
        return stream(b, len, number, ts);
    }

    /**
     * True when the frame is Ethernet II / IPv4 / TCP on port 102 (not 3389) and none of those layers' rules can fire:
     * no options, not a fragment, DF set, no ECN code point, no trailer, ACK or ACK+PSH only, both checksums good.
     */
    public static boolean cleanLowerLayers(byte[] b, int len, int origLen, int linkType) {
        // ---- Ethernet II (PROTOCOLS.md §9.1 rules: source I/G bit, runt, length/type)
        if (linkType != Frame.LINK_ETHERNET || len != origLen || len < 60 || b.length < len) return false;
        if (b[12] != 0x08 || b[13] != 0x00 || (b[6] & 1) != 0) return false;
        // ---- IPv4 without options, not a fragment, DF set, no ECN code point, no trailer (§9.2)
        if (b[14] != 0x45 || (b[15] & 3) != 0 || b[23] != 6) return false;
        int tot = u16(b, 16);
        if (tot != len - 14 || tot < 40) return false;
        if (u16(b, 20) != 0x4000) return false;
        if (!verifies(sum(b, 14, 20))) return false;
        // ---- TCP without options; ACK or ACK+PSH only; urgent pointer 0; port 102 and not 3389 (§9.3)
        int w = u16(b, 46);
        if ((w >>> 12) != 5) return false;
        int flags = w & 0xFFF;
        if (flags != TcpInfo.ACK && flags != (TcpInfo.ACK | TcpInfo.PSH)) return false;
        if (u16(b, 52) != 0) return false;
        int sp = u16(b, 34), dp = u16(b, 36);
        if (sp != 102 && dp != 102 || sp == 3389 || dp == 3389) return false;
        int segLen = tot - 20;
        long ps = sum(b, 26, 8) + 6 + segLen + sum(b, 34, segLen);
        return verifies(ps);
    }

    /** The stream part of {@link #offer} for a frame whose lower layers are clean. */
    private boolean stream(byte[] b, int len, int number, long ts) {
        int sp = u16(b, 34), dp = u16(b, 36);
        int srcIp = s32(b, 26);
        Conn c = lookup(srcIp, sp, s32(b, 30), dp);
        if (c == null || c.closed) return false;
        boolean fromA = c.row.portA == sp && c.ipA == srcIp;
        Dir d = fromA ? c.a : c.b, other = fromA ? c.b : c.a;
        if (other.pending != null && !other.pending.isEmpty()) return false;
        int pay = 54, n = len - pay;
        long seq = s32(b, 38) & 0xFFFFFFFFL;
        TpktFramer f = d.framer;
        int held = 0;
        if (n > 0) {
            if (!Boolean.TRUE.equals(c.tpkt) || conv.tpkt == null) return false;
            if (d.passthrough || !d.seqKnown || f == null || f.rdp) return false;
            if (d.pending != null && !d.pending.isEmpty()) return false;
            if (seq != d.nextSeq) return false;
            if (f.hunting() || d.lostSync || d.skipped != 0 || d.tsduDropped) return false;
            if (!plan(c, d, b, pay, len)) return false;
            held = f.buffered();
        }

        // ---- proven: apply what Conversations.segment() would do
        Conversation row = c.row;
        if (conv.frameConnNo != number || conv.frameConn != c) row.frames++;
        row.lastFrame = number;
        row.lastTime = ts;
        conv.frameConn = c;
        conv.frameConnNo = number;
        conv.last = c;
        taken++;
        if (n == 0) return true;
        if (fromA) row.bytesAtoB += n;
        else row.bytesBtoA += n;
        history(d, b, pay, n);
        if (held > 0) completeHeld(c, d, b, n, number, ts, fromA);
        else wholeTpkts(c, d, b, len, number, ts, fromA);
        if (!found.isEmpty()) {
            for (Finding x : found) row.findings.merge(x.id(), 1, Integer::sum);
        }
        return true;
    }

    /** The connection of a segment: one of the recently used ones, searched as Conversations.conn() does. */
    private Conn lookup(int srcIp, int sp, int dstIp, int dp) {
        Conn[] recent = conv.recent;
        for (int i = 0; i < recent.length; i++) {
            // in the order Conversations.conn() searches them (most recently added first)
            Conn r = recent[(conv.recentAt - i) & (recent.length - 1)];
            if (r != null && r.v4 && (r.ipA == srcIp && r.row.portA == sp && r.ipB == dstIp && r.row.portB == dp
                    || r.ipA == dstIp && r.row.portA == dp && r.ipB == srcIp && r.row.portB == sp)) {
                return r;
            }
        }
        return null;
    }

    /** The segment completes the TPKT held from earlier segments (as frame() does after append), then whole ones. */
    private void completeHeld(Conn c, Dir d, byte[] b, int n, int number, long ts, boolean fromA) {
        TpktFramer f = d.framer;
        int pay = 54;
        f.append(b, pay, n, number, pay);
        int run = 0;
        while (true) {
            int r = f.next();
            if (r == TpktFramer.NEED_MORE) break;
            if (r != TpktFramer.TPKT) throw new IllegalStateException("fast lane: framer result " + r);
            int s = f.resultStart, l = f.resultLen;
            if (f.wholeIn(s, l, number)) {
                int fo = f.frameOffset(s, number);
                dt(c, d, b, fo, l, number, ts, fromA, null, 0);
                if (run++ > 0) multiple(fo, run);
            } else {
                // a reassembled TPKT: its DT user data maps back to the frames it came from
                byte[] bytes = f.bytes();
                dt(c, d, bytes, s, l, number, ts, fromA, f.parts(s, l), s);
                run = 0;
            }
        }
        if (f.buffered() > 0) f.compact();
    }

    /** The planned whole TPKTs straight from the frame, then any incomplete one into the framer. */
    private void wholeTpkts(Conn c, Dir d, byte[] b, int len, int number, long ts, boolean fromA) {
        TpktFramer f = d.framer;
        int pay = 54;
        int o = pay, run = 0;
        for (int i = 0; i < tCount; i++) {
            dt(c, d, b, tOff[i], tLen[i], number, ts, fromA, null, 0);
            if (run++ > 0) multiple(tOff[i], run);
            o = tOff[i] + tLen[i];
        }
        if (o < len) {
            f.append(b, o, len - o, number, o);
            if (f.next() != TpktFramer.NEED_MORE) throw new IllegalStateException("fast lane: framer took a partial TPKT");
            f.compact();
        }
    }

    /** Copies delivered bytes into the direction's retransmission history (as Conversations.deliver does). */
    private static void history(Dir d, byte[] b, int off, int n) {
        if (d.hist == null) d.hist = new byte[Conversations.HISTORY];
        long s = d.nextSeq;
        int copy = Math.min(n, Conversations.HISTORY), from = off + n - copy;
        long hs = (s + (n - copy)) & 0xFFFFFFFFL;
        for (int i = 0; i < copy; ) {
            int idx = (int) ((hs + i) & (Conversations.HISTORY - 1));
            int k = Math.min(copy - i, Conversations.HISTORY - idx);
            System.arraycopy(b, from + i, d.hist, idx, k);
            i += k;
        }
        d.histCount += n;
        d.nextSeq = (s + n) & 0xFFFFFFFFL;
    }

    // ------------------------------------------------------------------ planning (no side effects)

    // simulated TSDU state while planning
    private int simDts, simLen;
    private int simStartInScratch;

    /**
     * Cuts the payload into TPKTs the way the framer would and checks each one; true when every TPKT is a clean DT
     * and nothing but whole TPKTs and at most one incomplete TPKT (with a complete, sane header) remains.
     */
    private boolean plan(Conn c, Dir d, byte[] b, int pay, int end) {
        TpktFramer f = d.framer;
        tCount = 0;
        simDts = d.tsduDts;
        simLen = d.tsduLen;
        simStartInScratch = -1;
        int o = pay;
        int held = f.buffered();
        if (held > 0) {
            int l = f.partialLength();
            if (l < 7 || l <= held) return false;
            int need = l - held;
            if (need > end - o) return false;
            if (scratch.length < l) scratch = new byte[Math.max(l, scratch.length * 2)];
            System.arraycopy(f.bytes(), f.position(), scratch, 0, held);
            System.arraycopy(b, o, scratch, held, need);
            if (!cleanDt(c, d, scratch, 0, l)) return false;
            o += need;
        }
        while (end - o >= 4 && b[o] == 3) {
            int l = u16(b, o + 2);
            if (l < 7 || l > end - o) break;
            if (tCount == MAX_TPKTS) return false;
            if (!cleanDt(c, d, b, o, l)) return false;
            tOff[tCount] = o;
            tLen[tCount] = l;
            tCount++;
            o += l;
        }
        if (o < end) {
            // the start of a TPKT continued in a later segment: the framer must simply wait for it
            if (end - o < 4 || b[o] != 3 || u16(b, o + 2) < 7) return false;
        }
        return true;
    }

    /** True when t[s, s+l) is a TPKT holding one class-0 DT that raises nothing, simulating the TSDU state. */
    private boolean cleanDt(Conn c, Dir d, byte[] t, int s, int l) {
        // TPKT: version 3, reserved 0 (TPKT-RESERVED-NONZERO), length ≥ 8 (a DT with user data: COTP-DT-EMPTY)
        if (t[s] != 3 || t[s + 1] != 0 || l < 8) return false;
        // COTP DT, class 0: LI 2, code F0 (COTP-DT-CODE-BITS), TPDU-NR 0 (COTP-DT-TPDUNR-NONZERO)
        if (t[s + 4] != 2 || (t[s + 5] & 0xFF) != 0xF0) return false;
        int nr = t[s + 6] & 0xFF;
        if (nr != 0x80 && nr != 0x00) return false;
        // within the negotiated TPDU size (TPKT-EXCEEDS-TPDU-SIZE, COTP-DT-EXCEEDS-TPDU-SIZE)
        if (c.negotiated > 0 && l - 4 > c.negotiated) return false;
        boolean eot = nr == 0x80;
        int ud = s + 7, udLen = l - 7;
        if (eot && simDts == 0) {
            // a TSDU on its own: COTP hands it to "cotp.payload"; only undecoded data stays on the fast lane
            return !claimed(t, ud, udLen);
        }
        if (simLen + udLen > Conversations.MAX_TSDU) return false;
        // keep the TSDU's bytes from this segment (and what was held before) to test the completed one
        if (simStartInScratch < 0) {
            simStartInScratch = 0;
            int before = simDts > 0 ? d.tsduLen : 0;
            ensureTsdu(before + udLen);
            if (before > 0) System.arraycopy(d.tsdu, 0, tsduScratch, 0, before);
            simLen = before;
        }
        ensureTsdu(simLen + udLen);
        System.arraycopy(t, ud, tsduScratch, simLen, udLen);
        simLen += udLen;
        simDts++;
        if (!eot) return true;
        boolean ok = !claimed(tsduScratch, 0, simLen);
        simDts = 0;
        simLen = 0;
        return ok;
    }

    private void ensureTsdu(int n) {
        if (tsduScratch.length < n) tsduScratch = java.util.Arrays.copyOf(tsduScratch, Math.max(n, tsduScratch.length * 2));
    }

    /** Whether an upper-layer dissector would take these bytes from the "cotp.payload" table. */
    private boolean claimed(byte[] bytes, int off, int n) {
        if (n <= 0) return false;
        if (payloadByKey) return true;
        if (bytes != wrapped) {
            wrapped = bytes;
            frameSource = new DataSource(DataSource.FRAME, "fast lane", bytes, List.of());
        }
        return reg.heuristic("cotp.payload", probe, new Buf(frameSource, off, off + n)) != null;
    }

    // ------------------------------------------------------------------ applying one DT (as tpdu() and dtData() do)

    /**
     * @param parts for a reassembled TPKT, its frame pieces (buffer offsets relative to the TPKT's start), else null
     *              (the TPKT lies in frame {@code number} at offset {@code s})
     */
    private void dt(Conn c, Dir d, byte[] t, int s, int l, int number, long ts, boolean fromA, List<SourcePart> parts,
                    int base) {
        c.row.tpdus[0x0F]++;
        boolean eot = (t[s + 6] & 0x80) != 0;
        int ud = s + 7, udLen = l - 7;
        if (!(eot && d.tsduDts == 0)) {
            if (d.tsduDts == 0) {
                d.tsduFirstFrame = number;
                d.tsduParts = new ArrayList<>(4);
                if (d.tsdu == null) d.tsdu = new byte[Math.max(1024, udLen * 2)];
            }
            if (d.tsduLen + udLen > d.tsdu.length) {
                d.tsdu = java.util.Arrays.copyOf(d.tsdu, Math.max(d.tsduLen + udLen, d.tsdu.length * 2));
            }
            System.arraycopy(t, ud, d.tsdu, d.tsduLen, udLen);
            if (parts == null) {
                d.tsduParts.add(new SourcePart(number, ud, d.tsduLen, udLen));
            } else {
                // user data at [7, l) of the reassembled TPKT, mapped through its pieces
                int us = ud - base, ue = us + udLen;
                for (SourcePart p : parts) {
                    int st = Math.max(us, p.bufferOffset());
                    int e = Math.min(ue, p.bufferOffset() + p.length());
                    if (st < e) d.tsduParts.add(new SourcePart(p.frame(), p.frameOffset() + (st - p.bufferOffset()),
                            d.tsduLen + (st - us), e - st));
                }
            }
            d.tsduLen += udLen;
            d.tsduDts++;
            if (eot) Conversations.dropTsdu(d);
        }
        c.lastTpduFrame = number;
        c.lastTpduFromA = fromA;
        c.lastTpduType = 0x0F;
        c.lastTpduTime = ts;
        c.lastTpduIssues = null;
    }

    private static FindingDef multipleDef;
    private static final String[] MULTIPLE_EXPL = new String[MAX_TPKTS + 2];

    /** TPKT-MULTIPLE at the header of the {@code index}-th TPKT of a run, as the TPKT dissector words it. */
    private void multiple(int off, int index) {
        if (multipleDef == null) multipleDef = Catalog.get("TPKT-MULTIPLE");
        String observed = "TPKT #" + index + " in this segment";
        String expl = index < MULTIPLE_EXPL.length ? MULTIPLE_EXPL[index] : null;
        if (expl == null) {
            expl = L.explain(multipleDef, observed, null);
            if (index < MULTIPLE_EXPL.length) MULTIPLE_EXPL[index] = expl;
        }
        found.add(new Finding("TPKT-MULTIPLE", multipleDef.severity(), "tpkt", null, DataSource.FRAME, off, 4, observed,
                null, expl, multipleDef.reference(), multipleDef.context()));
    }
}
