package org.frameinspector.tshark;

/**
 * One {@code <field>} of tshark's PDML output. {@code proto} is the name of the enclosing {@code <proto>} element;
 * {@code pos} is relative to the data source the field was dissected from, which PDML does not name: for fields of
 * reassembled buffers it is an offset into that buffer, not into the frame (see {@link PdmlPacket#inFrame}).
 * {@code value} is the hex of the field's bytes (for bit fields the masked, shifted value; then {@code unmasked}
 * holds the hex of the bytes). {@code protoIndex} numbers the {@code <proto>} elements of a packet in document order
 * (-1 when unknown), so fields of two adjacent elements of the same protocol stay apart.
 */
public record PdmlField(String proto, String name, int pos, int size, String show, String showname, String value,
                        String unmasked, boolean hidden, int protoIndex) {

    public PdmlField(String proto, String name, int pos, int size, String show, String showname, String value,
                     String unmasked, boolean hidden) {
        this(proto, name, pos, size, show, showname, value, unmasked, hidden, -1);
    }

    /** The hex PDML gives for the bytes the field covers, or null when it gives none. */
    public String bytesHex() {
        if (unmasked != null && !unmasked.isEmpty()) return unmasked;
        return value == null || value.isEmpty() ? null : value;
    }

    /** Protocol prefix of the field name: "tcp" for "tcp.flags.syn". */
    public String namePrefix() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    @Override
    public String toString() {
        return name + "@" + pos + "+" + size + "=" + show;
    }
}
