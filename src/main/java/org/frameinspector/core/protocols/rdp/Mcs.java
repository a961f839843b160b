package org.frameinspector.core.protocols.rdp;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.ValueNames;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.Heuristic;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;

/**
 * T.125 MCS on an RDP connection, in the user data of X.224 DT TPDUs (table "cotp.payload"): the BER-encoded
 * Connect-Initial / Connect-Response (MS-RDPBCGR 2.2.1.3 / 2.2.1.4, application tags 101 / 102 as {@code 7F 65} /
 * {@code 7F 66}) carrying the T.124 GCC Conference Create Request / Response (ALIGNED PER) with the RDP client or
 * server data blocks, and the PER-encoded domain PDUs (Erect Domain, Attach User, Channel Join, Send Data …, first
 * byte's six high bits = DomainMCSPDU choice). Send Data user data goes to {@link RdpData}.
 *
 * <p>Field names follow Wireshark: t125.* for the connect PDUs, t124.* for the domain PDUs and GCC. Only the rdp.*
 * fields below them are RDP proper. Tag and length octets Wireshark leaves unlabelled get t125.ber.* / t124.per.*
 * names so every byte stays covered.
 */
public final class Mcs implements Heuristic {
    static final int CONNECT_INITIAL = 101, CONNECT_RESPONSE = 102;
    static final int ERECT_DOMAIN = 1, DISCONNECT_ULTIMATUM = 8, ATTACH_USER_REQ = 10, ATTACH_USER_CONFIRM = 11,
            CHANNEL_JOIN_REQ = 14, CHANNEL_JOIN_CONFIRM = 15, SEND_DATA_REQ = 25, SEND_DATA_IND = 26;
    static final ValueNames DOMAIN_PDU = RdpFields.DOMAIN_PDU;
    static final ValueNames RESULT = ValueNames.of(0, "rt-successful", 1, "rt-domain-merging", 2, "rt-domain-not-hierarchical",
            3, "rt-no-such-channel", 4, "rt-no-such-domain", 5, "rt-no-such-user", 6, "rt-not-admitted",
            7, "rt-other-user-id", 8, "rt-parameters-unacceptable", 9, "rt-token-not-available",
            10, "rt-token-not-possessed", 11, "rt-too-many-channels", 12, "rt-too-many-tokens",
            13, "rt-too-many-users", 14, "rt-unspecified-failure", 15, "rt-user-rejected");
    static final ValueNames REASON = ValueNames.of(0, "rn-domain-disconnected", 1, "rn-provider-initiated", 2, "rn-token-purged",
            3, "rn-user-requested", 4, "rn-channel-purged");
    static final ValueNames PRIORITY = ValueNames.of(0, "top", 1, "high", 2, "medium", 3, "low");

    private final RdpData rdp = new RdpData();

    @Override
    public String protocol() {
        return "t125";
    }

    @Override
    public boolean accepts(Ctx ctx, Buf buf) {
        TcpInfo t = ctx.get(TcpInfo.KEY);
        if (t != null && t.srcPort() != RdpEncrypted.RDP_PORT && t.dstPort() != RdpEncrypted.RDP_PORT) return false;
        int s = buf.start();
        int b0 = buf.peek(s);
        if (b0 == 0x7F) {
            int b1 = buf.peek(s + 1);
            return (b1 == CONNECT_INITIAL || b1 == CONNECT_RESPONSE) && buf.length() >= 4;
        }
        if (b0 < 0) return false;
        int choice = b0 >> 2;
        int n = buf.length();
        return switch (choice) {
            case ERECT_DOMAIN -> b0 == 0x04 && erectFits(buf, s);
            case DISCONNECT_ULTIMATUM -> n == 2 && (buf.peek(s + 1) & 0x7F) == 0;
            case ATTACH_USER_REQ -> n == 1 && b0 == 0x28;
            case ATTACH_USER_CONFIRM -> n == 2 || n == 4;
            case CHANNEL_JOIN_REQ -> n == 5;
            case CHANNEL_JOIN_CONFIRM -> n == 6 || n == 8;
            case SEND_DATA_REQ, SEND_DATA_IND -> n >= 8 && sendDataFits(buf, s);
            default -> false;
        };
    }

    /** Erect Domain Request: two PER integers (length octet 1..4 and the value) filling the PDU exactly. */
    private static boolean erectFits(Buf b, int s) {
        int n1 = b.peek(s + 1);
        if (n1 < 1 || n1 > 4) return false;
        int n2 = b.peek(s + 2 + n1);
        return n2 >= 1 && n2 <= 4 && s + 3 + n1 + n2 == b.end();
    }

    private static boolean sendDataFits(Buf b, int s) {
        int lenAt = s + 6;
        int l1 = b.peek(lenAt);
        if (l1 < 0 || (l1 & 0xC0) == 0xC0) return false;
        int len = (l1 & 0x80) != 0 ? ((l1 & 0x3F) << 8) | Math.max(0, b.peek(lenAt + 1)) : l1;
        int hdr = (l1 & 0x80) != 0 ? 8 : 7;
        return s + hdr + len == b.end();
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        if (buf.peek(buf.start()) == 0x7F) connect(ctx, buf);
        else domain(ctx, buf);
    }

    // ------------------------------------------------------------------ BER connect PDUs

    /** One BER header at p: {tag, headerLength, contentLength} or null when it is not decodable. */
    static int[] berHeader(Buf b, int p, int end) {
        int t = b.peek(p);
        if (t < 0) return null;
        int q = p + 1;
        int tag = t & 0x1F;
        if (tag == 0x1F) {
            int x = b.peek(q++);
            if (x < 0 || (x & 0x80) != 0) return null;
            tag = x;
        }
        int l = b.peek(q++);
        if (l < 0 || q > end) return null;
        int len;
        if (l < 0x80) {
            len = l;
        } else {
            int n = l & 0x7F;
            if (n == 0 || n > 3 || q + n > end) return null;
            len = 0;
            for (int i = 0; i < n; i++) len = (len << 8) | b.peek(q + i);
            q += n;
        }
        return new int[] {tag, q - p, len, (t & 0x1F) == 0x1F ? 2 : 1};
    }

    private void connect(Ctx ctx, Buf buf) {
        int s = buf.start();
        int[] h = berHeader(buf, s, buf.end());
        L l = ctx.layer("t125", "MULTIPOINT-COMMUNICATION-SERVICE T.125", buf);
        if (h == null) {
            l.payload(null, RdpFields.T125_UNDECODED.as("Undecodable BER header"), s, buf.length());
            return;
        }
        boolean initial = h[0] == CONNECT_INITIAL;
        int end = Math.min(buf.end(), s + h[1] + h[2]);
        Field pdu = l.field(null, RdpFields.T125_CONNECT_MCSPDU, s, end - s, 0, (long) h[0],
                (initial ? "connect-initial" : "connect-response") + " (" + h[0] + ")", FieldKind.NORMAL);
        berTagLen(l, pdu, s, h);
        int cs = s + h[1];
        Field el = l.tree(pdu, initial ? RdpFields.T125_CONNECT_INITIAL_ELEMENT : RdpFields.T125_CONNECT_RESPONSE_ELEMENT,
                cs, end - cs, null, null);
        int p = cs;
        int userAt = -1, userLen = 0;
        FieldDef[] names = initial
                ? new FieldDef[] {RdpFields.T125_CALLING_DOMAIN_SELECTOR, RdpFields.T125_CALLED_DOMAIN_SELECTOR,
                        RdpFields.T125_UPWARD_FLAG, RdpFields.T125_TARGET_PARAMETERS_ELEMENT,
                        RdpFields.T125_MINIMUM_PARAMETERS_ELEMENT, RdpFields.T125_MAXIMUM_PARAMETERS_ELEMENT,
                        RdpFields.T125_USER_DATA}
                : new FieldDef[] {RdpFields.T125_RESULT, RdpFields.T125_CALLED_CONNECT_ID,
                        RdpFields.T125_DOMAIN_PARAMETERS_ELEMENT, RdpFields.T125_USER_DATA};
        for (int i = 0; i < names.length && p < end; i++) {
            int[] e = berHeader(buf, p, end);
            if (e == null || p + e[1] + e[2] > end) break;
            int vs = p + e[1], vl = e[2];
            FieldDef nm = names[i];
            berTagLen(l, el, p, e);
            if (nm.abbrev().endsWith("_element")) {
                Field seq = l.tree(el, nm, vs, vl, null, null);
                domainParameters(l, buf, seq, vs, vs + vl);
            } else if (nm == RdpFields.T125_USER_DATA) {
                l.bytes(el, nm, vs, vl, vl + " bytes", null);
                userAt = vs;
                userLen = vl;
            } else if (nm == RdpFields.T125_UPWARD_FLAG) {
                long v = vl == 1 ? buf.u8(vs) : 0;
                l.field(el, nm, vs, vl, 0, v != 0 ? 1L : 0L, v != 0 ? "True" : "False", FieldKind.NORMAL);
            } else if (nm == RdpFields.T125_RESULT) {
                long v = vl >= 1 && vl <= 4 ? buf.uint(vs, vl) : -1;
                l.field(el, nm, vs, vl, 0, v, RESULT.dec(v), FieldKind.NORMAL);
            } else if (nm == RdpFields.T125_CALLED_CONNECT_ID) {
                long v = vl >= 1 && vl <= 4 ? buf.uint(vs, vl) : 0;
                l.field(el, nm, vs, vl, 0, v, Long.toString(v), FieldKind.NORMAL);
            } else {
                l.bytes(el, nm, vs, vl, null, null);
            }
            p = vs + vl;
        }
        if (p < end) l.payload(el, RdpFields.T125_UNDECODED, p, end - p);
        if (end < buf.end()) l.payload(null, RdpFields.T125_TRAILING, end, buf.end() - end);
        ctx.out().setInfo(initial ? "MCS Connect Initial" : "MCS Connect Response");
        if (userAt >= 0 && userLen > 0) {
            l.end(userAt);
            gcc(ctx, buf.slice(userAt, userLen), initial);
        }
    }

    /** Fields for the identifier and length octets of a BER header {tag, headerLength, length, idOctets}. */
    private static void berTagLen(L l, Field parent, int p, int[] h) {
        int idOctets = h[3];
        l.field(parent, RdpFields.T125_BER_IDENTIFIER, p, idOctets, 0, (long) h[0], "tag " + h[0],
                FieldKind.NORMAL);
        l.field(parent, RdpFields.T125_BER_LENGTH, p + idOctets, h[1] - idOctets, 0, (long) h[2],
                Integer.toString(h[2]), FieldKind.NORMAL);
    }

    private static void domainParameters(L l, Buf b, Field seq, int p, int end) {
        for (int i = 0; i < RdpFields.T125_DOMAIN_PARAMETERS.length && p < end; i++) {
            int[] e = berHeader(b, p, end);
            if (e == null || p + e[1] + e[2] > end || e[2] < 1 || e[2] > 4) break;
            berTagLen(l, seq, p, e);
            int vs = p + e[1];
            long v = b.uint(vs, e[2]);
            l.field(seq, RdpFields.T125_DOMAIN_PARAMETERS[i], vs, e[2], 0, v, Long.toString(v), FieldKind.NORMAL);
            p = vs + e[2];
        }
        if (p < end) l.payload(seq, RdpFields.T125_UNDECODED, p, end - p);
    }

    // ------------------------------------------------------------------ T.124 GCC (ALIGNED PER)

    /** PER length determinant at p: {value, octets} or null (fragmented form not supported). */
    static int[] perLength(Buf b, int p) {
        int l1 = b.peek(p);
        if (l1 < 0) return null;
        if ((l1 & 0x80) == 0) return new int[] {l1, 1};
        if ((l1 & 0xC0) == 0x80) {
            int l2 = b.peek(p + 1);
            return l2 < 0 ? null : new int[] {((l1 & 0x3F) << 8) | l2, 2};
        }
        return null;
    }

    private static final byte[] CLIENT_KEY = {'D', 'u', 'c', 'a'}, SERVER_KEY = {'M', 'c', 'D', 'n'};

    private void gcc(Ctx ctx, Buf b, boolean request) {
        L l = ctx.layer("t124", "GENERIC-CONFERENCE-CONTROL T.124", b);
        int s = b.start();
        Field cd = l.tree(null, RdpFields.T124_CONNECT_DATA, s, b.length(), null, null);
        // t124Identifier: CHOICE object (0) + OBJECT IDENTIFIER with a one-octet length
        int oidLen = b.peek(s + 1);
        if (b.peek(s) != 0 || oidLen < 1 || !b.has(s + 2, oidLen)) {
            l.payload(cd, RdpFields.T124_UNDECODED.as("Not a T.124 ConnectData"), s, b.length());
            return;
        }
        Field id = l.field(cd, RdpFields.T124_T124_IDENTIFIER, s, 2 + oidLen, 0, 0L, "object (0)",
                FieldKind.NORMAL);
        l.field(id, RdpFields.T124_PER_CHOICE.as("CHOICE index and OID length"), s, 2, 0, (long) oidLen,
                "object, " + oidLen + " octets", FieldKind.NORMAL);
        l.bytes(id, RdpFields.T124_OBJECT, s + 2, oidLen, oid(b, s + 2, oidLen), null);
        int p = s + 2 + oidLen;
        int[] cl = perLength(b, p);
        if (cl == null) {
            l.payload(cd, RdpFields.T124_UNDECODED, p, b.end() - p);
            return;
        }
        l.field(cd, RdpFields.T124_PER_LENGTH.as("connectPDU length"), p, cl[1], 0, (long) cl[0], Integer.toString(cl[0]),
                FieldKind.NORMAL);
        p += cl[1];
        // The server's connectPDU length is known to be wrong in practice (MS-RDPBCGR 4.1.4 shows 0x2a); the PDU
        // runs to the end of the MCS user data either way.
        int pduEnd = b.end();
        Field pdu = l.bytes(cd, RdpFields.T124_CONNECT_PDU, p, pduEnd - p, (pduEnd - p) + " bytes", null);
        byte[] key = request ? CLIENT_KEY : SERVER_KEY;
        int k = find(b, p, pduEnd, key);
        if (k < 0 || k - 2 < p) {
            l.payload(pdu, RdpFields.T124_UNDECODED.as("ConnectGCCPDU without an H.221 user-data key this decoder knows"), p, pduEnd - p);
            return;
        }
        int keyAt = k - 2; // choice octet (h221NonStandard, value present) and the key's length octet
        if (keyAt > p) {
            l.bytes(pdu, request ? RdpFields.T124_CONFERENCE_CREATE_REQUEST_ELEMENT
                    : RdpFields.T124_CONFERENCE_CREATE_RESPONSE_ELEMENT, p, keyAt - p, null, null);
        }
        Field keyF = l.field(pdu, RdpFields.T124_KEY, keyAt, 6, 0, 1L, "h221NonStandard (1)", FieldKind.NORMAL);
        l.bytes(keyF, RdpFields.T124_PER_KEY_HEADER, keyAt, 2, null, null);
        l.bytes(keyF, RdpFields.T124_H221_NON_STANDARD, k, 4, new String(key, java.nio.charset.StandardCharsets.US_ASCII), null);
        int vp = k + 4;
        int[] vlen = perLength(b, vp);
        if (vlen == null) {
            l.payload(pdu, RdpFields.T124_UNDECODED, vp, pduEnd - vp);
            return;
        }
        l.field(pdu, RdpFields.T124_PER_LENGTH.as("value length"), vp, vlen[1], 0, (long) vlen[0], Integer.toString(vlen[0]),
                FieldKind.NORMAL);
        int vs = vp + vlen[1];
        int vl = Math.min(vlen[0], pduEnd - vs);
        if (vl > 0) {
            l.bytes(pdu, RdpFields.T124_VALUE, vs, vl, vl + " bytes", null);
            l.end(vs);
            if (request) rdp.clientData(ctx, b.slice(vs, vl));
            else rdp.serverData(ctx, b.slice(vs, vl));
        }
        if (vs + vl < pduEnd) l.payload(pdu, RdpFields.T124_TRAILING, vs + vl, pduEnd - vs - vl);
    }

    private static String oid(Buf b, int p, int n) {
        StringBuilder s = new StringBuilder();
        long v = 0;
        boolean first = true;
        for (int i = 0; i < n; i++) {
            int x = b.u8(p + i);
            v = (v << 7) | (x & 0x7F);
            if ((x & 0x80) == 0) {
                if (first) {
                    s.append(v < 80 ? v / 40 : 2).append('.').append(v < 80 ? v % 40 : v - 80);
                    first = false;
                } else {
                    s.append('.').append(v);
                }
                v = 0;
            }
        }
        return s.toString();
    }

    private static int find(Buf b, int from, int end, byte[] key) {
        outer:
        for (int i = from; i + key.length <= end; i++) {
            for (int j = 0; j < key.length; j++) if (b.peek(i + j) != (key[j] & 0xFF)) continue outer;
            return i;
        }
        return -1;
    }

    // ------------------------------------------------------------------ PER domain PDUs

    private void domain(Ctx ctx, Buf b) {
        L l = ctx.layer("t125", "MULTIPOINT-COMMUNICATION-SERVICE T.125", b);
        int s = b.start();
        int b0 = b.u8(s);
        int choice = b0 >> 2;
        String name = DOMAIN_PDU.nameOr(choice, "Unknown");
        Field pdu = l.field(null, RdpFields.T124_DOMAIN_MCSPDU, s, b.length(), 0, (long) choice,
                name + " (" + choice + ")", FieldKind.NORMAL);
        Field el = l.tree(pdu, RdpFields.T124_DOMAIN_ELEMENT[choice >= 0 && choice < 29 ? choice : 29], s, b.length(),
                null, null);
        l.bits(el, RdpFields.T124_PER_CHOICE, s, 1, 0xFC, v -> DOMAIN_PDU.dec(v));
        ctx.out().setInfo(name);
        int p = s + 1;
        switch (choice) {
            case ERECT_DOMAIN -> {
                p = perInteger(l, b, el, RdpFields.T124_SUB_HEIGHT, p);
                if (p > 0) p = perInteger(l, b, el, RdpFields.T124_SUB_INTERVAL, p);
            }
            case DISCONNECT_ULTIMATUM -> {
                long reason = ((b0 & 0x03) << 1) | (b.u8(p) >> 7);
                l.field(el, RdpFields.T124_REASON, s, 2, 0, reason, REASON.dec(reason), FieldKind.NORMAL);
                p++;
            }
            case ATTACH_USER_REQ -> {
            }
            case ATTACH_USER_CONFIRM, CHANNEL_JOIN_CONFIRM -> {
                boolean optional = (b0 & 0x02) != 0;
                long result = ((b0 & 0x01) << 3) | (b.u8(p) >> 5);
                l.field(el, RdpFields.T124_RESULT, s, 1, 0, result, RESULT.dec(result), FieldKind.NORMAL);
                l.bytes(el, RdpFields.T124_PER_PADDING, p, 1, null, null);
                p++;
                if (choice == ATTACH_USER_CONFIRM) {
                    if (optional) p = userId(l, b, el, RdpFields.T124_INITIATOR, p);
                } else {
                    p = userId(l, b, el, RdpFields.T124_INITIATOR, p);
                    p = channel(l, b, el, RdpFields.T124_REQUESTED, p);
                    if (optional) p = channel(l, b, el, RdpFields.T124_CHANNEL_ID, p);
                }
            }
            case CHANNEL_JOIN_REQ -> {
                p = userId(l, b, el, RdpFields.T124_INITIATOR, p);
                p = channel(l, b, el, RdpFields.T124_CHANNEL_ID, p);
                ctx.out().setInfo(name + " " + b.u16(p - 2));
            }
            case SEND_DATA_REQ, SEND_DATA_IND -> {
                p = userId(l, b, el, RdpFields.T124_INITIATOR, p);
                int ch = b.u16(p);
                p = channel(l, b, el, RdpFields.T124_CHANNEL_ID, p);
                l.bits(el, RdpFields.T124_DATA_PRIORITY, p, 1, 0xC0, v -> PRIORITY.dec(v));
                Field seg = l.bits(el, RdpFields.T124_SEGMENTATION, p, 1, 0x30, v -> Fmt.hex(v, 1));
                l.bits(seg, RdpFields.T124_SEGMENTATION_BEGIN, p, 1, 0x20, ValueNames::bool);
                l.bits(seg, RdpFields.T124_SEGMENTATION_END, p, 1, 0x10, ValueNames::bool);
                p++;
                int[] len = perLength(b, p);
                if (len == null) break;
                l.field(el, RdpFields.T124_PER_LENGTH, p, len[1], 0, (long) len[0],
                        Integer.toString(len[0]), FieldKind.NORMAL);
                p += len[1];
                int n = Math.min(len[0], b.end() - p);
                if (n > 0) {
                    l.bytes(el, RdpFields.T124_USER_DATA, p, n, n + " bytes", null);
                    l.end(p);
                    rdp.sendData(ctx, b.slice(p, n));
                    p += n;
                }
                ctx.out().setInfo(name + " channel " + ch);
            }
            default -> {
            }
        }
        if (p > 0 && p < b.end() && choice != SEND_DATA_REQ && choice != SEND_DATA_IND) {
            l.payload(el, RdpFields.T124_UNDECODED, p, b.end() - p);
        }
    }

    /** PER unconstrained INTEGER (one length octet, then the value). Returns the next offset or -1. */
    private static int perInteger(L l, Buf b, Field parent, FieldDef def, int p) {
        int n = b.peek(p);
        if (n < 1 || n > 4 || !b.has(p + 1, n)) return -1;
        long v = b.uint(p + 1, n);
        l.field(parent, def, p, 1 + n, 0, v, Long.toString(v), FieldKind.NORMAL);
        return p + 1 + n;
    }

    /** UserId: INTEGER (1001..65535) as a 2-octet offset from 1001. */
    private static int userId(L l, Buf b, Field parent, FieldDef def, int p) {
        l.need(parent, def, p, 2);
        long v = b.u16(p) + 1001L;
        l.field(parent, def, p, 2, 0, (long) b.u16(p), v + " (user " + v + ", encoded as " + b.u16(p) + ")",
                FieldKind.NORMAL);
        return p + 2;
    }

    private static int channel(L l, Buf b, Field parent, FieldDef def, int p) {
        l.uint(parent, def, p, 2);
        return p + 2;
    }
}
