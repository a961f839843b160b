package org.frameinspector.core.dissect;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.ProtocolDef;

/**
 * The fields of data, _ws, each declared once: abbreviation (Wireshark's where it has one), name, type,
 * display base, bit mask and kind. The dissectors build their fields from these constants; the display filter, the
 * JSON output, the exports and docs/FIELDS.md read them.
 */
public final class BaseFields {
    private BaseFields() {
    }

    public static final ProtocolDef FRAME = ProtocolDef.of("frame", "Frame");
    public static final ProtocolDef DATA = ProtocolDef.of("data", "Data");
    public static final ProtocolDef WS = ProtocolDef.of("_ws", "Wireshark-compatible meta fields");
    /** The layer {@link FrameDissector} adds for frame bytes no dissector covered. */
    public static final ProtocolDef UNDECODED = ProtocolDef.of("undecoded", "Undecoded bytes");

    public static final FieldDef FRAME_NUMBER = FRAME.uint("frame.number", "Frame number").generated().add();
    public static final FieldDef FRAME_TIME_EPOCH = FRAME.uint("frame.time_epoch", "Arrival time (ns since epoch)").generated().add();
    public static final FieldDef FRAME_LEN = FRAME.uint("frame.len", "Frame length").generated().add();
    public static final FieldDef FRAME_CAP_LEN = FRAME.uint("frame.cap_len", "Capture length").generated().add();
    public static final FieldDef FRAME_LINK_TYPE = FRAME.uint("frame.link_type", "Link type").generated().add();
    public static final FieldDef FRAME_COMMENT = FRAME.string("frame.comment", "Comment").generated().add();
    public static final FieldDef FRAME_PROTOCOLS = FRAME.string("frame.protocols", "Protocols in frame").generated().add();

    public static final FieldDef DATA_DATA = DATA.bytes("data.data", "Data").payload().add();
    public static final FieldDef DATA_LEN = DATA.uint("data.len", "Length").generated().add();
    public static final FieldDef WS_UNDECODED = WS.field("_ws.undecoded", "Undecoded", FieldDef.Type.ANY).kind(FieldKind.UNDECODED).add();
}
