package org.frameinspector.core.protocols.rdp;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.ValueNames;
import java.nio.charset.StandardCharsets;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;

/**
 * Little-endian field helpers for the RDP structures (MS-RDPBCGR encodes them little-endian, unlike the big-endian
 * defaults of {@link L}). Each checks the bytes are there first ({@link L#need}), so bad data never throws past the
 * dissector's call and never allocates from a length it has not checked.
 */
final class RdpLe {
    private RdpLe() {
    }

    static long le(Buf b, int off, int len) {
        long v = 0;
        for (int i = len - 1; i >= 0; i--) v = (v << 8) | b.u8(off + i);
        return v;
    }

    /** Unsigned little-endian integer with a decimal display. */
    static Field uint(L l, Field parent, FieldDef def, int off, int len) {
        l.need(parent, def, off, len);
        long v = le(l.buf(), off, len);
        return l.field(parent, def, off, len, 0, v, Long.toString(v), FieldKind.NORMAL);
    }

    /** Unsigned little-endian integer with a caller-supplied display. */
    static Field uint(L l, Field parent, FieldDef def, int off, int len,
                      java.util.function.LongFunction<String> disp) {
        l.need(parent, def, off, len);
        long v = le(l.buf(), off, len);
        return l.field(parent, def, off, len, 0, v, disp.apply(v), FieldKind.NORMAL);
    }

    /** Unsigned little-endian integer shown as hex. */
    static Field hex(L l, Field parent, FieldDef def, int off, int len) {
        l.need(parent, def, off, len);
        long v = le(l.buf(), off, len);
        return l.field(parent, def, off, len, 0, v, Fmt.hex(v, len * 2), FieldKind.NORMAL);
    }

    /**
     * A bit field of a little-endian integer: {@code mask} applies to the value as read (little-endian); the value is
     * masked and shifted. The field's own bit mask is given in wire order (byte-swapped), as {@link Field#bitmask()}
     * is defined over the bytes as they appear.
     */
    static Field bits(L l, Field parent, FieldDef def, int off, int len, long mask,
                      java.util.function.LongFunction<String> disp) {
        l.need(parent, def, off, len);
        long raw = le(l.buf(), off, len);
        long v = (raw & mask) >>> Long.numberOfTrailingZeros(mask);
        return l.field(parent, def, off, len, swap(mask, len), v,
                disp == null ? Long.toString(v) : disp.apply(v), FieldKind.NORMAL);
    }

    /** The mask as it lies over the wire bytes of a little-endian integer of len bytes. */
    static long swap(long mask, int len) {
        long out = 0;
        for (int i = 0; i < len; i++) out |= ((mask >>> (8 * i)) & 0xFF) << (8 * (len - 1 - i));
        return out;
    }

    static Field flag(L l, Field parent, FieldDef def, int off, int len, long mask) {
        return bits(l, parent, def, off, len, mask, ValueNames::bool);
    }

    /** Fixed-size UTF-16LE text, shown up to the first NUL. */
    static Field utf16(L l, Field parent, FieldDef def, int off, int len) {
        l.need(parent, def, off, len);
        int n = 0;
        while (n + 1 < len && (l.buf().u8(off + n) | l.buf().u8(off + n + 1)) != 0) n += 2;
        String s = new String(l.buf().bytes(), off, n, StandardCharsets.UTF_16LE);
        return l.field(parent, def, off, len, 0, s, s, FieldKind.NORMAL);
    }

    /** Fixed-size ANSI text, shown up to the first NUL. */
    static Field ansi(L l, Field parent, FieldDef def, int off, int len) {
        l.need(parent, def, off, len);
        int n = 0;
        while (n < len && l.buf().u8(off + n) != 0) n++;
        String s = new String(l.buf().bytes(), off, n, StandardCharsets.ISO_8859_1);
        return l.field(parent, def, off, len, 0, s, s, FieldKind.NORMAL);
    }

    /** A grouping node without a value (matches Wireshark's FT_NONE items). */
    static Field tree(L l, Field parent, FieldDef def, int off, int len, String display) {
        return l.tree(parent, def, off, len, null, display);
    }
}
