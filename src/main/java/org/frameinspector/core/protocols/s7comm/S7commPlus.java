package org.frameinspector.core.protocols.s7comm;

import org.frameinspector.core.model.ValueNames;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.Heuristic;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;

/**
 * S7comm-plus (S7-1200/1500, protocol id 0x72): recognises the 4-byte header (id, version, data length) and the
 * 4-byte trailer (72, version, 00 00); the body is shown undecoded. Field names follow the community dissector.
 */
public final class S7commPlus implements Heuristic {
    static final ValueNames VERSION = ValueNames.of(1, "V1", 2, "V2", 3, "V3", 0xFE, "System event / keep-alive");

    @Override
    public String protocol() {
        return "s7comm-plus";
    }

    @Override
    public boolean accepts(Ctx ctx, Buf buf) {
        if (buf.length() < 4 || buf.peek(buf.start()) != 0x72) return false;
        int v = buf.peek(buf.start() + 1);
        return v == 1 || v == 2 || v == 3 || v == 0xFE;
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        L l = ctx.layer("s7comm-plus", "S7 Communication Plus", buf);
        int s = buf.start();
        int ver = buf.u8(s + 1);
        Field h = l.tree(null, S7commFields.S7COMM_PLUS_HEADER, s, 4, null, "Protocol version: " + VERSION.hexed(ver, 2));
        l.hex(h, S7commFields.S7COMM_PLUS_HEADER_PROTID, s, 1);
        l.uint(h, S7commFields.S7COMM_PLUS_HEADER_PROTOCOLVERSION, s + 1, 1, v -> VERSION.hexed(v, 2));
        int dlen = (int) l.uint(h, S7commFields.S7COMM_PLUS_HEADER_DATLG, s + 2, 2).longValue();
        int body = s + 4;
        int bodyEnd = Math.min(buf.end(), body + dlen);
        if (bodyEnd > body) l.payload(null, S7commFields.S7COMM_PLUS_DATA, body, bodyEnd - body);
        int p = bodyEnd;
        boolean trailer = buf.has(p, 4) && buf.u8(p) == 0x72;
        if (trailer) {
            Field t = l.tree(null, S7commFields.S7COMM_PLUS_TRAILER, p, 4, null, "Protocol version: " + VERSION.hexed(buf.u8(p + 1), 2));
            l.hex(t, S7commFields.S7COMM_PLUS_TRAILER_PROTID, p, 1);
            l.uint(t, S7commFields.S7COMM_PLUS_TRAILER_PROTOCOLVERSION, p + 1, 1, v -> VERSION.hexed(v, 2));
            l.uint(t, S7commFields.S7COMM_PLUS_TRAILER_DATLG, p + 2, 2);
            p += 4;
        }
        ctx.out().setInfo("S7comm-plus " + VERSION.nameOr(ver, Fmt.hex2(ver)) + ", " + dlen + " bytes"
                + (trailer ? "" : " (no trailer in this TPDU)"));
        l.end(p);
        if (p < buf.end()) ctx.data(buf.from(p));
    }
}
