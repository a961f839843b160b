package org.frameinspector.core.model;

import java.util.ArrayList;
import java.util.List;

/** One protocol layer of a dissection: Ethernet, IPv4, TCP, TPKT, COTP, … */
public final class Layer {
    private final String protocol;
    /** A String, or a Supplier that makes the name when something shows it (see {@link #setName(java.util.function.Supplier)}). */
    private Object name;
    private final String source;
    private final int offset;
    private int length;
    private final List<Field> fields;

    public Layer(String protocol, String name, String source, int offset, int length) {
        this(protocol, name, source, offset, length, 16);
    }

    /** {@code capacity}: the number of top-level fields expected (room made at once, not by growing the list). */
    public Layer(String protocol, String name, String source, int offset, int length, int capacity) {
        this.fields = new ArrayList<>(capacity);
        this.protocol = protocol;
        this.name = name;
        this.source = source == null ? DataSource.FRAME : source;
        this.offset = offset;
        this.length = length;
    }

    /** Wireshark's protocol filter name: "eth", "ip", "tcp", "tpkt", "cotp". */
    public String protocol() { return protocol; }
    /** The summary line shown in the tree, e.g. "TPKT, Version: 3, Length: 44". */
    @SuppressWarnings("unchecked")
    public String name() {
        Object n = name;
        if (n instanceof java.util.function.Supplier<?> s) {
            n = ((java.util.function.Supplier<String>) s).get();
            name = n;
        }
        return (String) n;
    }
    public void setName(String name) { this.name = name; }
    /**
     * A name made when something reads it: a layer whose summary depends on what a later step learns (TCP's relative
     * sequence numbers, known only once the stream layer has seen the segment) states it once, and a findings-only
     * pass that never shows it pays nothing for the text.
     */
    public void setName(java.util.function.Supplier<String> name) { this.name = name; }
    public String source() { return source; }
    public int offset() { return offset; }
    public int length() { return length; }
    public int end() { return offset + length; }
    public void setLength(int length) { this.length = length; }
    public List<Field> fields() { return fields; }

    public Field add(Field f) {
        fields.add(f);
        return f;
    }

    @Override
    public String toString() {
        return protocol + "@" + offset + "+" + length;
    }
}
