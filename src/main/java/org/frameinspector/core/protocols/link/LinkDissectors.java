package org.frameinspector.core.protocols.link;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.protocols.ses.Session;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Severity;

/**
 * Link layers: Ethernet II / IEEE 802.3 (+LLC/SNAP), 802.1Q and stacked tags, Linux cooked capture v1 and v2,
 * BSD NULL / OpenBSD LOOP and raw IP. Field names and values follow Wireshark 4.0 (PROTOCOLS.md §1, §7.1).
 */
public final class LinkDissectors {
    /** Ctx: absolute end offset of the network-layer datagram, set by IPv4/IPv6/ARP/LLDP for padding/trailer display. */
    public static final Ctx.Key<Integer> PAYLOAD_END = Ctx.Key.of("link:payload_end");
    /**
     * Ctx: set when the frame was captured on the sending host or on loopback, where checksums are often left for the
     * network card to fill in (checksum offload); the value says why, for the checksum explanation.
     */
    public static final Ctx.Key<String> OFFLOAD_REASON = Ctx.Key.of("link:offload_reason");
    /** Ctx: Boolean.TRUE when a link layer (with its own framing) carries the network layer. */
    public static final Ctx.Key<Boolean> FRAMED = Ctx.Key.of("link:framed");

    /** Minimum Ethernet frame without FCS; shorter frames are padded up to it. */
    static final int ETH_MIN = 60;

    private LinkDissectors() {
    }

    public static void register(DissectorRegistry r) {
        r.declare(LinkFields.ETH, LinkFields.VLAN, LinkFields.LLC, LinkFields.SLL, LinkFields.NULL, LinkFields.RAW);
        Eth eth = new Eth();
        Vlan vlan = new Vlan();
        Llc llc = new Llc();
        Sll sll = new Sll(false);
        Sll sll2 = new Sll(true);
        Null nul = new Null(false);
        Null loop = new Null(true);
        Raw raw = new Raw();
        r.register("linktype", Frame.LINK_ETHERNET, eth);
        r.register("linktype", Frame.LINK_NULL, nul);
        r.register("linktype", Frame.LINK_LOOP, loop);
        r.register("linktype", Frame.LINK_RAW, raw);
        r.register("linktype", 12, raw);
        r.register("linktype", 14, raw);
        r.register("linktype", Frame.LINK_SLL, sll);
        r.register("linktype", Frame.LINK_SLL2, sll2);
        r.register("linktype", Frame.LINK_LLC, llc);
        r.register("ethertype", 0x8100, vlan);
        r.register("ethertype", 0x88A8, vlan);
        r.register("ethertype", 0x9100, vlan);
        r.register("ethertype", 0x9200, vlan);
        r.named(eth).named(vlan).named(llc).named(sll).named(nul).named(raw);
        r.named(new Alias("sll2", sll2));
    }

    // ------------------------------------------------------------------ shared helpers

    /** A MAC address field with Wireshark's children (address, LG and IG bits). */
    static Field mac(L l, Field parent, FieldDef def, FieldDef lg, FieldDef ig, int off) {
        l.need(parent, def, off, 6);
        String m = Fmt.mac(l.buf().bytes(), off);
        Field f = l.field(parent, def, off, 6, 0, m, m, FieldKind.NORMAL);
        l.later(f, () -> {
            l.field(f, LinkFields.ETH_ADDR, off, 6, 0, m, m, FieldKind.NORMAL);
            l.bits(f, lg, off, 3, 0x020000, v -> v == 0
                    ? "Globally unique address (factory default)"
                    : "Locally administered address (this is NOT the factory default)");
            l.bits(f, ig, off, 3, 0x010000, v -> v == 0
                    ? "Individual address (unicast)" : "Group address (multicast/broadcast)");
        });
        return f;
    }

    public static String etherTypeName(int t) {
        return switch (t) {
            case 0x0800 -> "IPv4";
            case 0x86DD -> "IPv6";
            case 0x0806 -> "ARP";
            case 0x8100 -> "802.1Q Virtual LAN";
            case 0x88A8 -> "802.1ad Provider Bridge (Q-in-Q)";
            case 0x9100 -> "VLAN-tagged frame (Q-in-Q)";
            case 0x9200 -> "VLAN-tagged frame (Q-in-Q, 0x9200)";
            case 0x88CC -> "802.1 Link Layer Discovery Protocol (LLDP)";
            case 0x8892 -> "PROFINET";
            case 0x88B8 -> "IEC 61850/GOOSE";
            case 0x88BA -> "IEC 61850/SV (Sampled Value Transmission";
            case 0x8863 -> "PPPoE Discovery";
            case 0x8864 -> "PPPoE Session";
            case 0x8847 -> "MPLS label switched packet";
            case 0x88E5 -> "802.1AE (MACsec)";
            case 0x88F7 -> "PTPv2 over Ethernet (IEEE1588)";
            case 0x8035 -> "RARP";
            case 0x809B -> "AppleTalk";
            case 0x8137 -> "Netware IPX/SPX";
            default -> "Unknown";
        };
    }

    static String etherTypeDisplay(int t) {
        return etherTypeName(t) + " (" + Fmt.hex4(t) + ")";
    }

    /**
     * Hands {@code payload} to the EtherType table; afterwards shows the bytes after the network-layer datagram as
     * Ethernet padding (up to the 60-byte minimum frame) and trailer, in the link layer {@code link}.
     */
    static void etherPayload(Ctx ctx, L link, int type, Buf payload, FieldDef trailer) {
        ctx.put(PAYLOAD_END, null);
        ctx.put(FRAMED, Boolean.TRUE);
        Dissector d = ctx.registry().lookup("ethertype", type);
        if (d == null) {
            ctx.data(payload);
            return;
        }
        ctx.call(d, payload);
        Integer e = ctx.get(PAYLOAD_END);
        if (e == null) return;
        ctx.put(PAYLOAD_END, null); // the innermost link layer shows the padding, outer tags do not repeat it
        padding(link, e, payload.end(), trailer);
    }

    /**
     * Padding [from, 60) and trailer [60, to) in absolute offsets; a 4-byte trailer of a frame of 64 bytes or more
     * behind an Ethernet header is taken as the FCS (as Wireshark guesses). Returns the trailer length.
     */
    static int padding(L link, int from, int to, FieldDef trailer) {
        if (from >= to) return 0;
        int padEnd = Math.min(to, Math.max(from, ETH_MIN));
        // padding is zero fill up to the minimum frame; non-zero bytes make the whole rest a trailer (as Wireshark)
        if (!allZero(link.buf().bytes(), from, padEnd)) padEnd = from;
        if (padEnd > from) link.payload(null, LinkFields.ETH_PADDING, from, padEnd - from);
        if (to <= padEnd) return 0;
        int n = to - padEnd;
        boolean ethFramed = !trailer.abbrev().startsWith("sll");
        if (n == 4 && to >= 64 && ethFramed) {
            long fcs = link.buf().u32(padEnd);
            link.field(null, LinkFields.ETH_FCS, padEnd, 4, 0, fcs, Fmt.hex(fcs, 8) + " [unverified]",
                    FieldKind.PAYLOAD);
            link.generated(null, LinkFields.ETH_FCS_STATUS, padEnd, 0, 2L, "Unverified");
            return 0;
        }
        trailer(link, padEnd, to, trailer);
        return n;
    }

    public static void trailer(L link, int from, int to, FieldDef trailer) {
        Field t = link.payload(null, trailer, from, to - from);
        // IP4-TRAILING-BYTES concerns IP datagrams only (not the ARP message or LLC payload before a trailer)
        if (t != null && link.ctx().out().layer("ip") != null) {
            link.finding("IP4-TRAILING-BYTES", Severity.INFO, t, Integer.toString(to - from), "0", null);
        }
    }

    public static boolean allZero(byte[] b, int off, int end) {
        for (int i = off; i < end; i++) if (b[i] != 0) return false;
        return true;
    }

    // ------------------------------------------------------------------ Ethernet

    static final class Eth implements Dissector {
        @Override
        public String protocol() {
            return "eth";
        }

        @Override
        public void dissect(Ctx ctx, Buf buf) {
            int o = buf.start();
            L l = ctx.layer("eth", "Ethernet II", buf);
            l.end(Math.min(buf.end(), o + 14));
            Field dst = mac(l, null, LinkFields.ETH_DST, LinkFields.ETH_DST_LG, LinkFields.ETH_DST_IG, o);
            Field src = mac(l, null, LinkFields.ETH_SRC, LinkFields.ETH_SRC_LG, LinkFields.ETH_SRC_IG, o + 6);
            byte[] b = buf.bytes();
            String s = (String) src.value(), d = (String) dst.value();
            ctx.out().setSrc(s);
            ctx.out().setDst(d);
            if ((b[o + 6] & 0x01) != 0) {
                l.finding("ETH-SRC-GROUP", src, Fmt.hex2(b[o + 6] & 0xFF) + " (I/G = 1)", "I/G = 0");
            }
            Frame fr = ctx.out().frame();
            if (o == 0 && buf.source().isFrame() && fr.originalLength() < ETH_MIN) {
                l.finding("ETH-RUNT", Severity.INFO, null, fr.originalLength() + " bytes", "at least 60 bytes", null);
            }
            l.need(null, LinkFields.ETH_TYPE, o + 12, 2);
            int t = buf.u16(o + 12);
            if (t >= 0x0600) {
                l.field(null, LinkFields.ETH_TYPE, o + 12, 2, 0, t, v -> etherTypeDisplay((int) v), FieldKind.NORMAL);
                l.name(() -> "Ethernet II, Src: " + s + ", Dst: " + d);
                etherPayload(ctx, l, t, buf.from(o + 14), LinkFields.ETH_TRAILER);
            } else if (t <= 1500) {
                Field len = l.field(null, LinkFields.ETH_LEN, o + 12, 2, 0, (long) t, Integer.toString(t),
                        FieldKind.NORMAL);
                l.name(() -> "IEEE 802.3 Ethernet, Src: " + s + ", Dst: " + d);
                ieee8023(ctx, l, len, t, buf.from(o + 14), LinkFields.ETH_TRAILER);
            } else {
                Field f = l.field(null, LinkFields.ETH_INVALID_LENTYPE, o + 12, 2, 0, (long) t,
                        Fmt.hex4(t) + " (" + t + ")", FieldKind.NORMAL);
                l.name(() -> "Ethernet II, Src: " + s + ", Dst: " + d);
                l.finding("ETH-LENTYPE-UNDEFINED", f, Fmt.hex4(t) + " (" + t + ")", "<= 1500 or >= 1536");
                ctx.data(buf.from(o + 14));
            }
        }
    }

    /** An 802.3 length field followed by LLC; the bytes beyond the length are padding/trailer. */
    static void ieee8023(Ctx ctx, L l, Field lenField, int len, Buf rest, FieldDef trailer) {
        int start = rest.start();
        int avail = rest.length();
        boolean snapCut = ctx.out().frame().truncatedByCapture() && rest.source().isFrame();
        if (len > avail && !snapCut) {
            l.finding("ETH-LENGTH-MISMATCH", lenField, len + " bytes", avail + " bytes follow");
        }
        Buf llc = rest.slice(start, len);
        if (llc.length() > 0) ctx.call(ctx.registry().byName("llc"), llc);
        int from = start + Math.min(len, avail);
        if (from < rest.end()) {
            byte[] b = rest.bytes();
            l.payload(null, trailer, from, rest.end() - from);
            // zero bytes that fill a minimum-size frame are padding; anything else contradicts the length
            boolean pad = rest.end() <= ETH_MIN + (rest.end() - from == 4 ? 4 : 0) && allZero(b, from, rest.end());
            if (!pad && !(rest.end() - from == 4 && rest.end() >= 64)) {
                l.finding("ETH-LENGTH-MISMATCH", lenField, len + " bytes", (rest.end() - start) + " bytes follow");
            }
        }
    }

    // ------------------------------------------------------------------ 802.1Q

    static final class Vlan implements Dissector {
        @Override
        public String protocol() {
            return "vlan";
        }

        private static String pcp(long v) {
            String n = switch ((int) v) {
                case 0 -> "Best Effort (default)";
                case 1 -> "Background";
                case 2 -> "Excellent Effort";
                case 3 -> "Critical Applications";
                case 4 -> "Video, < 100ms latency and jitter";
                case 5 -> "Voice, < 10ms latency and jitter";
                case 6 -> "Internetwork Control";
                default -> "Network Control";
            };
            return n + " (" + v + ")";
        }

        @Override
        public void dissect(Ctx ctx, Buf buf) {
            int o = buf.start();
            L l = ctx.layer("vlan", "802.1Q Virtual LAN", buf);
            l.end(Math.min(buf.end(), o + 4));
            Field pri = l.bits(null, LinkFields.VLAN_PRIORITY, o, 2, 0xE000, Vlan::pcp);
            Field dei = l.bits(null, LinkFields.VLAN_DEI, o, 2, 0x1000, v -> v == 0 ? "Ineligible" : "Eligible");
            Field id = l.bits(null, LinkFields.VLAN_ID, o, 2, 0x0FFF, null);
            int vid = (int) id.longValue();
            l.name("802.1Q Virtual LAN, PRI: " + pri.longValue() + ", DEI: " + dei.longValue() + ", ID: " + vid);
            if (vid == 0xFFF) l.finding("VLAN-VID-RESERVED", id, "4095", "0-4094");
            else if (vid == 0) l.finding("VLAN-PRIORITY-TAG", id, "0", null);
            l.need(null, LinkFields.VLAN_ETYPE, o + 2, 2);
            int t = buf.u16(o + 2);
            if (t >= 0x0600) {
                l.field(null, LinkFields.VLAN_ETYPE, o + 2, 2, 0, (long) t, etherTypeDisplay(t), FieldKind.NORMAL);
                etherPayload(ctx, l, t, buf.from(o + 4), LinkFields.VLAN_TRAILER);
            } else if (t <= 1500) {
                Field len = l.field(null, LinkFields.VLAN_LEN, o + 2, 2, 0, (long) t, Integer.toString(t),
                        FieldKind.NORMAL);
                ieee8023(ctx, l, len, t, buf.from(o + 4), LinkFields.VLAN_TRAILER);
            } else {
                Field f = l.field(null, LinkFields.ETH_INVALID_LENTYPE, o + 2, 2, 0, (long) t,
                        Fmt.hex4(t) + " (" + t + ")", FieldKind.NORMAL);
                l.finding("ETH-LENTYPE-UNDEFINED", f, Fmt.hex4(t) + " (" + t + ")", "<= 1500 or >= 1536");
                ctx.data(buf.from(o + 4));
            }
        }
    }

    // ------------------------------------------------------------------ 802.2 LLC / SNAP

    static final class Llc implements Dissector {
        @Override
        public String protocol() {
            return "llc";
        }

        static String sapName(int sap) {
            return switch (sap & 0xFE) {
                case 0x00 -> "NULL LSAP";
                case 0x02 -> "LLC Sub-Layer Management Individual";
                case 0x06 -> "TCP/IP";
                case 0x42 -> "Spanning Tree BPDU";
                case 0xAA -> "SNAP";
                case 0xE0 -> "NetWare";
                case 0xF0 -> "NetBIOS";
                case 0xF4 -> "LAN Management";
                case 0xFE -> "ISO Network Layer";
                default -> "Unknown";
            };
        }

        private static String uCmd(int c) {
            return switch (c & 0xEF) {
                case 0x03 -> "Unnumbered Information";
                case 0xAF -> "Exchange Identification";
                case 0xE3 -> "Test";
                case 0x6F -> "Set Asynchronous Balanced Mode Extended";
                case 0x43 -> "Disconnect";
                case 0x63 -> "Unnumbered Acknowledge";
                case 0x0F -> "Disconnected Mode";
                case 0x87 -> "Frame Reject";
                default -> "Unknown";
            };
        }

        @Override
        public void dissect(Ctx ctx, Buf buf) {
            int o = buf.start();
            L l = ctx.layer("llc", "Logical-Link Control", buf);
            l.need(null, LinkFields.LLC_DSAP, o, 1);
            int dsap = buf.u8(o);
            Field fd = l.field(null, LinkFields.LLC_DSAP, o, 1, 0, (long) dsap,
                    sapName(dsap) + " (" + Fmt.hex2(dsap) + ")", FieldKind.NORMAL);
            l.bits(fd, LinkFields.LLC_DSAP_SAP, o, 1, 0xFE, v -> sapName((int) v << 1) + " (" + Fmt.hex2((int) v << 1) + ")");
            l.bits(fd, LinkFields.LLC_DSAP_IG, o, 1, 0x01, v -> v == 0 ? "Individual" : "Group");
            l.need(null, LinkFields.LLC_SSAP, o + 1, 1);
            int ssap = buf.u8(o + 1);
            Field fs = l.field(null, LinkFields.LLC_SSAP, o + 1, 1, 0, (long) ssap,
                    sapName(ssap) + " (" + Fmt.hex2(ssap) + ")", FieldKind.NORMAL);
            l.bits(fs, LinkFields.LLC_SSAP_SAP, o + 1, 1, 0xFE, v -> sapName((int) v << 1) + " (" + Fmt.hex2((int) v << 1) + ")");
            l.bits(fs, LinkFields.LLC_SSAP_CR, o + 1, 1, 0x01, v -> v == 0 ? "Command" : "Response");
            l.need(null, LinkFields.LLC_CONTROL, o + 2, 1);
            int c = buf.u8(o + 2);
            int hdr;
            if ((c & 0x03) == 0x03) {
                Field fc = l.field(null, LinkFields.LLC_CONTROL, o + 2, 1, 0, (long) c,
                        "U, func=" + (c == 0x03 ? "UI" : Fmt.hex2(c)) + " (" + Fmt.hex2(c) + ")", FieldKind.NORMAL);
                l.bits(fc, (ssap & 1) == 0 ? LinkFields.LLC_CONTROL_U_MODIFIER_CMD : LinkFields.LLC_CONTROL_U_MODIFIER_RESP,
                        o + 2, 1, 0xEC,
                        v -> uCmd(c) + " (" + Fmt.hex(v, 2) + ")");
                l.bits(fc, LinkFields.LLC_CONTROL_FTYPE, o + 2, 1, 0x03,
                        v -> "Unnumbered frame (" + Fmt.hex(v, 1) + ")");
                hdr = 3;
            } else {
                l.need(null, LinkFields.LLC_CONTROL, o + 2, 2);
                int c16 = buf.u16le(o + 2);
                Field fc = l.field(null, LinkFields.LLC_CONTROL, o + 2, 2, 0, (long) c16,
                        ((c & 1) == 0 ? "I" : "S") + " (" + Fmt.hex4(c16) + ")", FieldKind.NORMAL);
                l.field(fc, LinkFields.LLC_CONTROL_FTYPE, o + 2, 1, (c & 1) == 0 ? 0x01 : 0x03,
                        (long) ((c & 1) == 0 ? 0 : 1), (c & 1) == 0 ? "Information frame (0x0)"
                                : "Supervisory frame (0x1)", FieldKind.NORMAL);
                hdr = 4;
            }
            int p = o + hdr;
            l.end(p);
            l.name("Logical-Link Control");
            if (dsap == 0xAA && ssap == 0xAA && c == 0x03) {
                l.need(null, LinkFields.LLC_OUI, p, 3);
                int oui = buf.u24(p);
                l.field(null, LinkFields.LLC_OUI, p, 3, 0, (long) oui,
                        (oui == 0 ? "Encapsulated Ethernet" : oui == 0xF8 ? "Cisco Systems, Inc" : "Unknown")
                                + " (" + Fmt.hex(oui, 6) + ")", FieldKind.NORMAL);
                l.need(null, LinkFields.LLC_PID, p + 3, 2);
                int pid = buf.u16(p + 3);
                l.end(p + 5);
                if (oui == 0 || oui == 0xF8) {
                    l.field(null, LinkFields.LLC_TYPE, p + 3, 2, 0, (long) pid, etherTypeDisplay(pid), FieldKind.NORMAL);
                    etherPayload(ctx, l, pid, buf.from(p + 5), LinkFields.LLC_TRAILER);
                } else {
                    l.field(null, LinkFields.LLC_PID.as("PID"), p + 3, 2, 0, (long) pid, Fmt.hex4(pid), FieldKind.NORMAL);
                    ctx.data(buf.from(p + 5));
                }
                return;
            }
            ctx.data(buf.from(p));
        }
    }

    // ------------------------------------------------------------------ Linux cooked capture

    static String pktType(long v) {
        String n = switch ((int) v) {
            case 0 -> "Unicast to us";
            case 1 -> "Broadcast";
            case 2 -> "Multicast";
            case 3 -> "Unicast to another host";
            case 4 -> "Sent by us";
            default -> "Unknown";
        };
        return n + " (" + v + ")";
    }

    static String haType(long v) {
        String n = switch ((int) v) {
            case 1 -> "Ethernet";
            case 6 -> "IEEE 802";
            case 512 -> "PPP";
            case 768 -> "IPIP tunnel";
            case 769 -> "IPv6-in-IPv6";
            case 772 -> "Loopback";
            case 776 -> "IPv6-in-IPv4";
            case 778 -> "GRE over IP";
            case 801 -> "IEEE 802.11";
            case 803 -> "IEEE 802.11 + radiotap header";
            case 824 -> "Netlink";
            case 65534 -> "None";
            default -> "Unknown";
        };
        return n + " (" + v + ")";
    }

    static String linuxProto(long v) {
        String n = switch ((int) v) {
            case 0x0001 -> "Novell 802.3 frames without 802.2 LLC header";
            case 0x0002 -> "Ethernet frames";
            case 0x0003 -> "All frames";
            case 0x0004 -> "802.2 LLC frames";
            case 0x000C -> "CAN frames";
            case 0x000D -> "CAN FD frames";
            default -> "Unknown";
        };
        return n + " (" + Fmt.hex4((int) v) + ")";
    }

    static final class Sll implements Dissector {
        private final boolean v2;

        Sll(boolean v2) {
            this.v2 = v2;
        }

        @Override
        public String protocol() {
            return "sll";
        }

        @Override
        public void dissect(Ctx ctx, Buf buf) {
            int o = buf.start();
            L l = ctx.layer("sll", v2 ? "Linux cooked capture v2" : "Linux cooked capture v1", buf);
            int hdr = v2 ? 20 : 16;
            l.end(Math.min(buf.end(), o + hdr));
            int protoOff, pktOff, haOff, halenOff, addrOff, halenLen, pktLen;
            if (v2) {
                protoOff = o; haOff = o + 8; pktOff = o + 10; pktLen = 1; halenOff = o + 11; halenLen = 1;
                addrOff = o + 12;
            } else {
                pktOff = o; pktLen = 2; haOff = o + 2; halenOff = o + 4; halenLen = 2; addrOff = o + 6;
                protoOff = o + 14;
            }
            Field proto = null;
            if (v2) proto = protoField(l, buf, protoOff);
            if (v2) {
                Field res = l.num(null, LinkFields.SLL_RESERVED, o + 2, 2, 0, FieldKind.RESERVED,
                        v -> Fmt.hex4((int) v));
                if (res.longValue() != 0) l.finding("SLL2-RESERVED-NONZERO", res, Fmt.hex4((int) res.longValue()), "0x0000");
                l.uint(null, LinkFields.SLL_IFINDEX, o + 4, 4);
                l.uint(null, LinkFields.SLL_HATYPE, haOff, 2, LinkDissectors::haType);
                l.uint(null, LinkFields.SLL_PKTTYPE, pktOff, pktLen, LinkDissectors::pktType);
            } else {
                l.uint(null, LinkFields.SLL_PKTTYPE, pktOff, pktLen, LinkDissectors::pktType);
                l.uint(null, LinkFields.SLL_HATYPE, haOff, 2, LinkDissectors::haType);
            }
            int pkt = buf.u8(pktOff + pktLen - 1) | (pktLen == 2 ? buf.u8(pktOff) << 8 : 0);
            int hatype = buf.u16(haOff);
            Field halenF = l.uint(null, LinkFields.SLL_HALEN, halenOff, halenLen);
            int halen = (int) halenF.longValue();
            int shown = Math.min(halen, 8);
            l.need(null, LinkFields.SLL_SRC_OTHER, addrOff, 8);
            byte[] b = buf.bytes();
            if (shown == 6 && hatype != 778 && hatype != 776 && hatype != 768) {
                String m = Fmt.mac(b, addrOff);
                l.field(null, LinkFields.SLL_SRC_ETH, addrOff, 6, 0, m, m, FieldKind.NORMAL);
                ctx.out().setSrc(m);
            } else if (shown == 4 && (hatype == 778 || hatype == 776 || hatype == 768)) {
                String a = Fmt.ipv4(b, addrOff);
                l.field(null, LinkFields.SLL_SRC_IPV4, addrOff, 4, 0, a, a, FieldKind.NORMAL);
            } else if (shown > 0) {
                l.bytes(null, LinkFields.SLL_SRC_OTHER, addrOff, shown, null, FieldKind.NORMAL);
            }
            if (shown < 8) l.bytes(null, LinkFields.SLL_UNUSED, addrOff + shown, 8 - shown, null, FieldKind.RESERVED);
            if (!v2) proto = protoField(l, buf, protoOff);
            if (pkt == 4) {
                ctx.put(OFFLOAD_REASON, "The Linux capture marks this packet \"sent by us\"");
            } else if (hatype == 772) {
                ctx.put(OFFLOAD_REASON, "The packet was captured on the loopback interface");
            }
            int p = (int) proto.longValue();
            Buf rest = buf.from(o + hdr);
            if (p >= 0x0600) {
                if (hatype == 778) ctx.nextOrData("ethertype", p, rest);
                else etherPayload(ctx, l, p, rest, LinkFields.SLL_TRAILER);
            } else if (p == 0x0004) {
                ctx.call(ctx.registry().byName("llc"), rest);
            } else {
                ctx.data(rest);
            }
        }

        private static Field protoField(L l, Buf buf, int off) {
            l.need(null, LinkFields.SLL_ETYPE, off, 2);
            int p = buf.u16(off);
            if (p >= 0x0600) {
                return l.field(null, LinkFields.SLL_ETYPE, off, 2, 0, (long) p, etherTypeDisplay(p), FieldKind.NORMAL);
            }
            return l.field(null, LinkFields.SLL_LTYPE, off, 2, 0, (long) p, linuxProto(p), FieldKind.NORMAL);
        }
    }

    // ------------------------------------------------------------------ NULL / LOOP

    static final class Null implements Dissector {
        private final boolean networkOrder;

        Null(boolean networkOrder) {
            this.networkOrder = networkOrder;
        }

        @Override
        public String protocol() {
            return "null";
        }

        static String family(long f) {
            String n = switch ((int) f) {
                case 2 -> "IP";
                case 7 -> "OSI";
                case 23 -> "IPX";
                case 24, 28, 30 -> "IPv6";
                default -> "Unknown";
            };
            return n + " (" + f + ")";
        }

        @Override
        public void dissect(Ctx ctx, Buf buf) {
            int o = buf.start();
            L l = ctx.layer("null", "Null/Loopback", buf);
            l.end(Math.min(buf.end(), o + 4));
            l.need(null, LinkFields.NULL_FAMILY, o, 4);
            long be = buf.u32(o);
            // host byte order of the capturing machine: families are small numbers, so a value with the upper
            // half set was written little-endian
            long fam = networkOrder || (be & 0xFFFF0000L) == 0 ? be : buf.u32le(o);
            l.field(null, LinkFields.NULL_FAMILY, o, 4, 0, fam, family(fam), FieldKind.NORMAL);
            ctx.put(OFFLOAD_REASON, "The packet was captured on a loopback interface");
            Buf rest = buf.from(o + 4);
            Dissector d = fam == 2 ? ctx.registry().byName("ip")
                    : fam == 24 || fam == 28 || fam == 30 ? ctx.registry().byName("ipv6") : null;
            if (d == null) ctx.data(rest);
            else ctx.call(d, rest);
            ctx.put(PAYLOAD_END, null);
        }
    }

    // ------------------------------------------------------------------ raw IP

    static final class Raw implements Dissector {
        @Override
        public String protocol() {
            return "raw";
        }

        @Override
        public void dissect(Ctx ctx, Buf buf) {
            L l = ctx.layer("raw", "Raw packet data", buf);
            l.end(buf.start());
            int v = buf.peek(buf.start()) >> 4;
            Dissector d = v == 4 ? ctx.registry().byName("ip") : v == 6 ? ctx.registry().byName("ipv6") : null;
            if (d == null) ctx.data(buf);
            else ctx.call(d, buf);
            ctx.put(PAYLOAD_END, null);
        }
    }

    /** A second name for a dissector (--starts-at sll2). */
    record Alias(String protocol, Dissector target) implements Dissector {
        @Override
        public void dissect(Ctx ctx, Buf buf) {
            target.dissect(ctx, buf);
        }
    }
}
