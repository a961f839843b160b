package org.frameinspector.core.model;

/**
 * The one declaration of a field (in the manner of Wireshark's header fields): its display-filter abbreviation, its
 * name, what its value is, how it is shown (base, value names), its bit mask and a one-line description. Each
 * protocol declares its fields once, as constants made by its {@link ProtocolDef}; the dissectors build
 * {@link Field}s from them, and the field tree, the display filter, the JSON output, the exports and the generated
 * field reference ({@code docs/FIELDS.md}) all read the same declaration.
 *
 * <p>A field instance may carry a different label than the declared name (a partial field "Length (truncated)", a
 * parameter node named after its code): {@link #as(String)} gives such a view; it is not declared again.
 */
public final class FieldDef {
    /** What a field's value is. */
    public enum Type {
        /** No value of its own: a tree node that groups others. */
        NONE,
        /** An unsigned integer (a Long), possibly masked out of a wider word. */
        UINT,
        /** A flag: an integer that is 0 or 1 (a Long). */
        BOOLEAN,
        /** A byte string. */
        BYTES,
        /** Text. */
        STRING,
        /** An IPv4 address (text). */
        IPV4,
        /** An IPv6 address (text). */
        IPV6,
        /** A MAC address (text). */
        ETHER,
        /** A value that is an integer in some frames and text or bytes in others (checksum status and the like). */
        ANY
    }

    /** How an integer is shown when the dissector gives no text of its own. */
    public enum Base { NONE, DEC, HEX }

    private final ProtocolDef protocol;
    private final String abbrev;
    private final String name;
    private final Type type;
    private final Base base;
    private final long mask;
    private final ValueNames values;
    private final FieldKind kind;
    private final String blurb;
    private final FieldDef declared;

    FieldDef(ProtocolDef protocol, String abbrev, String name, Type type, Base base, long mask, ValueNames values,
             FieldKind kind, String blurb, FieldDef declared) {
        this.protocol = protocol;
        this.abbrev = abbrev;
        this.name = name;
        this.type = type;
        this.base = base;
        this.mask = mask;
        this.values = values;
        this.kind = kind;
        this.blurb = blurb;
        this.declared = declared == null ? this : declared;
    }

    public ProtocolDef protocol() { return protocol; }
    public String abbrev() { return abbrev; }
    public String name() { return name; }
    public Type type() { return type; }
    public Base base() { return base; }
    /** The bit mask over the field's bytes (0: whole bytes). */
    public long mask() { return mask; }
    /** Names of the values (null when the field has none). */
    public ValueNames values() { return values; }
    /** The kind fields made from this declaration have unless the dissector says otherwise. */
    public FieldKind kind() { return kind; }
    /** A one-line description for the field reference (may be empty). */
    public String blurb() { return blurb; }
    /** The declaration this is a view of (itself for a declared field). */
    public FieldDef declared() { return declared; }

    /** The same field under another label (for one field instance); not a new declaration. */
    public FieldDef as(String label) {
        if (label == null || label.equals(name)) return this;
        return new FieldDef(protocol, abbrev, label, type, base, mask, values, kind, blurb, declared);
    }

    /** True for a type the display filter compares as a number. */
    public boolean numeric() {
        return type == Type.UINT || type == Type.BOOLEAN;
    }

    /**
     * The value as shown after "Name: " when the dissector gave no text of its own: the value name and the number
     * for integers with value names, the number in the declared base otherwise, colon hex for bytes.
     */
    public String format(Object value, int length) {
        if (value == null) return "";
        if (value instanceof Long v) {
            String num = base == Base.HEX ? Fmt.hex(v, Math.max(1, hexDigits(length))) : Long.toString(v);
            if (type == Type.BOOLEAN && values == null) return Fmt.setOrNot(v);
            if (values != null) {
                String n = values.name(v);
                return (n != null ? n : "Unknown") + " (" + num + ")";
            }
            return num;
        }
        if (value instanceof byte[] b) return Fmt.colonHex(b, 0, Math.min(b.length, 32)) + (b.length > 32 ? "…" : "");
        return value.toString();
    }

    private int hexDigits(int length) {
        if (mask != 0) {
            int bits = 64 - Long.numberOfLeadingZeros(mask) - Long.numberOfTrailingZeros(mask);
            return (bits + 3) / 4;
        }
        return length * 2;
    }

    @Override
    public String toString() {
        return abbrev;
    }
}
