package org.frameinspector.core.protocols.tpkt;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.ProtocolDef;

/**
 * The fields of tpkt, each declared once: abbreviation (Wireshark's where it has one), name, type,
 * display base, bit mask and kind. The dissectors build their fields from these constants; the display filter, the
 * JSON output, the exports and docs/FIELDS.md read them.
 */
public final class TpktFields {
    private TpktFields() {
    }

    public static final ProtocolDef TPKT = ProtocolDef.of("tpkt", "TPKT - ISO on TCP - RFC1006");

    public static final FieldDef TPKT_VERSION = TPKT.uint("tpkt.version", "Version").add();
    public static final FieldDef TPKT_CONTINUATION_DATA = TPKT.bytes("tpkt.continuation_data", "Header continues in the next segment").payload().add();
    public static final FieldDef TPKT_RESERVED = TPKT.uint("tpkt.reserved", "Reserved").reserved().add();
    public static final FieldDef TPKT_LENGTH = TPKT.uint("tpkt.length", "Length").add();
}
