package org.frameinspector.core.protocols.ip;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.ProtocolDef;

/**
 * The fields of ip, ipv6, ah, each declared once: abbreviation (Wireshark's where it has one), name, type,
 * display base, bit mask and kind. The dissectors build their fields from these constants; the display filter, the
 * JSON output, the exports and docs/FIELDS.md read them.
 */
public final class IpFields {
    private IpFields() {
    }

    public static final ProtocolDef IP = ProtocolDef.of("ip", "Internet Protocol Version 4");
    public static final ProtocolDef IPV6 = ProtocolDef.of("ipv6", "Internet Protocol Version 6");
    public static final ProtocolDef AH = ProtocolDef.of("ah", "Authentication Header");

    public static final FieldDef IP_VERSION = IP.uint("ip.version", "Version").mask(0xF0).add();
    public static final FieldDef IP_HDR_LEN = IP.uint("ip.hdr_len", "Header Length").mask(0x0F).add();
    public static final FieldDef IP_DSFIELD = IP.uint("ip.dsfield", "Differentiated Services Field").add();
    public static final FieldDef IP_DSFIELD_DSCP = IP.uint("ip.dsfield.dscp", "Differentiated Services Codepoint").mask(0xFC).add();
    public static final FieldDef IP_DSFIELD_ECN = IP.uint("ip.dsfield.ecn", "Explicit Congestion Notification").mask(0x03).add();
    public static final FieldDef IP_LEN = IP.uint("ip.len", "Total Length").add();
    public static final FieldDef IP_ID = IP.uint("ip.id", "Identification").add();
    public static final FieldDef IP_FLAGS = IP.uint("ip.flags", "Flags").mask(0xE0).add();
    public static final FieldDef IP_FLAGS_RB = IP.uint("ip.flags.rb", "Reserved bit").mask(0x80).reserved().add();
    public static final FieldDef IP_FLAGS_DF = IP.field("ip.flags.df", "Don't fragment", FieldDef.Type.BOOLEAN).mask(0x40).add();
    public static final FieldDef IP_FLAGS_MF = IP.field("ip.flags.mf", "More fragments", FieldDef.Type.BOOLEAN).mask(0x20).add();
    public static final FieldDef IP_FRAG_OFFSET = IP.uint("ip.frag_offset", "Fragment Offset").mask(0x1FFF).add();
    public static final FieldDef IP_TTL = IP.uint("ip.ttl", "Time to Live").add();
    public static final FieldDef IP_PROTO = IP.uint("ip.proto", "Protocol").add();
    public static final FieldDef IP_CHECKSUM = IP.uint("ip.checksum", "Header Checksum").hex().add();
    public static final FieldDef IP_SRC = IP.field("ip.src", "Source Address", FieldDef.Type.IPV4).add();
    public static final FieldDef IP_DST = IP.field("ip.dst", "Destination Address", FieldDef.Type.IPV4).add();
    public static final FieldDef IP_CHECKSUM_STATUS = IP.uint("ip.checksum.status", "Header checksum status").generated().add();
    public static final FieldDef IP_CHECKSUM_CALCULATED = IP.uint("ip.checksum_calculated", "Calculated Checksum").generated().add();
    public static final FieldDef IP_OPT_TYPE = IP.field("ip.opt.type", "Type", FieldDef.Type.ANY).add();
    public static final FieldDef IP_OPT_TYPE_COPY = IP.uint("ip.opt.type.copy", "Copy on fragmentation").mask(0x80).add();
    public static final FieldDef IP_OPT_TYPE_CLASS = IP.uint("ip.opt.type.class", "Class").mask(0x60).add();
    public static final FieldDef IP_OPT_TYPE_NUMBER = IP.uint("ip.opt.type.number", "Number").mask(0x1F).add();
    public static final FieldDef IP_OPT_PADDING = IP.bytes("ip.opt.padding", "Padding").reserved().add();
    public static final FieldDef IP_OPT_LEN = IP.field("ip.opt.len", "Length", FieldDef.Type.ANY).add();
    public static final FieldDef IP_OPT_DATA = IP.bytes("ip.opt.data", "Data").add();
    public static final FieldDef IP_OPT_PTR = IP.uint("ip.opt.ptr", "Pointer").add();
    public static final FieldDef IP_REC_RT = IP.field("ip.rec_rt", "Route", FieldDef.Type.ANY).add();
    public static final FieldDef IP_OPT_RA = IP.uint("ip.opt.ra", "Router Alert").add();
    public static final FieldDef IPV6_VERSION = IPV6.uint("ipv6.version", "Version").mask(0xF0).add();
    public static final FieldDef IPV6_TCLASS = IPV6.uint("ipv6.tclass", "Traffic Class").mask(0x0FF00000).add();
    public static final FieldDef IPV6_TCLASS_DSCP = IPV6.uint("ipv6.tclass.dscp", "Differentiated Services Codepoint").mask(0x0FC00000).add();
    public static final FieldDef IPV6_TCLASS_ECN = IPV6.uint("ipv6.tclass.ecn", "Explicit Congestion Notification").mask(0x00300000).add();
    public static final FieldDef IPV6_FLOW = IPV6.uint("ipv6.flow", "Flow Label").mask(0x0FFFFF).add();
    public static final FieldDef IPV6_PLEN = IPV6.uint("ipv6.plen", "Payload Length").add();
    public static final FieldDef IPV6_NXT = IPV6.uint("ipv6.nxt", "Next Header").add();
    public static final FieldDef IPV6_HLIM = IPV6.uint("ipv6.hlim", "Hop Limit").add();
    public static final FieldDef IPV6_SRC = IPV6.field("ipv6.src", "Source Address", FieldDef.Type.IPV6).add();
    public static final FieldDef IPV6_SRC_SLAAC_MAC = IPV6.string("ipv6.src_slaac_mac", "Source SLAAC MAC").add();
    public static final FieldDef IPV6_DST = IPV6.field("ipv6.dst", "Destination Address", FieldDef.Type.IPV6).add();
    public static final FieldDef IPV6_DST_SLAAC_MAC = IPV6.string("ipv6.dst_slaac_mac", "Destination SLAAC MAC").add();
    public static final FieldDef IPV6_EXT = IPV6.field("ipv6.ext", "Extension header", FieldDef.Type.ANY).add();
    public static final FieldDef IPV6_FRAGHDR_RESERVED_OCTET = IPV6.uint("ipv6.fraghdr.reserved_octet", "Reserved octet").reserved().add();
    public static final FieldDef IPV6_FRAGHDR_OFFSET = IPV6.uint("ipv6.fraghdr.offset", "Offset").mask(0xFFF8).add();
    public static final FieldDef IPV6_FRAGHDR_RESERVED_BITS = IPV6.uint("ipv6.fraghdr.reserved_bits", "Reserved bits").mask(0x0006).reserved().add();
    public static final FieldDef IPV6_FRAGHDR_MORE = IPV6.uint("ipv6.fraghdr.more", "More Fragments").mask(0x0001).add();
    public static final FieldDef IPV6_FRAGHDR_IDENT = IPV6.uint("ipv6.fraghdr.ident", "Identification").hex().add();
    public static final FieldDef IPV6_OPT = IPV6.label("ipv6.opt", "Pad1").add();
    public static final FieldDef IPV6_OPT_TYPE = IPV6.uint("ipv6.opt.type", "Type").add();
    public static final FieldDef IPV6_OPT_TYPE_ACTION = IPV6.uint("ipv6.opt.type.action", "Action").mask(0xC0).add();
    public static final FieldDef IPV6_OPT_TYPE_CHANGE = IPV6.uint("ipv6.opt.type.change", "May Change").mask(0x20).add();
    public static final FieldDef IPV6_OPT_TYPE_REST = IPV6.uint("ipv6.opt.type.rest", "Low-Order Bits").mask(0x1F).add();
    public static final FieldDef IPV6_OPT_LENGTH = IPV6.uint("ipv6.opt.length", "Length").add();
    public static final FieldDef IPV6_OPT_DATA = IPV6.bytes("ipv6.opt.data", "Data").add();
    public static final FieldDef IPV6_OPT_PADN = IPV6.bytes("ipv6.opt.padn", "PadN").reserved().add();
    public static final FieldDef IPV6_OPT_ROUTER_ALERT = IPV6.uint("ipv6.opt.router_alert", "Router Alert").add();
    public static final FieldDef IPV6_OPT_JUMBO = IPV6.uint("ipv6.opt.jumbo", "Payload Length").add();
    public static final FieldDef IPV6_ROUTING_TYPE = IPV6.uint("ipv6.routing.type", "Type").add();
    public static final FieldDef IPV6_ROUTING_SEGLEFT = IPV6.uint("ipv6.routing.segleft", "Segments Left").add();
    public static final FieldDef IPV6_ROUTING_SRH_LAST_ENTRY = IPV6.uint("ipv6.routing.srh.last_entry", "Last Entry").add();
    public static final FieldDef IPV6_ROUTING_SRH_FLAGS = IPV6.uint("ipv6.routing.srh.flags", "Flags").hex().add();
    public static final FieldDef IPV6_ROUTING_SRH_TAG = IPV6.uint("ipv6.routing.srh.tag", "Tag").hex().add();
    public static final FieldDef IPV6_ROUTING_SRH_ADDR = IPV6.field("ipv6.routing.srh.addr", "addr", FieldDef.Type.ANY).add();
    public static final FieldDef IPV6_ROUTING_DATA = IPV6.bytes("ipv6.routing.data", "Data").add();
    public static final FieldDef AH_LENGTH = AH.uint("ah.length", "Length").add();
    public static final FieldDef AH_RESERVED = AH.uint("ah.reserved", "Reserved").reserved().add();
    public static final FieldDef AH_SPI = AH.uint("ah.spi", "AH SPI").hex().add();
    public static final FieldDef AH_SEQUENCE = AH.uint("ah.sequence", "AH Sequence").add();
    public static final FieldDef AH_ICV = AH.bytes("ah.icv", "AH ICV").add();

    public static final FieldDef IPV6_ROUTING_SRC_RESERVED = IPV6.bytes("ipv6.routing.src.reserved", "Reserved").reserved().add();
    public static final FieldDef IPV6_ROUTING_SRC_ADDR = IPV6.field("ipv6.routing.src.addr", "Address", FieldDef.Type.IPV6).add();
    public static final FieldDef IPV6_ROUTING_TYPE2_RESERVED = IPV6.bytes("ipv6.routing.type2.reserved", "Reserved").reserved().add();
    public static final FieldDef IPV6_ROUTING_TYPE2_ADDR = IPV6.field("ipv6.routing.type2.addr", "Address", FieldDef.Type.IPV6).add();

    /** The fields of one kind of IPv6 extension header (Hop-by-Hop, Routing, Fragment, Destination, AH, other). */
    public record Ext(FieldDef header, FieldDef nxt, FieldDef len, FieldDef lenOct, FieldDef data) {
    }

    public static final Ext HOPOPTS = ext("ipv6.hopopts", "Hop-by-Hop Options");
    public static final Ext ROUTING = new Ext(IPV6.label("ipv6.routing", "Routing Header").add(),
            IPV6.uint("ipv6.routing.nxt", "Next Header").add(), IPV6.uint("ipv6.routing.len", "Length").add(),
            IPV6.uint("ipv6.routing.len_oct", "Length").generated().add(), IPV6_ROUTING_DATA);
    public static final Ext FRAGHDR = new Ext(IPV6.label("ipv6.fraghdr", "Fragment Header").add(),
            IPV6.uint("ipv6.fraghdr.nxt", "Next Header").add(), null, null, null);
    public static final Ext DSTOPTS = ext("ipv6.dstopts", "Destination Options");
    public static final Ext AH_EXT = new Ext(AH.label("ah", "Authentication Header").add(),
            AH.uint("ah.next_header", "Next Header").add(), AH_LENGTH, null, null);
    public static final Ext OTHER_EXT = new Ext(IPV6_EXT,
            IPV6.uint("ipv6.ext.nxt", "Next Header").add(), IPV6.uint("ipv6.ext.len", "Length").add(),
            IPV6.uint("ipv6.ext.len_oct", "Length").generated().add(), IPV6.bytes("ipv6.ext.data", "Data").add());

    private static Ext ext(String abbrev, String name) {
        return new Ext(IPV6.label(abbrev, name).add(), IPV6.uint(abbrev + ".nxt", "Next Header").add(),
                IPV6.uint(abbrev + ".len", "Length").add(), IPV6.uint(abbrev + ".len_oct", "Length").generated().add(),
                IPV6.bytes(abbrev + ".data", "Data").add());
    }

    /** The fields of a reassembled IPv4 or IPv6 datagram (Wireshark's ip.fragment… / ipv6.fragment…). */
    public record Reassembly(FieldDef fragments, FieldDef fragment, FieldDef count, FieldDef length, FieldDef data) {
    }

    public static final Reassembly IP_REASSEMBLY = reassembly(IP, "ip", "IPv4");
    public static final Reassembly IPV6_REASSEMBLY = reassembly(IPV6, "ipv6", "IPv6");

    private static Reassembly reassembly(ProtocolDef p, String pre, String v) {
        return new Reassembly(p.label(pre + ".fragments", v + " Fragments").add(),
                p.uint(pre + ".fragment", v + " Fragment").add(),
                p.uint(pre + ".fragment.count", "Fragment count").generated().add(),
                p.uint(pre + ".reassembled.length", "Reassembled " + v + " length").generated().add(),
                p.bytes(pre + ".reassembled.data", "Reassembled " + v + " data").payload().add());
    }

    /** The tree node of each IPv4 option by type (Wireshark's ip.options.*). */
    public static final FieldDef IP_OPTIONS_EOL = IP.label("ip.options.eol", "IP Option - End of Options List (EOL)").add();
    public static final FieldDef IP_OPTIONS_NOP = IP.label("ip.options.nop", "IP Option - No-Operation (NOP)").add();
    public static final FieldDef IP_OPTIONS_RECORD_ROUTE = IP.label("ip.options.record_route", "IP Option - Record Route").add();
    public static final FieldDef IP_OPTIONS_TIMESTAMP = IP.label("ip.options.timestamp", "IP Option - Time Stamp").add();
    public static final FieldDef IP_OPTIONS_SECURITY = IP.label("ip.options.security", "IP Option - Security").add();
    public static final FieldDef IP_OPTIONS_LOOSE_ROUTE = IP.label("ip.options.loose_route", "IP Option - Loose Source Route").add();
    public static final FieldDef IP_OPTIONS_STRICT_ROUTE = IP.label("ip.options.strict_route", "IP Option - Strict Source Route").add();
    public static final FieldDef IP_OPTIONS_ROUTERALERT = IP.label("ip.options.routeralert", "IP Option - Router Alert").add();
    public static final FieldDef IP_OPTIONS_UNKNOWN = IP.label("ip.options.unknown", "IP Option - Unknown").add();
    public static final FieldDef IP_EMPTY_RT = IP.field("ip.empty_rt", "Empty Route", FieldDef.Type.IPV4).add();
    public static final FieldDef IP_SRC_RT = IP.field("ip.src_rt", "Source Route", FieldDef.Type.IPV4).add();
    public static final FieldDef IP_TRAILER = IP.bytes("ip.trailer", "Trailer").payload().add();
    public static final FieldDef IPV6_TRAILER = IPV6.bytes("ipv6.trailer", "Trailer").payload().add();
}
