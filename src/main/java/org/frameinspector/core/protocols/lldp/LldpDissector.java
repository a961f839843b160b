package org.frameinspector.core.protocols.lldp;

import org.frameinspector.core.protocols.link.LinkDissectors;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;

/**
 * LLDP (IEEE 802.1AB) as a plain TLV walk: enough to show what the frame carries on a PROFINET/S7 segment and to find
 * the End-of-LLDPDU TLV, so the Ethernet padding or trailer behind it is placed where Wireshark places it.
 */
public final class LldpDissector implements Dissector {
    public static void register(DissectorRegistry r) {
        r.declare(LldpFields.LLDP);
        LldpDissector d = new LldpDissector();
        r.register("ethertype", 0x88CC, d);
        r.named(d);
    }

    @Override
    public String protocol() {
        return "lldp";
    }

    static String tlvName(int t) {
        return switch (t) {
            case 0 -> "End of LLDPDU";
            case 1 -> "Chassis Id";
            case 2 -> "Port Id";
            case 3 -> "Time To Live";
            case 4 -> "Port Description";
            case 5 -> "System Name";
            case 6 -> "System Description";
            case 7 -> "System Capabilities";
            case 8 -> "Management Address";
            case 127 -> "Organization Specific";
            default -> "Reserved";
        };
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        L l = ctx.layer("lldp", "Link Layer Discovery Protocol", buf);
        int p = buf.start();
        int n = 0;
        while (p + 2 <= buf.end() && n++ < 512) {
            int h = buf.u16(p);
            int type = h >>> 9, len = h & 0x1FF;
            int have = Math.min(len, buf.end() - p - 2);
            Field tlv = l.tree(null, LldpFields.LLDP_TLV.as(tlvName(type) + " TLV"), p, 2 + have, (long) type, null);
            l.bits(tlv, LldpFields.LLDP_TLV_TYPE, p, 2, 0xFE00, v -> tlvName((int) v) + " (" + v + ")");
            l.bits(tlv, LldpFields.LLDP_TLV_LEN, p, 2, 0x01FF, null);
            if (have > 0) l.bytes(tlv, LldpFields.LLDP_TLV_VALUE, p + 2, have, null, null);
            p += 2 + have;
            if (type == 0 || have < len) break;
        }
        l.end(p);
        ctx.out().setInfo("LLDP");
        ctx.put(LinkDissectors.PAYLOAD_END, p);
    }
}
