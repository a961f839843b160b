package org.frameinspector.core.protocols.cotp;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.protocols.ses.Session;
import org.frameinspector.core.protocols.tpkt.TpktDissector;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.CotpInfo;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;

/**
 * COTP, ISO/IEC 8073 = ITU-T X.224: all ten TPDU types in normal and extended formats, the variable-part parameters
 * of PROTOCOLS.md §5.5, DR reasons, ER causes and the class-0 rules of RFC 1006. Field names follow Wireshark's
 * cotp.* where it has them. Over TPKT the connection is taken to be RFC 1006, i.e. class 0, unless the stream
 * layer knows better ({@code cotp.conn.class} in the context).
 */
public final class CotpDissector implements Dissector {
    /**
     * Ctx: the class the transport connection negotiated (set by the stream layer once it saw the CC); without it a
     * TPDU over TPKT is taken to be class 0, as RFC 1006 requires.
     */
    public static final Ctx.Key<Integer> CONN_CLASS = Ctx.Key.of("cotp:conn.class");
    /** Ctx: the TPDU type (high nibble of the code) and LI of the CR/CC whose variable area table "cotp.crcc" is offered. */
    public static final Ctx.Key<Integer> CRCC_TYPE = Ctx.Key.of("cotp:crcc.type"), CRCC_LI = Ctx.Key.of("cotp:crcc.li");
    /**
     * Ctx: Boolean.TRUE while a CR shorter than its 7-byte fixed part is offered to table "cotp.crcc" (RDP drops such a
     * request, MS-RDPBCGR 3.3.5.3.1, and says so); the offered bytes are then the whole TPDU.
     */
    public static final Ctx.Key<Boolean> CR_TOO_SHORT = Ctx.Key.of("cotp:cr_too_short");
    /** Ctx: this TPDU's header was cut by the end of the segment (TPKT-INCOMPLETE), not by the sender. */
    private static final Ctx.Key<Boolean> HDR_CUT = Ctx.Key.of("cotp:header_cut");
    /** Ctx: the ER being decoded carries the invalid-TPDU parameter (set while its parameters are read). */
    private static final Ctx.Key<Boolean> ER_INVALID_SEEN = Ctx.Key.of("cotp:er.invalid_tpdu");

    /** Table COTP offers the CR/CC variable-part area to (RDP negotiation data lives there). */
    public static final String CRCC_TABLE = "cotp.crcc";
    /** Table COTP hands DT user data (a TSDU) to: the session layer, S7comm, MCS … register heuristics on it. */
    public static final String PAYLOAD_TABLE = "cotp.payload";

    public static void register(DissectorRegistry r) {
        r.declare(CotpFields.COTP);
        CotpDissector d = new CotpDissector();
        r.register("tpkt", 0, d);
        r.register("linktype", Frame.LINK_COTP, d);
        r.named(d);
    }

    @Override
    public String protocol() {
        return "cotp";
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        int off = buf.start();
        int n = 0;
        while (off < buf.end() && n < 64) {
            int next = tpdu(ctx, buf, off, n++);
            if (next <= off) break;
            off = next;
        }
    }

    static String typeName(long t) {
        return switch ((int) t) {
            case 0x0E -> "CR Connect Request";
            case 0x0D -> "CC Connect Confirm";
            case 0x08 -> "DR Disconnect Request";
            case 0x0C -> "DC Disconnect Confirm";
            case 0x0F -> "DT Data";
            case 0x01 -> "ED Expedited Data";
            case 0x06 -> "AK Data Acknowledgement";
            case 0x02 -> "EA Expedited Data Acknowledgement";
            case 0x05 -> "RJ Reject";
            case 0x07 -> "ER TPDU Error";
            case 0x04 -> "UD Unit Data (connectionless, not COTP)";
            default -> "Unknown";
        };
    }

    static String shortType(int t) {
        return switch (t) {
            case 0x0E -> "CR";
            case 0x0D -> "CC";
            case 0x08 -> "DR";
            case 0x0C -> "DC";
            case 0x0F -> "DT";
            case 0x01 -> "ED";
            case 0x06 -> "AK";
            case 0x02 -> "EA";
            case 0x05 -> "RJ";
            case 0x07 -> "ER";
            default -> "Unknown";
        };
    }

    static String reason(long r) {
        return switch ((int) r) {
            case 0 -> "Reason not specified";
            case 1 -> "Congestion at TSAP";
            case 2 -> "Session entity not attached to TSAP";
            case 3 -> "Address unknown";
            case 128 -> "Normal Disconnect initiated by the session entity";
            case 129 -> "Remote transport entity congestion at connect request time";
            case 130 -> "Connection negotiation failed";
            case 131 -> "Duplicate source reference detected for the same pair of NSAPs";
            case 132 -> "Mismatched references";
            case 133 -> "Protocol error";
            case 135 -> "Reference overflow";
            case 136 -> "Connection request refused on this network connection";
            case 138 -> "Header or parameter length invalid";
            default -> "Undefined";
        };
    }

    static boolean reasonDefined(int r) {
        return r <= 3 || r >= 128 && r <= 138 && r != 134 && r != 137;
    }

    static String rejectCause(long c) {
        return switch ((int) c) {
            case 0 -> "Reason not specified";
            case 1 -> "Invalid parameter code";
            case 2 -> "Invalid TPDU type";
            case 3 -> "Invalid parameter value";
            default -> "Undefined";
        };
    }

    static String paramName(int code) {
        return switch (code) {
            case 0xC0 -> "tpdu-size";
            case 0xF0 -> "preferred-max-tpdu-size";
            case 0xC1 -> "src-tsap";
            case 0xC2 -> "dst-tsap";
            case 0xC3 -> "checksum";
            case 0xC4 -> "version-number";
            case 0xC5 -> "protection";
            case 0xC6 -> "additional-option";
            case 0xC7 -> "alternative-class";
            case 0x85 -> "ack-time";
            case 0x86 -> "res-error-rate";
            case 0x87 -> "priority";
            case 0x88 -> "transit-delay";
            case 0x89 -> "throughput";
            case 0x8A -> "subseq-number";
            case 0x8B -> "reassignment-time";
            case 0x8C -> "flow-control";
            case 0x8F -> "selective-ack";
            case 0xE0 -> "additional-clearing-information";
            case 0xF2 -> "inactivity-timer";
            case 0x08 -> "ATN extended checksum (32 bits)";
            case 0x09 -> "ATN extended checksum (16 bits)";
            default -> "Unknown";
        };
    }

    /** Offers a CR shorter than its fixed part to the users of the CR/CC area (see {@link #CR_TOO_SHORT}). */
    private static void shortCr(Ctx ctx, Buf buf, int off, int li) {
        Buf tpdu = buf.from(off);
        ctx.put(CRCC_TYPE, 0x0E);
        ctx.put(CRCC_LI, li);
        ctx.put(CR_TOO_SHORT, Boolean.TRUE);
        try {
            org.frameinspector.core.dissect.Dissector h = ctx.registry().heuristic(CRCC_TABLE, ctx, tpdu);
            if (h != null) ctx.call(h, tpdu);
        } finally {
            ctx.put(CR_TOO_SHORT, null);
        }
    }

    /** Fixed-part length (LI minimum) per type, normal format. */
    private static int fixedLi(int type) {
        return switch (type) {
            case 0x0E, 0x0D, 0x08 -> 6;
            case 0x0C -> 5;
            case 0x07, 0x06, 0x02, 0x05, 0x01 -> 4;
            case 0x0F -> 2;
            default -> 1;
        };
    }

    /** Decodes one TPDU at off; returns the offset after it (end of buf for TPDUs whose user data runs to the end). */
    private int tpdu(Ctx ctx, Buf buf, int off, int index) {
        boolean overTpkt = ctx.out().layer("tpkt") != null;
        Integer knownClass = ctx.get(CONN_CLASS);
        boolean class0 = knownClass != null ? knownClass == 0 : overTpkt;
        L l = ctx.layer("cotp", "ISO 8073/X.224 COTP Connection-Oriented Transport Protocol", buf.from(off));
        Layer layer = l.layer();
        Field liF = l.uint(null, CotpFields.COTP_LI, off, 1);
        int li = (int) liF.longValue();
        if (index > 0 && overTpkt) {
            l.finding("COTP-CONCATENATED-IN-TPKT", liF, off, buf.end() - off, "TPDU #" + (index + 1) + " in one TPKT",
                    "one TPDU per TPKT");
        }
        if (li == 0) {
            l.finding("COTP-LI-ZERO", liF, "0", "the header length (≥ 2)");
            rest(l, buf, off + 1);
            ctx.out().setInfo("COTP: length indicator is zero");
            return buf.end();
        }
        if (li == 255) {
            l.finding("COTP-LI-RESERVED-255", liF, "255", "≤ 254");
            rest(l, buf, off + 1);
            return buf.end();
        }
        int hdrEnd = off + 1 + li;
        boolean cut = ctx.is(Ctx.SEGMENT_CUT);
        ctx.put(HDR_CUT, null);
        if (hdrEnd > buf.end()) {
            if (!cut) l.finding("COTP-LI-EXCEEDS-NSDU", liF, Integer.toString(li), "≤ " + (buf.end() - off - 1));
            else ctx.put(HDR_CUT, Boolean.TRUE); // the segment ended inside the header: nothing to blame on the sender
            hdrEnd = buf.end();
        }
        Field typeF = l.bits(null, CotpFields.COTP_TYPE, off + 1, 1, 0xF0, v -> typeName(v) + " (" + Fmt.hex2((int) v) + ")");
        int code = buf.u8(off + 1);
        int type = code >> 4;
        String name = shortType(type);
        if (type == 0x0E && !ctx.is(HDR_CUT) && buf.end() - off < 7) shortCr(ctx, buf, off, li);
        if (li < fixedLi(type) && !(type == 0x01 && li == 2)) {
            l.finding("COTP-LI-BELOW-FIXED-PART", liF, Integer.toString(li), "≥ " + fixedLi(type) + " for " + name);
            if (off + 2 < hdrEnd) l.field(null, CotpFields.COTP_UNDECODED, off + 2,
                    hdrEnd - off - 2, 0, buf.copy(off + 2, hdrEnd - off - 2), Fmt.colonHex(buf.bytes(), off + 2, hdrEnd - off - 2),
                    FieldKind.UNDECODED);
            l.end(hdrEnd);
            if (hdrEnd < buf.end()) ctx.data(buf.from(hdrEnd));
            return buf.end();
        }
        // The fixed part must be read from the header area only, never from user data.
        int result;
        switch (type) {
            case 0x0E, 0x0D -> result = crcc(ctx, l, buf, off, hdrEnd, type, code);
            case 0x08 -> result = dr(ctx, l, buf, off, hdrEnd, class0);
            case 0x0C -> {
                l.hex(null, CotpFields.COTP_DESTREF, off + 2, 2);
                l.hex(null, CotpFields.COTP_SRCREF, off + 4, 2);
                if (class0 && overTpkt) l.finding("COTP-TPDU-NOT-IN-CLASS0", typeF, name, "CR, CC, DR, DT or ER");
                params(ctx, l, buf, off + 6, hdrEnd, type, class0 ? 0 : -1);
                info(ctx, "DC TPDU src-ref: " + Fmt.hex4(buf.u16(off + 4)) + " dst-ref: " + Fmt.hex4(buf.u16(off + 2)));
                result = hdrEnd;
            }
            case 0x0F -> result = dt(ctx, l, buf, off, hdrEnd, li, code, class0, overTpkt);
            case 0x01 -> result = ed(ctx, l, buf, off, hdrEnd, li, class0);
            case 0x06, 0x05 -> {
                boolean ext = (li & 1) == 1;
                if (!ext) l.bits(null, CotpFields.COTP_CREDIT, off + 1, 1, 0x0F, null);
                l.hex(null, CotpFields.COTP_DESTREF, off + 2, 2);
                int p;
                if (ext) {
                    l.bits(null, CotpFields.COTP_NEXT_TPDU_NUMBER, off + 4, 4, 0x7FFFFFFFL, v -> Fmt.hex(v, 8));
                    l.uint(null, CotpFields.COTP_CREDIT, off + 8, 2);
                    p = off + 10;
                } else {
                    l.bits(null, CotpFields.COTP_NEXT_TPDU_NUMBER, off + 4, 1, 0x7F, v -> Fmt.hex2((int) v));
                    p = off + 5;
                }
                if (class0 && overTpkt) l.finding("COTP-TPDU-NOT-IN-CLASS0", typeF, name, "CR, CC, DR, DT or ER");
                params(ctx, l, buf, p, hdrEnd, type, class0 ? 0 : -1);
                info(ctx, name + " TPDU dst-ref: " + Fmt.hex4(buf.u16(off + 2)));
                result = hdrEnd;
            }
            case 0x02 -> {
                l.hex(null, CotpFields.COTP_DESTREF, off + 2, 2);
                boolean ext = li >= 7;
                if (ext) l.bits(null, CotpFields.COTP_NEXT_TPDU_NUMBER, off + 4, 4, 0x7FFFFFFFL, v -> Fmt.hex(v, 8));
                else l.bits(null, CotpFields.COTP_NEXT_TPDU_NUMBER, off + 4, 1, 0x7F, v -> Fmt.hex2((int) v));
                if (class0 && overTpkt) l.finding("COTP-TPDU-NOT-IN-CLASS0", typeF, name, "CR, CC, DR, DT or ER");
                params(ctx, l, buf, off + (ext ? 8 : 5), hdrEnd, type, class0 ? 0 : -1);
                info(ctx, "EA TPDU dst-ref: " + Fmt.hex4(buf.u16(off + 2)));
                result = hdrEnd;
            }
            case 0x07 -> result = er(ctx, l, buf, off, hdrEnd, class0);
            default -> {
                l.finding("COTP-UNKNOWN-TPDU-TYPE", typeF, Fmt.hex2(code), "CR, CC, DR, DC, DT, ED, AK, EA, RJ or ER");
                rest(l, buf, off + 2);
                info(ctx, "Unknown TPDU type " + Fmt.hex2(code));
                result = buf.end();
            }
        }
        if (result > buf.end()) result = buf.end();
        if (layer.end() > result || layer.length() == buf.end() - off) l.end(Math.min(result, hdrEnd));
        if (ctx.stream() != null) ctx.stream().onTpdu(ctx, info(type, li, buf, off, hdrEnd, typeF));
        return result;
    }

    private static CotpInfo info(int type, int li, Buf buf, int off, int hdrEnd, Field typeF) {
        int dst = -1, src = -1, cls = -1;
        if ((type == 0x0E || type == 0x0D || type == 0x08) && buf.has(off + 2, 4)) {
            dst = buf.u16(off + 2);
            src = buf.u16(off + 4);
        }
        if ((type == 0x0E || type == 0x0D) && buf.has(off + 6, 1)) cls = buf.u8(off + 6) >> 4;
        int tpduSize = -1;
        byte[] calling = null, called = null;
        if (type == 0x0E || type == 0x0D) {
            int p = off + 7;
            while (p + 2 <= hdrEnd) {
                int c = buf.u8(p), len = buf.u8(p + 1);
                if (p + 2 + len > hdrEnd) break;
                if (c == 0xC0 && len == 1) tpduSize = 1 << (buf.u8(p + 2) & 0x1F);
                if (c == 0xC1) calling = buf.copy(p + 2, len);
                if (c == 0xC2) called = buf.copy(p + 2, len);
                p += 2 + len;
            }
        }
        boolean eot = type != 0x0F || li != 2 || buf.peek(off + 2) >= 0x80;
        int udOff = Math.min(hdrEnd, buf.end());
        return new CotpInfo(type, li, dst, src, cls, tpduSize, calling, called, eot, udOff, buf.end() - udOff,
                buf.sourceId(), off, buf.end() - off, typeF);
    }

    private static void info(Ctx ctx, String s) {
        ctx.out().appendInfoAfter("TPDU", ", ", s);
    }

    private static void rest(L l, Buf buf, int from) {
        if (from < buf.end()) {
            l.field(null, CotpFields.COTP_UNDECODED.as("Undecoded TPDU bytes"), from, buf.end() - from, 0,
                    buf.copy(from, buf.end() - from), Fmt.colonHex(buf.bytes(), from, Math.min(buf.end() - from, 32)),
                    FieldKind.UNDECODED);
        }
        l.end(buf.end());
    }

    private int crcc(Ctx ctx, L l, Buf buf, int off, int hdrEnd, int type, int code) {
        boolean cr = type == 0x0E;
        Field cdt = l.num(null, CotpFields.COTP_CDT, off + 1, 1, 0x0F, FieldKind.NORMAL, null);
        Field dst = l.hex(null, CotpFields.COTP_DESTREF, off + 2, 2);
        Field src = l.hex(null, CotpFields.COTP_SRCREF, off + 4, 2);
        Field cls = l.bits(null, CotpFields.COTP_CLASS, off + 6, 1, 0xF0, null);
        int octet = buf.u8(off + 6);
        Field resv = l.num(null, CotpFields.COTP_OPTS_RESERVED, off + 6, 1, 0x0C, FieldKind.RESERVED, null);
        Field ext = l.bits(null, CotpFields.COTP_OPTS_EXTENDED_FORMATS, off + 6, 1, 0x02, v -> v != 0 ? "True" : "False");
        l.bits(null, CotpFields.COTP_OPTS_NO_EXPLICIT_FLOW_CONTROL, off + 6, 1, 0x01, v -> v != 0 ? "True" : "False");
        int c = octet >> 4;
        if (cr && dst.longValue() != 0) l.finding("COTP-CR-DSTREF-NONZERO", dst, Fmt.hex4((int) dst.longValue()), "0x0000");
        if (src.longValue() == 0) l.finding("COTP-REF-ZERO", src, "0x0000", "a non-zero reference");
        if (c > 4) l.finding("COTP-CLASS-INVALID", cls, Integer.toString(c), "0 to 4");
        if (c <= 1 && cdt.longValue() != 0) l.finding("COTP-CDT-NONZERO-CLASS0", cdt, Long.toString(cdt.longValue()), "0");
        if ((octet & 0x0C) != 0 || c <= 1 && (octet & 0x03) != 0) {
            l.finding("COTP-OPTION-BITS", (octet & 0x0C) != 0 ? resv : ext, Fmt.hex2(octet), Fmt.hex2(octet & 0xF0));
        }
        org.frameinspector.core.dissect.TcpInfo tcp = ctx.get(TcpInfo.KEY);
        if (cr && c != 0 && tcp != null && (tcp.dstPort() == TpktDissector.ISO_TSAP || tcp.srcPort() == TpktDissector.ISO_TSAP)) {
            l.finding("COTP-CLASS-NOT-0-ON-RFC1006", cls, Integer.toString(c), "0");
        }
        String infoText = (cr ? "CR" : "CC") + " TPDU src-ref: " + Fmt.hex4((int) src.longValue()) + " dst-ref: "
                + Fmt.hex4((int) dst.longValue());
        info(ctx, infoText);
        // RDP and other users of the CR/CC area register heuristics on "cotp.crcc".
        Buf area = buf.from(off + 7);
        if (area.length() > 0) {
            ctx.put(CRCC_TYPE, type);
            ctx.put(CRCC_LI, hdrEnd - off - 1);
            org.frameinspector.core.dissect.Dissector h = ctx.registry().heuristic(CRCC_TABLE, ctx, area);
            if (h != null) {
                l.end(off + 7);
                ctx.call(h, area);
                return buf.end();
            }
        }
        params(ctx, l, buf, off + 7, hdrEnd, type, c);
        l.end(hdrEnd);
        if (hdrEnd < buf.end()) {
            Field ud = userData(ctx, buf, hdrEnd);
            if (c == 0) {
                ctx.finding("COTP-USERDATA-IN-CLASS0-CRCC", null, "cotp", ud, buf.sourceId(), hdrEnd, buf.end() - hdrEnd,
                        (buf.end() - hdrEnd) + " bytes", "none in class 0", null);
            }
        }
        return buf.end();
    }

    /** Shows user data after a header as a Data layer and returns its field. */
    private static Field userData(Ctx ctx, Buf buf, int from) {
        ctx.data(buf.from(from));
        Layer d = ctx.out().layers().get(ctx.out().layers().size() - 1);
        return d.fields().isEmpty() ? null : d.fields().get(0);
    }

    private int dr(Ctx ctx, L l, Buf buf, int off, int hdrEnd, boolean class0) {
        Field dst = l.hex(null, CotpFields.COTP_DESTREF, off + 2, 2);
        Field src = l.hex(null, CotpFields.COTP_SRCREF, off + 4, 2);
        Field cause = l.uint(null, CotpFields.COTP_CAUSE, off + 6, 1, v -> reason(v) + " (" + v + ")");
        int r = (int) cause.longValue();
        if (!reasonDefined(r)) l.finding("COTP-DR-REASON-UNDEFINED", cause, Integer.toString(r), "0–3 or 128–138");
        else if (class0 && r >= 128) l.finding("COTP-DR-REASON-CLASS", cause, r + " (" + reason(r) + ")", "0–3 in class 0");
        int e0 = params(ctx, l, buf, off + 7, hdrEnd, 0x08, class0 ? 0 : -1);
        l.end(hdrEnd);
        if (class0 && e0 >= 0) {
            l.finding("COTP-DR-USERDATA-CLASS0", null, e0, 2, "parameter 0xe0", "no clearing information in class 0");
        }
        if (hdrEnd < buf.end()) {
            Field ud = userData(ctx, buf, hdrEnd);
            if (class0) ctx.finding("COTP-DR-USERDATA-CLASS0", null, "cotp", ud, buf.sourceId(), hdrEnd,
                    buf.end() - hdrEnd, (buf.end() - hdrEnd) + " bytes of user data", "none in class 0", null);
        }
        info(ctx, "DR TPDU src-ref: " + Fmt.hex4((int) src.longValue()) + " dst-ref: " + Fmt.hex4((int) dst.longValue()));
        return buf.end();
    }

    private int er(Ctx ctx, L l, Buf buf, int off, int hdrEnd, boolean class0) {
        Field dst = l.hex(null, CotpFields.COTP_DESTREF, off + 2, 2);
        Field cause = l.uint(null, CotpFields.COTP_REJECT_CAUSE, off + 4, 1, v -> rejectCause(v) + " (" + v + ")");
        l.finding("COTP-ER-RECEIVED", cause, rejectCause(cause.longValue()), null);
        if (cause.longValue() > 3) l.finding("COTP-ER-CAUSE-UNDEFINED", cause, Long.toString(cause.longValue()), "0–3");
        ctx.put(ER_INVALID_SEEN, null);
        params(ctx, l, buf, off + 5, hdrEnd, 0x07, class0 ? 0 : -1);
        if (class0 && !ctx.is(ER_INVALID_SEEN)) l.finding("COTP-ER-MISSING-INVALID-TPDU", cause, "no parameter 0xc1", "parameter 0xc1");
        info(ctx, "ER TPDU dst-ref: " + Fmt.hex4((int) dst.longValue()));
        return hdrEnd;
    }

    private int dt(Ctx ctx, L l, Buf buf, int off, int hdrEnd, int li, int code, boolean class0, boolean overTpkt) {
        boolean eot;
        int nr;
        Field nrF;
        if (li == 4 || li == 8) {
            l.hex(null, CotpFields.COTP_DESTREF, off + 2, 2);
            nrF = l.bits(null, CotpFields.COTP_TPDU_NUMBER, off + 4, 1, 0x7F, v -> Fmt.hex2((int) v));
            Field e = l.bits(null, CotpFields.COTP_EOT, off + 4, 1, 0x80, v -> v != 0 ? "Yes" : "No");
            eot = e.longValue() != 0;
            nr = (int) nrF.longValue();
            params(ctx, l, buf, off + 5, hdrEnd, 0x0F, -1);
        } else if (li == 7 || li == 11) {
            l.hex(null, CotpFields.COTP_DESTREF, off + 2, 2);
            nrF = l.bits(null, CotpFields.COTP_TPDU_NUMBER, off + 4, 4, 0x7FFFFFFFL, v -> Fmt.hex(v, 8));
            Field e = l.bits(null, CotpFields.COTP_EOT, off + 4, 4, 0x80000000L, v -> v != 0 ? "Yes" : "No");
            eot = e.longValue() != 0;
            nr = (int) nrF.longValue();
            params(ctx, l, buf, off + 8, hdrEnd, 0x0F, -1);
        } else {
            nrF = l.bits(null, CotpFields.COTP_TPDU_NUMBER, off + 2, 1, 0x7F, v -> Fmt.hex2((int) v));
            Field e = l.bits(null, CotpFields.COTP_EOT, off + 2, 1, 0x80, v -> v != 0 ? "Yes" : "No");
            eot = e.longValue() != 0;
            nr = (int) nrF.longValue();
            if (li != 2 && class0) {
                l.finding("COTP-LI-BELOW-FIXED-PART", ctx.out().layers().isEmpty() ? null : l.layer().fields().get(0),
                        Integer.toString(li), "2 for a class-0 DT");
                if (off + 3 < hdrEnd) l.field(null, CotpFields.COTP_UNDECODED.as("Unexpected header bytes"), off + 3, hdrEnd - off - 3,
                        0, buf.copy(off + 3, hdrEnd - off - 3), Fmt.colonHex(buf.bytes(), off + 3, hdrEnd - off - 3),
                        FieldKind.UNDECODED);
            }
            if (class0) {
                if ((code & 0x0F) != 0) {
                    Field roa = l.num(null, CotpFields.COTP_DT_LOW_NIBBLE, off + 1, 1, 0x0F, FieldKind.RESERVED, null);
                    l.finding("COTP-DT-CODE-BITS", roa, Fmt.hex2(code), "0xf0");
                }
                if (nr != 0) l.finding("COTP-DT-TPDUNR-NONZERO", nrF, Fmt.hex2(nr), "0x00");
            }
        }
        l.end(hdrEnd);
        int udLen = buf.end() - hdrEnd;
        info(ctx, "DT TPDU (" + nr + ")" + (eot ? "" : " [COTP fragment, " + udLen + " byte" + (udLen == 1 ? "" : "s") + "]"));
        if (udLen == 0) {
            l.finding("COTP-DT-EMPTY", nrF, "0 bytes of user data", null);
            return buf.end();
        }
        Buf ud = buf.from(hdrEnd);
        if (ctx.stream() != null && ctx.stream().onDtUserData(ctx, ud, eot)) return buf.end();
        if (eot) {
            ctx.nextOrData(PAYLOAD_TABLE, 0, ud);
        } else {
            l.payload(null, CotpFields.COTP_SEGMENT_DATA.as("COTP segment data (" + udLen + " bytes)"), hdrEnd, udLen);
            l.end(buf.end());
        }
        return buf.end();
    }

    private int ed(Ctx ctx, L l, Buf buf, int off, int hdrEnd, int li, boolean class0) {
        if (li == 2) {
            l.bits(null, CotpFields.COTP_TPDU_NUMBER, off + 2, 1, 0x7F, v -> Fmt.hex2((int) v));
            Field e = l.bits(null, CotpFields.COTP_EOT, off + 2, 1, 0x80, v -> v != 0 ? "Yes" : "No");
            l.finding("COTP-RFC1006-EXPEDITED", e, "class-0 style ED (LI 2)", null);
        } else {
            l.hex(null, CotpFields.COTP_DESTREF, off + 2, 2);
            if (li >= 7) {
                l.bits(null, CotpFields.COTP_TPDU_NUMBER, off + 4, 4, 0x7FFFFFFFL, v -> Fmt.hex(v, 8));
                l.bits(null, CotpFields.COTP_EOT, off + 4, 4, 0x80000000L, v -> v != 0 ? "Yes" : "No");
                params(ctx, l, buf, off + 8, hdrEnd, 0x01, -1);
            } else {
                l.bits(null, CotpFields.COTP_TPDU_NUMBER, off + 4, 1, 0x7F, v -> Fmt.hex2((int) v));
                l.bits(null, CotpFields.COTP_EOT, off + 4, 1, 0x80, v -> v != 0 ? "Yes" : "No");
                params(ctx, l, buf, off + 5, hdrEnd, 0x01, -1);
            }
        }
        l.end(hdrEnd);
        info(ctx, "ED TPDU");
        if (hdrEnd < buf.end()) ctx.data(buf.from(hdrEnd));
        return buf.end();
    }

    /**
     * Decodes the variable part [p, end). {@code cls} is the class the TPDU is in (0 = class-0 rules apply, -1 =
     * unknown). Returns the offset of an 0xE0 parameter, or -1.
     */
    private int params(Ctx ctx, L l, Buf buf, int p, int end, int type, int cls) {
        long[] seen = new long[4];
        int e0 = -1;
        int count = 0;
        while (p < end && count++ < 128) {
            boolean segmentCut = ctx.is(HDR_CUT);
            if (p + 2 > end) {
                Field f = l.field(null, CotpFields.COTP_PARAMETER_CODE, p, 1, 0, (long) buf.u8(p),
                        paramName(buf.u8(p)) + " (" + Fmt.hex2(buf.u8(p)) + ")", FieldKind.NORMAL);
                if (!segmentCut) l.finding("COTP-PARAM-TRUNCATED", f, "1 byte left in the header", "code and length octets");
                return e0;
            }
            int pc = buf.u8(p);
            int plen = buf.u8(p + 1);
            int vend = p + 2 + plen;
            String pname = paramName(pc);
            Field node = l.tree(null, CotpFields.COTP_PARAMETER.as("Parameter: " + pname + " (" + Fmt.hex2(pc) + ")"), p,
                    Math.min(vend, end) - p, (long) pc, null);
            Field codeF = l.field(node, CotpFields.COTP_PARAMETER_CODE, p, 1, 0, (long) pc,
                    pname + " (" + Fmt.hex2(pc) + ")", FieldKind.NORMAL);
            Field lenF = l.uint(node, CotpFields.COTP_PARAMETER_LENGTH, p + 1, 1);
            if (vend > end) {
                if (end > p + 2) l.field(node, CotpFields.COTP_PARAMETER_VALUE.as("Parameter value (truncated)"), p + 2, end - p - 2,
                        0, buf.copy(p + 2, end - p - 2), Fmt.colonHex(buf.bytes(), p + 2, end - p - 2), FieldKind.UNDECODED);
                if (!segmentCut) l.finding("COTP-PARAM-TRUNCATED", lenF, Integer.toString(plen), "≤ " + (end - p - 2));
                return e0;
            }
            if ((seen[pc >> 6] & (1L << (pc & 63))) != 0) {
                l.finding("COTP-PARAM-DUPLICATE", codeF, Fmt.hex2(pc) + " again", "each parameter once");
            }
            seen[pc >> 6] |= 1L << (pc & 63);
            boolean crcc = type == 0x0E || type == 0x0D;
            if (crcc && cls == 0) {
                if (pc == 0xC6) l.finding("COTP-PARAM-NOT-IN-CLASS0", Severity.RISK, codeF, Fmt.hex2(pc), "only c0, c1, c2, f0 in class 0", null);
                else if (pc == 0xC3 || pc == 0xC4 || pc == 0xC5 || pc == 0xC7 || pc >= 0x85 && pc <= 0x8B || pc == 0xF2) {
                    l.finding("COTP-PARAM-NOT-IN-CLASS0", codeF, Fmt.hex2(pc), "only c0, c1, c2, f0 in class 0");
                }
            }
            value(ctx, l, buf, node, pc, p + 2, plen, type, cls, codeF, lenF);
            if (pc == 0xE0) e0 = p;
            p = vend;
        }
        return e0;
    }

    private static boolean known(int pc, int type) {
        return switch (pc) {
            case 0xC0, 0xF0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8B, 0xF2 ->
                    type == 0x0E || type == 0x0D || pc == 0xC3 || pc == 0xC1 && type == 0x07;
            case 0x8A, 0x8C, 0x8F -> type == 0x06 || pc == 0x8A;
            case 0xE0 -> type == 0x08;
            case 0x08, 0x09 -> true;
            default -> false;
        };
    }

    private void value(Ctx ctx, L l, Buf buf, Field node, int pc, int v, int plen, int type, int cls, Field codeF,
                       Field lenF) {
        if (!known(pc, type)) {
            if (type == 0x0E) l.finding("COTP-PARAM-UNKNOWN-IN-CR", codeF, Fmt.hex2(pc), "a defined parameter code");
            else l.finding("COTP-PARAM-UNKNOWN-NON-CR", codeF, Fmt.hex2(pc) + " in " + shortType(type), "a defined parameter code");
            if (plen > 0) l.bytes(node, CotpFields.COTP_PARAMETER_VALUE, v, plen, null, null);
            return;
        }
        switch (pc) {
            case 0xC0 -> {
                if (plen != 1) {
                    l.finding("COTP-TPDU-SIZE-LENGTH", lenF, Integer.toString(plen), "1");
                    if (plen > 0) l.bytes(node, CotpFields.COTP_PARAMETER_VALUE, v, plen, null, null);
                    return;
                }
                int sv = buf.u8(v);
                long size = 1L << (sv & 0x0F);
                Field f = l.field(node, CotpFields.COTP_TPDU_SIZE, v, 1, 0, size, Long.toString(size), FieldKind.NORMAL);
                if (sv < 0x07 || sv > 0x10) l.finding("COTP-TPDU-SIZE-INVALID", f, Fmt.hex2(sv), "0x07–0x0d");
                else if (sv >= 0x0E) l.finding("COTP-TPDU-SIZE-EXTENSION", f, Fmt.hex2(sv) + " (" + (sv == 0x10 ? 65531 : size) + ")", "0x07–0x0b");
                else if ((sv == 0x0C || sv == 0x0D) && cls == 0) l.finding("COTP-TPDU-SIZE-CLASS0", f, Fmt.hex2(sv) + " (" + size + ")", "≤ 0x0b (2048) in class 0");
            }
            case 0xF0 -> {
                if (plen < 1 || plen > 4) {
                    l.finding("COTP-PREFMAX-LENGTH", lenF, Integer.toString(plen), "1 to 4");
                    if (plen > 0) l.bytes(node, CotpFields.COTP_PARAMETER_VALUE, v, plen, null, null);
                    return;
                }
                long units = buf.uint(v, plen);
                Field f = l.field(node, CotpFields.COTP_PREFERRED_MAXIMUM_TPDU_SIZE, v, plen, 0,
                        units * 128, Long.toString(units * 128), FieldKind.NORMAL);
                l.finding("COTP-PREFMAX-UNKNOWN-TO-PEER", f, (units * 128) + " octets", null);
            }
            case 0xC1, 0xC2 -> {
                if (type == 0x07 && pc == 0xC1) {
                    ctx.put(ER_INVALID_SEEN, Boolean.TRUE);
                    if (plen > 0) l.bytes(node, CotpFields.COTP_INVALID_TPDU, v, plen, null, null);
                    return;
                }
                FieldDef tsap = pc == 0xC1 ? CotpFields.COTP_SRC_TSAP : CotpFields.COTP_DST_TSAP;
                FieldDef tsapBytes = pc == 0xC1 ? CotpFields.COTP_SRC_TSAP_BYTES : CotpFields.COTP_DST_TSAP_BYTES;
                if (plen == 0 || plen > 32) l.finding("COTP-TSEL-LENGTH", lenF, Integer.toString(plen), "1 to 32");
                if (plen == 0) return;
                String text = Fmt.printable(buf.bytes(), v, plen);
                Field f;
                if (text != null) {
                    f = l.field(node, tsap, v, plen, 0, text, text, FieldKind.NORMAL);
                } else {
                    String h = "0x" + Fmt.hex(buf.bytes(), v, plen);
                    f = l.field(node, tsap, v, plen, 0, h, h, FieldKind.NORMAL);
                }
                l.field(f, tsapBytes, v, plen, 0, buf.copy(v, plen), Fmt.colonHex(buf.bytes(), v, plen),
                        FieldKind.NORMAL);
            }
            case 0xC3 -> fixed(l, node, buf, v, plen, 2, CotpFields.COTP_CHECKSUM, true, lenF);
            case 0xC4 -> fixed(l, node, buf, v, plen, 1, CotpFields.COTP_VP_VERSION_NR, false, lenF);
            case 0xC6 -> {
                if (plen != 1) {
                    if (plen > 0) l.bytes(node, CotpFields.COTP_PARAMETER_VALUE, v, plen, null, null);
                    return;
                }
                l.bits(node, CotpFields.COTP_NETWORK_EXPEDITED_DATA, v, 1, 0x08, v2 -> v2 != 0 ? "True" : "False");
                l.bits(node, CotpFields.COTP_VP_OPT_SEL_CLASS1_USE, v, 1, 0x04, v2 -> v2 != 0 ? "Receipt confirmation" : "Explicit AK variant");
                l.bits(node, CotpFields.COTP_USE_16_BIT_CHECKSUM, v, 1, 0x02, v2 -> v2 != 0 ? "True" : "False");
                Field tedt = l.bits(node, CotpFields.COTP_TRANSPORT_EXPEDITED_DATA_TRANSFER, v, 1, 0x01, v2 -> v2 != 0 ? "True" : "False");
                if (cls == 0 && tedt.longValue() != 0) l.finding("COTP-RFC1006-EXPEDITED", tedt, "0xc6 bit 0x01 set", null);
            }
            case 0x85 -> fixed(l, node, buf, v, plen, 2, CotpFields.COTP_ACK_TIME, false, lenF);
            case 0x87 -> fixed(l, node, buf, v, plen, 2, CotpFields.COTP_VP_PRIORITY, false, lenF);
            case 0x8B -> fixed(l, node, buf, v, plen, 2, CotpFields.COTP_REASSIGNMENT_TIME, false, lenF);
            case 0xF2 -> fixed(l, node, buf, v, plen, 4, CotpFields.COTP_INACTIVITY_TIMER, false, lenF);
            case 0x8A -> fixed(l, node, buf, v, plen, 2, CotpFields.COTP_SEQUENCE_NUMBER, false, lenF);
            case 0x8C -> {
                if (plen == 8) {
                    l.uint(node, CotpFields.COTP_LOWER_WINDOW_EDGE, v, 4);
                    l.uint(node, CotpFields.COTP_SEQUENCE_NUMBER, v + 4, 2);
                    l.uint(node, CotpFields.COTP_CREDIT, v + 6, 2);
                } else if (plen > 0) l.bytes(node, CotpFields.COTP_PARAMETER_VALUE, v, plen, null, null);
            }
            default -> {
                if (plen > 0) l.bytes(node, CotpFields.COTP_PARAMETER_VALUE, v, plen, null, null);
            }
        }
    }

    private static void fixed(L l, Field node, Buf buf, int v, int plen, int want, FieldDef def, boolean hex,
                              Field lenF) {
        if (plen == want) {
            if (hex) l.hex(node, def, v, plen);
            else l.uint(node, def, v, plen);
        } else if (plen > 0) {
            l.bytes(node, CotpFields.COTP_PARAMETER_VALUE, v, plen, null, null);
        }
    }
}
