package org.frameinspector.core.protocols.ber;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.ProtocolDef;

/**
 * The fields of ber, each declared once: abbreviation (Wireshark's where it has one), name, type,
 * display base, bit mask and kind. The dissectors build their fields from these constants; the display filter, the
 * JSON output, the exports and docs/FIELDS.md read them.
 */
public final class BerFields {
    private BerFields() {
    }

    public static final ProtocolDef BER = ProtocolDef.of("ber", "Basic Encoding Rules (ASN.1 X.690)");

    public static final FieldDef BER_UNPARSED = BER.bytes("ber.unparsed", "Bytes after a BER error (not decoded)").payload().add();
    public static final FieldDef BER_EOC = BER.field("ber.eoc", "End-of-contents", FieldDef.Type.ANY).add();
    public static final FieldDef BER_IDENTIFIER = BER.uint("ber.identifier", "Identifier").add();
    public static final FieldDef BER_LENGTH = BER.uint("ber.length", "Length").add();
    public static final FieldDef BER_ELEMENT = BER.label("ber.element", "VisibleString").add();
    public static final FieldDef BER_ID_CLASS = BER.uint("ber.id.class", "Class").mask(0xC0).add();
    public static final FieldDef BER_ID_CONSTRUCTED = BER.uint("ber.id.constructed", "Constructed").mask(0x20).add();
    public static final FieldDef BER_ID_TAG = BER.uint("ber.id.tag", "Tag number").add();
    public static final FieldDef BER_VALUE = BER.field("ber.value", "Value", FieldDef.Type.ANY).add();
}
