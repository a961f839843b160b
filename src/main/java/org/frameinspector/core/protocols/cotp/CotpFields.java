package org.frameinspector.core.protocols.cotp;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.ProtocolDef;

/**
 * The fields of cotp, each declared once: abbreviation (Wireshark's where it has one), name, type,
 * display base, bit mask and kind. The dissectors build their fields from these constants; the display filter, the
 * JSON output, the exports and docs/FIELDS.md read them.
 */
public final class CotpFields {
    private CotpFields() {
    }

    public static final ProtocolDef COTP = ProtocolDef.of("cotp", "ISO 8073/X.224 COTP Connection-Oriented Transport Protocol");

    public static final FieldDef COTP_LI = COTP.uint("cotp.li", "Length").add();
    public static final FieldDef COTP_TYPE = COTP.uint("cotp.type", "PDU Type").mask(0xF0).add();
    public static final FieldDef COTP_UNDECODED = COTP.field("cotp.undecoded", "Header bytes too short to decode", FieldDef.Type.ANY).kind(FieldKind.UNDECODED).add();
    public static final FieldDef COTP_DESTREF = COTP.uint("cotp.destref", "Destination reference").hex().add();
    public static final FieldDef COTP_SRCREF = COTP.uint("cotp.srcref", "Source reference").hex().add();
    public static final FieldDef COTP_CREDIT = COTP.uint("cotp.credit", "Credit").mask(0x0F).add();
    public static final FieldDef COTP_NEXT_TPDU_NUMBER = COTP.uint("cotp.next-tpdu-number", "Your TPDU number").add();
    public static final FieldDef COTP_CDT = COTP.uint("cotp.cdt", "Credit (CDT)").mask(0x0F).add();
    public static final FieldDef COTP_CLASS = COTP.uint("cotp.class", "Class").mask(0xF0).add();
    public static final FieldDef COTP_OPTS_RESERVED = COTP.uint("cotp.opts.reserved", "Reserved option bits").mask(0x0C).reserved().add();
    public static final FieldDef COTP_OPTS_EXTENDED_FORMATS = COTP.uint("cotp.opts.extended_formats", "Extended formats").mask(0x02).add();
    public static final FieldDef COTP_OPTS_NO_EXPLICIT_FLOW_CONTROL = COTP.uint("cotp.opts.no_explicit_flow_control", "No explicit flow control").mask(0x01).add();
    public static final FieldDef COTP_CAUSE = COTP.uint("cotp.cause", "Cause").add();
    public static final FieldDef COTP_REJECT_CAUSE = COTP.uint("cotp.reject_cause", "Reject cause").add();
    public static final FieldDef COTP_TPDU_NUMBER = COTP.uint("cotp.tpdu-number", "TPDU number").add();
    public static final FieldDef COTP_EOT = COTP.uint("cotp.eot", "Last data unit").add();
    public static final FieldDef COTP_DT_LOW_NIBBLE = COTP.uint("cotp.dt.low_nibble", "ROA / reserved bits").mask(0x0F).reserved().add();
    public static final FieldDef COTP_SEGMENT_DATA = COTP.bytes("cotp.segment_data", "COTP segment data (1021 bytes)").payload().add();
    public static final FieldDef COTP_PARAMETER_CODE = COTP.uint("cotp.parameter_code", "Parameter code").add();
    public static final FieldDef COTP_PARAMETER = COTP.uint("cotp.parameter", "Parameter: dst-tsap (0xc2)").kind(FieldKind.TREE).add();
    public static final FieldDef COTP_PARAMETER_LENGTH = COTP.uint("cotp.parameter_length", "Parameter length").add();
    public static final FieldDef COTP_PARAMETER_VALUE = COTP.field("cotp.parameter_value", "Parameter value", FieldDef.Type.ANY).add();
    public static final FieldDef COTP_TPDU_SIZE = COTP.uint("cotp.tpdu_size", "TPDU size").add();
    public static final FieldDef COTP_PREFERRED_MAXIMUM_TPDU_SIZE = COTP.field("cotp.preferred_maximum_tpdu_size", "Preferred maximum TPDU size", FieldDef.Type.ANY).add();
    public static final FieldDef COTP_INVALID_TPDU = COTP.bytes("cotp.invalid_tpdu", "Invalid TPDU (rejected header)").add();
    public static final FieldDef COTP_CHECKSUM = COTP.field("cotp.checksum", "Checksum", FieldDef.Type.ANY).add();
    public static final FieldDef COTP_VP_VERSION_NR = COTP.field("cotp.vp_version_nr", "Version", FieldDef.Type.ANY).add();
    public static final FieldDef COTP_NETWORK_EXPEDITED_DATA = COTP.uint("cotp.network_expedited_data", "Use of network expedited data").mask(0x08).add();
    public static final FieldDef COTP_VP_OPT_SEL_CLASS1_USE = COTP.uint("cotp.vp_opt_sel_class1_use", "Use of Receipt confirmation").mask(0x04).add();
    public static final FieldDef COTP_USE_16_BIT_CHECKSUM = COTP.uint("cotp.use_16_bit_checksum", "Use 16 bit checksum").mask(0x02).add();
    public static final FieldDef COTP_TRANSPORT_EXPEDITED_DATA_TRANSFER = COTP.uint("cotp.transport_expedited_data_transfer", "Use of transport expedited data transfer").mask(0x01).add();
    public static final FieldDef COTP_ACK_TIME = COTP.field("cotp.ack_time", "Ack time (ms)", FieldDef.Type.ANY).add();
    public static final FieldDef COTP_VP_PRIORITY = COTP.field("cotp.vp_priority", "Priority", FieldDef.Type.ANY).add();
    public static final FieldDef COTP_REASSIGNMENT_TIME = COTP.field("cotp.reassignment_time", "Reassignment time (s)", FieldDef.Type.ANY).add();
    public static final FieldDef COTP_INACTIVITY_TIMER = COTP.field("cotp.inactivity_timer", "Inactivity timer (ms)", FieldDef.Type.ANY).add();
    public static final FieldDef COTP_SEQUENCE_NUMBER = COTP.field("cotp.sequence_number", "Sequence number", FieldDef.Type.ANY).add();
    public static final FieldDef COTP_LOWER_WINDOW_EDGE = COTP.uint("cotp.lower_window_edge", "Lower window edge").add();
    public static final FieldDef COTP_DST_TSAP = COTP.string("cotp.dst-tsap", "Destination TSAP").add();
    public static final FieldDef COTP_DST_TSAP_BYTES = COTP.bytes("cotp.dst-tsap-bytes", "Destination TSAP (bytes)").add();
    public static final FieldDef COTP_SRC_TSAP = COTP.string("cotp.src-tsap", "Source TSAP").add();
    public static final FieldDef COTP_SRC_TSAP_BYTES = COTP.bytes("cotp.src-tsap-bytes", "Source TSAP (bytes)").add();
}
