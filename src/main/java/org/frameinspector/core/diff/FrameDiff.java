package org.frameinspector.core.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.frameinspector.core.model.Dissection;

/**
 * The result of comparing two frames: every field-level difference in tree order (masked ones included and flagged),
 * navigation over the unmasked ones, a summary and the byte-level view. Immutable.
 */
public final class FrameDiff {
    private final Dissection a, b;
    private final List<Difference> all;
    private final List<Difference> unmasked;
    private final ByteDiff bytes;
    private final MaskSet masks;

    FrameDiff(Dissection a, Dissection b, List<Difference> all, ByteDiff bytes, MaskSet masks) {
        this.a = a;
        this.b = b;
        this.all = Collections.unmodifiableList(all);
        List<Difference> u = new ArrayList<>();
        for (Difference d : all) if (!d.masked()) u.add(d);
        this.unmasked = Collections.unmodifiableList(u);
        this.bytes = bytes;
        this.masks = masks;
    }

    public Dissection a() { return a; }
    public Dissection b() { return b; }
    /** Every difference, masked included; {@code differences().get(i).index() == i}. */
    public List<Difference> differences() { return all; }
    /** The differences that count (not masked). */
    public List<Difference> unmasked() { return unmasked; }
    public ByteDiff bytes() { return bytes; }
    public List<String> maskPatterns() { return masks.patterns(); }
    public boolean identical() { return unmasked.isEmpty(); }

    /** Index (into {@link #differences()}) of the next unmasked difference after {@code from}; -1 if none. Use -1 to get the first. */
    public int next(int from) {
        for (int i = Math.max(-1, from) + 1; i < all.size(); i++) if (!all.get(i).masked()) return i;
        return -1;
    }

    /** Index of the previous unmasked difference before {@code from}; -1 if none. Use {@code differences().size()} to get the last. */
    public int previous(int from) {
        for (int i = Math.min(all.size(), from) - 1; i >= 0; i--) if (!all.get(i).masked()) return i;
        return -1;
    }

    /** Index of the difference whose range in A (side 'A') or B covers the given frame offset, or -1. */
    public int indexAt(char side, int frameOffset) {
        int best = -1, bestLen = Integer.MAX_VALUE;
        for (Difference d : all) {
            boolean a = side == 'A' || side == 'a';
            String src = a ? d.aSource() : d.bSource();
            int off = a ? d.aOffset() : d.bOffset(), len = a ? d.aLength() : d.bLength();
            if (!"frame".equals(src) || off < 0) continue;
            if (frameOffset >= off && frameOffset < off + Math.max(1, len) && len < bestLen) {
                best = d.index();
                bestLen = len;
            }
        }
        return best;
    }

    public int count(Difference.Kind k) {
        int n = 0;
        for (Difference d : unmasked) if (d.kind() == k) n++;
        return n;
    }

    public int maskedCount() {
        return all.size() - unmasked.size();
    }

    /** "2 differences (1 changed, 1 only in A, 0 only in B); 4 masked" or "no differences; 4 masked". */
    public String summary() {
        String m = maskedCount() > 0 ? "; " + maskedCount() + " masked" : "";
        if (unmasked.isEmpty()) return "no differences" + m;
        return unmasked.size() + " difference" + (unmasked.size() == 1 ? "" : "s") + " ("
                + count(Difference.Kind.CHANGED) + " changed, " + count(Difference.Kind.ONLY_IN_A) + " only in A, "
                + count(Difference.Kind.ONLY_IN_B) + " only in B)" + m;
    }
}
