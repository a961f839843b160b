package org.frameinspector.core.protocols;

import java.util.HexFormat;
import org.frameinspector.core.protocols.cotp.CotpDissector;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;

/** Runs upper-layer dissectors directly on crafted bytes (COTP is not on this branch). */
final class UpperTestSupport {
    private UpperTestSupport() {
    }

    static DissectorRegistry registry() {
        DissectorRegistry r = new DissectorRegistry();
        org.frameinspector.core.protocols.s7comm.S7comm.register(r);
        org.frameinspector.core.protocols.rdp.RdpNegotiation.register(r);
        org.frameinspector.core.protocols.ber.Ber.register(r);
        org.frameinspector.core.protocols.ses.Session.register(r);
        return r;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("[^0-9A-Fa-f]", ""));
    }

    /** Dissects bytes[from..] with d. */
    static Dissection run(Dissector d, byte[] bytes, int from) {
        Dissection out = new Dissection(Frame.of(1, bytes, Frame.LINK_COTP));
        Ctx ctx = new Ctx(out, registry(), null);
        Buf all = Buf.of(out.sources().get(0));
        ctx.call(d, all.from(from));
        return out;
    }

    /** COTP DT user data: dispatches bytes[from..] through "cotp.payload" as the COTP dissector will. */
    static Dissection payload(byte[] bytes, int from) {
        Dissection out = new Dissection(Frame.of(1, bytes, Frame.LINK_COTP));
        Ctx ctx = new Ctx(out, registry(), null);
        Buf all = Buf.of(out.sources().get(0));
        if (!ctx.next(CotpDissector.PAYLOAD_TABLE, 0, all.from(from))) ctx.data(all.from(from));
        return out;
    }

    /** An RDP CR/CC: bytes start at the COTP LI; the area starts at offset 7. */
    static Dissection crcc(byte[] cotp) {
        Dissection out = new Dissection(Frame.of(1, cotp, Frame.LINK_COTP));
        Ctx ctx = new Ctx(out, registry(), null);
        ctx.put(CotpDissector.CRCC_TYPE, (cotp[1] & 0xFF) >> 4);
        ctx.put(CotpDissector.CRCC_LI, cotp[0] & 0xFF);
        Buf area = Buf.of(out.sources().get(0)).from(7);
        Dissector h = ctx.registry().heuristic(CotpDissector.CRCC_TABLE, ctx, area);
        if (h != null) ctx.call(h, area);
        else ctx.data(area);
        return out;
    }
}
