package org.frameinspector.core.protocols.ses;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.ProtocolDef;

/**
 * The fields of ses, each declared once: abbreviation (Wireshark's where it has one), name, type,
 * display base, bit mask and kind. The dissectors build their fields from these constants; the display filter, the
 * JSON output, the exports and docs/FIELDS.md read them.
 */
public final class SesFields {
    private SesFields() {
    }

    public static final ProtocolDef SES = ProtocolDef.of("ses", "ISO 8327-1 OSI Session Protocol");

    public static final FieldDef SES_TYPE = SES.uint("ses.type", "SPDU Type").add();
    public static final FieldDef SES_USER_DATA = SES.bytes("ses.user_data", "Undecoded session data").payload().add();
    public static final FieldDef SES_LENGTH = SES.uint("ses.length", "Length").add();
    public static final FieldDef SES_PARAMETER_LENGTH = SES.uint("ses.parameter_length", "Parameter length").add();
    public static final FieldDef SES_PARAMETER = SES.label("ses.parameter", "Session user data").add();
    public static final FieldDef SES_PARAMETER_TYPE = SES.uint("ses.parameter_type", "Parameter type").add();
    public static final FieldDef SES_PARAMETER_VALUE = SES.bytes("ses.parameter_value", "Parameter value").add();
    public static final FieldDef SES_USER_DATA_REF = SES.label("ses.user_data.ref", "User data (decoded below as BER)").kind(FieldKind.GENERATED).add();
    public static final FieldDef SES_TRANSPORT_FLAGS = SES.uint("ses.transport_flags", "Flags").hex().add();
    public static final FieldDef SES_CONNECT_FLAGS = SES.uint("ses.connect.flags", "Flags").hex().add();
    public static final FieldDef SES_CONNECT_F1 = SES.uint("ses.connect.f1", "Able to receive extended concatenated SPDU").mask(0x01).add();
    public static final FieldDef SES_REQ_FLAGS = SES.uint("ses.req.flags", "Flags").hex().add();
    public static final FieldDef SES_VERSION_FLAGS = SES.uint("ses.version.flags", "Flags").hex().add();
    public static final FieldDef SES_PROTOCOL_VERSION2 = SES.uint("ses.protocol_version2", "Protocol Version 2").mask(0x02).add();
    public static final FieldDef SES_PROTOCOL_VERSION1 = SES.uint("ses.protocol_version1", "Protocol Version 1").mask(0x01).add();
    public static final FieldDef SES_TKEN_ITEM_FLAGS = SES.uint("ses.tken_item.flags", "Flags").hex().add();
    public static final FieldDef SES_ENCLOSURE_FLAGS = SES.uint("ses.enclosure.flags", "Flags").hex().add();
    public static final FieldDef SES_INITIAL_SERIAL_NUMBER = SES.field("ses.initial_serial_number", "Initial Serial Number", FieldDef.Type.ANY).add();
    public static final FieldDef SES_SERIAL_NUMBER = SES.field("ses.serial_number", "Serial Number", FieldDef.Type.ANY).add();
    public static final FieldDef SES_REASON_CODE = SES.uint("ses.reason_code", "Reason Code").add();
    public static final FieldDef SES_CALLING_SESSION_SELECTOR = SES.bytes("ses.calling_session_selector", "Calling Session Selector").add();
    public static final FieldDef SES_CALLED_SESSION_SELECTOR = SES.bytes("ses.called_session_selector", "Called Session Selector").add();
    public static final FieldDef SES_CALLED_SS_USER_REFERENCE = SES.bytes("ses.called_ss_user_reference", "Called SS User Reference").add();
    public static final FieldDef SES_CALLING_SS_USER_REFERENCE = SES.bytes("ses.calling_ss_user_reference", "Calling SS User Reference").add();
    public static final FieldDef SES_COMMON_REFERENCE = SES.bytes("ses.common_reference", "Common Reference").add();
    public static final FieldDef SES_ADDITIONAL_REFERENCE_INFORMATION = SES.bytes("ses.additional_reference_information", "Additional Reference Information").add();
    public static final FieldDef SES_ACTIVITY_IDENTIFIER = SES.bytes("ses.activity_identifier", "Activity Identifier").add();

    /** The session requirement bits of PI 20 (ISO 8327-1 8.3.1.x), high bit first. */
    public static final FieldDef[] SES_REQUIREMENT_BITS = {
        SES.flag("ses.exception_report", "Session exception report", 0x2000).add(),
        SES.flag("ses.data_sep", "Data separation function unit", 0x1000).add(),
        SES.flag("ses.symm_sync", "Symmetric synchronize function unit", 0x0800).add(),
        SES.flag("ses.typed_data", "Typed data function unit", 0x0400).add(),
        SES.flag("ses.exception_data", "Exception function unit", 0x0200).add(),
        SES.flag("ses.capability_data", "Capability function unit", 0x0100).add(),
        SES.flag("ses.negotiated_release", "Negotiated release function unit", 0x0080).add(),
        SES.flag("ses.activity_management", "Activity management function unit", 0x0040).add(),
        SES.flag("ses.resynchronize", "Resynchronize function unit", 0x0020).add(),
        SES.flag("ses.major_resynchronize", "Major resynchronize function unit", 0x0010).add(),
        SES.flag("ses.minor_resynchronize", "Minor resynchronize function unit", 0x0008).add(),
        SES.flag("ses.expedited_data", "Expedited data function unit", 0x0004).add(),
        SES.flag("ses.duplex", "Duplex functional unit", 0x0002).add(),
        SES.flag("ses.half_duplex", "Half-duplex functional unit", 0x0001).add()};

    /** The transport disconnect flags of PI 17. */
    public static final FieldDef[] SES_TRANSPORT_FLAG_BITS = {
        SES.flag("ses.transport_flags.connection", "Transport connection", 0x01).add(),
        SES.flag("ses.transport_flags.user_abort", "User abort", 0x02).add(),
        SES.flag("ses.transport_flags.protocol_error", "Protocol error", 0x04).add(),
        SES.flag("ses.transport_flags.no_reason", "No reason", 0x08).add(),
        SES.flag("ses.transport_flags.implementation_restriction", "Implementation restriction", 0x10).add()};
}
