package org.frameinspector.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The declaration of one protocol: its display-filter name (the layer's {@link Layer#protocol()}), its long name and
 * its fields, declared once each with {@link #field}. A protocol package keeps its declarations as constants in one
 * class, next to the ids of the findings its dissector raises, and registers the {@code ProtocolDef} with the
 * dissector registry.
 *
 * <pre>
 * static final ProtocolDef TPKT = ProtocolDef.of("tpkt", "TPKT - ISO on TCP - RFC1006");
 * static final FieldDef VERSION = TPKT.uint("tpkt.version", "Version").add();
 * static final FieldDef RESERVED = TPKT.uint("tpkt.reserved", "Reserved").reserved().add();
 * </pre>
 */
public final class ProtocolDef {
    private final String filterName;
    private final String name;
    private final List<FieldDef> fields = new ArrayList<>();

    private ProtocolDef(String filterName, String name) {
        this.filterName = filterName;
        this.name = name;
    }

    public static ProtocolDef of(String filterName, String name) {
        return new ProtocolDef(filterName, name);
    }

    /** The display-filter name ("tpkt", "cotp", "s7comm-plus"). */
    public String filterName() { return filterName; }
    /** The long name ("ISO 8073/X.224 COTP Connection-Oriented Transport Protocol"). */
    public String name() { return name; }
    /** The fields in the order they were declared. */
    public List<FieldDef> fields() { return Collections.unmodifiableList(fields); }

    /** Starts the declaration of a field; {@link Builder#add()} ends it. */
    public Builder field(String abbrev, String name, FieldDef.Type type) {
        return new Builder(abbrev, name, type);
    }

    /** An unsigned integer shown in decimal. */
    public Builder uint(String abbrev, String name) {
        return field(abbrev, name, FieldDef.Type.UINT);
    }

    /** An unsigned integer shown in hex. */
    public Builder hex(String abbrev, String name) {
        return field(abbrev, name, FieldDef.Type.UINT).hex();
    }

    /** A one-bit flag under {@code mask}. */
    public Builder flag(String abbrev, String name, long mask) {
        return field(abbrev, name, FieldDef.Type.BOOLEAN).mask(mask);
    }

    public Builder bytes(String abbrev, String name) {
        return field(abbrev, name, FieldDef.Type.BYTES);
    }

    public Builder string(String abbrev, String name) {
        return field(abbrev, name, FieldDef.Type.STRING);
    }

    /** A tree node without a value of its own. */
    public Builder label(String abbrev, String name) {
        return field(abbrev, name, FieldDef.Type.NONE).kind(FieldKind.TREE);
    }

    @Override
    public String toString() {
        return filterName;
    }

    /** One field being declared. */
    public final class Builder {
        private final String abbrev;
        private final String name;
        private final FieldDef.Type type;
        private FieldDef.Base base;
        private long mask;
        private ValueNames values;
        private FieldKind kind = FieldKind.NORMAL;
        private String blurb = "";

        private Builder(String abbrev, String name, FieldDef.Type type) {
            if (!abbrev.equals(filterName) && !abbrev.startsWith(filterName + ".")) {
                throw new IllegalArgumentException(abbrev + " is not a field of protocol " + filterName);
            }
            this.abbrev = abbrev;
            this.name = name;
            this.type = type;
            this.base = type == FieldDef.Type.UINT ? FieldDef.Base.DEC : FieldDef.Base.NONE;
        }

        public Builder hex() {
            base = FieldDef.Base.HEX;
            return this;
        }

        public Builder mask(long m) {
            mask = m;
            return this;
        }

        public Builder values(ValueNames v) {
            values = v;
            return this;
        }

        public Builder kind(FieldKind k) {
            kind = k;
            return this;
        }

        /** The standard reserves these bits or bytes. */
        public Builder reserved() {
            return kind(FieldKind.RESERVED);
        }

        /** Bytes handed to no further dissector (payload, padding, trailer). */
        public Builder payload() {
            return kind(FieldKind.PAYLOAD);
        }

        /** A value this tool computed (a checksum status, a reassembly count). */
        public Builder generated() {
            return kind(FieldKind.GENERATED);
        }

        public Builder blurb(String b) {
            blurb = b;
            return this;
        }

        /** Ends the declaration and adds the field to its protocol. */
        public FieldDef add() {
            for (FieldDef f : fields) {
                if (f.abbrev().equals(abbrev)) throw new IllegalStateException("field " + abbrev + " declared twice");
            }
            FieldDef f = new FieldDef(ProtocolDef.this, abbrev, name, type, base, mask, values, kind, blurb, null);
            fields.add(f);
            return f;
        }
    }
}
