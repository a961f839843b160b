package org.frameinspector.core.protocols.tpkt;

import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.Heuristic;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Severity;

/**
 * TPKT (RFC 1006 §6, RFC 2126, T.123 §8): the 4-byte framing header in front of each TPDU. This class only frames;
 * the TPDU inside is handed to table "tpkt" (COTP), in the manner of a framing decoder separate from the decoder of
 * what it frames. It decodes every TPKT in the bytes it is given: several per segment are normal.
 */
public final class TpktDissector implements Heuristic {
    /** Ports where TPKT is expected: ISO-TSAP (RFC 1006) and RDP. */
    public static final int ISO_TSAP = 102, RDP = 3389;
    /** Ctx: the TPKT length field of the TPKT being decoded (RDP checks a connection request against it). */
    public static final Ctx.Key<Integer> LENGTH = Ctx.Key.of("tpkt:length");

    public static void register(DissectorRegistry r) {
        r.declare(TpktFields.TPKT);
        TpktDissector d = new TpktDissector();
        r.register("tcp.port", ISO_TSAP, d);
        r.register("tcp.port", RDP, d);
        r.register("linktype", Frame.LINK_TPKT, d);
        r.heuristic("tcp", d);
        r.named(d);
    }

    @Override
    public String protocol() {
        return "tpkt";
    }

    /** TPKT followed by something that parses as a COTP header (used on ports other than 102/3389). */
    @Override
    public boolean accepts(Ctx ctx, Buf b) {
        return looksLikeTpkt(b, b.start());
    }

    /** True when {@code off} starts a TPKT header ({@code 03 xx LL LL}, LL ≥ 7) followed by a plausible COTP header. */
    public static boolean looksLikeTpkt(Buf b, int off) {
        if (b.avail(off) < 6 || b.peek(off) != 3) return false;
        int len = (b.peek(off + 2) << 8) | b.peek(off + 3);
        if (len < 7) return false;
        int li = b.peek(off + 4);
        int type = b.peek(off + 5) >> 4;
        if (li < 2 || li == 255 || li + 1 > len - 4) return false;
        return switch (type) {
            case 0x0E, 0x0D, 0x08, 0x0C, 0x0F, 0x01, 0x06, 0x02, 0x05, 0x07 -> true;
            default -> false;
        };
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        TcpInfo tcp = ctx.get(TcpInfo.KEY);
        // TCP raises TCP-TPKT-ON-NONSTANDARD-PORT when it reached us through the heuristic.
        int off = buf.start();
        int count = 0;
        while (off < buf.end()) {
            int avail = buf.end() - off;
            int first = buf.u8(off);
            if (first != 3) {
                continuation(ctx, buf, off, count, tcp != null || buf.start() > 0);
                return;
            }
            if (count > 0 && avail >= 4 && buf.u16(off + 2) < 7) {
                garbage(ctx, buf, off, "a TPKT length of " + buf.u16(off + 2));
                return;
            }
            off = one(ctx, buf, off, count);
            count++;
        }
    }

    /** Decodes the TPKT at off; returns the offset after it. */
    private int one(Ctx ctx, Buf buf, int off, int index) {
        int avail = buf.end() - off;
        L l = ctx.layer("tpkt", "TPKT", buf.slice(off, Math.min(4, avail)));
        if (index > 0) {
            l.finding("TPKT-MULTIPLE", null, off, Math.min(4, avail), "TPKT #" + (index + 1) + " in this segment", null);
        }
        Field version = l.uint(null, TpktFields.TPKT_VERSION, off, 1);
        if (version.longValue() != 3) l.finding("TPKT-VERSION-NOT-3", version, Fmt.hex2((int) version.longValue()), "0x03");
        if (avail < 4) {
            ctx.put(Ctx.SEGMENT_CUT, Boolean.TRUE);
            l.finding("TPKT-INCOMPLETE", version, off, avail, avail + " header bytes", "4 header bytes");
            l.payload(null, TpktFields.TPKT_CONTINUATION_DATA, off + 1, avail - 1);
            l.end(buf.end());
            return buf.end();
        }
        Field reserved = l.num(null, TpktFields.TPKT_RESERVED, off + 1, 1, 0, FieldKind.RESERVED, null);
        if (reserved.longValue() != 0) {
            l.finding("TPKT-RESERVED-NONZERO", reserved, Fmt.hex2((int) reserved.longValue()), "0x00");
        }
        Field lengthF = l.uint(null, TpktFields.TPKT_LENGTH, off + 2, 2);
        int length = (int) lengthF.longValue();
        ctx.put(LENGTH, length);
        long ver = version.longValue();
        l.name(() -> "TPKT, Version: " + ver + ", Length: " + length);
        l.end(off + 4);
        if (length < 7) {
            l.finding("TPKT-LENGTH-TOO-SMALL", lengthF, Integer.toString(length), "≥ 7");
            if (length <= 4) {
                // No TPDU; nothing sensible follows. Show the rest as undecodable and stop.
                if (buf.end() > off + 4) garbage(ctx, buf, off + 4, "a TPKT that claims " + length + " bytes");
                return buf.end();
            }
        }
        int tpduLen = length - 4;
        int have = Math.min(tpduLen, avail - 4);
        if (length > avail) {
            ctx.put(Ctx.SEGMENT_CUT, Boolean.TRUE);
            l.finding("TPKT-INCOMPLETE", lengthF, avail + " bytes", length + " bytes");
        }
        Buf tpdu = buf.slice(off + 4, have);
        if (have > 0) ctx.nextOrData("tpkt", 0, tpdu);
        return off + 4 + have;
    }

    /** Bytes where a TPKT header should start but byte 0 is not 3. */
    private static void continuation(Ctx ctx, Buf buf, int off, int count, boolean midStream) {
        if (count == 0) {
            // A segment that does not start with a TPKT: without the earlier segments this is most likely the rest
            // of a TPKT that began before (Wireshark: "TPKT Continuation").
            L l = ctx.layer("tpkt", "TPKT Continuation", buf.from(off));
            Field f = l.payload(null, TpktFields.TPKT_CONTINUATION_DATA.as("Continuation data"), off, buf.end() - off);
            l.finding("TPKT-VERSION-NOT-3", Severity.INFO, f, Fmt.hex2(buf.u8(off)), "0x03",
                    "Without the earlier segments of this connection this is most likely the continuation of a TPKT "
                            + "that began in an earlier segment; open the whole capture to check the framing.");
            return;
        }
        garbage(ctx, buf, off, "byte " + Fmt.hex2(buf.u8(off)));
    }

    private static void garbage(Ctx ctx, Buf buf, int off, String what) {
        L l = ctx.layer("tpkt", "TPKT framing lost", buf.from(off));
        Field f = l.payload(null, TpktFields.TPKT_CONTINUATION_DATA.as("Bytes that do not start a TPKT"), off, buf.end() - off);
        l.finding("TPKT-TRAILING-GARBAGE", f, what, "03 00 followed by a length ≥ 7");
    }
}
