package org.frameinspector.core.protocols;

import org.frameinspector.core.protocols.ber.Ber;
import org.frameinspector.core.protocols.ses.Session;
import org.frameinspector.core.protocols.s7comm.S7commPlus;
import org.frameinspector.core.protocols.s7comm.S7comm;
import org.frameinspector.core.protocols.rdp.Mcs;
import org.frameinspector.core.protocols.rdp.RdpPort;
import org.frameinspector.core.protocols.rdp.RdpFastPath;
import org.frameinspector.core.protocols.rdp.RdpEncrypted;
import org.frameinspector.core.protocols.rdp.RdpNegotiation;
import org.frameinspector.core.dissect.DissectorRegistry;

/** Registers the dissectors above COTP (RDP, S7comm, S7comm-plus, ISO session, BER). */
public final class UpperLayers {
    /** Table the COTP dissector consults for CR/CC variable-part areas that carry non-X.224 data. */
    public static final String CRCC_TABLE = "cotp.crcc";
    /** Table the COTP dissector uses for DT user data. */
    public static final String PAYLOAD_TABLE = "cotp.payload";
    /** Registry name of the fast-path dissector (one or more whole fast-path PDUs, "tcp.info" in the context). */
    public static final String FASTPATH_NAME = "rdp.fastpath";

    private UpperLayers() {
    }

    public static void register(DissectorRegistry r) {
        Ber ber = new Ber();
        r.heuristic(CRCC_TABLE, new RdpNegotiation());
        r.heuristic(PAYLOAD_TABLE, new S7comm());
        r.heuristic(PAYLOAD_TABLE, new S7commPlus());
        // MCS on RDP connections (port 3389 or no TCP info) before the ISO session heuristic
        r.heuristic(PAYLOAD_TABLE, new Mcs());
        r.heuristic(PAYLOAD_TABLE, new Session(ber));
        RdpEncrypted tls = new RdpEncrypted();
        RdpFastPath fastPath = new RdpFastPath();
        r.heuristic("tcp", tls);
        // lone segments on 3389: TPKT or fast-path PDUs (replaces the plain TPKT entry)
        if (r.byName("tpkt") != null) r.register("tcp.port", RdpEncrypted.RDP_PORT, new RdpPort(fastPath));
        // by name for the stream layer, which frames fast-path PDUs itself (TpktFramer.FASTPATH)
        r.named(RdpPort.named(FASTPATH_NAME, fastPath));
        r.named(ber);
    }
}
