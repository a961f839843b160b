package org.frameinspector.core.protocols.link;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.ProtocolDef;

/**
 * The fields of eth, vlan, llc, sll, null, each declared once: abbreviation (Wireshark's where it has one), name, type,
 * display base, bit mask and kind. The dissectors build their fields from these constants; the display filter, the
 * JSON output, the exports and docs/FIELDS.md read them.
 */
public final class LinkFields {
    private LinkFields() {
    }

    public static final ProtocolDef ETH = ProtocolDef.of("eth", "Ethernet II");
    public static final ProtocolDef VLAN = ProtocolDef.of("vlan", "802.1Q Virtual LAN");
    public static final ProtocolDef LLC = ProtocolDef.of("llc", "Logical-Link Control");
    public static final ProtocolDef SLL = ProtocolDef.of("sll", "Linux cooked capture");
    public static final ProtocolDef NULL = ProtocolDef.of("null", "Null/Loopback");
    public static final ProtocolDef RAW = ProtocolDef.of("raw", "Raw packet data");

    public static final FieldDef ETH_ADDR = ETH.string("eth.addr", "Address").add();
    public static final FieldDef ETH_PADDING = ETH.bytes("eth.padding", "Padding").payload().add();
    public static final FieldDef ETH_FCS = ETH.field("eth.fcs", "Frame check sequence", FieldDef.Type.ANY).payload().add();
    public static final FieldDef ETH_FCS_STATUS = ETH.field("eth.fcs.status", "FCS Status", FieldDef.Type.ANY).generated().add();
    public static final FieldDef ETH_DST = ETH.string("eth.dst", "Destination").add();
    public static final FieldDef ETH_SRC = ETH.string("eth.src", "Source").add();
    public static final FieldDef ETH_TYPE = ETH.uint("eth.type", "Type").add();
    public static final FieldDef ETH_LEN = ETH.uint("eth.len", "Length").add();
    public static final FieldDef ETH_INVALID_LENTYPE = ETH.field("eth.invalid_lentype", "Invalid length/type", FieldDef.Type.ANY).add();
    public static final FieldDef ETH_DST_IG = ETH.uint("eth.dst.ig", "IG bit").mask(0x10000).add();
    public static final FieldDef ETH_DST_LG = ETH.uint("eth.dst.lg", "LG bit").mask(0x20000).add();
    public static final FieldDef ETH_SRC_IG = ETH.uint("eth.src.ig", "IG bit").mask(0x10000).add();
    public static final FieldDef ETH_SRC_LG = ETH.uint("eth.src.lg", "LG bit").mask(0x20000).add();
    public static final FieldDef ETH_TRAILER = ETH.bytes("eth.trailer", "Trailer").payload().add();
    public static final FieldDef VLAN_TRAILER = VLAN.bytes("vlan.trailer", "Trailer").payload().add();
    public static final FieldDef LLC_TRAILER = LLC.bytes("llc.trailer", "Trailer").payload().add();
    public static final FieldDef VLAN_PRIORITY = VLAN.uint("vlan.priority", "Priority").mask(0xE000).add();
    public static final FieldDef VLAN_DEI = VLAN.uint("vlan.dei", "DEI").mask(0x1000).add();
    public static final FieldDef VLAN_ID = VLAN.uint("vlan.id", "ID").mask(0x0FFF).add();
    public static final FieldDef VLAN_ETYPE = VLAN.uint("vlan.etype", "Type").add();
    public static final FieldDef VLAN_LEN = VLAN.field("vlan.len", "Length", FieldDef.Type.ANY).add();
    public static final FieldDef LLC_DSAP = LLC.uint("llc.dsap", "DSAP").add();
    public static final FieldDef LLC_DSAP_SAP = LLC.uint("llc.dsap.sap", "SAP").mask(0xFE).add();
    public static final FieldDef LLC_DSAP_IG = LLC.uint("llc.dsap.ig", "IG Bit").mask(0x01).add();
    public static final FieldDef LLC_SSAP = LLC.uint("llc.ssap", "SSAP").add();
    public static final FieldDef LLC_SSAP_SAP = LLC.uint("llc.ssap.sap", "SAP").mask(0xFE).add();
    public static final FieldDef LLC_SSAP_CR = LLC.uint("llc.ssap.cr", "CR Bit").mask(0x01).add();
    public static final FieldDef LLC_CONTROL = LLC.uint("llc.control", "Control field").add();
    public static final FieldDef LLC_CONTROL_FTYPE = LLC.uint("llc.control.ftype", "Frame type").add();
    public static final FieldDef LLC_OUI = LLC.field("llc.oui", "Organization Code", FieldDef.Type.ANY).add();
    public static final FieldDef LLC_PID = LLC.field("llc.pid", "Protocol ID", FieldDef.Type.ANY).add();
    public static final FieldDef LLC_TYPE = LLC.field("llc.type", "Type", FieldDef.Type.ANY).add();
    public static final FieldDef LLC_CONTROL_U_MODIFIER_CMD = LLC.uint("llc.control.u_modifier_cmd", "Command").mask(0xec).add();
    public static final FieldDef LLC_CONTROL_U_MODIFIER_RESP = LLC.uint("llc.control.u_modifier_resp", "Response").mask(0xec).add();
    public static final FieldDef SLL_RESERVED = SLL.uint("sll.reserved", "Reserved").reserved().add();
    public static final FieldDef SLL_IFINDEX = SLL.uint("sll.ifindex", "Interface index").add();
    public static final FieldDef SLL_HATYPE = SLL.uint("sll.hatype", "Link-layer address type").add();
    public static final FieldDef SLL_PKTTYPE = SLL.uint("sll.pkttype", "Packet type").add();
    public static final FieldDef SLL_HALEN = SLL.uint("sll.halen", "Link-layer address length").add();
    public static final FieldDef SLL_SRC_OTHER = SLL.field("sll.src.other", "Source", FieldDef.Type.ANY).add();
    public static final FieldDef SLL_SRC_ETH = SLL.string("sll.src.eth", "Source").add();
    public static final FieldDef SLL_SRC_IPV4 = SLL.field("sll.src.ipv4", "Source", FieldDef.Type.ANY).add();
    public static final FieldDef SLL_UNUSED = SLL.bytes("sll.unused", "Unused").reserved().add();
    public static final FieldDef SLL_ETYPE = SLL.uint("sll.etype", "Protocol").add();
    public static final FieldDef SLL_LTYPE = SLL.field("sll.ltype", "Protocol", FieldDef.Type.ANY).add();
    public static final FieldDef SLL_TRAILER = SLL.bytes("sll.trailer", "Trailer").payload().add();
    public static final FieldDef NULL_FAMILY = NULL.uint("null.family", "Family").add();
}
