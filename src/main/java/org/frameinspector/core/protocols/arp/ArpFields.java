package org.frameinspector.core.protocols.arp;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.ProtocolDef;

/**
 * The fields of arp, each declared once: abbreviation (Wireshark's where it has one), name, type,
 * display base, bit mask and kind. The dissectors build their fields from these constants; the display filter, the
 * JSON output, the exports and docs/FIELDS.md read them.
 */
public final class ArpFields {
    private ArpFields() {
    }

    public static final ProtocolDef ARP = ProtocolDef.of("arp", "Address Resolution Protocol");

    public static final FieldDef ARP_HW_TYPE = ARP.uint("arp.hw.type", "Hardware type").add();
    public static final FieldDef ARP_PROTO_TYPE = ARP.uint("arp.proto.type", "Protocol type").add();
    public static final FieldDef ARP_HW_SIZE = ARP.uint("arp.hw.size", "Hardware size").add();
    public static final FieldDef ARP_PROTO_SIZE = ARP.uint("arp.proto.size", "Protocol size").add();
    public static final FieldDef ARP_OPCODE = ARP.uint("arp.opcode", "Opcode").add();
    public static final FieldDef ARP_SRC_HW_MAC = ARP.field("arp.src.hw_mac", "Sender MAC address", FieldDef.Type.ETHER).add();
    public static final FieldDef ARP_SRC_PROTO_IPV4 = ARP.field("arp.src.proto_ipv4", "Sender IP address", FieldDef.Type.IPV4).add();
    public static final FieldDef ARP_DST_HW_MAC = ARP.field("arp.dst.hw_mac", "Target MAC address", FieldDef.Type.ETHER).add();
    public static final FieldDef ARP_DST_PROTO_IPV4 = ARP.field("arp.dst.proto_ipv4", "Target IP address", FieldDef.Type.IPV4).add();
    // the same four when the hardware or protocol is not Ethernet / IPv4: raw bytes
    public static final FieldDef ARP_SRC_HW = ARP.bytes("arp.src.hw", "Sender hardware address").add();
    public static final FieldDef ARP_SRC_PROTO = ARP.bytes("arp.src.proto", "Sender protocol address").add();
    public static final FieldDef ARP_DST_HW = ARP.bytes("arp.dst.hw", "Target hardware address").add();
    public static final FieldDef ARP_DST_PROTO = ARP.bytes("arp.dst.proto", "Target protocol address").add();
}
