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
    static boolean wholePdus(Buf buf) {
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
                l.payload(null, "rdp.fastpath.undecoded", "Bytes that do not start a fast-path PDU", p, buf.end() - p);
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
        Field hf = l.field(null, "rdp.fastpath.header", "Header", p, 1, 0, (long) h,
                Fmt.hex2(h) + ", Action: Fastpath", FieldKind.NORMAL);
        l.bits(hf, "rdp.fastpath.action", "Action", p, 1, 0x03, v -> v == 0 ? "Fastpath (0)" : "X.224 (" + v + ")");
        if (input) {
            l.bits(hf, "rdp.fastpath.numevents", "numEvents", p, 1, 0x3C, null);
        } else {
            l.num(hf, "rdp.fastpath.reserved", "Reserved", p, 1, 0x3C, FieldKind.RESERVED, v -> Fmt.hex(v, 1));
        }
        l.bits(hf, "rdp.fastpath.flags", "flags", p, 1, 0xC0, v -> v + flagText(v, input));
        int ll = (b.u8(p + 1) & 0x80) != 0 ? 2 : 1;
        l.field(null, "rdp.fastpathPDULength", "fastpathPDULength", p + 1, ll, 0, (long) declared,
                Integer.toString(declared), FieldKind.NORMAL);
        p += 1 + ll;
        boolean encrypted = (flags & INPUT_ENCRYPTED) != 0;
        if (encrypted) {
            l.bytes(null, "rdp.fastpath.dataSignature", "dataSignature (MAC of the decrypted data)", p, 8, null, null);
            p += 8;
        }
        if (input) {
            if (events == 0 && p < b.end()) {
                events = (int) l.uint(null, "rdp.fastpath.numberEvents", "numberEvents", p, 1).longValue();
                p++;
            }
            p = inputEvents(l, b, p, events, encrypted);
            ctx.out().setInfo("Fast-path input, " + Fmt.plural(events, "event") + (encrypted ? " (encrypted)" : ""));
        } else {
            if (!encrypted) p = updates(l, b, p);
            ctx.out().setInfo("Fast-path output" + (encrypted ? " (encrypted)" : ""));
        }
        if (p < b.end()) {
            l.payload(null, encrypted ? "rdp.fastpath.encryptedData" : "rdp.fastpath.undecoded",
                    encrypted ? "Encrypted data" : "Data not decoded", p, b.end() - p);
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
                l.field(null, "rdp.fastpath.unknownevent", "Input event header with an event code not decoded here",
                        p, 1, 0, (long) eh, Fmt.hex2(eh) + ", Code: " + EVENT.nameOr(code, "Unknown") + " (" + code + ")",
                        FieldKind.NORMAL);
                p++;
                continue;
            }
            if (!b.has(p, EVENT_SIZE[code])) break;
            int size = EVENT_SIZE[code];
            Field ev = l.tree(null, "rdp.fastpath.event", encrypted
                    ? "Input event (ciphertext read as an event, as Wireshark does; values are not meaningful)"
                    : "Input event", p, size, null, EVENT.nameOr(code, "Unknown"));
            Field hdr = l.field(ev, "rdp.fastpath.eventheader", "EventHeaderCode", p, 1, 0, (long) eh,
                    Fmt.hex2(eh) + ", Code: " + EVENT.nameOr(code, "Unknown"), FieldKind.NORMAL);
            switch (code) {
                case 0 -> {
                    l.bits(hdr, "rdp.fastpath.scancode.release", "Release", p, 1, 0x01, ValueNames::bool);
                    l.bits(hdr, "rdp.fastpath.scancode.extended", "Extended", p, 1, 0x02, ValueNames::bool);
                    l.bits(hdr, "rdp.fastpath.scancode.extended1", "Extended1", p, 1, 0x04, ValueNames::bool);
                    code(l, hdr, p);
                    l.hex(ev, "rdp.fastpath.scancode.keycode", "KeyCode", p + 1, 1);
                }
                case 1 -> {
                    eventFlags(l, hdr, p);
                    code(l, hdr, p);
                    Field pf = RdpLe.hex(l, ev, "rdp.pointerflags", "pointerFlags", p + 1, 2);
                    RdpLe.flag(l, pf, "rdp.pointerflags.move", "Move", p + 1, 2, 0x0800);
                    RdpLe.flag(l, pf, "rdp.pointerflags.down", "Down", p + 1, 2, 0x8000);
                    RdpLe.flag(l, pf, "rdp.pointerflags.button1", "Button1", p + 1, 2, 0x1000);
                    RdpLe.flag(l, pf, "rdp.pointerflags.button2", "Button2", p + 1, 2, 0x2000);
                    RdpLe.flag(l, pf, "rdp.pointerflags.button3", "Button3", p + 1, 2, 0x4000);
                    RdpLe.bits(l, pf, "rdp.pointerflags.wheelrotation", "Wheel rotation", p + 1, 2, 0x01FF, null);
                    RdpLe.flag(l, pf, "rdp.pointerflags.wheelnegative", "Wheel negative", p + 1, 2, 0x0100);
                    RdpLe.flag(l, pf, "rdp.pointerflags.wheel", "Wheel", p + 1, 2, 0x0200);
                    RdpLe.flag(l, pf, "rdp.pointerflags.hwheel", "Horizontal wheel", p + 1, 2, 0x0400);
                    RdpLe.uint(l, ev, "rdp.pointer.xpos", "xPos", p + 3, 2);
                    RdpLe.uint(l, ev, "rdp.pointer.ypos", "yPos", p + 5, 2);
                }
                case 2 -> {
                    eventFlags(l, hdr, p);
                    code(l, hdr, p);
                    Field pf = RdpLe.hex(l, ev, "rdp.pointerxflags", "pointerFlags", p + 1, 2);
                    RdpLe.flag(l, pf, "rdp.pointerxflags.down", "Down", p + 1, 2, 0x8000);
                    RdpLe.flag(l, pf, "rdp.pointerxflags.button1", "Button1", p + 1, 2, 0x0001);
                    RdpLe.flag(l, pf, "rdp.pointerxflags.button2", "Button2", p + 1, 2, 0x0002);
                    RdpLe.uint(l, ev, "rdp.pointerx.xpos", "xPos", p + 3, 2);
                    RdpLe.uint(l, ev, "rdp.pointerx.ypos", "yPos", p + 5, 2);
                }
                case 3 -> {
                    l.bits(hdr, "rdp.fastpath.sync.scrolllock", "ScrollLock", p, 1, 0x01, ValueNames::bool);
                    l.bits(hdr, "rdp.fastpath.sync.numlock", "NumLock", p, 1, 0x02, ValueNames::bool);
                    l.bits(hdr, "rdp.fastpath.sync.capslock", "CapsLock", p, 1, 0x04, ValueNames::bool);
                    l.bits(hdr, "rdp.fastpath.sync.kanalock", "KanaLock", p, 1, 0x08, ValueNames::bool);
                    code(l, hdr, p);
                }
                case 4 -> {
                    l.bits(hdr, "rdp.fastpath.unicode.release", "Release", p, 1, 0x01, ValueNames::bool);
                    code(l, hdr, p);
                    RdpLe.hex(l, ev, "rdp.fastpath.unicode.code", "unicodeCode", p + 1, 2);
                }
                default -> {
                    eventFlags(l, hdr, p);
                    code(l, hdr, p);
                    RdpLe.hex(l, ev, "rdp.fastpath.qoe.timestamp", "Timestamp", p + 1, 4);
                }
            }
            p += size;
        }
        return p;
    }

    private static void eventFlags(L l, Field hdr, int p) {
        l.bits(hdr, "rdp.fastpath.eventflags", "Flags", p, 1, 0x1F, null);
    }

    private static void code(L l, Field hdr, int p) {
        l.bits(hdr, "rdp.fastpath.clienteventcode", "Code", p, 1, 0xE0, v -> EVENT.dec(v));
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
            Field u = l.tree(null, "rdp.fastpath.update", "Update", p, hdr + size, null,
                    UPDATE.nameOr(uh & 0x0F, "Unknown"));
            Field hf = l.field(u, "rdp.fastpath.updateHeader", "updateHeader", p, 1, 0, (long) uh, Fmt.hex2(uh),
                    FieldKind.NORMAL);
            l.bits(hf, "rdp.fastpath.clienteventcode", "Code", p, 1, 0x0F, v -> UPDATE.dec(v));
            l.bits(hf, "rdp.fastpath.serverfragmentation", "Fragmentation", p, 1, 0x30, v -> FRAGMENT.dec(v));
            l.bits(hf, "rdp.fastpath.servercompression", "Compression", p, 1, 0xC0, v -> Fmt.hex(v, 1));
            if (comp) {
                Field cf = l.hex(u, "rdp.fastpath.server.compressiontype", "CompressionType", p + 1, 1);
                l.bits(cf, "rdp.fastpath.server.compressionflags.compressed", "Compressed", p + 1, 1, 0x20, ValueNames::bool);
                l.bits(cf, "rdp.fastpath.server.compressionflags.atfront", "At front", p + 1, 1, 0x40, ValueNames::bool);
                l.bits(cf, "rdp.fastpath.server.compressionflags.flushed", "Flushed", p + 1, 1, 0x80, ValueNames::bool);
                l.bits(cf, "rdp.fastpath.server.compressionflags", "CompressionFlags", p + 1, 1, 0x0F, v -> Fmt.hex(v, 1));
            }
            RdpLe.uint(l, u, "rdp.fastpath.server.size", "Size", p + hdr - 2, 2);
            if (size > 0) l.payload(u, "rdp.fastpath.updateData", "updateData (not decoded)", p + hdr, size);
            p += hdr + size;
            n++;
        }
        return p;
    }
}
