package org.frameinspector.core.dissect;

import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.findings.Catalog;
import org.frameinspector.core.findings.FindingDef;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;

/**
 * Builds one layer: typed field helpers that read the bytes, check bounds and attach the field either to the layer
 * or to a parent field, and finding helpers that take id, severity, citation and explanation from the catalogue.
 * A helper that runs out of data adds a partial field and a FIELD-TRUNCATED finding, then throws {@link ShortData},
 * which ends this layer (the framework catches it).
 */
public final class L {
    private final Ctx ctx;
    private final Layer layer;
    private final Buf buf;

    L(Ctx ctx, Layer layer, Buf buf) {
        this.ctx = ctx;
        this.layer = layer;
        this.buf = buf;
    }

    public Layer layer() { return layer; }
    public Buf buf() { return buf; }
    public Ctx ctx() { return ctx; }
    public String src() { return buf.sourceId(); }

    /** Sets the layer's end (exclusive, absolute offset). */
    public void end(int endOffset) {
        layer.setLength(Math.max(0, endOffset - layer.offset()));
    }

    public void name(String name) {
        layer.setName(name);
    }

    /** A name made only when something shows the layer (the findings-only pass of {@code check} never does). */
    public void name(java.util.function.Supplier<String> name) {
        layer.setName(name);
    }

    // ---- generic field construction ----

    /** Adds a ready field under parent (or the layer when parent is null). */
    public Field put(Field parent, Field f) {
        ctx.spendField(buf, f.offset());
        if (parent == null) layer.add(f);
        else parent.add(f);
        return f;
    }

    public Field field(Field parent, FieldDef def, int off, int len, long mask, Object value,
                       String display, FieldKind kind) {
        Field f = new Field(def, off, len, mask, value, display, src(), kind);
        if (mask != 0 && len > 0 && len <= 8 && buf.has(off, len)) f.setRaw(buf.uint(off, len));
        return put(parent, f);
    }

    /**
     * As {@link #field(Field, FieldDef, int, int, long, Object, String, FieldKind)} with a display made from the
     * integer value only when something shows the field: the findings-only pass of {@code check} never does.
     */
    public Field field(Field parent, FieldDef def, int off, int len, long mask, long value,
                       java.util.function.LongFunction<String> display, FieldKind kind) {
        Field f = new Field(def, off, len, mask, value, display, src(), kind);
        if (mask != 0 && len > 0 && len <= 8 && buf.has(off, len)) f.setRaw(buf.uint(off, len));
        return put(parent, f);
    }

    /** The decimal display of a number field: one instance for every dissector. */
    public static final java.util.function.LongFunction<String> DECIMAL = Long::toString;

    /** Hex displays of 2×len digits for len 0–8, made once (not a lambda per field). */
    @SuppressWarnings("unchecked")
    private static final java.util.function.LongFunction<String>[] HEX = new java.util.function.LongFunction[9];

    static {
        for (int n = 0; n < HEX.length; n++) {
            int digits = 2 * n;
            HEX[n] = x -> Fmt.hex(x, digits);
        }
    }

    /** Makes sure [off, off+len) is inside the data; if not adds a partial field + finding and throws. */
    public void need(Field parent, FieldDef def, int off, int len) {
        if (buf.has(off, len)) return;
        int have = Math.max(0, Math.min(buf.end(), off + len) - off);
        Field partial = field(parent, def.as(def.name() + " (truncated)"), off, have, 0,
                have > 0 ? buf.copy(off, have) : new byte[0], "[" + have + " of " + len + " bytes]", FieldKind.UNDECODED);
        truncated(partial, off, len, have);
        throw new ShortData(off, len, buf.end());
    }

    private void truncated(Field f, int off, int len, int have) {
        if (ctx.is(Ctx.SEGMENT_CUT)) return; // TPKT-INCOMPLETE already says why
        boolean snap = ctx.out().frame().truncatedByCapture() && src().equals("frame");
        if (snap) {
            finding("CAPTURE-TRUNCATED", f, off, have, ctx.out().frame().capturedLength() + " bytes",
                    ctx.out().frame().originalLength() + " bytes");
        } else {
            finding("FIELD-TRUNCATED", f, off, Math.max(have, 0), (len - have) + " bytes short", len + " bytes");
        }
    }

    /** Unsigned big-endian integer field with a decimal display. */
    public Field uint(Field parent, FieldDef def, int off, int len) {
        need(parent, def, off, len);
        long v = buf.uint(off, len);
        return field(parent, def, off, len, 0, v, DECIMAL, FieldKind.NORMAL);
    }

    /** Unsigned integer with a hex display of 2×len digits. */
    public Field hex(Field parent, FieldDef def, int off, int len) {
        need(parent, def, off, len);
        long v = buf.uint(off, len);
        return field(parent, def, off, len, 0, v, len < HEX.length ? HEX[len] : x -> Fmt.hex(x, 2 * len), FieldKind.NORMAL);
    }

    /** Unsigned integer with a caller-supplied display. */
    public Field uint(Field parent, FieldDef def, int off, int len, java.util.function.LongFunction<String> disp) {
        need(parent, def, off, len);
        long v = buf.uint(off, len);
        return field(parent, def, off, len, 0, v, disp, FieldKind.NORMAL);
    }

    /** Bit field: mask over the big-endian integer of len bytes; the value is masked and shifted. */
    public Field bits(Field parent, FieldDef def, int off, int len, long mask,
                      java.util.function.LongFunction<String> disp) {
        need(parent, def, off, len);
        long raw = buf.uint(off, len);
        long v = (raw & mask) >>> Long.numberOfTrailingZeros(mask);
        return field(parent, def, off, len, mask, v, disp == null ? DECIMAL : disp, FieldKind.NORMAL);
    }

    /** Any integer field: whole bytes when mask is 0, otherwise masked and shifted; kind RESERVED for reserved bits. */
    public Field num(Field parent, FieldDef def, int off, int len, long mask, FieldKind kind,
                     java.util.function.LongFunction<String> disp) {
        need(parent, def, off, len);
        long raw = buf.uint(off, len);
        long v = mask == 0 ? raw : (raw & mask) >>> Long.numberOfTrailingZeros(mask);
        return field(parent, def, off, len, mask, v, disp == null ? DECIMAL : disp, kind);
    }

    /** Single-bit flag shown as Set / Not set. */
    public Field flag(Field parent, FieldDef def, int off, int len, long mask) {
        return bits(parent, def, off, len, mask, Fmt::setOrNot);
    }

    /** Raw bytes shown as colon hex (or the given display). */
    public Field bytes(Field parent, FieldDef def, int off, int len, String display, FieldKind kind) {
        need(parent, def, off, len);
        byte[] v = buf.copy(off, len);
        if (display != null) return field(parent, def, off, len, 0, v, display, kind == null ? FieldKind.NORMAL : kind);
        Field f = new Field(def, off, len, 0, v, ignored -> Fmt.colonHex(v, 0, v.length), src(),
                kind == null ? FieldKind.NORMAL : kind);
        return put(parent, f);
    }

    /** A grouping node covering [off, off+len), clipped to the data available. */
    public Field tree(Field parent, FieldDef def, int off, int len, Object value, String display) {
        int have = Math.max(0, Math.min(len, buf.avail(off)));
        return field(parent, def, off, have, 0, value, display, FieldKind.TREE);
    }

    /** A grouping node whose display text is made only when something shows it. */
    public Field lazyTree(Field parent, FieldDef def, int off, int len, Object value,
                          java.util.function.Supplier<String> display) {
        int have = Math.max(0, Math.min(len, buf.avail(off)));
        return put(parent, Field.lazy(def, off, have, 0, value, display, src(), FieldKind.TREE));
    }

    /** A computed value (checksum status and the like) pointing at the bytes it concerns. */
    public Field generated(Field parent, FieldDef def, int off, int len, Object value, String display) {
        return field(parent, def, off, len, 0, value, display, FieldKind.GENERATED);
    }

    /** Payload / padding bytes that no dissector decodes (BaseFields.DATA_DATA.as("eth.padding" …)). */
    public Field payload(Field parent, FieldDef def, int off, int len) {
        int have = Math.max(0, Math.min(len, buf.avail(off)));
        if (have == 0) return null;
        byte[] v = buf.copy(off, have);
        return put(parent, new Field(def, off, have, 0, v,
                ignored -> Fmt.colonHex(v, 0, Math.min(v.length, 32)) + (v.length > 32 ? "…" : ""), src(),
                FieldKind.PAYLOAD));
    }

    // ---- findings ----

    /** Raises catalogue finding {@code id} over the field's bytes. */
    public Finding finding(String id, Field f, String observed, String expected) {
        return finding(id, f, f == null ? layer.offset() : f.offset(), f == null ? layer.length() : f.length(),
                observed, expected);
    }

    public Finding finding(String id, Field f, int off, int len, String observed, String expected) {
        return ctx.finding(id, null, layer.protocol(), f, src(), off, len, observed, expected, null);
    }

    /** Same with a severity other than the catalogue's default (e.g. RISK → INFO for RDP). */
    public Finding finding(String id, Severity sev, Field f, String observed, String expected, String extra) {
        return ctx.finding(id, sev, layer.protocol(), f, src(), f == null ? layer.offset() : f.offset(),
                f == null ? layer.length() : f.length(), observed, expected, extra);
    }

    /**
     * Makes {@code parent}'s children with {@code maker} (this layer's helpers, adding under {@code parent} only) when
     * something first asks for them, not now: for children within the parent's bytes that carry no finding (the bits
     * of a flags field, the parts of an address). See {@link Field#childrenLater}.
     */
    public void later(Field parent, Runnable maker) {
        parent.childrenLater(maker);
    }

    /** Marks a field as reserved by rebuilding it with RESERVED kind (keeps its place). */
    public static FieldKind reserved() {
        return FieldKind.RESERVED;
    }

    /** "54 bytes bytes" when a value that carries its unit meets a template that adds it again. */
    private static final java.util.regex.Pattern DOUBLED_UNIT =
            java.util.regex.Pattern.compile("\\b(bytes?|octets?) \\1\\b");

    public static String explain(FindingDef d, String observed, String expected) {
        String e = d.explanation();
        if (observed != null) e = e.replace("{observed}", observed);
        if (expected != null) e = e.replace("{expected}", expected);
        return DOUBLED_UNIT.matcher(e).replaceAll("$1");
    }
}
