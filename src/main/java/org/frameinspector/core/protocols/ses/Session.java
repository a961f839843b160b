package org.frameinspector.core.protocols.ses;

import org.frameinspector.core.protocols.cotp.CotpDissector;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.ValueNames;
import org.frameinspector.core.protocols.ber.Ber;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.Heuristic;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;

/**
 * ISO 8327-1 / X.225 session SPDUs in COTP DT user data: SI, the 1- or 3-octet LI, PI and PGI parameter units, basic
 * concatenation (GT/PT before DT) and the user data handed to the BER decoder. One "ses" layer per SPDU, as Wireshark
 * shows them.
 */
public final class Session implements Heuristic {
    static final int GT_DT = 1, PT = 2, CN = 13, AC = 14, RF = 12, FN = 9, DN = 10, AB = 25, AA = 26, NF = 8, EX = 5,
            TD = 33, CD = 61, CDA = 62, ER = 0;
    static final ValueNames SI = ValueNames.of(1, "DATA TRANSFER (DT) SPDU", 2, "PLEASE TOKENS (PT) SPDU", 5, "EXPEDITED (EX) SPDU",
            7, "PREPARE (PR) SPDU", 8, "NOT FINISHED (NF) SPDU", 9, "FINISH (FN) SPDU", 10, "DISCONNECT (DN) SPDU",
            12, "REFUSE (RF) SPDU", 13, "CONNECT (CN) SPDU", 14, "ACCEPT (AC) SPDU",
            15, "CONNECT DATA OVERFLOW (CDO) SPDU", 16, "OVERFLOW ACCEPT (OA) SPDU",
            21, "GIVE TOKENS CONFIRM (GTC) SPDU", 22, "GIVE TOKENS ACK (GTA) SPDU", 25, "ABORT (AB) SPDU",
            26, "ABORT ACCEPT (AA) SPDU", 29, "ACTIVITY RESUME (AR) SPDU", 33, "TYPED DATA (TD) SPDU",
            34, "RESYNCHRONIZE ACK (RA) SPDU", 41, "MAJOR SYNC POINT (MAP) SPDU", 42, "MAJOR SYNC ACK (MAA) SPDU",
            45, "ACTIVITY START (AS) SPDU", 48, "EXCEPTION DATA (ED) SPDU", 49, "MINOR SYNC POINT (MIP) SPDU",
            50, "MINOR SYNC ACK (MIA) SPDU", 53, "RESYNCHRONIZE (RS) SPDU", 57, "ACTIVITY DISCARD (AD) SPDU",
            58, "ACTIVITY DISCARD ACK (ADA) SPDU", 61, "CAPABILITY DATA (CD) SPDU",
            62, "CAPABILITY DATA ACK (CDA) SPDU", 0, "EXCEPTION REPORT (ER) SPDU");
    static final ValueNames PARAM = ValueNames.of(1, "Connection Identifier", 5, "Connect Accept Item", 9, "Called SS user Reference",
            10, "Calling SS user Reference", 11, "Common Reference", 12, "Additional Reference Information",
            15, "Sync Type Item", 16, "Token Item", 17, "Transport_Disconnect", 19, "Protocol Options",
            20, "Session Requirement", 21, "TSDU Maximum Size", 22, "Version Number", 23, "Initial Serial Number",
            24, "Prepare Type", 25, "Enclosure Item", 26, "Token Setting Item", 27, "Resync Type",
            33, "Linking Information", 41, "Activity Identifier", 42, "Serial Number", 49, "Reflect Parameter",
            50, "Reason Code", 51, "Calling Session Selector", 52, "Called Session Selector",
            53, "Second Resync Type", 54, "Second Serial Number", 55, "Second Initial Serial Number",
            56, "Upper Limit Serial Number", 57, "Large Initial Serial Number",
            58, "Large Second Initial Serial Number", 60, "Data Overflow", 193, "Session user data",
            194, "Session extended user data");
    static final ValueNames REASON = ValueNames.of(0, "Rejection by called SS-user; reason not specified",
            1, "Rejection by called SS-user due to temporary congestion", 2, "Rejection by called SS-user.",
            10, "Rejection by the SPM; implementation restriction stated in the PICS", 129, "Session Selector unknown",
            130, "SS-user not attached to SSAP", 131, "SPM congestion at connect time",
            132, "Proposed protocol versions not supported", 133, "Rejection by the SPM; reason not specified",
            134, "Finish PDU");

    private final Ber ber;

    public Session(Ber ber) {
        this.ber = ber;
    }

    /** ISO 8327 session SPDUs in COTP DT user data (register after RDP: MCS comes first on RDP connections). */
    public static void register(DissectorRegistry r) {
        r.declare(SesFields.SES);
        Ber ber = (Ber) r.byName("ber");
        r.heuristic(CotpDissector.PAYLOAD_TABLE, new Session(ber != null ? ber : new Ber()));
    }

    @Override
    public String protocol() {
        return "ses";
    }

    @Override
    public boolean accepts(Ctx ctx, Buf buf) {
        int s = buf.start();
        if (buf.length() < 2) return false;
        int si = buf.peek(s);
        int li = buf.peek(s + 1);
        if (si == GT_DT || si == PT) {
            // basic concatenation: GT/PT then DT, the data-phase prefix 01 00 01 00
            // a lone DT (no GT before it) still gets decoded so that SES-DT-NOT-CONCATENATED can be shown
            if (li == 0) return buf.peek(s + 2) == GT_DT || si == GT_DT && buf.peek(s + 2) == 0x61;
            return li != 0xFF && s + 2 + li < buf.end() && buf.peek(s + 2 + li) == GT_DT;
        }
        if (si == CN || si == AC || si == RF || si == FN || si == DN || si == AB || si == AA || si == NF) {
            int first = s + 2;
            if (li == 0xFF) {
                if (!buf.has(s, 4)) return false;
                first = s + 4;
                li = buf.peek(s + 2) << 8 | buf.peek(s + 3);
            }
            if (li > buf.length() - 2 + 64) return false; // an overrun is reported, not refused
            // random user data often starts with one of these SI values: insist that the first parameter unit is a
            // defined session PI/PGI code (or that the SPDU is empty and ends the TSDU)
            if (li == 0) return first == buf.end() || first < buf.end() && buf.peek(first) == GT_DT;
            int code = buf.peek(first);
            return code >= 0 && PARAM.nameOr(code, null) != null;
        }
        return false;
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        int p = buf.start();
        int index = 0;
        StringBuilder info = new StringBuilder();
        boolean dtDone = false;
        while (p < buf.end() && index < 64 && !dtDone) {
            int si = buf.u8(p);
            // where does this SPDU's parameter field end?
            int lenOctet = buf.peek(p + 1);
            int hl = lenOctet == 0xFF ? 4 : 2;
            int li = lenOctet < 0 ? 0 : lenOctet == 0xFF ? (buf.has(p + 2, 2) ? buf.u16(p + 2) : 0) : lenOctet;
            int next = p + hl + li;
            boolean gt = false, dt = false;
            if (si == GT_DT) {
                if (index == 0 && next < buf.end() && buf.peek(next) == GT_DT) gt = true;
                else dt = true;
            }
            String name = gt ? "Give tokens PDU" : SI.name(si);
            L l = ctx.layer("ses", "ISO 8327-1 OSI Session Protocol", buf.from(p));
            if (name == null) {
                Field t = l.uint(null, SesFields.SES_TYPE, p, 1, v -> "Unknown (" + v + ")");
                l.finding("SES-UNKNOWN-SI", t, Integer.toString(si), "an SPDU identifier of X.225 §8");
                l.payload(null, SesFields.SES_USER_DATA, p + 1, buf.end() - p - 1);
                l.end(buf.end());
                break;
            }
            l.uint(null, SesFields.SES_TYPE, p, 1, v -> name + " (" + v + ")");
            Field lenF;
            if (lenOctet == 0xFF) {
                l.need(null, SesFields.SES_LENGTH, p + 1, 3);
                lenF = l.field(null, SesFields.SES_LENGTH, p + 1, 3, 0, (long) li, Integer.toString(li), FieldKind.NORMAL);
                if (li < 255) l.finding("SES-LI-NONMINIMAL", lenF, "FF " + Fmt.hex(buf.bytes(), p + 2, 2) + " (" + li + ")",
                        "the one-octet form for lengths below 255");
            } else {
                lenF = l.uint(null, SesFields.SES_LENGTH, p + 1, 1);
            }
            int pe = next;
            if (next > buf.end()) {
                l.finding("SES-LI-OVERRUN", lenF, li + " bytes", "at most " + (buf.end() - p - hl) + " bytes (the rest of the TSDU)");
                pe = buf.end();
            }
            if (dt && index == 0) {
                l.finding("SES-DT-NOT-CONCATENATED", null, p, 1, "DT SPDU first in the TSDU",
                        "a GT or PT SPDU before the DT SPDU");
            }
            params(ctx, l, buf, null, p + hl, pe, si, false, 0);
            if (info.length() > 0) info.append(", ");
            info.append(gt ? "GIVE TOKENS" : name.replace(" SPDU", ""));
            int end = pe;
            if (dt || si == TD || si == EX || si == CD || si == CDA) {
                // category 2 / typed data: user information follows the parameter field up to the end of the TSDU
                l.end(pe);
                if (pe < buf.end()) {
                    ctx.put(Ber.HINT, "ses-dt");
                    ctx.call(ber, buf.from(pe));
                }
                dtDone = true;
                end = buf.end();
            } else {
                l.end(pe);
            }
            p = Math.max(end, p + 1);
            index++;
        }
        ctx.out().setInfo(info.toString());
    }

    private void params(Ctx ctx, L l, Buf b, Field parent, int from, int to, int si, boolean inGroup, int depth) {
        int q = from;
        int n = 0;
        while (q < to && n++ < 256) {
            int code = b.u8(q);
            int lo = b.has(q + 1, 1) ? b.u8(q + 1) : -1;
            if (lo < 0) {
                l.need(parent, SesFields.SES_PARAMETER_LENGTH, q + 1, 1);
            }
            int hl = lo == 0xFF ? 4 : 2;
            if (lo == 0xFF) l.need(parent, SesFields.SES_PARAMETER_LENGTH, q + 1, 3);
            int len = lo == 0xFF ? b.u16(q + 2) : lo;
            int vs = q + hl, ve = vs + len;
            String pname = PARAM.nameOr(code, "Unknown parameter type (" + Fmt.hex2(code) + ")");
            Field node = l.tree(parent, SesFields.SES_PARAMETER.as(pname), q, Math.min(ve, to) - q, null, "");
            l.uint(node, SesFields.SES_PARAMETER_TYPE, q, 1, v -> PARAM.nameOr(v, "Unknown") + " (" + v + ")");
            Field lf = l.field(node, SesFields.SES_PARAMETER_LENGTH, q + 1, hl - 1, 0, (long) len,
                    Integer.toString(len), FieldKind.NORMAL);
            if (lo == 0xFF && len < 255) {
                l.finding("SES-LI-NONMINIMAL", lf, "FF " + Fmt.hex(b.bytes(), q + 2, 2) + " (" + len + ")",
                        "the one-octet form for lengths below 255");
            }
            if (ve > to) {
                l.finding("SES-LI-OVERRUN", lf, len + " bytes", "at most " + Math.max(0, to - vs)
                        + " bytes (the rest of the enclosing " + (parent == null ? "SPDU" : "parameter group") + ")");
                ve = to;
            }
            value(ctx, l, b, node, code, vs, ve, si, inGroup, depth);
            q = ve;
        }
    }

    private void value(Ctx ctx, L l, Buf b, Field node, int code, int vs, int ve, int si, boolean inGroup, int depth) {
        int len = ve - vs;
        if (len <= 0) return;
        switch (code) {
            case 1, 5, 33 -> {
                if (depth < 2) params(ctx, l, b, node, vs, ve, si, true, depth + 1);
                else l.bytes(node, SesFields.SES_PARAMETER_VALUE, vs, len, null, null);
            }
            case 193, 194 -> {
                ctx.put(Ber.HINT, si == CN ? "ses-cn" : si == AC ? "ses-ac" : si == RF ? "ses-rf" : "ses-other");
                l.field(node, SesFields.SES_USER_DATA_REF, vs, 0, 0, null, len + " bytes",
                        FieldKind.GENERATED);
                ctx.call(ber, b.slice(vs, len));
            }
            case 17 -> {
                Field f = l.hex(node, SesFields.SES_TRANSPORT_FLAGS, vs, 1);
                for (FieldDef bit : SesFields.SES_TRANSPORT_FLAG_BITS) l.bits(f, bit, vs, 1, bit.mask(), ValueNames::bool);
                if (len > 1) l.bytes(node, SesFields.SES_PARAMETER_VALUE, vs + 1, len - 1, null, null);
            }
            case 19 -> {
                Field f = l.hex(node, SesFields.SES_CONNECT_FLAGS, vs, 1);
                l.bits(f, SesFields.SES_CONNECT_F1, vs, 1, 0x01, ValueNames::bool);
                if (len > 1) l.bytes(node, SesFields.SES_PARAMETER_VALUE, vs + 1, len - 1, null, null);
            }
            case 20 -> {
                if (len >= 2) {
                    Field f = l.hex(node, SesFields.SES_REQ_FLAGS, vs, 2);
                    for (FieldDef bit : SesFields.SES_REQUIREMENT_BITS) l.bits(f, bit, vs, 2, bit.mask(), ValueNames::bool);
                    if (len > 2) l.bytes(node, SesFields.SES_PARAMETER_VALUE, vs + 2, len - 2, null, null);
                } else l.bytes(node, SesFields.SES_PARAMETER_VALUE, vs, len, null, null);
            }
            case 22 -> {
                Field f = l.hex(node, SesFields.SES_VERSION_FLAGS, vs, 1);
                l.bits(f, SesFields.SES_PROTOCOL_VERSION2, vs, 1, 0x02, ValueNames::bool);
                l.bits(f, SesFields.SES_PROTOCOL_VERSION1, vs, 1, 0x01, ValueNames::bool);
                if (len > 1) l.bytes(node, SesFields.SES_PARAMETER_VALUE, vs + 1, len - 1, null, null);
            }
            case 16 -> l.hex(node, SesFields.SES_TKEN_ITEM_FLAGS, vs, 1);
            case 25 -> l.hex(node, SesFields.SES_ENCLOSURE_FLAGS, vs, 1);
            case 23 -> text(l, node, SesFields.SES_INITIAL_SERIAL_NUMBER, vs, len);
            case 42 -> text(l, node, SesFields.SES_SERIAL_NUMBER, vs, len);
            case 50 -> {
                l.uint(node, SesFields.SES_REASON_CODE, vs, 1, v -> REASON.nameOr(v, "Unknown") + " (" + v + ")");
                if (len > 1) {
                    ctx.put(Ber.HINT, "ses-rf");
                    ctx.call(ber, b.slice(vs + 1, len - 1));
                }
            }
            case 51 -> l.bytes(node, SesFields.SES_CALLING_SESSION_SELECTOR, vs, len, null, null);
            case 52 -> l.bytes(node, SesFields.SES_CALLED_SESSION_SELECTOR, vs, len, null, null);
            case 9 -> l.bytes(node, SesFields.SES_CALLED_SS_USER_REFERENCE, vs, len, null, null);
            case 10 -> l.bytes(node, SesFields.SES_CALLING_SS_USER_REFERENCE, vs, len, null, null);
            case 11 -> l.bytes(node, SesFields.SES_COMMON_REFERENCE, vs, len, null, null);
            case 12 -> l.bytes(node, SesFields.SES_ADDITIONAL_REFERENCE_INFORMATION, vs, len, null, null);
            case 41 -> l.bytes(node, SesFields.SES_ACTIVITY_IDENTIFIER, vs, len, null, null);
            default -> l.bytes(node, SesFields.SES_PARAMETER_VALUE, vs, len, null, null);
        }
    }

    private static void text(L l, Field node, FieldDef def, int off, int len) {
        l.need(node, def, off, len);
        String s = Fmt.escaped(l.buf().bytes(), off, len);
        l.field(node, def, off, len, 0, s, s, FieldKind.NORMAL);
    }
}
