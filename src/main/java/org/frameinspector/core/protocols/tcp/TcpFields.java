package org.frameinspector.core.protocols.tcp;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.ProtocolDef;

/**
 * The fields of tcp, each declared once: abbreviation (Wireshark's where it has one), name, type,
 * display base, bit mask and kind. The dissectors build their fields from these constants; the display filter, the
 * JSON output, the exports and docs/FIELDS.md read them.
 */
public final class TcpFields {
    private TcpFields() {
    }

    public static final ProtocolDef TCP = ProtocolDef.of("tcp", "Transmission Control Protocol");
    /** The layer the stream layer adds for segment bytes it consumed without decoding them in this frame. */
    public static final ProtocolDef TCP_SEGMENT = ProtocolDef.of("tcp.segment", "TCP segment data");

    public static final FieldDef TCP_SRCPORT = TCP.uint("tcp.srcport", "Source Port").add();
    public static final FieldDef TCP_DSTPORT = TCP.uint("tcp.dstport", "Destination Port").add();
    public static final FieldDef TCP_SEQ_RAW = TCP.uint("tcp.seq_raw", "Sequence Number (raw)").add();
    public static final FieldDef TCP_ACK_RAW = TCP.uint("tcp.ack_raw", "Acknowledgment Number (raw)").add();
    /** Relative to the connection's first sequence number in the stream pass; a lone frame carries the raw number. */
    public static final FieldDef TCP_SEQ = TCP.uint("tcp.seq", "Sequence Number").add();
    public static final FieldDef TCP_ACK = TCP.uint("tcp.ack", "Acknowledgment Number").add();
    public static final FieldDef TCP_NXTSEQ = TCP.uint("tcp.nxtseq", "Next Sequence Number").generated().add();
    public static final FieldDef TCP_HDR_LEN = TCP.uint("tcp.hdr_len", "Header Length").mask(0xF0).add();
    public static final FieldDef TCP_FLAGS = TCP.uint("tcp.flags", "Flags").mask(0xFFF).add();
    public static final FieldDef TCP_FLAGS_RES = TCP.uint("tcp.flags.res", "Reserved").mask(0x0E).reserved().add();
    public static final FieldDef TCP_FLAGS_AE = TCP.field("tcp.flags.ae", "Accurate ECN", FieldDef.Type.BOOLEAN).mask(0x01).add();
    public static final FieldDef TCP_FLAGS_CWR = TCP.field("tcp.flags.cwr", "Congestion Window Reduced", FieldDef.Type.BOOLEAN).mask(0x80).add();
    public static final FieldDef TCP_FLAGS_ECE = TCP.field("tcp.flags.ece", "ECN-Echo", FieldDef.Type.BOOLEAN).mask(0x40).add();
    public static final FieldDef TCP_FLAGS_URG = TCP.field("tcp.flags.urg", "Urgent", FieldDef.Type.BOOLEAN).mask(0x20).add();
    public static final FieldDef TCP_FLAGS_ACK = TCP.field("tcp.flags.ack", "Acknowledgment", FieldDef.Type.BOOLEAN).mask(0x10).add();
    public static final FieldDef TCP_FLAGS_PUSH = TCP.field("tcp.flags.push", "Push", FieldDef.Type.BOOLEAN).mask(0x08).add();
    public static final FieldDef TCP_FLAGS_RESET = TCP.field("tcp.flags.reset", "Reset", FieldDef.Type.BOOLEAN).mask(0x04).add();
    public static final FieldDef TCP_FLAGS_SYN = TCP.field("tcp.flags.syn", "Syn", FieldDef.Type.BOOLEAN).mask(0x02).add();
    public static final FieldDef TCP_FLAGS_FIN = TCP.field("tcp.flags.fin", "Fin", FieldDef.Type.BOOLEAN).mask(0x01).add();
    public static final FieldDef TCP_FLAGS_STR = TCP.string("tcp.flags.str", "TCP Flags").generated().add();
    public static final FieldDef TCP_WINDOW_SIZE_VALUE = TCP.uint("tcp.window_size_value", "Window").add();
    public static final FieldDef TCP_WINDOW_SIZE = TCP.uint("tcp.window_size", "Calculated window size").generated().add();
    public static final FieldDef TCP_CHECKSUM = TCP.uint("tcp.checksum", "Checksum").hex().add();
    public static final FieldDef TCP_URGENT_POINTER = TCP.uint("tcp.urgent_pointer", "Urgent Pointer").add();
    public static final FieldDef TCP_LEN = TCP.uint("tcp.len", "TCP Segment Len").generated().add();
    public static final FieldDef TCP_CHECKSUM_STATUS = TCP.uint("tcp.checksum.status", "Checksum Status").generated().add();
    public static final FieldDef TCP_CHECKSUM_CALCULATED = TCP.uint("tcp.checksum_calculated", "Calculated Checksum").generated().add();
    public static final FieldDef TCP_PAYLOAD = TCP.bytes("tcp.payload", "TCP payload").payload().add();
    public static final FieldDef TCP_OPTION_KIND = TCP.uint("tcp.option_kind", "Kind").add();
    public static final FieldDef TCP_OPTIONS = TCP.bytes("tcp.options", "Options").kind(FieldKind.TREE).add();
    public static final FieldDef TCP_OPTIONS_PADDING = TCP.bytes("tcp.options.padding", "Padding").reserved().add();
    public static final FieldDef TCP_OPTION_LEN = TCP.uint("tcp.option_len", "Length").add();
    public static final FieldDef TCP_OPTIONS_DATA = TCP.bytes("tcp.options.data", "Data").add();
    public static final FieldDef TCP_OPTIONS_MSS_VAL = TCP.uint("tcp.options.mss_val", "MSS Value").add();
    public static final FieldDef TCP_OPTIONS_WSCALE_SHIFT = TCP.uint("tcp.options.wscale.shift", "Shift count").add();
    public static final FieldDef TCP_OPTIONS_WSCALE_MULTIPLIER = TCP.uint("tcp.options.wscale.multiplier", "Multiplier").generated().add();
    public static final FieldDef TCP_OPTIONS_SACK_COUNT = TCP.uint("tcp.options.sack.count", "Number of SACK blocks").generated().add();
    public static final FieldDef TCP_OPTIONS_SACK_LE = TCP.uint("tcp.options.sack_le", "left edge").add();
    public static final FieldDef TCP_OPTIONS_SACK_RE = TCP.uint("tcp.options.sack_re", "right edge").add();
    public static final FieldDef TCP_OPTIONS_TIMESTAMP_TSVAL = TCP.uint("tcp.options.timestamp.tsval", "Timestamp value").add();
    public static final FieldDef TCP_OPTIONS_TIMESTAMP_TSECR = TCP.uint("tcp.options.timestamp.tsecr", "Timestamp echo reply").add();

    // SEQ/ACK analysis of the stream pass (org.frameinspector.core.stream.TcpAnalysis), Wireshark's names
    public static final FieldDef TCP_ANALYSIS = TCP.label("tcp.analysis", "SEQ/ACK analysis").add();
    public static final FieldDef TCP_ANALYSIS_FLAGS = TCP.label("tcp.analysis.flags", "TCP Analysis Flags").add();
    public static final FieldDef TCP_ANALYSIS_LOST_SEGMENT = flag("tcp.analysis.lost_segment", "Previous segment(s) not captured (common at capture start)");
    public static final FieldDef TCP_ANALYSIS_ACK_LOST_SEGMENT = flag("tcp.analysis.ack_lost_segment", "ACKed segment that wasn't captured (common at capture start)");
    public static final FieldDef TCP_ANALYSIS_RETRANSMISSION = flag("tcp.analysis.retransmission", "This frame is a (suspected) retransmission");
    public static final FieldDef TCP_ANALYSIS_SPURIOUS_RETRANSMISSION = flag("tcp.analysis.spurious_retransmission", "This frame is a (suspected) spurious retransmission");
    public static final FieldDef TCP_ANALYSIS_FAST_RETRANSMISSION = flag("tcp.analysis.fast_retransmission", "This frame is a (suspected) fast retransmission");
    public static final FieldDef TCP_ANALYSIS_OUT_OF_ORDER = flag("tcp.analysis.out_of_order", "This frame is a (suspected) out-of-order segment");
    public static final FieldDef TCP_ANALYSIS_DUPLICATE_ACK = flag("tcp.analysis.duplicate_ack", "This is a TCP duplicate ack");
    public static final FieldDef TCP_ANALYSIS_DUPLICATE_ACK_NUM = TCP.uint("tcp.analysis.duplicate_ack_num", "Duplicate ACK #").generated().add();
    public static final FieldDef TCP_ANALYSIS_DUPLICATE_ACK_FRAME = TCP.uint("tcp.analysis.duplicate_ack_frame", "Duplicate to the ACK in frame").generated().add();
    public static final FieldDef TCP_ANALYSIS_ZERO_WINDOW = flag("tcp.analysis.zero_window", "This is a ZeroWindow segment");
    public static final FieldDef TCP_ANALYSIS_ZERO_WINDOW_PROBE = flag("tcp.analysis.zero_window_probe", "This is a TCP zero-window-probe");
    public static final FieldDef TCP_ANALYSIS_WINDOW_FULL = flag("tcp.analysis.window_full", "The transmission window is now completely full");
    public static final FieldDef TCP_ANALYSIS_WINDOW_UPDATE = flag("tcp.analysis.window_update", "This is a tcp window update");
    public static final FieldDef TCP_ANALYSIS_KEEP_ALIVE = flag("tcp.analysis.keep_alive", "This is a TCP keep-alive segment");
    public static final FieldDef TCP_ANALYSIS_KEEP_ALIVE_ACK = flag("tcp.analysis.keep_alive_ack", "This is an ACK to a TCP keep-alive segment");
    public static final FieldDef TCP_ANALYSIS_ZERO_WINDOW_PROBE_ACK = flag("tcp.analysis.zero_window_probe_ack", "This is an ACK to a TCP zero-window-probe");
    /** Not in Wireshark (which shows only the RST flag): a reset after data went over the connection, an abort. */
    public static final FieldDef TCP_ANALYSIS_RST_AFTER_DATA = flag("tcp.analysis.rst_after_data", "Connection reset after data was exchanged (abort, not a close)");

    private static FieldDef flag(String abbrev, String name) {
        return TCP.field(abbrev, name, FieldDef.Type.NONE).generated().add();
    }

    public static final FieldDef TCP_SEGMENT_DATA = TCP.bytes("tcp.segment_data", "TCP segment data").payload().add();

    /** One kind of TCP option: its tree node and the field for data this decoder does not take apart. */
    public record Option(int kind, FieldDef node, FieldDef data) {
    }

    private static Option option(int kind, String abbrev, String name) {
        return new Option(kind, TCP.bytes(abbrev, "TCP Option - " + name).kind(FieldKind.TREE).add(),
                TCP.bytes(abbrev.equals("tcp.options.unknown") ? abbrev + ".payload" : abbrev + ".data", "Payload").add());
    }

    /** The TCP options by kind (Wireshark's tcp.options.*); the last entry stands for every kind not listed. */
    public static final Option[] OPTIONS = {
        option(0, "tcp.options.eol", "End of Option List (EOL)"),
        option(1, "tcp.options.nop", "No-Operation (NOP)"),
        option(2, "tcp.options.mss", "Maximum Segment Size"),
        option(3, "tcp.options.wscale", "Window Scale"),
        option(4, "tcp.options.sack_perm", "SACK Permitted"),
        option(5, "tcp.options.sack", "SACK"),
        option(8, "tcp.options.timestamp", "Time Stamp Option"),
        option(19, "tcp.options.md5", "MD5 signature"),
        option(28, "tcp.options.user_to", "User Timeout"),
        option(29, "tcp.options.tcp_ao", "TCP Authentication Option"),
        option(30, "tcp.options.mptcp", "Multipath TCP"),
        option(34, "tcp.options.tfo", "TCP Fast Open Cookie"),
        option(253, "tcp.options.experimental", "RFC3692-style Experiment"),
        option(-1, "tcp.options.unknown", "Unknown")};

    /** The option of {@code kind} (254 shares 253's entry; kinds not listed get the last entry). */
    public static Option option(int kind) {
        int k = kind == 254 ? 253 : kind;
        for (Option o : OPTIONS) if (o.kind() == k) return o;
        return OPTIONS[OPTIONS.length - 1];
    }
}
