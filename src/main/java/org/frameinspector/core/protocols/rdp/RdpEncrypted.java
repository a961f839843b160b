package org.frameinspector.core.protocols.rdp;

import org.frameinspector.core.model.ValueNames;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.Heuristic;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.Field;

/**
 * After RDP negotiation selects TLS or CredSSP the connection carries TLS records directly on TCP (no TPKT). This
 * heuristic (table "tcp") recognises a TLS record header on port 3389 and shows the record headers with a clear note
 * that the rest is encrypted, instead of decoding ciphertext as TPKT or data.
 */
public final class RdpEncrypted implements Heuristic {
    public static final int RDP_PORT = 3389;
    static final ValueNames CONTENT = ValueNames.of(20, "Change Cipher Spec", 21, "Alert", 22, "Handshake", 23, "Application Data");
    static final ValueNames VERSION = ValueNames.of(0x0300, "SSL 3.0", 0x0301, "TLS 1.0", 0x0302, "TLS 1.1", 0x0303, "TLS 1.2",
            0x0304, "TLS 1.3");

    @Override
    public String protocol() {
        return "rdp.encrypted";
    }

    @Override
    public boolean accepts(Ctx ctx, Buf buf) {
        TcpInfo t = ctx.get(TcpInfo.KEY);
        if (t != null && t.srcPort() != RDP_PORT && t.dstPort() != RDP_PORT) return false;
        return isRecord(buf, buf.start());
    }

    static boolean isRecord(Buf b, int p) {
        if (!b.has(p, 5)) return false;
        int ct = b.u8(p);
        return ct >= 0x14 && ct <= 0x17 && b.u8(p + 1) == 3 && b.u8(p + 2) <= 4 && b.u16(p + 3) <= 16384 + 2048;
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        L l = ctx.layer("tls", "Encrypted from here (TLS/CredSSP), not decoded", buf);
        int p = buf.start();
        int n = 0;
        StringBuilder info = new StringBuilder();
        while (p < buf.end() && n < 64) {
            if (!isRecord(buf, p)) {
                l.payload(null, RdpFields.TLS_CONTINUATION_DATA, p, buf.end() - p);
                break;
            }
            int len = buf.u16(p + 3);
            int ct = buf.u8(p);
            Field rec = l.tree(null, RdpFields.TLS_RECORD, p, 5 + len, null,
                    CONTENT.nameOr(ct, "Unknown") + ", " + len + " bytes");
            l.uint(rec, RdpFields.TLS_RECORD_CONTENT_TYPE, p, 1, v -> CONTENT.dec(v));
            l.uint(rec, RdpFields.TLS_RECORD_VERSION, p + 1, 2, v -> VERSION.hexed(v, 4));
            l.uint(rec, RdpFields.TLS_RECORD_LENGTH, p + 3, 2);
            int have = Math.min(len, buf.end() - (p + 5));
            if (have > 0) {
                l.payload(rec, ct == 23 ? RdpFields.TLS_APP_DATA : RdpFields.TLS_RECORD_ENCRYPTED.as(ct == 22
                        ? "Handshake / CredSSP data (not decoded)" : "Encrypted data (not decoded)"), p + 5, have);
            }
            if (info.length() > 0) info.append(", ");
            info.append(CONTENT.nameOr(ct, "Record"));
            p += 5 + len;
            n++;
        }
        l.name("Encrypted from here (TLS/CredSSP), not decoded"
                + (n > 0 ? " — " + Fmt.plural(n, "TLS record") : ""));
        ctx.out().setInfo("Encrypted (TLS/CredSSP): " + info);
    }
}
