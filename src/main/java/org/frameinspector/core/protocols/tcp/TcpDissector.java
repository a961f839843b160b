package org.frameinspector.core.protocols.tcp;

import org.frameinspector.core.protocols.ip.IpDissectors;
import org.frameinspector.core.protocols.link.LinkDissectors;
import org.frameinspector.core.checksum.InternetChecksum;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Severity;

/**
 * TCP (RFC 9293): header, the 3 reserved bits and AE as RFC 9293 + AccECN define them, options, checksum with the
 * IPv4/IPv6 pseudo-header, and payload dispatch (stream hook, "tcp.port" table by lower then higher port,
 * heuristics of table "tcp", else {@code tcp.payload}). PROTOCOLS.md §3, §7.3, §9.3.
 */
public final class TcpDissector implements Dissector {
    static final int F_FIN = 0x001, F_SYN = 0x002, F_RST = 0x004, F_PSH = 0x008, F_ACK = 0x010, F_URG = 0x020,
            F_ECE = 0x040, F_CWR = 0x080, F_AE = 0x100, F_RES = 0xE00;
    /**
     * Ctx, for the stream layer: the transmitted checksum of a segment whose checksum is unfinished (0, or the bare
     * pseudo-header sum: what a sending host with checksum offload hands to its network card). TCP raises no finding
     * for it when a stream layer follows the connection; the stream layer reports the offload once per direction.
     */
    public static final org.frameinspector.core.dissect.Ctx.Key<Integer> CHECKSUM_UNFINISHED = org.frameinspector.core.dissect.Ctx.Key.of("tcp:checksum.unfinished");

    /** The segment's Info text and layer name, left for the stream layer to give its relative numbers. */
    public static final org.frameinspector.core.dissect.Ctx.Key<Text> TEXT = org.frameinspector.core.dissect.Ctx.Key.of("tcp:text");

    /**
     * What TCP shows in the Info column and as its layer's name ("102 → 49153 [PSH, ACK] Seq=1 Ack=1 Win=… Len=…"),
     * made only when something reads it. The stream layer learns the relative sequence numbers after the header is
     * read ({@link #relative}); the text then shows them, as Wireshark does, and a findings-only pass never makes it.
     * A header cut short shows as much as was read: the ports, then the flags.
     */
    public static final class Text {
        private final int sp, dp;
        private int flags = -1;
        private boolean complete, ackSet;
        private long seq, ack, win;
        private int len;
        private String opts;

        Text(int sp, int dp) {
            this.sp = sp;
            this.dp = dp;
        }

        void header(long seq, boolean ackSet, long ack, long win, int len, String opts) {
            this.complete = true;
            this.seq = seq;
            this.ackSet = ackSet;
            this.ack = ack;
            this.win = win;
            this.len = len;
            this.opts = opts;
        }

        /** Shows {@code seq} (and {@code ack} when {@code hasAck}) instead of the raw numbers. */
        public void relative(long seq, boolean hasAck, long ack) {
            this.seq = seq;
            if (hasAck) this.ack = ack;
        }

        String info() {
            StringBuilder sb = new StringBuilder(96).append(sp).append(" \u2192 ").append(dp);
            if (flags < 0) return sb.toString();
            sb.append(" [").append(flagNames(flags)).append(']');
            if (!complete) return sb.toString();
            sb.append(" Seq=").append(seq);
            if (ackSet) sb.append(" Ack=").append(ack);
            return sb.append(" Win=").append(win).append(" Len=").append(len).append(opts).toString();
        }

        String layerName() {
            return "Transmission Control Protocol, Src Port: " + sp + ", Dst Port: " + dp + ", Seq: " + seq
                    + (ackSet ? ", Ack: " + ack : "") + ", Len: " + len;
        }
    }
    private static final char[] FLAG_LETTERS = "RRRACEUAPRSF".toCharArray();

    public static void register(DissectorRegistry r) {
        r.declare(TcpFields.TCP, TcpFields.TCP_SEGMENT);
        TcpDissector t = new TcpDissector();
        r.register("ip.proto", 6, t);
        r.named(t);
    }

    @Override
    public String protocol() {
        return "tcp";
    }

    /** "PSH, ACK" in Wireshark's order. */
    static String flagNames(int f) {
        StringBuilder sb = new StringBuilder(24);
        if ((f & F_FIN) != 0) sb.append("FIN, ");
        if ((f & F_SYN) != 0) sb.append("SYN, ");
        if ((f & F_RST) != 0) sb.append("RST, ");
        if ((f & F_PSH) != 0) sb.append("PSH, ");
        if ((f & F_ACK) != 0) sb.append("ACK, ");
        if ((f & F_URG) != 0) sb.append("URG, ");
        if ((f & F_ECE) != 0) sb.append("ECE, ");
        if ((f & F_CWR) != 0) sb.append("CWR, ");
        if ((f & F_AE) != 0) sb.append("AE, ");
        if ((f & F_RES) != 0) sb.append("Reserved, ");
        if (sb.length() == 0) return "<None>";
        sb.setLength(sb.length() - 2);
        return sb.toString();
    }

    /** The 12-character flag string, "·······AP···". */
    static String flagString(int f) {
        char[] c = new char[12];
        for (int i = 0; i < 12; i++) c[i] = (f & (0x800 >> i)) != 0 ? FLAG_LETTERS[i] : '\u00b7';
        return new String(c);
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        int o = buf.start();
        byte[] b = buf.bytes();
        L l = ctx.layer("tcp", "Transmission Control Protocol", buf);
        l.end(Math.min(buf.end(), o + 20));
        Integer ipLen = ctx.get(IpDissectors.PAYLOAD_LEN);
        int segLen = ipLen != null ? ipLen : buf.length();
        boolean fragment = ctx.is(IpDissectors.FRAGMENT);
        Field spF = l.uint(null, TcpFields.TCP_SRCPORT, o, 2);
        Field dpF = l.uint(null, TcpFields.TCP_DSTPORT, o + 2, 2);
        int sp = (int) spF.longValue(), dp = (int) dpF.longValue();
        Text text = new Text(sp, dp);
        ctx.put(TEXT, text);
        ctx.out().setInfo(text::info);
        if (ctx.stream() == null && buf.avail(o + 4) >= 8) {
            // a lone segment: no connection to count from, so tcp.seq / tcp.ack carry the raw numbers and say so
            // (the stream layer adds the relative ones in the in-order pass)
            long rs = buf.u32(o + 4), ra = buf.u32(o + 8);
            l.field(null, TcpFields.TCP_SEQ, o + 4, 4, 0, rs, TcpDissector::rawNumber, FieldKind.NORMAL);
            l.field(null, TcpFields.TCP_ACK, o + 8, 4, 0, ra, TcpDissector::rawNumber, FieldKind.NORMAL);
        }
        Field seqF = l.uint(null, TcpFields.TCP_SEQ_RAW, o + 4, 4);
        Field ackF = l.uint(null, TcpFields.TCP_ACK_RAW, o + 8, 4);
        l.need(null, TcpFields.TCP_HDR_LEN, o + 12, 2);
        int w = buf.u16(o + 12);
        int doff = w >> 12, hlen = doff * 4, flags = w & 0xFFF;
        Field hl = l.field(null, TcpFields.TCP_HDR_LEN, o + 12, 1, 0xF0, hlen, v -> v + " bytes (" + v / 4 + ")",
                FieldKind.NORMAL);
        Field ff = l.field(null, TcpFields.TCP_FLAGS, o + 12, 2, 0xFFF, flags, v -> Fmt.hex(v, 3), FieldKind.NORMAL);
        Runnable flagBits = () -> {
            l.num(ff, TcpFields.TCP_FLAGS_RES, o + 12, 1, 0x0E, FieldKind.RESERVED, Fmt::setOrNot);
            l.flag(ff, TcpFields.TCP_FLAGS_AE, o + 12, 1, 0x01);
            l.flag(ff, TcpFields.TCP_FLAGS_CWR, o + 13, 1, 0x80);
            l.flag(ff, TcpFields.TCP_FLAGS_ECE, o + 13, 1, 0x40);
            l.flag(ff, TcpFields.TCP_FLAGS_URG, o + 13, 1, 0x20);
            l.flag(ff, TcpFields.TCP_FLAGS_ACK, o + 13, 1, 0x10);
            l.flag(ff, TcpFields.TCP_FLAGS_PUSH, o + 13, 1, 0x08);
            l.flag(ff, TcpFields.TCP_FLAGS_RESET, o + 13, 1, 0x04);
            l.flag(ff, TcpFields.TCP_FLAGS_SYN, o + 13, 1, 0x02);
            l.flag(ff, TcpFields.TCP_FLAGS_FIN, o + 13, 1, 0x01);
            String fs = flagString(flags);
            l.field(ff, TcpFields.TCP_FLAGS_STR, o + 12, 2, 0, fs, fs, FieldKind.GENERATED);
        };
        // the flag bits are made when shown, unless a finding below points at the reserved bits or AE
        boolean bitFinding = (flags & (F_RES | F_AE)) != 0;
        if (bitFinding) flagBits.run();
        else l.later(ff, flagBits);
        Field res = bitFinding ? ff.children().get(0) : null, ae = bitFinding ? ff.children().get(1) : null;
        text.flags = flags;
        Field winF = l.uint(null, TcpFields.TCP_WINDOW_SIZE_VALUE, o + 14, 2);
        l.field(null, TcpFields.TCP_WINDOW_SIZE, o + 14, 2, 0, winF.longValue(), L.DECIMAL, FieldKind.GENERATED);
        Field ck = l.hex(null, TcpFields.TCP_CHECKSUM, o + 16, 2);
        Field urgF = l.uint(null, TcpFields.TCP_URGENT_POINTER, o + 18, 2);
        long seq = seqF.longValue(), ack = ackF.longValue();

        // flag and field sanity (PROTOCOLS.md §9.3)
        if ((flags & F_RES) != 0) {
            l.finding("TCP-RESERVED-BITS-SET", res, "0b" + Long.toBinaryString(0x8 | res.longValue()).substring(1),
                    "0b000");
        }
        if ((flags & F_AE) != 0 && (flags & F_SYN) == 0) {
            l.finding("TCP-AE-UNNEGOTIATED", Severity.INFO, ae, "AE=1", "AE=0 unless AccECN was negotiated",
                    "The SYN exchange is not in view, so whether AccECN was negotiated cannot be checked here.");
        }
        boolean syn = (flags & F_SYN) != 0, rst = (flags & F_RST) != 0, fin = (flags & F_FIN) != 0,
                ackSet = (flags & F_ACK) != 0;
        if (syn && (fin || rst)) {
            l.finding("TCP-ILLEGAL-FLAGS", ff, flagNames(flags), "SYN without FIN/RST");
        } else if (!syn && !rst && !ackSet) {
            l.finding("TCP-ILLEGAL-FLAGS", ff, flagNames(flags), "SYN, RST or ACK set");
        }
        if (urgF.longValue() != 0 && (flags & F_URG) == 0) {
            l.finding("TCP-URGPTR-WITHOUT-URG", urgF, Long.toString(urgF.longValue()), "0 (URG not set)");
        }
        if (ack != 0 && !ackSet) {
            l.finding("TCP-ACK-WITHOUT-ACKFLAG", ackF, Long.toString(ack), "0 (ACK not set)");
        }

        String srcA = ctx.get(IpDissectors.SRC), dstA = ctx.get(IpDissectors.DST);
        boolean headerOk = true;
        if (doff < 5) {
            l.finding("TCP-DOFF-TOO-SMALL", hl, hlen + " bytes (" + doff + ")", "at least 20 bytes (5)");
            headerOk = false;
        } else if (hlen > segLen) {
            l.finding("TCP-DOFF-BEYOND-SEGMENT", hl, hlen + " bytes", "at most " + segLen + " (segment length)");
            headerOk = false;
        }
        int hdrEnd = headerOk ? o + hlen : o + 20;
        l.end(Math.min(buf.end(), hdrEnd));
        int payLen = Math.max(0, segLen - (hdrEnd - o));
        l.field(null, TcpFields.TCP_LEN, o, 0, 0, payLen, L.DECIMAL, FieldKind.GENERATED);

        // checksum over pseudo-header + segment, when the whole segment was captured
        boolean checksumBad = false;
        Integer ver = ctx.get(IpDissectors.VERSION);
        Integer sOff = ctx.get(IpDissectors.SRC_OFF), dOff = ctx.get(IpDissectors.DST_OFF);
        // on a reassembled IP datagram the addresses are not in this buffer: IP leaves them as byte arrays
        byte[] pSrc = ctx.get(IpDissectors.PSEUDO_SRC), pDst = ctx.get(IpDissectors.PSEUDO_DST);
        boolean addrs = pSrc != null && pDst != null || sOff != null && dOff != null;
        long transmitted = ck.longValue();
        if (ver != null && addrs && !fragment && buf.length() >= segLen && segLen >= 20) {
            int alen = ver == 6 ? 16 : 4;
            long sum = pSrc != null && pDst != null
                    ? InternetChecksum.add(InternetChecksum.add(0, pSrc, 0, alen), pDst, 0, alen)
                    : InternetChecksum.add(InternetChecksum.add(0, b, sOff, alen), b, dOff, alen);
            sum += 6 + (segLen & 0xFFFF) + (segLen >>> 16);
            sum = InternetChecksum.add(sum, b, o, 16);
            sum = InternetChecksum.add(sum, b, o + 18, segLen - 18);
            int calc = InternetChecksum.complement(sum);
            boolean good = InternetChecksum.verifies(sum + transmitted);
            l.generated(null, TcpFields.TCP_CHECKSUM_STATUS, o + 16, 0, good ? 1L : 0L,
                    good ? "Good" : "Bad");
            l.generated(null, TcpFields.TCP_CHECKSUM_CALCULATED, o + 16, 2, (long) calc,
                    Fmt.hex4(calc));
            if (!good) {
                checksumBad = true;
                // unfinished: 0, or the pseudo-header sum alone (folded, or its complement)
                long pseudo = sum - InternetChecksum.add(InternetChecksum.add(0, b, o, 16), b, o + 18, segLen - 18);
                int ph = InternetChecksum.fold(pseudo);
                boolean unfinished = transmitted == 0 || transmitted == ph || transmitted == (~ph & 0xFFFF);
                if (unfinished && ctx.stream() != null) {
                    ctx.put(CHECKSUM_UNFINISHED, (int) transmitted);
                } else {
                    String hint = IpDissectors.offloadHint(ctx, transmitted);
                    if (hint == null && unfinished) {
                        hint = "The transmitted checksum is the pseudo-header sum alone: the sending host left the rest "
                                + "to its network card (checksum offload), so the packet on the wire was probably correct.";
                    }
                    l.finding("TCP-CHECKSUM-BAD", hint != null ? Severity.INFO : null, ck, Fmt.hex4((int) transmitted),
                            Fmt.hex4(calc), hint);
                }
            }
        } else {
            l.generated(null, TcpFields.TCP_CHECKSUM_STATUS, o + 16, 0, 2L, "Unverified");
        }

        StringBuilder optInfo = new StringBuilder();
        if (headerOk && hlen > 20) options(l, buf, o + 20, o + hlen, syn, optInfo);

        text.header(seq, ackSet, ack, winF.longValue(), payLen, optInfo.length() == 0 ? "" : optInfo.toString());
        l.layer().setName(text::layerName);

        int pstart = hdrEnd;
        Buf payload = buf.slice(pstart, buf.end() - pstart);
        TcpInfo ti = new TcpInfo(srcA, dstA, sp, dp, seq, ack, flags, pstart, payload.length(), checksumBad,
                (int) winF.longValue(), payLen);
        ctx.put(TcpInfo.KEY, ti);
        if (!headerOk || fragment) {
            if (payload.length() > 0) l.payload(null, TcpFields.TCP_PAYLOAD, pstart, payload.length());
            return;
        }
        // Wireshark shows the segment's payload as tcp.payload whatever decodes it; so do we (upper layers overlay it)
        if (payload.length() > 0) l.payload(null, payloadLabel(payload.length()), pstart, payload.length());
        // the stream layer wants every segment (also SYN/FIN/RST without payload) to follow the connection
        boolean taken = ctx.stream() != null && ctx.stream().onTcpPayload(ctx, payload, ti);
        if (taken || payload.length() <= 0) return;
        int lo = Math.min(sp, dp), hi = Math.max(sp, dp);
        Dissector d = ctx.registry().lookup("tcp.port", lo);
        if (d == null) d = ctx.registry().lookup("tcp.port", hi);
        boolean heuristic = false;
        if (d == null) {
            d = ctx.registry().heuristic("tcp", ctx, payload);
            heuristic = d != null;
        }
        if (d == null) return;
        if (heuristic && "tpkt".equals(d.protocol()) && !isTpktPort(sp) && !isTpktPort(dp)) {
            l.finding("TCP-TPKT-ON-NONSTANDARD-PORT", Severity.INFO, null, sp + " \u2192 " + dp, "102 or 3389", null);
        }
        ctx.call(d, payload);
    }

    /** How tcp.seq / tcp.ack show a number counted from no connection's start (a lone segment, or no handshake seen). */
    public static String rawNumber(long v) {
        return v + "    (raw: no connection context)";
    }

    /** "TCP payload (N bytes)": made once per length up to a full Ethernet frame, the lengths nearly every segment has. */
    private static FieldDef payloadLabel(int n) {
        if (n >= PAYLOAD_LABELS.length) return TcpFields.TCP_PAYLOAD.as("TCP payload (" + n + " bytes)");
        FieldDef d = PAYLOAD_LABELS[n];
        if (d == null) PAYLOAD_LABELS[n] = d = TcpFields.TCP_PAYLOAD.as("TCP payload (" + n + " bytes)");
        return d; // a race makes the same immutable label twice, which is harmless
    }

    private static final FieldDef[] PAYLOAD_LABELS = new FieldDef[1536];

    private static boolean isTpktPort(int p) {
        return p == 102 || p == 3389;
    }

    static String kindName(int k) {
        return switch (k) {
            case 0 -> "End of Option List (EOL)";
            case 1 -> "No-Operation (NOP)";
            case 2 -> "Maximum Segment Size";
            case 3 -> "Window Scale";
            case 4 -> "SACK Permitted";
            case 5 -> "SACK";
            case 8 -> "Time Stamp Option";
            case 19 -> "MD5 signature";
            case 28 -> "User Timeout";
            case 29 -> "TCP Authentication Option";
            case 30 -> "Multipath TCP";
            case 34 -> "TCP Fast Open Cookie";
            case 253 -> "RFC3692-style Experiment 1";
            case 254 -> "RFC3692-style Experiment 2";
            default -> "Unknown";
        };
    }

    private static int fixedLen(int k) {
        return switch (k) {
            case 2 -> 4;
            case 3 -> 3;
            case 4 -> 2;
            case 8 -> 10;
            case 19 -> 18;
            default -> -1;
        };
    }

    private static Field kind(L l, Field parent, int off, int k) {
        return l.uint(parent, TcpFields.TCP_OPTION_KIND, off, 1, v -> kindName(k) + " (" + k + ")");
    }

    /** Walks the options of [p, end) (end = Data Offset × 4). */
    static void options(L l, Buf buf, int p, int end, boolean syn, StringBuilder info) {
        byte[] b = buf.bytes();
        int have = Math.min(end, buf.end()) - p;
        Field opts = l.field(null, TcpFields.TCP_OPTIONS, p, Math.max(0, have), 0,
                buf.copy(p, Math.max(0, have)), "(" + (end - p) + " bytes)", FieldKind.TREE);
        // options cut by the capture: those that were captured whole are decoded (as tshark does), the one the cut
        // goes through is shown as far as it was captured, then CAPTURE-TRUNCATED ends the layer
        while (p < end) {
            if (p >= buf.end()) l.need(opts, TcpFields.TCP_OPTIONS, p, end - p);
            int k = buf.u8(p);
            if (k == 0) {
                Field f = l.field(opts, TcpFields.option(0).node(), p, 1, 0,
                        new byte[]{0}, "00", FieldKind.TREE);
                kind(l, f, p, 0);
                p++;
                if (p < end) {
                    Field pad = l.bytes(opts, TcpFields.TCP_OPTIONS_PADDING, p, end - p, null, FieldKind.RESERVED);
                    if (!LinkDissectors.allZero(b, p, end)) {
                        l.finding("TCP-NONZERO-AFTER-EOL", pad, Fmt.colonHex(b, p, Math.min(end - p, 8)),
                                "all zero");
                    }
                }
                return;
            }
            if (k == 1) {
                Field f = l.field(opts, TcpFields.option(1).node(), p, 1, 0,
                        new byte[]{1}, "01", FieldKind.TREE);
                kind(l, f, p, 1);
                p++;
                continue;
            }
            TcpFields.Option opt = TcpFields.option(k);
            if (p + 1 >= end) {
                Field f = l.tree(opts, opt.node().as("TCP Option - " + kindName(k)), p, 1, null, null);
                kind(l, f, p, k);
                l.finding("TCP-OPTION-MALFORMED", f, "kind " + k + " without a length octet", "kind and length");
                return;
            }
            if (p + 1 >= buf.end()) l.need(opts, opt.node(), p, 2);
            int len = buf.u8(p + 1);
            if (len < 2 || p + len > end) {
                Field f = l.tree(opts, opt.node().as("TCP Option - " + kindName(k)), p, Math.min(end, buf.end()) - p,
                        null, null);
                kind(l, f, p, k);
                Field lf = l.uint(f, TcpFields.TCP_OPTION_LEN, p + 1, 1);
                l.finding("TCP-OPTION-MALFORMED", lf, Integer.toString(len),
                        len < 2 ? "at least 2" : "at most " + (end - p) + " (end of header)");
                if (p + 2 < end) l.bytes(f, TcpFields.TCP_OPTIONS_DATA, p + 2, end - p - 2, null, FieldKind.NORMAL);
                return;
            }
            if (!buf.has(p, len)) {
                int got = buf.end() - p;
                Field f = l.field(opts, opt.node().as("TCP Option - " + kindName(k)), p, got, 0, buf.copy(p, got),
                        Fmt.colonHex(b, p, got), FieldKind.TREE);
                kind(l, f, p, k);
                l.uint(f, TcpFields.TCP_OPTION_LEN, p + 1, 1);
                l.need(f, opt.data(), p + 2, len - 2);
            }
            int fixed = fixedLen(k);
            boolean badLen = fixed > 0 && len != fixed || k == 5 && ((len - 2) % 8 != 0 || len < 10 || len > 34);
            Field f = l.field(opts, opt.node().as("TCP Option - " + kindName(k)), p, len, 0, buf.copy(p, len),
                    Fmt.colonHex(b, p, len), FieldKind.TREE);
            kind(l, f, p, k);
            Field lf = l.uint(f, TcpFields.TCP_OPTION_LEN, p + 1, 1);
            if (badLen) {
                l.finding("TCP-OPTION-MALFORMED", lf, Integer.toString(len),
                        k == 5 ? "2 + 8n (n = 1..4)" : Integer.toString(fixed));
                if (len > 2) l.bytes(f, TcpFields.TCP_OPTIONS_DATA, p + 2, len - 2, null, FieldKind.NORMAL);
            } else {
                int q = p + 2;
                switch (k) {
                    case 2 -> {
                        Field v = l.uint(f, TcpFields.TCP_OPTIONS_MSS_VAL, q, 2);
                        info.append(" MSS=").append(v.longValue());
                    }
                    case 3 -> {
                        Field s = l.uint(f, TcpFields.TCP_OPTIONS_WSCALE_SHIFT, q, 1);
                        long shift = s.longValue();
                        long mult = 1L << Math.min(shift, 14);
                        l.field(f, TcpFields.TCP_OPTIONS_WSCALE_MULTIPLIER, q, 1, 0, mult, Long.toString(mult),
                                FieldKind.GENERATED);
                        if (shift > 14) l.finding("TCP-WSCALE-TOO-BIG", s, Long.toString(shift), "at most 14");
                        info.append(" WS=").append(mult);
                    }
                    case 4 -> info.append(" SACK_PERM");
                    case 5 -> {
                        int n = (len - 2) / 8;
                        l.generated(f, TcpFields.TCP_OPTIONS_SACK_COUNT, q, 0, (long) n,
                                Integer.toString(n));
                        for (int i = 0; i < n; i++) {
                            l.uint(f, TcpFields.TCP_OPTIONS_SACK_LE, q + 8 * i, 4);
                            l.uint(f, TcpFields.TCP_OPTIONS_SACK_RE, q + 8 * i + 4, 4);
                        }
                    }
                    case 8 -> {
                        Field tv = l.uint(f, TcpFields.TCP_OPTIONS_TIMESTAMP_TSVAL, q, 4);
                        Field te = l.uint(f, TcpFields.TCP_OPTIONS_TIMESTAMP_TSECR, q + 4, 4);
                        info.append(" TSval=").append(tv.longValue()).append(" TSecr=").append(te.longValue());
                    }
                    default -> {
                        if (len > 2) l.bytes(f, opt.data(), q, len - 2, null, FieldKind.NORMAL);
                    }
                }
            }
            if (!syn && (k == 2 || k == 3 || k == 4)) {
                l.finding("TCP-OPTION-SYN-ONLY", f, kindName(k) + " without SYN", "only in SYN segments");
            }
            p += len;
        }
    }
}
