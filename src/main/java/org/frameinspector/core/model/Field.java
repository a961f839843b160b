package org.frameinspector.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of the dissection tree, tied to an exact byte range of a data source (and a bit mask for bit fields).
 * {@code value} is a {@link Long} for integers, a {@link String} for addresses and text, a {@code byte[]} for raw
 * bytes, or null for pure tree nodes.
 */
public final class Field {
    private final FieldDef def;
    private final int offset;
    private int length;
    private final long bitmask;
    private final Object value;
    /**
     * The display text; a LongFunction that makes it from the value; a Supplier that makes it; {@link #FROM_DEF} to make it from the
     * declaration ({@link FieldDef#format}); or null for none.
     */
    private Object display;
    /** Marks a field whose display text is made from its declaration when something asks for it. */
    public static final Object FROM_DEF = new Object();
    private final String source;
    private final FieldKind kind;
    /**
     * The children; a {@link Later} until something asks for them when they were declared with
     * {@link #childrenLater} (volatile: a dissection may be read by the GUI's threads while one of them makes them).
     */
    private volatile List<Field> children = Collections.emptyList();
    private Field parent;
    private List<Finding> findings = Collections.emptyList();
    private long raw = Long.MIN_VALUE;

    /**
     * @param display the value as shown (null: none)
     * @param kind    null: the declaration's kind
     */
    public Field(FieldDef def, int offset, int length, long bitmask, Object value, String display, String source,
                 FieldKind kind) {
        this(def, offset, length, bitmask, value, (Object) display, source, kind);
    }

    /**
     * A field whose display text is made from its integer value only when something shows it (most fields of a
     * dissection are never shown: a findings-only pass pays nothing for their text).
     */
    public Field(FieldDef def, int offset, int length, long bitmask, Object value,
                 java.util.function.LongFunction<String> display, String source, FieldKind kind) {
        this(def, offset, length, bitmask, value, (Object) display, source, kind);
    }

    /** A field whose display text {@code display} makes only when something shows it. */
    public static Field lazy(FieldDef def, int offset, int length, long bitmask, Object value,
                             java.util.function.Supplier<String> display, String source, FieldKind kind) {
        return new Field(def, offset, length, bitmask, value, (Object) display, source, kind);
    }

    /** A field whose display text {@link FieldDef#format} makes from the declaration when something shows it. */
    public static Field fromDef(FieldDef def, int offset, int length, long bitmask, Object value, String source,
                                FieldKind kind) {
        return new Field(def, offset, length, bitmask, value, FROM_DEF, source, kind);
    }

    private Field(FieldDef def, int offset, int length, long bitmask, Object value, Object display, String source,
                  FieldKind kind) {
        this.def = java.util.Objects.requireNonNull(def);
        this.offset = offset;
        this.length = length;
        this.bitmask = bitmask;
        this.value = value;
        this.display = display;
        this.source = source == null ? DataSource.FRAME : source;
        this.kind = kind == null ? def.kind() : kind;
    }

    /** The declaration this field was made from (a labelled view of it when the instance has its own label). */
    public FieldDef def() { return def; }
    public String abbrev() { return def.abbrev(); }
    public String name() { return def.name(); }
    /** Offset in the data source (the frame unless {@link #source()} names a reassembled buffer). */
    public int offset() { return offset; }
    public int length() { return length; }
    public int end() { return offset + length; }
    /** Bit mask over the big-endian integer of {@link #length()} bytes at {@link #offset()}; 0 = whole bytes. */
    public long bitmask() { return bitmask; }
    public Object value() { return value; }
    /** The value as Wireshark shows it (the part after "Name: "). */
    @SuppressWarnings("unchecked")
    public String display() {
        Object d = display;
        if (d == null || d instanceof String) return (String) d;
        String s = d instanceof java.util.function.LongFunction<?> fn
                ? ((java.util.function.LongFunction<String>) fn).apply(longValue())
                : d instanceof java.util.function.Supplier<?> sup ? ((java.util.function.Supplier<String>) sup).get()
                : def.format(value, length);
        display = s;
        return s;
    }
    public String source() { return source; }
    public boolean inFrame() { return DataSource.FRAME.equals(source); }
    public FieldKind kind() { return kind; }
    public List<Field> children() {
        List<Field> c = children;
        return c instanceof Later ? makeChildren() : c;
    }

    /**
     * The children made so far: none for children still to be made ({@link #childrenLater}), which lie within this
     * field's bytes by contract, so a walk over byte coverage need not make them.
     */
    public List<Field> childrenMade() {
        List<Field> c = children;
        return c instanceof Later ? Collections.emptyList() : c;
    }

    /** True while the children declared with {@link #childrenLater} have not been made. */
    public boolean childrenPending() {
        return children instanceof Later;
    }

    /**
     * Children that {@code maker} adds (with {@link #add}) when something first asks for them: the bit fields of a
     * flags byte, the parts of an address. Most dissections are read for their findings only and never show these
     * (a third of the fields of a real capture); a tree, a filter or an export asks and gets the same children in the
     * same order. The children must lie within this field's bytes and carry no finding (a dissector that needs a
     * child for a finding makes them at once). Must be called before any child is added.
     */
    public void childrenLater(Runnable maker) {
        if (!children.isEmpty()) throw new IllegalStateException("children already added to " + abbrev());
        children = new Later(maker);
    }

    private synchronized List<Field> makeChildren() {
        if (children instanceof Later l) {
            l.made = new ArrayList<>(4);
            try {
                l.maker.run(); // adds to l.made through add()
            } finally {
                children = l.made.isEmpty() ? Collections.emptyList() : l.made;
            }
        }
        return children;
    }

    /** Children still to be made; {@code made} collects them while {@code maker} runs. */
    private static final class Later extends java.util.AbstractList<Field> {
        final Runnable maker;
        List<Field> made;

        Later(Runnable maker) {
            this.maker = maker;
        }

        @Override
        public Field get(int i) {
            throw new IllegalStateException("children not made yet");
        }

        @Override
        public int size() {
            return made == null ? 0 : made.size();
        }
    }

    public Field parent() { return parent; }
    public List<Finding> findings() { return findings; }

    public boolean isBitField() { return bitmask != 0; }

    public long longValue() {
        return value instanceof Long l ? l : value instanceof Integer i ? i : 0L;
    }

    /** The unmasked integer the bit mask applies to (set by the builder), for the bit pattern display. */
    public void setRaw(long raw) { this.raw = raw; }

    /** Adjusts the length of a tree node once its children are known. */
    public void setLength(int length) { this.length = length; }

    public Field add(Field child) {
        List<Field> c = children;
        if (c instanceof Later l) {
            if (l.made != null) { // the maker is running
                l.made.add(child);
                child.parent = this;
                return child;
            }
            c = makeChildren(); // a child added after children declared for later: those first
        }
        if (c.isEmpty()) children = c = new ArrayList<>(4);
        c.add(child);
        child.parent = this;
        return child;
    }

    void attach(Finding f) {
        if (findings.isEmpty()) findings = new ArrayList<>(2);
        findings.add(f);
    }

    /** True if this field or a descendant carries a finding. */
    public boolean hasFindingsBelow() {
        if (!findings.isEmpty()) return true;
        for (Field c : childrenMade()) if (c.hasFindingsBelow()) return true;
        return false;
    }

    /** The line Wireshark would show in its tree for this field. */
    public String treeLabel() {
        String display = display();
        String base = display == null || display.isEmpty() ? name() : name() + ": " + display;
        if (bitmask != 0 && length > 0 && length <= 8) return bitPattern() + " = " + base;
        return base;
    }

    /** The mask rendered like Wireshark: ".1.. ...." with groups of four. */
    public String bitPattern() {
        int bits = length * 8;
        long raw = this.raw != Long.MIN_VALUE ? this.raw : longValue() << Long.numberOfTrailingZeros(bitmask);
        StringBuilder sb = new StringBuilder(bits + bits / 4);
        for (int i = bits - 1; i >= 0; i--) {
            long b = 1L << i;
            sb.append((bitmask & b) == 0 ? '.' : ((raw & b) != 0 ? '1' : '0'));
            if (i % 4 == 0 && i != 0) sb.append(' ');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return abbrev() + "@" + offset + "+" + length + "=" + display();
    }
}
