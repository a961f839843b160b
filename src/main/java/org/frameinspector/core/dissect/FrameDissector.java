package org.frameinspector.core.dissect;

import org.frameinspector.core.model.Fmt;
import java.util.BitSet;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;

/**
 * Entry point of the core: turns a {@link Frame} into a {@link Dissection}. Dispatches on the link type (or on an
 * explicit start layer for pasted dumps), never throws, and finally makes sure every byte of the frame belongs to a
 * field or to an explicit "undecoded" range.
 */
public final class FrameDissector {
    private final DissectorRegistry registry;

    public FrameDissector(DissectorRegistry registry) {
        this.registry = registry;
    }

    public DissectorRegistry registry() {
        return registry;
    }

    public Dissection dissect(Frame frame) {
        return dissect(frame, null, null);
    }

    /**
     * @param startsAt protocol name to start at ("eth", "ip", "ipv6", "tpkt", "cotp", "llc" …) or null to go by the
     *                 frame's link type
     * @param stream   connection state for in-order capture dissection, or null for a lone frame
     */
    public Dissection dissect(Frame frame, String startsAt, StreamHook stream) {
        return dissect(frame, startsAt, stream, false);
    }

    /**
     * The same; {@code findingsOnly}: the dissection is read for its findings only (see
     * {@link Dissection#findingsOnly()}), so what only serves a reader of the tree is left out. The findings are the same.
     */
    public Dissection dissect(Frame frame, String startsAt, StreamHook stream, boolean findingsOnly) {
        Dissection out = new Dissection(frame);
        out.setFindingsOnly(findingsOnly);
        Ctx ctx = new Ctx(out, registry, stream);
        Buf all = Buf.of(out.sources().get(0));
        Dissector first = startsAt != null ? registry.byName(startsAt) : registry.lookup("linktype", frame.linkType());
        out.setStartLayer(first == null ? null : first.protocol());
        if (first == null) ctx.data(all);
        else ctx.call(first, all);
        if (out.protocol().isEmpty()) out.setProtocol("DATA");
        ctx.learnLayerSizes();
        if (!findingsOnly) cover(out);
        return out;
    }

    /** Adds "undecoded" fields for bytes of the frame no field covers. */
    static void cover(Dissection out) {
        int n = out.frame().capturedLength();
        if (n == 0) return;
        BitSet covered = new BitSet(n);
        for (Layer l : out.layers()) {
            if (!l.source().equals(DataSource.FRAME)) continue;
            for (Field f : l.fields()) mark(f, covered, n);
        }
        int gap = covered.nextClearBit(0);
        while (gap < n) {
            int gapEnd = covered.nextSetBit(gap);
            if (gapEnd < 0) gapEnd = n;
            Layer owner = null;
            for (Layer l : out.layers()) {
                if (l.source().equals(DataSource.FRAME) && gap >= l.offset() && gap < l.end()) owner = l;
            }
            if (owner == null) {
                owner = new Layer("undecoded", "Undecoded bytes (" + (gapEnd - gap) + ")", DataSource.FRAME, gap,
                        gapEnd - gap);
                insertInOrder(out, owner);
            }
            byte[] v = java.util.Arrays.copyOfRange(out.frame().data(), gap, gapEnd);
            owner.add(new Field(BaseFields.WS_UNDECODED, gap, gapEnd - gap, 0, v,
                    Fmt.colonHex(v, 0, Math.min(v.length, 32)) + (v.length > 32 ? "…" : ""), DataSource.FRAME,
                    FieldKind.UNDECODED));
            gap = covered.nextClearBit(gapEnd);
        }
    }

    private static void insertInOrder(Dissection out, Layer l) {
        int i = 0;
        while (i < out.layers().size() && out.layers().get(i).offset() <= l.offset()
                && out.layers().get(i).source().equals(DataSource.FRAME)) i++;
        out.layers().add(i, l);
    }

    private static void mark(Field f, BitSet covered, int n) {
        if (f.inFrame() && f.length() > 0 && f.offset() >= 0 && f.kind() != FieldKind.GENERATED) {
            covered.set(Math.min(f.offset(), n), Math.min(f.end(), n));
        }
        // children still to be made lie within f's bytes (Field#childrenLater): nothing to make for coverage
        java.util.List<Field> ch = f.childrenMade();
        for (int i = 0; i < ch.size(); i++) mark(ch.get(i), covered, n);
    }
}
