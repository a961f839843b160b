package org.frameinspector.core.protocols.arp;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.protocols.link.LinkDissectors;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.FieldKind;

/**
 * ARP (RFC 826), decoded so that ARP frames on an ISO-on-TCP segment are explained and the Ethernet padding or
 * trailer after the 28-byte message is placed where Wireshark places it.
 */
public final class ArpDissector implements Dissector {
    public static void register(DissectorRegistry r) {
        r.declare(ArpFields.ARP);
        ArpDissector d = new ArpDissector();
        r.register("ethertype", 0x0806, d);
        r.named(d);
    }

    @Override
    public String protocol() {
        return "arp";
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        int o = buf.start();
        L l = ctx.layer("arp", "Address Resolution Protocol", buf);
        l.uint(null, ArpFields.ARP_HW_TYPE, o, 2, v -> v == 1 ? "Ethernet (1)" : Long.toString(v));
        l.uint(null, ArpFields.ARP_PROTO_TYPE, o + 2, 2, v -> v == 0x0800 ? "IPv4 (0x0800)" : Fmt.hex4((int) v));
        int hs = (int) l.uint(null, ArpFields.ARP_HW_SIZE, o + 4, 1).longValue();
        int ps = (int) l.uint(null, ArpFields.ARP_PROTO_SIZE, o + 5, 1).longValue();
        int op = (int) l.uint(null, ArpFields.ARP_OPCODE, o + 6, 2, v -> v == 1 ? "request (1)" : v == 2 ? "reply (2)" : Long.toString(v)).longValue();
        int p = o + 8;
        boolean ethIp = hs == 6 && ps == 4;
        p = addr(l, ArpFields.ARP_SRC_HW_MAC, ArpFields.ARP_SRC_HW, p, hs, ethIp, true);
        p = addr(l, ArpFields.ARP_SRC_PROTO_IPV4, ArpFields.ARP_SRC_PROTO, p, ps, ethIp, false);
        p = addr(l, ArpFields.ARP_DST_HW_MAC, ArpFields.ARP_DST_HW, p, hs, ethIp, true);
        p = addr(l, ArpFields.ARP_DST_PROTO_IPV4, ArpFields.ARP_DST_PROTO, p, ps, ethIp, false);
        l.end(p);
        l.name("Address Resolution Protocol (" + (op == 1 ? "request" : op == 2 ? "reply" : "opcode " + op) + ")");
        if (ethIp) {
            String tip = Fmt.ipv4(buf.bytes(), o + 24), sip = Fmt.ipv4(buf.bytes(), o + 14);
            ctx.out().setInfo(op == 1 ? "Who has " + tip + "? Tell " + sip : op == 2 ? sip + " is at " + Fmt.mac(buf.bytes(), o + 8) : "ARP");
        }
        ctx.put(LinkDissectors.PAYLOAD_END, p);
    }

    private static int addr(L l, FieldDef def, FieldDef raw, int p, int size, boolean ethIp, boolean mac) {
        if (size == 0) return p;
        l.need(null, def, p, size);
        byte[] b = l.buf().bytes();
        if (ethIp) {
            String v = mac ? Fmt.mac(b, p) : Fmt.ipv4(b, p);
            l.field(null, def, p, size, 0, v, v, FieldKind.NORMAL);
        } else {
            l.bytes(null, raw, p, size, null, null);
        }
        return p + size;
    }
}
