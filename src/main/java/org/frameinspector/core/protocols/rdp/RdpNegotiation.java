package org.frameinspector.core.protocols.rdp;

import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.ValueNames;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.protocols.tpkt.TpktDissector;
import org.frameinspector.core.protocols.cotp.CotpDissector;
import java.nio.charset.StandardCharsets;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.Heuristic;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;

/**
 * RDP data carried in the X.224 CR/CC variable-part area (MS-RDPBCGR 2.2.1.1 and 2.2.1.2): routing token or cookie,
 * RDP_NEG_REQ / RDP_NEG_RSP / RDP_NEG_FAILURE and RDP_NEG_CORRELATION_INFO, all little-endian. The COTP dissector
 * offers it the bytes after the 7-byte fixed part (table "cotp.crcc") with the TPDU type and LI in the context ({@link CotpDissector#CRCC_TYPE}).
 */
public final class RdpNegotiation implements Heuristic {
    static final int TYPE_REQ = 0x01, TYPE_RSP = 0x02, TYPE_FAILURE = 0x03, TYPE_CORRELATION = 0x06;
    static final int CR = 0x0E, CC = 0x0D;
    private static final byte[] COOKIE = "Cookie:".getBytes(StandardCharsets.US_ASCII);

    static final ValueNames NEG_TYPE = ValueNames.of(1, "RDP Negotiation Request", 2, "RDP Negotiation Response",
            3, "RDP Negotiation Failure", 6, "RDP Correlation Info");
    static final ValueNames PROTOCOL = ValueNames.of(0, "Standard RDP Security", 1, "TLS 1.0, 1.1 or 1.2", 2, "CredSSP",
            4, "RDSTLS protocol", 8, "CredSSP with Early User Authorization Result PDU", 0x10, "RDSAAD (Azure AD)");
    static final ValueNames FAILURE = ValueNames.of(1, "TLS required by server", 2, "TLS not allowed by server",
            3, "TLS certificate not on server", 4, "Inconsistent flags", 5, "Server requires Enhanced RDP Security with CredSSP",
            6, "Server requires Enhanced RDP Security with TLS and certificate-based client authentication");

    /** Registry name of the fast-path dissector (one or more whole fast-path PDUs; TcpInfo in the context). */
    public static final String FASTPATH_NAME = "rdp.fastpath";

    /**
     * RDP: negotiation data in the X.224 CR/CC area, T.125/T.124 MCS in DT user data (ahead of the ISO session
     * heuristic, so register this before the session layer), TLS after the X.224 exchange, fast-path PDUs, and
     * port 3389 (TPKT or fast-path).
     */
    public static void register(DissectorRegistry r) {
        r.declare(RdpFields.RDP, RdpFields.T124, RdpFields.T125, RdpFields.TLS);
        r.heuristic(CotpDissector.CRCC_TABLE, new RdpNegotiation());
        r.heuristic(CotpDissector.PAYLOAD_TABLE, new Mcs());
        RdpFastPath fastPath = new RdpFastPath();
        r.heuristic("tcp", new RdpEncrypted());
        // lone segments on 3389: TPKT or fast-path PDUs (replaces the plain TPKT entry)
        if (r.byName("tpkt") != null) r.register("tcp.port", RdpEncrypted.RDP_PORT, new RdpPort(fastPath));
        // by name for the stream layer, which frames fast-path PDUs itself
        r.named(RdpPort.named(FASTPATH_NAME, fastPath));
    }

    @Override
    public String protocol() {
        return "rdp";
    }

    @Override
    public boolean accepts(Ctx ctx, Buf buf) {
        if (ctx.is(CotpDissector.CR_TOO_SHORT)) {
            TcpInfo t = ctx.get(TcpInfo.KEY);
            return t != null && (t.srcPort() == RdpEncrypted.RDP_PORT || t.dstPort() == RdpEncrypted.RDP_PORT);
        }
        return rdpStart(buf, buf.start(), buf.end()) >= 0;
    }

    /**
     * A connection request on the RDP port too short to hold the X.224 CR's fixed part: MS-RDPBCGR 3.3.5.3.1 has the
     * server drop a request of less than 11 bytes (TPKT header + 7), so the client sees the connection closed.
     */
    private static void tooShort(Ctx ctx, Buf tpdu) {
        L l = ctx.layer("rdp", "Remote Desktop Protocol (connection request too short)", tpdu.slice(tpdu.start(), 0));
        Integer tpktLen = ctx.get(TpktDissector.LENGTH);
        int len = tpktLen != null ? tpktLen : tpdu.length() + 4;
        l.finding("RDP-CR-TOO-SHORT", null, tpdu.start(), tpdu.length(), len + " bytes", "at least 11 bytes");
    }

    /** Offset where the RDP data starts (after any X.224 TLVs placed before it), or -1 when this is not RDP. */
    static int rdpStart(Buf buf, int from, int end) {
        if (looksRdp(buf, from)) return from;
        // X.224 parameters followed by RDP data (a client breaking MS-RDPBCGR 3.2.5.3.1)
        int p = from;
        int n = 0;
        while (p + 2 <= end && n < 16 && isX224Param(buf.peek(p))) {
            int len = buf.peek(p + 1);
            if (len < 0 || p + 2 + len > end) return -1;
            p += 2 + len;
            n++;
            if (looksRdp(buf, p)) return p;
        }
        return -1;
    }

    private static boolean isX224Param(int code) {
        return code >= 0xC0 && code <= 0xC7 || code >= 0x85 && code <= 0x8A || code == 0xF0 || code == 0xE0;
    }

    static boolean looksRdp(Buf buf, int off) {
        if (startsWith(buf, off, COOKIE)) return true;
        int t = buf.peek(off);
        if (t == TYPE_REQ || t == TYPE_RSP || t == TYPE_FAILURE || t == TYPE_CORRELATION) {
            if (!buf.has(off, 4)) return false;
            int len = buf.u16le(off + 2);
            if (t == TYPE_CORRELATION) return len == 36 && buf.has(off, 36);
            // accept a wrong length field too (RDP-NEG-LENGTH) as long as the structure size fits exactly
            return len == 8 || buf.end() - off == 8 || buf.end() - off == 8 + 36;
        }
        return false;
    }

    static boolean startsWith(Buf buf, int off, byte[] prefix) {
        if (!buf.has(off, prefix.length)) return false;
        for (int i = 0; i < prefix.length; i++) if (buf.peek(off + i) != (prefix[i] & 0xFF)) return false;
        return true;
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        if (ctx.is(CotpDissector.CR_TOO_SHORT)) {
            tooShort(ctx, buf);
            return;
        }
        Integer crccType = ctx.get(CotpDissector.CRCC_TYPE), crccLi = ctx.get(CotpDissector.CRCC_LI);
        int type = crccType != null ? crccType : -1;
        int li = crccLi != null ? crccLi : -1;
        int areaEnd = li >= 6 ? Math.min(buf.end(), buf.start() + li - 6) : buf.end();
        if (areaEnd <= buf.start()) areaEnd = buf.end();
        L l = ctx.layer("rdp", "Remote Desktop Protocol", buf.slice(buf.start(), areaEnd - buf.start()));
        Buf b = l.buf();
        int p = b.start();
        // the class octet sits just before the area in the same source (CR/CC fixed part)
        int classOctet = buf.start() >= 1 ? buf.bytes()[buf.start() - 1] & 0xFF : -1;

        Field nonTlv = null;
        int rdpAt = rdpStart(b, p, b.end());
        if (rdpAt > p) {
            Field x = l.tree(null, RdpFields.RDP_X224_PARAMETERS, p, rdpAt - p, null,
                    (rdpAt - p) + " bytes");
            int q = p;
            while (q < rdpAt) {
                int len = b.u8(q + 1);
                Field par = l.tree(x, RdpFields.RDP_X224_PARAMETER, q, 2 + len, null,
                        Fmt.hex2(b.u8(q)) + ", length " + len);
                l.hex(par, RdpFields.RDP_X224_PARAMETER_CODE, q, 1);
                l.uint(par, RdpFields.RDP_X224_PARAMETER_LENGTH, q + 1, 1);
                if (len > 0) l.bytes(par, RdpFields.RDP_X224_PARAMETER_VALUE, q + 2, len, null, null);
                q += 2 + len;
            }
            if (type != CC) l.finding("RDP-CR-X224-PARAMS", x, Fmt.colonHex(b.bytes(), p, Math.min(rdpAt - p, 16)),
                    "no X.224 parameters in an RDP Connection Request");
            p = rdpAt;
        }

        // routing token / cookie lines
        boolean sawToken = false, sawCookie = false;
        Field firstCookie = null;
        StringBuilder info = new StringBuilder();
        while (startsWith(b, p, COOKIE)) {
            int eol = -1;
            for (int i = p; i + 1 < b.end(); i++) {
                if (b.peek(i) == 0x0D && b.peek(i + 1) == 0x0A) { eol = i; break; }
            }
            int textEnd = eol >= 0 ? eol : b.end();
            String text = new String(b.bytes(), p, textEnd - p, StandardCharsets.ISO_8859_1);
            Field f = l.field(null, RdpFields.RDP_RT_COOKIE, p, textEnd - p, 0, text, text,
                    FieldKind.NORMAL);
            if (firstCookie == null) firstCookie = f;
            if (text.startsWith("Cookie: mstshash=")) sawCookie = true;
            else sawToken = true;
            if (info.length() > 0) info.append(", ");
            info.append(text);
            if (nonTlv == null) nonTlv = f;
            if (eol < 0) { p = b.end(); break; }
            l.field(null, RdpFields.RDP_RT_COOKIE_TERMINATOR, eol, 2, 0, "\\r\\n", "\\r\\n",
                    FieldKind.NORMAL);
            p = eol + 2;
        }
        if (sawToken && sawCookie) {
            l.finding("RDP-COOKIE-AND-TOKEN", firstCookie, firstCookie.offset(), p - firstCookie.offset(),
                    "routing token and mstshash cookie", "at most one of them");
        }

        // negotiation structures
        boolean correlationExpected = false;
        while (p < b.end()) {
            int t = b.u8(p);
            if (t != TYPE_REQ && t != TYPE_RSP && t != TYPE_FAILURE && t != TYPE_CORRELATION) break;
            Field start = neg(l, b, p, t, type);
            if (nonTlv == null) nonTlv = start;
            if (t == TYPE_REQ && b.has(p + 1, 1) && (b.u8(p + 1) & 0x08) != 0) correlationExpected = true;
            if (info.length() > 0) info.append(", ");
            info.append(switch (t) {
                case TYPE_REQ -> "Negotiate Request";
                case TYPE_RSP -> "Negotiate Response";
                case TYPE_FAILURE -> "Negotiate Failure";
                default -> "Correlation Info";
            });
            p += t == TYPE_CORRELATION ? 36 : 8;
        }
        if (p < b.end()) l.payload(null, RdpFields.RDP_UNKNOWN_DATA, p,
                b.end() - p);

        if (nonTlv != null) {
            l.finding("RDP-X224-NONTLV", nonTlv, b.start(), b.length(), type == CC ? "RDP data in an X.224 CC"
                    : "RDP data in an X.224 CR", null);
        }
        if (type == CR && classOctet > 0 && (classOctet & 0xF0) != 0) {
            l.finding("RDP-CR-TOO-SHORT", null, b.start() - 1, 1, "class " + (classOctet >> 4), "class 0");
        }
        if (info.length() > 0) ctx.out().setInfo(info.toString());
        l.end(b.end());
        if (areaEnd < buf.end()) ctx.data(buf.from(areaEnd));
    }

    /** One negotiation structure at p; returns its type field. */
    private static Field neg(L l, Buf b, int p, int t, int tpduType) {
        int size = t == TYPE_CORRELATION ? 36 : 8;
        Field typeF = l.uint(null, RdpFields.RDP_NEG_TYPE, p, 1, v -> NEG_TYPE.hexed(v, 2));
        int flags = b.u8(p + 1);
        Field flagsF;
        switch (t) {
            case TYPE_REQ -> {
                flagsF = l.hex(null, RdpFields.RDP_NEG_REQ_FLAGS, p + 1, 1);
                l.bits(flagsF, RdpFields.RDP_NEG_REQ_FLAGS_RESTRICTED_ADMIN_MODE_REQ, p + 1, 1, 0x01, ValueNames::bool);
                l.bits(flagsF, RdpFields.RDP_NEG_REQ_FLAGS_REDIRECTED_AUTHENTICATION_MODE_REQ, p + 1, 1, 0x02, ValueNames::bool);
                l.bits(flagsF, RdpFields.RDP_NEG_REQ_FLAGS_CORRELATION_INFO_PRESENT, p + 1, 1, 0x08, ValueNames::bool);
                if ((flags & ~0x0B) != 0) {
                    l.finding("RDP-NEG-RESERVED-FLAG", flagsF, Fmt.hex2(flags), "only bits 0x01, 0x02 and 0x08");
                }
            }
            case TYPE_RSP -> {
                flagsF = l.hex(null, RdpFields.RDP_NEG_RSP_FLAGS, p + 1, 1);
                l.bits(flagsF, RdpFields.RDP_NEG_RSP_FLAGS_EXTENDED_CLIENT_DATA_SUPPORTED, p + 1, 1, 0x01, ValueNames::bool);
                l.bits(flagsF, RdpFields.RDP_NEG_RSP_FLAGS_DYNVC_GFX_PROTOCOL_SUPPORTED, p + 1, 1, 0x02, ValueNames::bool);
                l.bits(flagsF, RdpFields.RDP_NEG_RSP_FLAGS_RESERVED, p + 1, 1, 0x04, ValueNames::bool);
                l.bits(flagsF, RdpFields.RDP_NEG_RSP_FLAGS_RESTRICTED_ADMIN_MODE_SUPPORTED, p + 1, 1, 0x08, ValueNames::bool);
                l.bits(flagsF, RdpFields.RDP_NEG_RSP_FLAGS_RESTRICTED_AUTHENTICATION_MODE_SUPPORTED, p + 1, 1, 0x10, ValueNames::bool);
                if ((flags & 0x04) != 0 || (flags & ~0x1F) != 0) {
                    l.finding("RDP-NEG-RESERVED-FLAG", flagsF, Fmt.hex2(flags), "0x04 and bits above 0x10 clear");
                }
            }
            case TYPE_FAILURE -> {
                // Wireshark 4.0 files the failure's flags octet under rdp.negReq.flags; same abbreviation here
                flagsF = l.hex(null, RdpFields.RDP_NEG_REQ_FLAGS, p + 1, 1);
                if (flags != 0) l.finding("RDP-NEG-FAILURE-FLAGS", flagsF, Fmt.hex2(flags), "0x00");
            }
            default -> {
                flagsF = l.hex(null, RdpFields.RDP_CORRELATION_INFO_FLAGS, p + 1, 1);
                if (flags != 0) l.finding("RDP-NEG-FAILURE-FLAGS", flagsF, Fmt.hex2(flags), "0x00");
            }
        }
        // The length is a 16-bit little-endian value. Wireshark 4.0 labels only its first byte rdp.neg_length (with
        // the whole value); we do the same and cover the high byte with our own field so every byte is explained.
        l.need(null, RdpFields.RDP_NEG_LENGTH, p + 2, 2);
        int len = b.u16le(p + 2);
        Field lenF = l.field(null, RdpFields.RDP_NEG_LENGTH, p + 2, 1, 0, (long) len,
                len + " (16-bit little-endian, low byte here)", FieldKind.NORMAL);
        l.field(null, RdpFields.RDP_NEG_LENGTH_HIGH, p + 3, 1, 0, (long) b.u8(p + 3),
                Fmt.hex2(b.u8(p + 3)) + " (high byte of the 16-bit length)", FieldKind.NORMAL);
        if (len != size) l.finding("RDP-NEG-LENGTH", lenF, p + 2, 2, Integer.toString(len), Integer.toString(size));
        switch (t) {
            case TYPE_REQ -> {
                long v = le32(l, b, RdpFields.RDP_NEG_REQ_REQUESTED_PROTOCOLS, p + 4);
                Field f = l.field(null, RdpFields.RDP_NEG_REQ_REQUESTED_PROTOCOLS, p + 4, 4, 0, v,
                        Fmt.hex(v, 8), FieldKind.NORMAL);
                protoBit(l, f, RdpFields.RDP_NEG_REQ_REQUESTED_PROTOCOLS_SSL, p + 4, v, 0x01);
                protoBit(l, f, RdpFields.RDP_NEG_REQ_REQUESTED_PROTOCOLS_HYBRID, p + 4, v, 0x02);
                protoBit(l, f, RdpFields.RDP_NEG_REQ_REQUESTED_PROTOCOLS_RDSTLS, p + 4, v, 0x04);
                protoBit(l, f, RdpFields.RDP_NEG_REQ_REQUESTED_PROTOCOLS_HYBRID_EX, p + 4, v, 0x08);
                protoBit(l, f, RdpFields.RDP_NEG_REQ_REQUESTED_PROTOCOLS_RDSAAD, p + 4, v, 0x10);
            }
            case TYPE_RSP -> {
                long v = le32(l, b, RdpFields.RDP_NEG_REQ_SELECTED_PROTOCOL, p + 4);
                l.field(null, RdpFields.RDP_NEG_REQ_SELECTED_PROTOCOL, p + 4, 4, 0, v,
                        PROTOCOL.hexed(v, 8), FieldKind.NORMAL);
            }
            case TYPE_FAILURE -> {
                long v = le32(l, b, RdpFields.RDP_NEG_FAILURE_FAILURE_CODE, p + 4);
                l.field(null, RdpFields.RDP_NEG_FAILURE_FAILURE_CODE, p + 4, 4, 0, v, FAILURE.dec(v),
                        FieldKind.NORMAL);
            }
            default -> {
                l.bytes(null, RdpFields.RDP_CORRELATION_INFO_CORRELATION_ID, p + 4, 16, null, null);
                l.bytes(null, RdpFields.RDP_CORRELATION_INFO_RESERVED, p + 20, 16, null, FieldKind.RESERVED);
            }
        }
        return typeF;
    }

    private static long le32(L l, Buf b, FieldDef def, int off) {
        l.need(null, def, off, 4);
        return b.u32le(off);
    }

    private static void protoBit(L l, Field parent, FieldDef def, int off, long v, long bit) {
        // shown over the 4 little-endian bytes; the mask is given over the value as read (not the wire order)
        l.field(parent, def, off, 4, 0, (v & bit) != 0 ? 1L : 0L, ValueNames.bool(v & bit), FieldKind.NORMAL);
    }
}
