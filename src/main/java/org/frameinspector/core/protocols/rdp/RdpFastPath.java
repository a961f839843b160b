package org.frameinspector.core.protocols.rdp;

import org.frameinspector.core.model.ValueNames;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.Heuristic;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;

/**
 * RDP fast-path PDUs straight on TCP (no TPKT): the client's TS_FP_INPUT_PDU (MS-RDPBCGR 2.2.8.1.2) and the server's
 * TS_FP_UPDATE_PDU (2.2.9.1.2). The first byte's two low bits are the action (0 = fast-path; TPKT's version 3 gives
 * 3), the length is PER-like (one byte, or two when the top bit is set) and covers the whole PDU.
 *
 * <p>Field names and layout follow Wireshark's rdp dissector. Like Wireshark, input events are read from the bytes
 * after the data signature even when FASTPATH_INPUT_ENCRYPTED is set; those values are then ciphertext read as
 * events, and the event nodes say so. Bytes Wireshark leaves unlabelled (data signature, bytes after the last event
 * that fits) get our own fields, so every byte stays covered.
 */
public final class RdpFastPath implements Heuristic {
    static final int INPUT_SECURE_CHECKSUM = 0x1, INPUT_ENCRYPTED = 0x2;
    static final ValueNames EVENT = ValueNames.of(0, "Scancode", 1, "Mouse", 2, "MouseEx", 3, "Sync", 4, "Unicode",
            5, "RelMouse", 6, "QUOE Timestamp");
    static final ValueNames UPDATE = ValueNames.of(0, "Orders", 1, "Bitmap", 2, "Palette", 3, "Synchronize", 4, "Surface commands",
            5, "Null pointer", 6, "Default pointer", 8, "Pointer position", 9, "Color pointer", 10, "Cached pointer",
            11, "Pointer", 12, "Large pointer");
    static final ValueNames FRAGMENT = ValueNames.of(0, "Single", 1, "Last fragment", 2, "First fragment", 3, "Next fragment");

    @Override
    public String protocol() {
        return "rdp";
    }

    @Override
    public boolean accepts(Ctx ctx, Buf buf) {
        TcpInfo t = ctx.get(TcpInfo.KEY);
        if (t != null && t.srcPort() != RdpEncrypted.RDP_PORT && t.dstPort() != RdpEncrypted.RDP_PORT) return false;
        return wholePdus(buf);
    }

    /** True when buf is one or more whole fast-path PDUs back to back (at most 16). */
    public static boolean wholePdus(Buf buf) {
        int p = buf.start();
        int n = 0;
        while (p < buf.end() && n < 16) {
            int len = pduLength(buf, p);
            if (len < 0 || p + len > buf.end()) return false;
            p += len;
            n++;
        }
        return n > 0 && p == buf.end();
    }

    /** The PDU length at p, or -1 when p does not start a plausible fast-path header. */
    static int pduLength(Buf b, int p) {
        int h = b.peek(p);
        if (h < 0 || (h & 0x03) != 0) return -1;
        int l1 = b.peek(p + 1);
        if (l1 < 0) return -1;
        int len;
        int hdr;
        if ((l1 & 0x80) != 0) {
            int l2 = b.peek(p + 2);
            if (l2 < 0) return -1;
            len = ((l1 & 0x7F) << 8) | l2;
            hdr = 3;
        } else {
            len = l1;
            hdr = 2;
        }
        int min = hdr + ((h >> 6 & INPUT_ENCRYPTED) != 0 ? 8 : 0);
        return len >= Math.max(min, hdr + 1) ? len : -1;
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        TcpInfo t = ctx.get(TcpInfo.KEY);
        boolean input = t == null || t.dstPort() == RdpEncrypted.RDP_PORT || t.srcPort() != RdpEncrypted.RDP_PORT;
        int p = buf.start();
        int n = 0;
        while (p < buf.end() && n < 64) {
            int len = pduLength(buf, p);
            if (len < 0) {
                L l = ctx.layer("rdp", "Remote Desktop Protocol (not a fast-path PDU)", buf.from(p));
                l.payload(null, RdpFields.RDP_FASTPATH_UNDECODED, p, buf.end() - p);
                return;
            }
            int end = Math.min(buf.end(), p + len);
            pdu(ctx, buf.slice(p, end - p), len, input);
            p = end;
            n++;
        }
    }

    private static void pdu(Ctx ctx, Buf b, int declared, boolean input) {
        L l = ctx.layer("rdp", input ? "Remote Desktop Protocol, fast-path input" : "Remote Desktop Protocol, fast-path output", b);
        int p = b.start();
        int h = b.u8(p);
        int flags = h >> 6;
        int events = (h >> 2) & 0x0F;
        Field hf = l.field(null, RdpFields.RDP_FASTPATH_HEADER, p, 1, 0, (long) h,
                Fmt.hex2(h) + ", Action: Fastpath", FieldKind.NORMAL);
        l.bits(hf, RdpFields.RDP_FASTPATH_ACTION, p, 1, 0x03, v -> v == 0 ? "Fastpath (0)" : "X.224 (" + v + ")");
        if (input) {
            l.bits(hf, RdpFields.RDP_FASTPATH_NUMEVENTS, p, 1, 0x3C, null);
        } else {
            l.num(hf, RdpFields.RDP_FASTPATH_RESERVED, p, 1, 0x3C, FieldKind.RESERVED, v -> Fmt.hex(v, 1));
        }
        l.bits(hf, RdpFields.RDP_FASTPATH_FLAGS, p, 1, 0xC0, v -> v + flagText(v, input));
        int ll = (b.u8(p + 1) & 0x80) != 0 ? 2 : 1;
        l.field(null, RdpFields.RDP_FASTPATH_PDULENGTH, p + 1, ll, 0, (long) declared,
                Integer.toString(declared), FieldKind.NORMAL);
        p += 1 + ll;
        boolean encrypted = (flags & INPUT_ENCRYPTED) != 0;
        if (encrypted) {
            l.bytes(null, RdpFields.RDP_FASTPATH_DATA_SIGNATURE, p, 8, null, null);
            p += 8;
        }
        if (input) {
            if (events == 0 && p < b.end()) {
                events = (int) l.uint(null, RdpFields.RDP_FASTPATH_NUMBER_EVENTS, p, 1).longValue();
                p++;
            }
            p = inputEvents(l, b, p, events, encrypted);
            ctx.out().setInfo("Fast-path input, " + Fmt.plural(events, "event") + (encrypted ? " (encrypted)" : ""));
        } else {
            if (!encrypted) p = updates(l, b, p);
            ctx.out().setInfo("Fast-path output" + (encrypted ? " (encrypted)" : ""));
        }
        if (p < b.end()) {
            l.payload(null, encrypted ? RdpFields.RDP_FASTPATH_ENCRYPTED_DATA : RdpFields.RDP_FASTPATH_UNDECODED.as("Data not decoded"), p,
                    b.end() - p);
        }
    }

    private static String flagText(long v, boolean unusedInput) {
        if (v == 0) return "";
        StringBuilder s = new StringBuilder(" (");
        if ((v & INPUT_SECURE_CHECKSUM) != 0) s.append("secure checksum");
        if ((v & INPUT_ENCRYPTED) != 0) s.append(s.length() > 2 ? ", " : "").append("encrypted");
        return s.append(')').toString();
    }

    private static final int[] EVENT_SIZE = {2, 7, 7, 1, 3, 7, 5};

    /** Input events (2.2.8.1.2.2); returns the offset after the last one decoded. */
    private static int inputEvents(L l, Buf b, int p, int count, boolean encrypted) {
        for (int i = 0; i < count && p < b.end(); i++) {
            int eh = b.u8(p);
            int code = eh >> 5;
            if (code == 5 || code == 7) {
                // RelMouse (5) is newer than Wireshark 4.0's table and 7 is undefined: Wireshark labels nothing and
                // moves on by one byte; we do the same but name the byte
                l.field(null, RdpFields.RDP_FASTPATH_UNKNOWNEVENT,
                        p, 1, 0, (long) eh, Fmt.hex2(eh) + ", Code: " + EVENT.nameOr(code, "Unknown") + " (" + code + ")",
                        FieldKind.NORMAL);
                p++;
                continue;
            }
            if (!b.has(p, EVENT_SIZE[code])) break;
            int size = EVENT_SIZE[code];
            Field ev = l.tree(null, RdpFields.RDP_FASTPATH_EVENT.as(encrypted
                    ? "Input event (ciphertext read as an event, as Wireshark does; values are not meaningful)"
                    : "Input event"), p, size, null, EVENT.nameOr(code, "Unknown"));
            Field hdr = l.field(ev, RdpFields.RDP_FASTPATH_EVENTHEADER, p, 1, 0, (long) eh,
                    Fmt.hex2(eh) + ", Code: " + EVENT.nameOr(code, "Unknown"), FieldKind.NORMAL);
            switch (code) {
                case 0 -> {
                    l.bits(hdr, RdpFields.RDP_FASTPATH_SCANCODE_RELEASE, p, 1, 0x01, ValueNames::bool);
                    l.bits(hdr, RdpFields.RDP_FASTPATH_SCANCODE_EXTENDED, p, 1, 0x02, ValueNames::bool);
                    l.bits(hdr, RdpFields.RDP_FASTPATH_SCANCODE_EXTENDED1, p, 1, 0x04, ValueNames::bool);
                    code(l, hdr, p);
                    l.hex(ev, RdpFields.RDP_FASTPATH_SCANCODE_KEYCODE, p + 1, 1);
                }
                case 1 -> {
                    eventFlags(l, hdr, p);
                    code(l, hdr, p);
                    Field pf = RdpLe.hex(l, ev, RdpFields.RDP_POINTERFLAGS, p + 1, 2);
                    RdpLe.flag(l, pf, RdpFields.RDP_POINTERFLAGS_MOVE, p + 1, 2, 0x0800);
                    RdpLe.flag(l, pf, RdpFields.RDP_POINTERFLAGS_DOWN, p + 1, 2, 0x8000);
                    RdpLe.flag(l, pf, RdpFields.RDP_POINTERFLAGS_BUTTON1, p + 1, 2, 0x1000);
                    RdpLe.flag(l, pf, RdpFields.RDP_POINTERFLAGS_BUTTON2, p + 1, 2, 0x2000);
                    RdpLe.flag(l, pf, RdpFields.RDP_POINTERFLAGS_BUTTON3, p + 1, 2, 0x4000);
                    RdpLe.bits(l, pf, RdpFields.RDP_POINTERFLAGS_WHEELROTATION, p + 1, 2, 0x01FF, null);
                    RdpLe.flag(l, pf, RdpFields.RDP_POINTERFLAGS_WHEELNEGATIVE, p + 1, 2, 0x0100);
                    RdpLe.flag(l, pf, RdpFields.RDP_POINTERFLAGS_WHEEL, p + 1, 2, 0x0200);
                    RdpLe.flag(l, pf, RdpFields.RDP_POINTERFLAGS_HWHEEL, p + 1, 2, 0x0400);
                    RdpLe.uint(l, ev, RdpFields.RDP_POINTER_XPOS, p + 3, 2);
                    RdpLe.uint(l, ev, RdpFields.RDP_POINTER_YPOS, p + 5, 2);
                }
                case 2 -> {
                    eventFlags(l, hdr, p);
                    code(l, hdr, p);
                    Field pf = RdpLe.hex(l, ev, RdpFields.RDP_POINTERXFLAGS, p + 1, 2);
                    RdpLe.flag(l, pf, RdpFields.RDP_POINTERXFLAGS_DOWN, p + 1, 2, 0x8000);
                    RdpLe.flag(l, pf, RdpFields.RDP_POINTERXFLAGS_BUTTON1, p + 1, 2, 0x0001);
                    RdpLe.flag(l, pf, RdpFields.RDP_POINTERXFLAGS_BUTTON2, p + 1, 2, 0x0002);
                    RdpLe.uint(l, ev, RdpFields.RDP_POINTERX_XPOS, p + 3, 2);
                    RdpLe.uint(l, ev, RdpFields.RDP_POINTERX_YPOS, p + 5, 2);
                }
                case 3 -> {
                    l.bits(hdr, RdpFields.RDP_FASTPATH_SYNC_SCROLLLOCK, p, 1, 0x01, ValueNames::bool);
                    l.bits(hdr, RdpFields.RDP_FASTPATH_SYNC_NUMLOCK, p, 1, 0x02, ValueNames::bool);
                    l.bits(hdr, RdpFields.RDP_FASTPATH_SYNC_CAPSLOCK, p, 1, 0x04, ValueNames::bool);
                    l.bits(hdr, RdpFields.RDP_FASTPATH_SYNC_KANALOCK, p, 1, 0x08, ValueNames::bool);
                    code(l, hdr, p);
                }
                case 4 -> {
                    l.bits(hdr, RdpFields.RDP_FASTPATH_UNICODE_RELEASE, p, 1, 0x01, ValueNames::bool);
                    code(l, hdr, p);
                    RdpLe.hex(l, ev, RdpFields.RDP_FASTPATH_UNICODE_CODE, p + 1, 2);
                }
                default -> {
                    eventFlags(l, hdr, p);
                    code(l, hdr, p);
                    RdpLe.hex(l, ev, RdpFields.RDP_FASTPATH_QOE_TIMESTAMP, p + 1, 4);
                }
            }
            p += size;
        }
        return p;
    }

    private static void eventFlags(L l, Field hdr, int p) {
        l.bits(hdr, RdpFields.RDP_FASTPATH_EVENTFLAGS, p, 1, 0x1F, null);
    }

    private static void code(L l, Field hdr, int p) {
        l.bits(hdr, RdpFields.RDP_FASTPATH_CLIENTEVENTCODE, p, 1, 0xE0, v -> EVENT.dec(v));
    }

    /** Server updates (2.2.9.1.2.1) of an unencrypted output PDU; returns the offset after the last whole one. */
    private static int updates(L l, Buf b, int p) {
        int n = 0;
        while (p < b.end() && n < 256) {
            int uh = b.u8(p);
            boolean comp = (uh >> 6) == 2;
            int hdr = comp ? 4 : 3;
            if (!b.has(p, hdr)) break;
            int size = b.u16le(p + hdr - 2);
            if (!b.has(p + hdr, size)) break;
            Field u = l.tree(null, RdpFields.RDP_FASTPATH_UPDATE, p, hdr + size, null,
                    UPDATE.nameOr(uh & 0x0F, "Unknown"));
            Field hf = l.field(u, RdpFields.RDP_FASTPATH_UPDATE_HEADER, p, 1, 0, (long) uh, Fmt.hex2(uh),
                    FieldKind.NORMAL);
            l.bits(hf, RdpFields.RDP_FASTPATH_CLIENTEVENTCODE, p, 1, 0x0F, v -> UPDATE.dec(v));
            l.bits(hf, RdpFields.RDP_FASTPATH_SERVERFRAGMENTATION, p, 1, 0x30, v -> FRAGMENT.dec(v));
            l.bits(hf, RdpFields.RDP_FASTPATH_SERVERCOMPRESSION, p, 1, 0xC0, v -> Fmt.hex(v, 1));
            if (comp) {
                Field cf = l.hex(u, RdpFields.RDP_FASTPATH_SERVER_COMPRESSIONTYPE, p + 1, 1);
                l.bits(cf, RdpFields.RDP_FASTPATH_SERVER_COMPRESSIONFLAGS_COMPRESSED, p + 1, 1, 0x20, ValueNames::bool);
                l.bits(cf, RdpFields.RDP_FASTPATH_SERVER_COMPRESSIONFLAGS_ATFRONT, p + 1, 1, 0x40, ValueNames::bool);
                l.bits(cf, RdpFields.RDP_FASTPATH_SERVER_COMPRESSIONFLAGS_FLUSHED, p + 1, 1, 0x80, ValueNames::bool);
                l.bits(cf, RdpFields.RDP_FASTPATH_SERVER_COMPRESSIONFLAGS, p + 1, 1, 0x0F, v -> Fmt.hex(v, 1));
            }
            RdpLe.uint(l, u, RdpFields.RDP_FASTPATH_SERVER_SIZE, p + hdr - 2, 2);
            if (size > 0) l.payload(u, RdpFields.RDP_FASTPATH_UPDATE_DATA, p + hdr, size);
            p += hdr + size;
            n++;
        }
        return p;
    }
}
