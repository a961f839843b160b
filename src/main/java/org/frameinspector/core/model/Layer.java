package org.frameinspector.core.model;

import java.util.ArrayList;
import java.util.List;

/** One protocol layer of a dissection: Ethernet, IPv4, TCP, TPKT, COTP, … */
public final class Layer {
    private final String protocol;
    private String name;
    private final String source;
    private final int offset;
    private int length;
    private final List<Field> fields = new ArrayList<>(16);

    public Layer(String protocol, String name, String source, int offset, int length) {
        this.protocol = protocol;
        this.name = name;
        this.source = source == null ? DataSource.FRAME : source;
        this.offset = offset;
        this.length = length;
    }

    /** Wireshark's protocol filter name: "eth", "ip", "tcp", "tpkt", "cotp". */
    public String protocol() { return protocol; }
    /** The summary line shown in the tree, e.g. "TPKT, Version: 3, Length: 44". */
    public String name() { return name; }
    public void setName(String name) { this.name = name; }
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
