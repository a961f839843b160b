package org.frameinspector.core.protocols.rdp;

import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;

/**
 * What a lone TCP segment on port 3389 carries: TPKT (first byte 3) or fast-path PDUs (MS-RDPBCGR 2.2.8.1.2 /
 * 2.2.9.1.2, action bits 0, the segment holding whole PDUs). Registered on "tcp.port" 3389 in place of the plain
 * TPKT entry; anything else goes to TPKT as before, which shows it as a TPKT continuation. TLS records after the
 * negotiation also stay with TPKT here: Wireshark shows them as tpkt.continuation_data on a lone segment and the
 * core agreement counts that field. With connection state the stream layer frames the byte stream itself and this
 * entry is not used.
 */
public final class RdpPort implements Dissector {
    private final RdpFastPath fastPath;

    public RdpPort(RdpFastPath fastPath) {
        this.fastPath = fastPath;
    }

    @Override
    public String protocol() {
        return "rdp.port";
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        int first = buf.peek(buf.start());
        if (first != 3 && !RdpEncrypted.isRecord(buf, buf.start()) && RdpFastPath.wholePdus(buf)) {
            ctx.call(fastPath, buf);
            return;
        }
        Dissector tpkt = ctx.registry().byName("tpkt");
        if (tpkt != null) ctx.call(tpkt, buf);
        else ctx.data(buf);
    }

    /** The given dissector under another registry name (so "rdp" stays the negotiation dissector's name). */
    public static Dissector named(String name, Dissector d) {
        return new Dissector() {
            @Override
            public String protocol() {
                return name;
            }

            @Override
            public void dissect(Ctx ctx, Buf buf) {
                d.dissect(ctx, buf);
            }
        };
    }
}
