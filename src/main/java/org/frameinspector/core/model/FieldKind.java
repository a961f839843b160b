package org.frameinspector.core.model;

/** What sort of bytes a field covers; the GUI colours by it. */
public enum FieldKind {
    /** An ordinary protocol field. */
    NORMAL,
    /** A field the standard reserves (should be zero / carries no meaning). */
    RESERVED,
    /** Payload handed to no further dissector, or padding / trailer. */
    PAYLOAD,
    /** Bytes no dissector explained. */
    UNDECODED,
    /** A value we computed (checksum status, reassembly info); it points at the bytes it concerns. */
    GENERATED,
    /** A structure that groups children (flags word, option list, parameter). */
    TREE
}
