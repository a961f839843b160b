package org.frameinspector.core.protocols;

import org.frameinspector.core.protocols.ber.Ber;
import org.frameinspector.core.protocols.ses.Session;
import org.frameinspector.core.protocols.s7comm.S7comm;
import org.frameinspector.core.protocols.rdp.RdpNegotiation;
import org.frameinspector.core.protocols.tpkt.TpktDissector;
import org.frameinspector.core.protocols.tcp.TcpDissector;
import org.frameinspector.core.protocols.ip.IpDissectors;
import org.frameinspector.core.protocols.lldp.LldpDissector;
import org.frameinspector.core.protocols.arp.ArpDissector;
import org.frameinspector.core.protocols.link.LinkDissectors;
import org.frameinspector.core.protocols.cotp.CotpDissector;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Frame;

/** Assembles the standard registry: every dissector and where it hooks in. */
public final class Protocols {
    private Protocols() {
    }

    /** A frame dissector with every protocol this build knows. */
    public static FrameDissector dissector() {
        return new FrameDissector(standard());
    }

    public static DissectorRegistry standard() {
        DissectorRegistry r = new DissectorRegistry();
        // One line per protocol package (docs/ADDING-A-PROTOCOL.md); the order is the order heuristics are tried.
        LinkDissectors.register(r);
        IpDissectors.register(r);
        ArpDissector.register(r);
        LldpDissector.register(r);
        TcpDissector.register(r);
        TpktDissector.register(r);
        CotpDissector.register(r);
        S7comm.register(r);
        RdpNegotiation.register(r);
        Ber.register(r);
        Session.register(r);
        return r;
    }

    /** Maps a --starts-at name to a pseudo link type for frames made from pasted dumps. */
    public static int linkTypeFor(String startsAt) {
        if (startsAt == null) return Frame.LINK_ETHERNET;
        return switch (startsAt) {
            case "eth", "ethernet" -> Frame.LINK_ETHERNET;
            case "ip", "ipv4" -> Frame.LINK_IPV4;
            case "ipv6" -> Frame.LINK_IPV6;
            case "tpkt" -> Frame.LINK_TPKT;
            case "cotp" -> Frame.LINK_COTP;
            case "llc", "802.3" -> Frame.LINK_LLC;
            case "sll" -> Frame.LINK_SLL;
            case "sll2" -> Frame.LINK_SLL2;
            case "raw" -> Frame.LINK_RAW;
            default -> throw new IllegalArgumentException("unknown start layer '" + startsAt
                    + "' (use eth, llc, ip, ipv6, tpkt, cotp, sll, sll2, raw)");
        };
    }
}
