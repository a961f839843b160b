package org.frameinspector.core.protocols.ip;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.protocols.link.LinkDissectors;
import org.frameinspector.core.checksum.InternetChecksum;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.IpDatagram;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Severity;

/**
 * IPv4 (RFC 791) and IPv6 (RFC 8200) with extension headers walked to the upper layer. Leaves the pseudo-header
 * addresses for TCP in the context (PROTOCOLS.md §2, §7.2).
 */
public final class IpDissectors {
    /** Ctx, for the layers above: the IP version (4 or 6) of the datagram that carries them. */
    public static final Ctx.Key<Integer> VERSION = Ctx.Key.of("ip:version");
    /** Ctx: frame offsets of the source and (final) destination address, when the payload is the frame's own bytes. */
    public static final Ctx.Key<Integer> SRC_OFF = Ctx.Key.of("ip:src.off"), DST_OFF = Ctx.Key.of("ip:dst.off");
    /** Ctx: the addresses as text. */
    public static final Ctx.Key<String> SRC = Ctx.Key.of("ip:src"), DST = Ctx.Key.of("ip:dst");
    /** Ctx: the payload length the IP header announces (TCP checks its segment against it). */
    public static final Ctx.Key<Integer> PAYLOAD_LEN = Ctx.Key.of("ip:payload_len");
    /** Ctx: Boolean.TRUE when the payload is one fragment of a datagram. */
    public static final Ctx.Key<Boolean> FRAGMENT = Ctx.Key.of("ip:fragment");
    /**
     * Ctx: the pseudo-header addresses when the payload is a reassembled datagram, whose bytes are not the frame's:
     * then {@link #SRC_OFF} / {@link #DST_OFF} are absent.
     */
    public static final Ctx.Key<byte[]> PSEUDO_SRC = Ctx.Key.of("ip:pseudo.src"), PSEUDO_DST = Ctx.Key.of("ip:pseudo.dst");

    private IpDissectors() {
    }

    public static void register(DissectorRegistry r) {
        r.declare(IpFields.IP, IpFields.IPV6, IpFields.AH);
        Ipv4 v4 = new Ipv4();
        Ipv6 v6 = new Ipv6();
        r.register("ethertype", 0x0800, v4);
        r.register("ethertype", 0x86DD, v6);
        r.register("linktype", Frame.LINK_IPV4, v4);
        r.register("linktype", Frame.LINK_IPV6, v6);
        r.register("ip.proto", 4, v4);
        r.register("ip.proto", 41, v6);
        r.named(v4).named(v6);
    }

    static String protoName(int p) {
        String n = switch (p) {
            case 0 -> "IPv6 Hop-by-Hop Option";
            case 1 -> "ICMP";
            case 2 -> "IGMP";
            case 4 -> "IPIP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 29 -> "ISO-TP4";
            case 41 -> "IPv6";
            case 43 -> "Routing Header for IPv6";
            case 44 -> "Fragment Header for IPv6";
            case 47 -> "Generic Routing Encapsulation";
            case 50 -> "Encap Security Payload";
            case 51 -> "Authentication Header";
            case 58 -> "ICMPv6";
            case 59 -> "IPv6 No Next Header";
            case 60 -> "Destination Options for IPv6";
            case 89 -> "OSPF IGP";
            case 103 -> "PIM";
            case 112 -> "Virtual Router Redundancy Protocol";
            case 132 -> "SCTP";
            case 135 -> "Mobile IPv6";
            default -> "Unknown";
        };
        return n + " (" + p + ")";
    }

    static String dscpName(int d) {
        return switch (d) {
            case 0 -> "CS0";
            case 8 -> "CS1";
            case 16 -> "CS2";
            case 24 -> "CS3";
            case 32 -> "CS4";
            case 40 -> "CS5";
            case 48 -> "CS6";
            case 56 -> "CS7";
            case 10 -> "AF11";
            case 12 -> "AF12";
            case 14 -> "AF13";
            case 18 -> "AF21";
            case 20 -> "AF22";
            case 22 -> "AF23";
            case 26 -> "AF31";
            case 28 -> "AF32";
            case 30 -> "AF33";
            case 34 -> "AF41";
            case 36 -> "AF42";
            case 38 -> "AF43";
            case 44 -> "VOICE-ADMIT";
            case 46 -> "EF PHB";
            case 1 -> "LE";
            default -> "Unknown";
        };
    }

    static String dscpLong(long d) {
        String n = d == 0 ? "Default" : dscpName((int) d);
        return n + " (" + d + ")";
    }

    /** "0x2, Don't fragment" for the three IPv4 flag bits. */
    static String flagsText(long flags) {
        StringBuilder fd = new StringBuilder(Fmt.hex(flags, 1));
        if ((flags & 4) != 0) fd.append(", Reserved bit");
        if ((flags & 2) != 0) fd.append(", Don't fragment");
        if ((flags & 1) != 0) fd.append(", More fragments");
        return fd.toString();
    }

    static final String[] ECN_SHORT = {"Not-ECT", "ECT(1)", "ECT(0)", "CE"};
    static final String[] ECN_LONG = {"Not ECN-Capable Transport", "ECN-Capable Transport codepoint '01'",
            "ECN-Capable Transport codepoint '10'", "Congestion Experienced"};

    /** Whether the checksum finding should mention checksum offload, and why. */
    public static String offloadHint(Ctx ctx, long transmitted) {
        String reason = ctx.get(LinkDissectors.OFFLOAD_REASON);
        if (reason == null && transmitted != 0) return null;
        String why = reason != null ? reason + "; " : "The transmitted checksum is 0x0000; ";
        return why + "such captures are usually taken on the sending host before the network card fills in the "
                + "checksum (checksum offload), so the packet on the wire was probably correct.";
    }

    /**
     * A fragment in the in-order pass: its payload is shown as data (Wireshark does the same: even a first fragment's
     * TCP header is only decoded from the reassembled datagram); when it completed a datagram ({@code whole} not
     * null), the IP layer gets Wireshark's fragments tree over the reassembled source and the payload is dispatched
     * from that source through table "ip.proto", with the pseudo-header addresses for TCP.
     */
    static void reassembled(Ctx ctx, L l, Buf fragment, DataSource whole, IpDatagram ip) {
        String v = ip.version() == 6 ? "IPv6" : "IPv4", pre = ip.version() == 6 ? "ipv6" : "ip";
        ctx.data(fragment);
        org.frameinspector.core.model.Layer data = ctx.out().layers().get(ctx.out().layers().size() - 1);
        boolean dataAdded = fragment.length() > 0 && "data".equals(data.protocol());
        if (whole == null) {
            if (dataAdded) data.setName(data.name() + ": " + v + " fragment (offset " + ip.offset() + (ip.more()
                    ? ", more follow" : ", the last") + "), held for reassembly");
            return;
        }
        if (dataAdded) data.setName(data.name() + ": " + v + " fragment (offset " + ip.offset() + ") completing \""
                + whole.name() + "\"");
        byte[] bytes = whole.bytes();
        int total = bytes.length;
        java.util.List<org.frameinspector.core.model.SourcePart> parts = whole.parts();
        StringBuilder sum = new StringBuilder().append(parts.size()).append(' ').append(v).append(" Fragments (")
                .append(total).append(" bytes):");
        for (int i = 0; i < parts.size(); i++) {
            org.frameinspector.core.model.SourcePart p = parts.get(i);
            sum.append(i == 0 ? " #" : ", #").append(p.frame()).append('(').append(p.length()).append(')');
        }
        String src = whole.id();
        IpFields.Reassembly r = ip.version() == 6 ? IpFields.IPV6_REASSEMBLY : IpFields.IP_REASSEMBLY;
        Field tree = l.put(null, new Field(r.fragments(), 0, total, 0, null, sum.toString(), src, FieldKind.TREE));
        for (org.frameinspector.core.model.SourcePart p : parts) {
            int a = p.bufferOffset(), z = a + p.length() - 1;
            tree.add(new Field(r.fragment(), a, p.length(), 0, (long) p.frame(),
                    "Frame: " + p.frame() + ", payload: " + a + "-" + z + " (" + p.length() + " bytes)", src,
                    FieldKind.NORMAL));
        }
        tree.add(new Field(r.count(), 0, 0, 0, (long) parts.size(),
                Integer.toString(parts.size()), src, FieldKind.GENERATED));
        tree.add(new Field(r.length(), 0, 0, 0, (long) total,
                Integer.toString(total), src, FieldKind.GENERATED));
        tree.add(new Field(r.data(), 0, total, 0, bytes,
                Fmt.colonHex(bytes, 0, Math.min(total, 32)) + (total > 32 ? "…" : ""), src, FieldKind.PAYLOAD));
        byte[] b = ip.bytes();
        int alen = ip.addrLen();
        ctx.put(VERSION, ip.version());
        ctx.put(SRC_OFF, null);
        ctx.put(DST_OFF, null);
        ctx.put(PSEUDO_SRC, java.util.Arrays.copyOfRange(b, ip.srcOff(), ip.srcOff() + alen));
        ctx.put(PSEUDO_DST, java.util.Arrays.copyOfRange(b, ip.dstOff(), ip.dstOff() + alen));
        ctx.put(PAYLOAD_LEN, total);
        ctx.put(FRAGMENT, null);
        ctx.nextOrData("ip.proto", ip.proto(), Buf.of(whole));
    }

    // ------------------------------------------------------------------ IPv4

    static final class Ipv4 implements Dissector {
        @Override
        public String protocol() {
            return "ip";
        }

        @Override
        public void dissect(Ctx ctx, Buf buf) {
            int o = buf.start();
            byte[] b = buf.bytes();
            L l = ctx.layer("ip", "Internet Protocol Version 4", buf);
            l.end(Math.min(buf.end(), o + 20));
            l.need(null, IpFields.IP_VERSION, o, 1);
            int v0 = buf.u8(o);
            Field ver = l.bits(null, IpFields.IP_VERSION, o, 1, 0xF0, null);
            int ihl = v0 & 0x0F, hlen = ihl * 4;
            Field hl = l.field(null, IpFields.IP_HDR_LEN, o, 1, 0x0F, hlen, v -> v + " bytes (" + v / 4 + ")",
                    FieldKind.NORMAL);
            if (v0 >> 4 != 4) {
                l.finding("IP4-VERSION", ver, Integer.toString(v0 >> 4), "4");
                l.end(o + 1);
                ctx.data(buf.from(o + 1));
                return;
            }
            if (ihl < 5) {
                l.finding("IP4-IHL-TOO-SMALL", hl, hlen + " bytes (" + ihl + ")", "at least 20 bytes (5)");
                l.end(o + 1);
                ctx.data(buf.from(o + 1));
                return;
            }
            l.need(null, IpFields.IP_DSFIELD, o + 1, 1);
            int ds = buf.u8(o + 1);
            Field dsf = l.field(null, IpFields.IP_DSFIELD, o + 1, 1, 0, ds,
                    v -> Fmt.hex2((int) v) + " (DSCP: " + dscpName((int) v >> 2) + ", ECN: " + ECN_SHORT[(int) v & 3] + ")",
                    FieldKind.NORMAL);
            l.later(dsf, () -> {
                l.bits(dsf, IpFields.IP_DSFIELD_DSCP, o + 1, 1, 0xFC, IpDissectors::dscpLong);
                l.bits(dsf, IpFields.IP_DSFIELD_ECN, o + 1, 1, 0x03, v -> ECN_LONG[(int) v] + " (" + v + ")");
            });
            Field tlF = l.uint(null, IpFields.IP_LEN, o + 2, 2);
            int totlen = (int) tlF.longValue();
            Field idF = l.uint(null, IpFields.IP_ID, o + 4, 2, v -> Fmt.hex4((int) v) + " (" + v + ")");
            l.need(null, IpFields.IP_FLAGS, o + 6, 2);
            int fw = buf.u16(o + 6);
            int flags = fw >> 13;
            boolean df = (flags & 2) != 0, mf = (flags & 1) != 0;
            int fragOff = fw & 0x1FFF;
            Field fl = l.field(null, IpFields.IP_FLAGS, o + 6, 1, 0xE0, flags, IpDissectors::flagsText, FieldKind.NORMAL);
            Runnable flagBits = () -> {
                l.num(fl, IpFields.IP_FLAGS_RB, o + 6, 1, 0x80, FieldKind.RESERVED, Fmt::setOrNot);
                l.flag(fl, IpFields.IP_FLAGS_DF, o + 6, 1, 0x40);
                l.flag(fl, IpFields.IP_FLAGS_MF, o + 6, 1, 0x20);
            };
            // made when shown, unless the reserved bit is set (its finding points at it)
            if ((flags & 4) != 0) flagBits.run();
            else l.later(fl, flagBits);
            Field fo = l.bits(null, IpFields.IP_FRAG_OFFSET, o + 6, 2, 0x1FFF, v -> Long.toString(v * 8));
            if ((flags & 4) != 0) l.finding("IP4-RESERVED-FLAG-SET", fl.children().get(0), "1", "0");
            l.uint(null, IpFields.IP_TTL, o + 8, 1);
            Field pf = l.uint(null, IpFields.IP_PROTO, o + 9, 1, v -> protoName((int) v));
            int proto = (int) pf.longValue();
            Field ck = l.hex(null, IpFields.IP_CHECKSUM, o + 10, 2);
            l.need(null, IpFields.IP_SRC, o + 12, 4);
            String src = Fmt.ipv4(b, o + 12);
            l.field(null, IpFields.IP_SRC, o + 12, 4, 0, src, src, FieldKind.NORMAL);
            l.need(null, IpFields.IP_DST, o + 16, 4);
            String dst = Fmt.ipv4(b, o + 16);
            l.field(null, IpFields.IP_DST, o + 16, 4, 0, dst, dst, FieldKind.NORMAL);
            l.name(() -> "Internet Protocol Version 4, Src: " + src + ", Dst: " + dst);
            ctx.out().setSrc(src);
            ctx.out().setDst(dst);

            // header checksum, over the whole header when it was captured
            long transmitted = ck.longValue();
            if (buf.has(o, hlen)) {
                long sum = InternetChecksum.add(InternetChecksum.add(0, b, o, 10), b, o + 12, hlen - 12);
                int calc = InternetChecksum.complement(sum);
                boolean good = InternetChecksum.verifies(sum + transmitted);
                l.generated(null, IpFields.IP_CHECKSUM_STATUS, o + 10, 0, good ? 1L : 0L,
                        good ? "Good" : "Bad");
                l.generated(null, IpFields.IP_CHECKSUM_CALCULATED, o + 10, 2, (long) calc,
                        Fmt.hex4(calc));
                if (!good) {
                    String hint = offloadHint(ctx, transmitted);
                    l.finding("IP4-CHECKSUM-BAD", hint != null ? Severity.INFO : null, ck, Fmt.hex4((int) transmitted),
                            Fmt.hex4(calc), hint);
                }
            } else {
                l.generated(null, IpFields.IP_CHECKSUM_STATUS, o + 10, 0, 2L, "Unverified");
            }

            // options
            if (hlen > 20) {
                l.end(Math.min(buf.end(), o + hlen));
                options(l, buf, o + 20, o + hlen);
            }

            // lengths
            int avail = buf.length();
            Frame fr = ctx.out().frame();
            int missing = buf.source().isFrame() ? fr.originalLength() - fr.capturedLength() : 0;
            int dend;
            boolean lengthOk = true;
            if (totlen < hlen) {
                Severity sev = totlen == 0 && ctx.get(LinkDissectors.OFFLOAD_REASON) != null ? Severity.INFO : null;
                l.finding("IP4-TOTLEN-INCONSISTENT", sev, tlF, Integer.toString(totlen), "at least " + hlen,
                        totlen == 0 ? "A Total Length of 0 on the sending host usually means TCP segmentation "
                                + "offload: the network card fills in the length." : null);
                dend = buf.end();
                lengthOk = totlen == 0;
            } else if (totlen > avail) {
                boolean snap = totlen <= avail + missing;
                l.finding("IP4-TOTLEN-INCONSISTENT", snap ? Severity.INFO : null, tlF, Integer.toString(totlen),
                        "at most " + avail + " (bytes available)", snap
                                ? "The capture was cut short by its snap length, so this is a truncated capture, "
                                + "not a sender error." : null);
                dend = buf.end();
            } else {
                dend = o + totlen;
            }
            if (ctx.get(LinkDissectors.PAYLOAD_END) == null) ctx.put(LinkDissectors.PAYLOAD_END, dend);
            if (!ctx.is(LinkDissectors.FRAMED) && dend < buf.end()) {
                LinkDissectors.trailer(l, dend, buf.end(), IpFields.IP_TRAILER);
            }
            int pstart = o + hlen;
            if (pstart >= dend) return;
            Buf payload = buf.slice(pstart, dend - pstart);
            ctx.put(VERSION, 4);
            ctx.put(SRC_OFF, o + 12);
            ctx.put(DST_OFF, o + 16);
            ctx.put(SRC, src);
            ctx.put(DST, dst);
            ctx.put(PAYLOAD_LEN, lengthOk && totlen >= hlen ? totlen - hlen : dend - pstart);
            boolean frag = mf || fragOff != 0;
            ctx.put(FRAGMENT, frag ? Boolean.TRUE : null);
            if (frag) {
                l.finding("IP4-FRAGMENT", fo, (mf ? "MF=1, " : "MF=0, ") + "offset " + fragOff * 8,
                        "MF=0, offset 0");
            }
            // in-order pass: fragments are reassembled, and DF = 0 datagrams are checked for a reused ID (RFC 6864);
            // only a payload captured whole on the frame qualifies (its bytes must map back to the frame)
            if (ctx.stream() != null && (frag || !df) && buf.source().isFrame() && dend == o + totlen) {
                IpDatagram info = new IpDatagram(4, b, o + 12, o + 16, proto, idF.longValue(), fragOff * 8, mf, df,
                        idF, fo);
                DataSource whole = ctx.stream().onIpDatagram(ctx, payload, info);
                if (frag) {
                    reassembled(ctx, l, payload, whole, info);
                    return;
                }
            }
            if (frag && fragOff != 0) {
                ctx.data(payload);
                return;
            }
            ctx.nextOrData("ip.proto", proto, payload);
        }

        static String optName(int t) {
            return switch (t) {
                case 0 -> "End of Options List (EOL)";
                case 1 -> "No-Operation (NOP)";
                case 7 -> "Record Route";
                case 68 -> "Time Stamp";
                case 130 -> "Security";
                case 131 -> "Loose Source Route";
                case 133 -> "Extended Security";
                case 136 -> "Stream ID";
                case 137 -> "Strict Source Route";
                case 148 -> "Router Alert";
                case 134 -> "Commercial Security";
                default -> "Unknown";
            };
        }

        static FieldDef optDef(int t) {
            return switch (t) {
                case 0 -> IpFields.IP_OPTIONS_EOL;
                case 1 -> IpFields.IP_OPTIONS_NOP;
                case 7 -> IpFields.IP_OPTIONS_RECORD_ROUTE;
                case 68 -> IpFields.IP_OPTIONS_TIMESTAMP;
                case 130 -> IpFields.IP_OPTIONS_SECURITY;
                case 131 -> IpFields.IP_OPTIONS_LOOSE_ROUTE;
                case 137 -> IpFields.IP_OPTIONS_STRICT_ROUTE;
                case 148 -> IpFields.IP_OPTIONS_ROUTERALERT;
                default -> IpFields.IP_OPTIONS_UNKNOWN;
            };
        }

        private static void optType(L l, Field parent, int off) {
            int t = l.buf().u8(off);
            Field ft = l.uint(parent, IpFields.IP_OPT_TYPE, off, 1);
            l.bits(ft, IpFields.IP_OPT_TYPE_COPY, off, 1, 0x80, v -> v == 0 ? "No" : "Yes");
            l.bits(ft, IpFields.IP_OPT_TYPE_CLASS, off, 1, 0x60, v -> (v == 0 ? "Control" : v == 2
                    ? "Debugging and measurement" : "Reserved for future use") + " (" + v + ")");
            l.bits(ft, IpFields.IP_OPT_TYPE_NUMBER, off, 1, 0x1F, v -> optName(t) + " (" + v + ")");
        }

        /** Walks the option TLVs of [p, end). */
        static void options(L l, Buf buf, int p, int end) {
            byte[] b = buf.bytes();
            while (p < end) {
                l.need(null, IpFields.IP_OPT_TYPE, p, 1);
                int t = buf.u8(p);
                if (t == 0 || t == 1) {
                    Field f = l.field(null, optDef(t).as("IP Option - " + optName(t)), p, 1, 0,
                            new byte[]{(byte) t}, Fmt.hex2(t), FieldKind.TREE);
                    optType(l, f, p);
                    p++;
                    if (t == 0) {
                        if (p < end) {
                            int have = Math.min(end, buf.end()) - p;
                            Field pad = l.bytes(null, IpFields.IP_OPT_PADDING, p, Math.max(0, have), null,
                                    FieldKind.RESERVED);
                            if (!LinkDissectors.allZero(b, p, p + have)) {
                                l.finding("IP4-OPTION-MALFORMED", pad, "non-zero bytes after End of Options List",
                                        "zero padding");
                            }
                        }
                        return;
                    }
                    continue;
                }
                if (p + 1 >= end) {
                    Field f = l.tree(null, optDef(t).as("IP Option - " + optName(t)), p, end - p, null, null);
                    optType(l, f, p);
                    l.finding("IP4-OPTION-MALFORMED", f, "option type with no length octet", "type and length");
                    return;
                }
                l.need(null, IpFields.IP_OPT_LEN, p + 1, 1);
                int len = buf.u8(p + 1);
                boolean bad = len < 2 || p + len > end;
                int shown = bad ? end - p : len;
                Field f = l.tree(null, optDef(t).as("IP Option - " + optName(t) + " (" + len + " bytes)"), p, shown,
                        null, null);
                optType(l, f, p);
                Field lf = l.uint(f, IpFields.IP_OPT_LEN, p + 1, 1);
                if (bad) {
                    l.finding("IP4-OPTION-MALFORMED", lf, Integer.toString(len),
                            len < 2 ? "at least 2" : "at most " + (end - p) + " (end of header)");
                    if (end - p > 2) l.bytes(f, IpFields.IP_OPT_DATA, p + 2, Math.min(end, buf.end()) - p - 2, null,
                            FieldKind.NORMAL);
                    return;
                }
                int q = p + 2;
                if ((t == 7 || t == 131 || t == 137) && len >= 3) {
                    l.uint(f, IpFields.IP_OPT_PTR, q, 1);
                    q++;
                    while (q + 4 <= p + len) {
                        l.need(f, IpFields.IP_REC_RT, q, 4);
                        String a = Fmt.ipv4(b, q);
                        l.field(f, t == 7 ? IpFields.IP_EMPTY_RT : IpFields.IP_SRC_RT, q, 4, 0, a, a, FieldKind.NORMAL);
                        q += 4;
                    }
                } else if (t == 148 && len == 4) {
                    l.uint(f, IpFields.IP_OPT_RA, q, 2);
                    q += 2;
                }
                if (q < p + len) l.bytes(f, IpFields.IP_OPT_DATA, q, p + len - q, null, FieldKind.NORMAL);
                p += len;
            }
        }
    }

    // ------------------------------------------------------------------ IPv6

    static final class Ipv6 implements Dissector {
        @Override
        public String protocol() {
            return "ipv6";
        }

        @Override
        public void dissect(Ctx ctx, Buf buf) {
            int o = buf.start();
            byte[] b = buf.bytes();
            L l = ctx.layer("ipv6", "Internet Protocol Version 6", buf);
            l.end(Math.min(buf.end(), o + 40));
            l.need(null, IpFields.IPV6_VERSION, o, 1);
            Field ver = l.bits(null, IpFields.IPV6_VERSION, o, 1, 0xF0, null);
            if (ver.longValue() != 6) {
                l.finding("IP6-VERSION", ver, Long.toString(ver.longValue()), "6");
                l.end(o + 1);
                ctx.data(buf.from(o + 1));
                return;
            }
            l.need(null, IpFields.IPV6_TCLASS, o, 4);
            int tc = (int) ((buf.u32(o) >> 20) & 0xFF);
            Field tcf = l.field(null, IpFields.IPV6_TCLASS, o, 4, 0x0FF00000L, (long) tc,
                    Fmt.hex2(tc) + " (DSCP: " + dscpName(tc >> 2) + ", ECN: " + ECN_SHORT[tc & 3] + ")",
                    FieldKind.NORMAL);
            l.bits(tcf, IpFields.IPV6_TCLASS_DSCP, o, 4, 0x0FC00000L,
                    IpDissectors::dscpLong);
            l.bits(tcf, IpFields.IPV6_TCLASS_ECN, o, 4, 0x00300000L,
                    v -> ECN_LONG[(int) v] + " (" + v + ")");
            l.bits(null, IpFields.IPV6_FLOW, o + 1, 3, 0x0FFFFF, v -> "0x" + Long.toHexString(v));
            Field plF = l.uint(null, IpFields.IPV6_PLEN, o + 4, 2);
            Field nxtF = l.uint(null, IpFields.IPV6_NXT, o + 6, 1, v -> protoName((int) v));
            l.uint(null, IpFields.IPV6_HLIM, o + 7, 1);
            l.need(null, IpFields.IPV6_SRC, o + 8, 16);
            String src = Fmt.ipv6(b, o + 8);
            Field srcF = l.field(null, IpFields.IPV6_SRC, o + 8, 16, 0, src, src, FieldKind.NORMAL);
            slaac(l, srcF, b, o + 16, IpFields.IPV6_SRC_SLAAC_MAC);
            l.need(null, IpFields.IPV6_DST, o + 24, 16);
            String dst = Fmt.ipv6(b, o + 24);
            Field dstF = l.field(null, IpFields.IPV6_DST, o + 24, 16, 0, dst, dst, FieldKind.NORMAL);
            slaac(l, dstF, b, o + 32, IpFields.IPV6_DST_SLAAC_MAC);
            l.name("Internet Protocol Version 6, Src: " + src + ", Dst: " + dst);
            ctx.out().setSrc(src);
            ctx.out().setDst(dst);

            int plen = (int) plF.longValue();
            int avail = buf.length() - 40;
            Frame fr = ctx.out().frame();
            int missing = buf.source().isFrame() ? fr.originalLength() - fr.capturedLength() : 0;
            int dend;
            if (plen == 0 && avail > 0) {
                l.finding("IP6-PLEN-MISMATCH", Severity.INFO, plF, "0", avail + " bytes follow",
                        "Payload Length 0 is legal only for a jumbogram (Hop-by-Hop Jumbo Payload option); on a "
                                + "sending-host capture it usually means segmentation offload.");
                dend = buf.end();
            } else if (plen > avail) {
                boolean snap = plen <= avail + missing;
                l.finding("IP6-PLEN-MISMATCH", snap ? Severity.INFO : null, plF, Integer.toString(plen),
                        avail + " bytes follow", snap ? "The capture was cut short by its snap length, so this is "
                                + "a truncated capture, not a sender error." : null);
                dend = buf.end();
            } else {
                dend = o + 40 + plen;
                if (dend < buf.end() && !ctx.is(LinkDissectors.FRAMED)) {
                    l.finding("IP6-PLEN-MISMATCH", plF, Integer.toString(plen), avail + " bytes follow");
                    LinkDissectors.trailer(l, dend, buf.end(), IpFields.IPV6_TRAILER);
                }
            }
            if (ctx.get(LinkDissectors.PAYLOAD_END) == null) ctx.put(LinkDissectors.PAYLOAD_END, dend);

            // extension headers
            int nxt = (int) nxtF.longValue();
            Field nxtField = nxtF;
            int p = o + 40;
            int finalDst = o + 24;
            boolean first = true;
            boolean nonFirstFragment = false, fragment = false;
            // in-order pass: fragments whose packet was captured whole are reassembled (RFC 8200 §4.5)
            boolean reassembly = ctx.stream() != null && buf.source().isFrame() && plen > 0 && dend == o + 40 + plen;
            IpDatagram fragInfo = null;
            int fragStart = -1;
            while (p < dend && isExt(nxt)) {
                if (nxt == 0 && !first) l.finding("IP6-HBH-NOT-FIRST", nxtField, "Hop-by-Hop after another header",
                        "directly after the IPv6 header");
                first = false;
                l.need(null, IpFields.IPV6_EXT, p, 2);
                int next = buf.u8(p), hl = buf.u8(p + 1);
                int size = nxt == 44 ? 8 : nxt == 51 ? (hl + 2) * 4 : (hl + 1) * 8;
                IpFields.Ext x = switch (nxt) {
                    case 0 -> IpFields.HOPOPTS;
                    case 43 -> IpFields.ROUTING;
                    case 44 -> IpFields.FRAGHDR;
                    case 60 -> IpFields.DSTOPTS;
                    case 51 -> IpFields.AH_EXT;
                    default -> IpFields.OTHER_EXT;
                };
                Field h = l.tree(null, x.header().as(extName(nxt)), p, size, null, null);
                nxtField = l.uint(h, x.nxt(), p, 1, v -> protoName((int) v));
                if (p + size > dend) {
                    l.finding("IP6-EXT-MALFORMED", h, size + " bytes", "at most " + (dend - p) + " bytes");
                    Buf rest = buf.slice(p + 1, dend - p - 1);
                    ctx.data(rest);
                    return;
                }
                switch (nxt) {
                    case 44 -> {
                        Field ro = l.num(h, IpFields.IPV6_FRAGHDR_RESERVED_OCTET, p + 1, 1, 0,
                                FieldKind.RESERVED, v -> Fmt.hex2((int) v));
                        Field off = l.bits(h, IpFields.IPV6_FRAGHDR_OFFSET, p + 2, 2, 0xFFF8,
                                v -> v + " (" + v * 8 + " bytes)");
                        Field rbits = l.num(h, IpFields.IPV6_FRAGHDR_RESERVED_BITS, p + 2, 2, 0x0006,
                                FieldKind.RESERVED, null);
                        Field more = l.bits(h, IpFields.IPV6_FRAGHDR_MORE, p + 2, 2, 0x0001,
                                v -> v == 0 ? "No" : "Yes");
                        Field ident = l.hex(h, IpFields.IPV6_FRAGHDR_IDENT, p + 4, 4);
                        if (ro.longValue() != 0) l.finding("IP6-FRAG-RESERVED-NONZERO", ro,
                                Fmt.hex2((int) ro.longValue()), "0x00");
                        if (rbits.longValue() != 0) l.finding("IP6-FRAG-RESERVED-NONZERO", rbits,
                                Long.toString(rbits.longValue()), "0");
                        fragment = off.longValue() != 0 || more.longValue() != 0;
                        nonFirstFragment = off.longValue() != 0;
                        if (fragment) {
                            fragStart = p + 8;
                            fragInfo = new IpDatagram(6, b, o + 8, finalDst, next, ident.longValue(),
                                    (int) off.longValue() * 8, more.longValue() != 0, false, ident, h);
                        }
                    }
                    case 51 -> {
                        l.uint(h, IpFields.AH_LENGTH, p + 1, 1);
                        l.num(h, IpFields.AH_RESERVED, p + 2, 2, 0, FieldKind.RESERVED, v -> Fmt.hex4((int) v));
                        l.hex(h, IpFields.AH_SPI, p + 4, 4);
                        l.uint(h, IpFields.AH_SEQUENCE, p + 8, 4);
                        if (size > 12) l.bytes(h, IpFields.AH_ICV, p + 12, size - 12, null, FieldKind.NORMAL);
                    }
                    default -> {
                        l.uint(h, x.len(), p + 1, 1);
                        l.field(h, x.lenOct(), p + 1, 1, 0, (long) size, size + " bytes", FieldKind.GENERATED);
                        if (nxt == 0 || nxt == 60) tlvOptions(l, h, buf, p + 2, p + size);
                        else if (nxt == 43) finalDst = routing(l, h, buf, p, size, finalDst);
                        else if (size > 2) l.bytes(h, x.data(), p + 2, size - 2, null, FieldKind.NORMAL);
                    }
                }
                nxt = next;
                p += size;
                // the rest of a fragment is the fragmentable part: a non-first fragment has no headers to walk,
                // and with reassembly the first one's are read from the reassembled datagram
                if (fragInfo != null && (nonFirstFragment || reassembly)) break;
            }
            l.end(Math.min(p, buf.end()));
            if (fragInfo != null && reassembly) {
                Buf fragPayload = buf.slice(fragStart, dend - fragStart);
                DataSource whole = ctx.stream().onIpDatagram(ctx, fragPayload, fragInfo);
                ctx.put(SRC, src);
                ctx.put(DST, finalDst == o + 24 ? dst : Fmt.ipv6(b, finalDst));
                reassembled(ctx, l, fragPayload, whole, fragInfo);
                return;
            }
            if (p >= dend) return;
            Buf payload = buf.slice(p, dend - p);
            ctx.put(VERSION, 6);
            ctx.put(SRC_OFF, o + 8);
            ctx.put(DST_OFF, finalDst);
            ctx.put(SRC, src);
            ctx.put(DST, finalDst == o + 24 ? dst : Fmt.ipv6(b, finalDst));
            ctx.put(PAYLOAD_LEN, plen == 0 ? dend - p : o + 40 + plen - p);
            ctx.put(FRAGMENT, fragment ? Boolean.TRUE : null);
            if (nonFirstFragment || nxt == 50 || nxt == 59) {
                ctx.data(payload);
                return;
            }
            ctx.nextOrData("ip.proto", nxt, payload);
        }

        static String extName(int n) {
            return switch (n) {
                case 0 -> "IPv6 Hop-by-Hop Option";
                case 43 -> "Routing Header for IPv6";
                case 44 -> "Fragment Header for IPv6";
                case 60 -> "Destination Options for IPv6";
                case 51 -> "Authentication Header";
                default -> "IPv6 Extension Header";
            };
        }

        static boolean isExt(int n) {
            return n == 0 || n == 43 || n == 44 || n == 60 || n == 51 || n == 135 || n == 139 || n == 140;
        }

        static String optName(int t) {
            return switch (t) {
                case 0 -> "Pad1";
                case 1 -> "PadN";
                case 4 -> "Tunnel Encapsulation Limit";
                case 5 -> "Router Alert";
                case 0xC2 -> "Jumbo Payload";
                case 0xC9 -> "Home Address Option";
                default -> "Unknown";
            };
        }

        /** Hop-by-hop / destination options TLVs in [p, end). */
        static void tlvOptions(L l, Field h, Buf buf, int p, int end) {
            while (p < end) {
                int t = buf.u8(p);
                if (t == 0) {
                    Field f = l.tree(h, IpFields.IPV6_OPT, p, 1, null, null);
                    l.uint(f, IpFields.IPV6_OPT_TYPE, p, 1, v -> "Pad1 (0x00)");
                    p++;
                    continue;
                }
                if (p + 1 >= end) {
                    Field f = l.tree(h, IpFields.IPV6_OPT.as(optName(t)), p, end - p, null, null);
                    l.finding("IP6-EXT-MALFORMED", f, "option without length", "type and length");
                    return;
                }
                int len = buf.u8(p + 1);
                boolean bad = p + 2 + len > end;
                int size = bad ? end - p : 2 + len;
                Field f = l.tree(h, IpFields.IPV6_OPT.as(optName(t)), p, size, null, null);
                Field tf = l.uint(f, IpFields.IPV6_OPT_TYPE, p, 1, v -> optName(t) + " (" + Fmt.hex2(t) + ")");
                l.bits(tf, IpFields.IPV6_OPT_TYPE_ACTION, p, 1, 0xC0, null);
                l.bits(tf, IpFields.IPV6_OPT_TYPE_CHANGE, p, 1, 0x20, v -> v == 0 ? "No" : "Yes");
                l.bits(tf, IpFields.IPV6_OPT_TYPE_REST, p, 1, 0x1F, v -> Fmt.hex2((int) v));
                Field lf = l.uint(f, IpFields.IPV6_OPT_LENGTH, p + 1, 1);
                if (bad) {
                    l.finding("IP6-EXT-MALFORMED", lf, Integer.toString(len), "at most " + (end - p - 2));
                    if (size > 2) l.bytes(f, IpFields.IPV6_OPT_DATA, p + 2, size - 2, null, FieldKind.NORMAL);
                    return;
                }
                if (len > 0) {
                    if (t == 1) l.bytes(f, IpFields.IPV6_OPT_PADN, p + 2, len, null, FieldKind.RESERVED);
                    else if (t == 5 && len == 2) l.uint(f, IpFields.IPV6_OPT_ROUTER_ALERT, p + 2, 2);
                    else if (t == 0xC2 && len == 4) l.uint(f, IpFields.IPV6_OPT_JUMBO, p + 2, 4);
                    else l.bytes(f, IpFields.IPV6_OPT_DATA, p + 2, len, null, FieldKind.NORMAL);
                }
                p += 2 + len;
            }
        }

        /** Routing header fields; returns the offset of the final destination for the pseudo-header. */
        static int routing(L l, Field h, Buf buf, int p, int size, int finalDst) {
            int type = buf.u8(p + 2);
            l.uint(h, IpFields.IPV6_ROUTING_TYPE, p + 2, 1, v -> (v == 0 ? "Source Route" : v == 2
                    ? "Type 2 Routing" : v == 4 ? "Segment Routing" : "Unknown") + " (" + v + ")");
            Field sl = l.uint(h, IpFields.IPV6_ROUTING_SEGLEFT, p + 3, 1);
            int segLeft = (int) sl.longValue();
            int q = p + 4, end = p + size;
            int last = -1, firstSeg = -1;
            if (type == 0 || type == 2) {
                FieldDef resv = type == 0 ? IpFields.IPV6_ROUTING_SRC_RESERVED : IpFields.IPV6_ROUTING_TYPE2_RESERVED;
                FieldDef addr = type == 0 ? IpFields.IPV6_ROUTING_SRC_ADDR : IpFields.IPV6_ROUTING_TYPE2_ADDR;
                l.bytes(h, resv, q, 4, null, FieldKind.RESERVED);
                q += 4;
                int i = 1;
                while (q + 16 <= end) {
                    String a = Fmt.ipv6(buf.bytes(), q);
                    l.field(h, addr.as("Address[" + i++ + "]"), q, 16, 0, a, a, FieldKind.NORMAL);
                    last = q;
                    q += 16;
                }
            } else if (type == 4) {
                l.uint(h, IpFields.IPV6_ROUTING_SRH_LAST_ENTRY, q, 1);
                l.hex(h, IpFields.IPV6_ROUTING_SRH_FLAGS, q + 1, 1);
                l.hex(h, IpFields.IPV6_ROUTING_SRH_TAG, q + 2, 2);
                q += 4;
                int i = 0;
                while (q + 16 <= end) {
                    String a = Fmt.ipv6(buf.bytes(), q);
                    l.field(h, IpFields.IPV6_ROUTING_SRH_ADDR.as("Address[" + i++ + "]"), q, 16, 0, a, a, FieldKind.NORMAL);
                    if (firstSeg < 0) firstSeg = q;
                    q += 16;
                }
            }
            if (q < end) l.bytes(h, IpFields.IPV6_ROUTING_DATA, q, end - q, null, FieldKind.NORMAL);
            if (segLeft == 0) return finalDst;
            if (type == 4 && firstSeg >= 0) return firstSeg;
            return last >= 0 ? last : finalDst;
        }
    }

    /** An interface id of the modified EUI-64 form (xx:xx:xx:ff:fe:xx:xx:xx) embeds a MAC address (RFC 4291 App. A). */
    static void slaac(L l, Field parent, byte[] b, int iid, FieldDef def) {
        if ((b[iid + 3] & 0xFF) != 0xFF || (b[iid + 4] & 0xFF) != 0xFE) return;
        byte[] mac = {(byte) (b[iid] ^ 0x02), b[iid + 1], b[iid + 2], b[iid + 5], b[iid + 6], b[iid + 7]};
        String m = Fmt.mac(mac, 0);
        l.field(parent, def, iid, 8, 0, m, m, FieldKind.NORMAL);
    }
}
