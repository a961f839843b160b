package org.frameinspector.core.protocols.lldp;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.ProtocolDef;

/**
 * The fields of lldp, each declared once: abbreviation (Wireshark's where it has one), name, type,
 * display base, bit mask and kind. The dissectors build their fields from these constants; the display filter, the
 * JSON output, the exports and docs/FIELDS.md read them.
 */
public final class LldpFields {
    private LldpFields() {
    }

    public static final ProtocolDef LLDP = ProtocolDef.of("lldp", "Link Layer Discovery Protocol");

    public static final FieldDef LLDP_TLV = LLDP.uint("lldp.tlv", "Organization Specific TLV").kind(FieldKind.TREE).add();
    public static final FieldDef LLDP_TLV_TYPE = LLDP.uint("lldp.tlv.type", "TLV Type").mask(0xFE00).add();
    public static final FieldDef LLDP_TLV_LEN = LLDP.uint("lldp.tlv.len", "TLV Length").mask(0x01FF).add();
    public static final FieldDef LLDP_TLV_VALUE = LLDP.bytes("lldp.tlv.value", "Value").add();
}
