package org.frameinspector.core.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Frame;

/**
 * Compares two frames field by field, aligned by {@link FieldPaths field path} rather than by byte offset.
 * A subtree present on one side only is reported once, at its root. Frame metadata (timestamp, lengths, link type)
 * is compared as pseudo fields under the path prefix {@code frame/}.
 */
public final class FrameDiffer {
    private final MaskSet masks;
    private final FrameDissector dissector;

    public FrameDiffer(MaskSet masks) {
        this(masks, org.frameinspector.core.protocols.Protocols.dissector());
    }

    public FrameDiffer(MaskSet masks, FrameDissector dissector) {
        this.masks = masks == null ? MaskSet.none() : masks;
        this.dissector = dissector;
    }

    /** Dissects both frames on their own (no connection state) and compares them. */
    public FrameDiff diff(Frame a, Frame b) {
        return diff(dissector.dissect(a), dissector.dissect(b));
    }

    public FrameDiff diff(Dissection da, Dissection db) {
        LinkedHashMap<String, FieldPaths.Entry> pa = withFrameFields(da), pb = withFrameFields(db);
        List<String> order = mergeOrder(pa, pb);
        List<Difference> out = new ArrayList<>();
        ByteDiff bytes = new ByteDiff(da.frame().capturedLength(), db.frame().capturedLength());
        byte[] ba = da.frame().data(), bb = db.frame().data();
        // a subtree only on one side is reported at its root
        String skipA = null, skipB = null;
        for (String p : order) {
            FieldPaths.Entry ea = pa.get(p), eb = pb.get(p);
            boolean masked = masked(ea, eb);
            if (ea != null && eb != null) {
                bytePair(bytes, ea, eb, ba, bb, masked);
                Field fa = ea.field(), fb = eb.field();
                if (!sameValue(fa, fb) && !dissectedFurther(da, ea) && !dissectedFurther(db, eb)) out.add(diff(out.size(), p, Difference.Kind.CHANGED, masked, fa, fb));
            } else if (ea != null) {
                byteOnly(bytes.a, bytes.aRank, bytes.aToB, ea);
                if (skipA != null && p.startsWith(skipA)) continue;
                skipA = p + "/";
                out.add(diff(out.size(), p, Difference.Kind.ONLY_IN_A, masked, ea.field(), null));
            } else {
                byteOnly(bytes.b, bytes.bRank, bytes.bToA, eb);
                if (skipB != null && p.startsWith(skipB)) continue;
                skipB = p + "/";
                out.add(diff(out.size(), p, Difference.Kind.ONLY_IN_B, masked, null, eb.field()));
            }
        }
        return new FrameDiff(da, db, out, bytes, masks);
    }

    private boolean masked(FieldPaths.Entry ea, FieldPaths.Entry eb) {
        FieldPaths.Entry e = ea != null ? ea : eb;
        for (Field f = e.field(); f != null; f = f.parent()) if (masks.matches(f.abbrev())) return true;
        return false;
    }

    private static Difference diff(int index, String path, Difference.Kind kind, boolean masked, Field a, Field b) {
        Field any = a != null ? a : b;
        return new Difference(index, path, any.abbrev(), any.name(), kind, masked,
                a == null ? null : a.value(), a == null ? null : a.display(), a == null ? null : a.source(),
                a == null ? -1 : a.offset(), a == null ? 0 : a.length(),
                b == null ? null : b.value(), b == null ? null : b.display(), b == null ? null : b.source(),
                b == null ? -1 : b.offset(), b == null ? 0 : b.length(), a, b);
    }

    /** A payload field whose bytes a later layer dissects: its changes are reported by that layer's fields. */
    static boolean dissectedFurther(Dissection d, FieldPaths.Entry e) {
        Field f = e.field();
        if (f.kind() != FieldKind.PAYLOAD || e.layerIndex() < 0) return false;
        for (int i = e.layerIndex() + 1; i < d.layers().size(); i++) {
            org.frameinspector.core.model.Layer l = d.layers().get(i);
            if (l.source().equals(f.source()) && l.offset() >= f.offset() && l.offset() < f.end()) return true;
        }
        return false;
    }

    static boolean sameValue(Field a, Field b) {
        Object va = a.value(), vb = b.value();
        if (va == null && vb == null) {
            // pure tree nodes carry nothing themselves (their children are compared); others by display
            if (a.kind() == FieldKind.TREE || b.kind() == FieldKind.TREE) return true;
            return Objects.equals(a.display(), b.display());
        }
        if (va instanceof byte[] x && vb instanceof byte[] y) return Arrays.equals(x, y);
        if (va instanceof Number x && vb instanceof Number y) return x.longValue() == y.longValue();
        return Objects.equals(va, vb);
    }

    /** Paths in A's order, with B-only paths inserted after the last path they follow in B that A also has. */
    static List<String> mergeOrder(Map<String, ?> a, Map<String, ?> b) {
        Map<String, List<String>> after = new HashMap<>();
        String anchor = "";
        for (String p : b.keySet()) {
            if (a.containsKey(p)) anchor = p;
            else after.computeIfAbsent(anchor, k -> new ArrayList<>()).add(p);
        }
        List<String> out = new ArrayList<>(a.size() + 8);
        out.addAll(after.getOrDefault("", List.of()));
        for (String p : a.keySet()) {
            out.add(p);
            out.addAll(after.getOrDefault(p, List.of()));
        }
        return out;
    }

    private static LinkedHashMap<String, FieldPaths.Entry> withFrameFields(Dissection d) {
        LinkedHashMap<String, FieldPaths.Entry> m = new LinkedHashMap<>();
        Frame f = d.frame();
        put(m, new Field(org.frameinspector.core.dissect.BaseFields.FRAME_TIME_EPOCH, 0, 0, 0, f.timestampNanos(),
                Long.toString(f.timestampNanos()), DataSource.FRAME, FieldKind.GENERATED));
        put(m, new Field(org.frameinspector.core.dissect.BaseFields.FRAME_LEN, 0, 0, 0, (long) f.originalLength(),
                Integer.toString(f.originalLength()), DataSource.FRAME, FieldKind.GENERATED));
        put(m, new Field(org.frameinspector.core.dissect.BaseFields.FRAME_CAP_LEN, 0, 0, 0, (long) f.capturedLength(),
                Integer.toString(f.capturedLength()), DataSource.FRAME, FieldKind.GENERATED));
        put(m, new Field(org.frameinspector.core.dissect.BaseFields.FRAME_LINK_TYPE, 0, 0, 0, (long) f.linkType(), Frame.linkTypeName(f.linkType()),
                DataSource.FRAME, FieldKind.GENERATED));
        m.putAll(FieldPaths.of(d));
        return m;
    }

    private static void put(Map<String, FieldPaths.Entry> m, Field f) {
        String p = "frame/" + f.abbrev();
        m.put(p, new FieldPaths.Entry(p, f, null, 0, -1));
    }

    private static long rank(FieldPaths.Entry e) {
        return ((long) (e.layerIndex() + 1) << 16) | e.depth();
    }

    private static boolean bytesCompared(FieldPaths.Entry e) {
        Field f = e.field();
        return f.inFrame() && f.length() > 0 && f.offset() >= 0 && f.kind() != FieldKind.GENERATED;
    }

    private static void bytePair(ByteDiff bd, FieldPaths.Entry ea, FieldPaths.Entry eb, byte[] ba, byte[] bb,
                                 boolean masked) {
        if (!bytesCompared(ea) || !bytesCompared(eb)) {
            if (bytesCompared(ea)) byteOnly(bd.a, bd.aRank, bd.aToB, ea);
            if (bytesCompared(eb)) byteOnly(bd.b, bd.bRank, bd.bToA, eb);
            return;
        }
        Field fa = ea.field(), fb = eb.field();
        long ra = rank(ea), rb = rank(eb);
        int n = Math.max(fa.length(), fb.length());
        boolean fieldDiffers;
        if (fa.bitmask() != 0 || fb.bitmask() != 0) {
            fieldDiffers = fa.length() != fb.length() || fa.bitmask() != fb.bitmask()
                    || (bits(ba, fa) & fa.bitmask()) != (bits(bb, fb) & fb.bitmask());
        } else {
            fieldDiffers = fa.length() != fb.length();
        }
        ByteDiff.State bad = masked ? ByteDiff.State.MASKED : ByteDiff.State.DIFFERENT;
        for (int i = 0; i < n; i++) {
            int ia = i < fa.length() ? fa.offset() + i : -1, ib = i < fb.length() ? fb.offset() + i : -1;
            if (ia >= ba.length) ia = -1;
            if (ib >= bb.length) ib = -1;
            ByteDiff.State s;
            if (ia < 0 || ib < 0) s = bad;
            else if (fa.bitmask() != 0 || fb.bitmask() != 0) s = fieldDiffers ? bad : ByteDiff.State.EQUAL;
            else s = ba[ia] != bb[ib] || fieldDiffers ? bad : ByteDiff.State.EQUAL;
            if (ia >= 0) ByteDiff.mark(bd.a, bd.aRank, bd.aToB, ia, s, ra, ib);
            if (ib >= 0) ByteDiff.mark(bd.b, bd.bRank, bd.bToA, ib, s, rb, ia);
        }
    }

    private static long bits(byte[] b, Field f) {
        long v = 0;
        for (int i = 0; i < f.length() && i < 8; i++) {
            int k = f.offset() + i;
            v = (v << 8) | (k < b.length ? b[k] & 0xFF : 0);
        }
        return v;
    }

    private static void byteOnly(ByteDiff.State[] st, long[] rank, int[] map, FieldPaths.Entry e) {
        if (!bytesCompared(e)) return;
        Field f = e.field();
        for (int i = f.offset(); i < f.end(); i++) ByteDiff.mark(st, rank, map, i, ByteDiff.State.ONLY_HERE, rank(e), -1);
    }
}
