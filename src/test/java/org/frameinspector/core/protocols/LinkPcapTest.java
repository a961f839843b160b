package org.frameinspector.core.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.TestFiles;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

/**
 * Link layers on real captures, read with a tiny classic-pcap record reader (the product's reader is written
 * elsewhere). Also hosts that reader and small helpers for the other link/IP/TCP tests.
 */
class LinkPcapTest {
    static final FrameDissector FD = org.frameinspector.core.protocols.Protocols.dissector();
    static final java.util.Set<String> LOWER = java.util.Set.of("eth", "vlan", "llc", "sll", "null", "raw", "ip",
            "ipv6", "tcp");

    /** Reads a classic pcap file (either byte order, µs or ns); at most {@code max} frames. */
    static List<Frame> readPcap(Path p, int max) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p));
        int magic = bb.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xA1B2C3D4 && magic != 0xA1B23C4D) bb.order(ByteOrder.BIG_ENDIAN);
        int lt = bb.getInt(20) & 0xFFFF;
        List<Frame> out = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= bb.limit() && out.size() < max) {
            int incl = bb.getInt(pos + 8), orig = bb.getInt(pos + 12);
            byte[] d = new byte[incl];
            bb.get(pos + 16, d);
            out.add(new Frame(out.size() + 1, d, orig, 0L, lt, 0, null));
            pos += 16 + incl;
        }
        return out;
    }

    static List<Frame> capture(String name) throws IOException {
        return readPcap(TestFiles.captures().resolve(name), Integer.MAX_VALUE);
    }

    static Frame frame(int linkType, String hex) {
        return Frame.of(1, hex(hex), linkType);
    }

    static byte[] hex(String s) {
        String h = s.replace(" ", "").replace("\n", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    static void noGaps(Dissection d) {
        assertThat(d.fields("_ws.undecoded")).as("undecoded bytes in %s", d.layers()).isEmpty();
    }

    static void at(Dissection d, String abbrev, int off, int len, Object value) {
        Field f = d.field(abbrev);
        assertThat(f).as(abbrev).isNotNull();
        assertThat(f.offset()).as(abbrev + " offset").isEqualTo(off);
        assertThat(f.length()).as(abbrev + " length").isEqualTo(len);
        if (value != null) assertThat(f.value()).as(abbrev + " value").isEqualTo(value);
    }

    @Test
    void sll2LoopbackFrames() throws IOException {
        List<Frame> fs = capture("link_sll2.pcap");
        assertThat(fs).isNotEmpty();
        Dissection d = FD.dissect(fs.get(0));
        at(d, "sll.etype", 0, 2, 0x0800L);
        at(d, "sll.reserved", 2, 2, 0L);
        at(d, "sll.ifindex", 4, 4, 1L);
        at(d, "sll.hatype", 8, 2, 772L);
        at(d, "sll.pkttype", 10, 1, 0L);
        at(d, "sll.halen", 11, 1, 6L);
        at(d, "sll.src.eth", 12, 6, "00:00:00:00:00:00");
        at(d, "sll.unused", 18, 2, null);
        at(d, "ip.src", 32, 4, "192.0.2.1");
        assertThat(d.layer("sll").name()).isEqualTo("Linux cooked capture v2");
        for (Frame f : fs) noGaps(FD.dissect(f));
    }

    @Test
    void sllV1WithPaddingAndTrailer() throws IOException {
        List<Frame> fs = capture("s7plus_icsnpp_sll.pcap");
        Dissection d = FD.dissect(fs.get(0));
        at(d, "sll.pkttype", 0, 2, 3L);
        at(d, "sll.hatype", 2, 2, 1L);
        at(d, "sll.halen", 4, 2, 6L);
        at(d, "sll.src.eth", 6, 6, "ac:64:17:46:0d:51");
        at(d, "sll.unused", 12, 2, null);
        at(d, "sll.etype", 14, 2, 0x0800L);
        at(d, "eth.padding", 56, 4, null);
        at(d, "sll.trailer", 60, 2, null);
        for (Frame f : fs) {
            Dissection x = FD.dissect(f);
            noGaps(x);
            assertThat(x.findings()).noneMatch(fi -> fi.id().equals("INSPECTOR-INTERNAL-ERROR"));
        }
    }

    @Test
    void stackedVlanTags() throws IOException {
        List<Frame> fs = capture("link_stacked_vlan.pcap");
        assertThat(fs).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Dissection d = FD.dissect(fs.get(i));
            noGaps(d);
            assertThat(d.fields("vlan.id")).hasSize(i + 1);
            assertThat(d.layers().stream().filter(l -> l.protocol().equals("vlan")).count()).isEqualTo(i + 1);
            assertThat(d.layer("ip")).isNotNull();
        }
        Dissection d = FD.dissect(fs.get(0));
        at(d, "vlan.priority", 14, 2, 0L);
        at(d, "vlan.id", 14, 2, 6L);
        assertThat(d.field("vlan.id").bitmask()).isEqualTo(0x0FFF);
        at(d, "vlan.etype", 16, 2, 0x0800L);
        assertThat(d.finding("ETH-RUNT")).isNotNull();
    }

    @Test
    void priorityTaggedVlanZero() throws IOException {
        List<Frame> fs = capture("link_vlan0_http.pcap");
        Dissection d = FD.dissect(fs.get(0));
        at(d, "vlan.priority", 14, 2, 5L);
        at(d, "vlan.dei", 14, 2, 1L);
        at(d, "vlan.id", 14, 2, 0L);
        assertThat(d.finding("VLAN-PRIORITY-TAG")).isNotNull();
        for (Frame f : fs) noGaps(FD.dissect(f));
    }

    @Test
    void nullLoopbackHostOrderAndOffloadHint() throws IOException {
        List<Frame> fs = capture("tpkt_icsnpp_null_loopback_subset.pcap");
        Dissection d = FD.dissect(fs.get(0));
        at(d, "null.family", 0, 4, 2L);
        // Windows loopback: IP checksum left at zero -> reported, but as a capture artefact (INFO, offload)
        var f = d.finding("IP4-CHECKSUM-BAD");
        assertThat(f).isNotNull();
        assertThat(f.severity()).isEqualTo(org.frameinspector.core.model.Severity.INFO);
        assertThat(f.explanation()).contains("offload");
        assertThat(d.field("tcp.options.mss_val").value()).isEqualTo(65495L);
        assertThat(d.field("tcp.options.wscale.shift").value()).isEqualTo(8L);
        for (Frame x : fs) noGaps(FD.dissect(x));
    }

    @Test
    void crafted8023LlcSnap() {
        // 802.3 length 0x002d, LLC AA AA 03, SNAP 000000/0800, IPv4+TCP "hello"
        Dissection d = FD.dissect(frame(Frame.LINK_ETHERNET, "0066778899aa0011223344550035 aaaa0300000008 00"
                + "4500002d123440004006" + "1495" + "0a0000010a000002"
                + "04000066000000010000000250182000338a0000" + "68656c6c6f"));
        at(d, "eth.len", 12, 2, 53L);
        at(d, "llc.dsap", 14, 1, 0xAAL);
        at(d, "llc.dsap.sap", 14, 1, 0x55L);
        at(d, "llc.control", 16, 1, 3L);
        at(d, "llc.oui", 17, 3, 0L);
        at(d, "llc.type", 20, 2, 0x0800L);
        at(d, "ip.checksum.status", 32, 0, 1L);
        at(d, "tcp.checksum.status", 58, 0, 1L);
        assertThat(d.findings()).noneMatch(f -> LOWER.contains(f.layer()));
        noGaps(d);
    }

    @Test
    void linkFindings() {
        // Length/type 0x05E0 undefined, source with the group bit
        Dissection d = FD.dissect(frame(Frame.LINK_ETHERNET, "0066778899aa011122334455 05e0" + "00".repeat(46)));
        assertThat(d.finding("ETH-LENTYPE-UNDEFINED")).isNotNull();
        assertThat(d.finding("ETH-LENTYPE-UNDEFINED").offset()).isEqualTo(12);
        assertThat(d.finding("ETH-SRC-GROUP")).isNotNull();
        assertThat(d.finding("ETH-SRC-GROUP").offset()).isEqualTo(6);
        noGaps(d);
        // 802.3 length larger than what follows
        d = FD.dissect(frame(Frame.LINK_ETHERNET, "0066778899aa001122334455 0100 fefe03" + "00".repeat(43)));
        assertThat(d.finding("ETH-LENGTH-MISMATCH")).isNotNull();
        // 802.3 length 7 followed by non-zero bytes in a long frame
        d = FD.dissect(frame(Frame.LINK_ETHERNET, "0066778899aa001122334455 0007 fefe0381010203" + "11".repeat(60)));
        assertThat(d.finding("ETH-LENGTH-MISMATCH")).isNotNull();
        assertThat(d.field("eth.trailer")).isNotNull();
        noGaps(d);
        // VID 4095
        d = FD.dissect(frame(Frame.LINK_ETHERNET, "0066778899aa001122334455 8100 0fff 0806" + "00".repeat(42)));
        assertThat(d.finding("VLAN-VID-RESERVED")).isNotNull();
        assertThat(d.finding("VLAN-VID-RESERVED").offset()).isEqualTo(14);
        // SLL2 reserved non-zero
        d = FD.dissect(frame(Frame.LINK_SLL2, "0800 0102 00000001 0001 04 06 001122334455 0000"
                + "4500001c00010000400100000a0000010a000002" + "0800f7ff00000000"));
        assertThat(d.finding("SLL2-RESERVED-NONZERO")).isNotNull();
        assertThat(d.finding("SLL2-RESERVED-NONZERO").offset()).isEqualTo(2);
        // packet type 4 "sent by us": the zero IP checksum is explained as offload
        assertThat(d.finding("IP4-CHECKSUM-BAD").explanation()).contains("sent by us");
        noGaps(d);
    }

    @Test
    void startsAtNamesAreRegistered() {
        var r = FD.registry();
        for (String n : new String[]{"eth", "vlan", "llc", "sll", "sll2", "null", "raw", "ip", "ipv6", "tcp"}) {
            assertThat(r.byName(n)).as(n).isNotNull();
        }
        for (int lt : new int[]{Frame.LINK_ETHERNET, Frame.LINK_NULL, Frame.LINK_LOOP, Frame.LINK_RAW, 12, 14,
                Frame.LINK_SLL, Frame.LINK_SLL2, Frame.LINK_IPV4, Frame.LINK_IPV6, Frame.LINK_LLC}) {
            assertThat(r.lookup("linktype", lt)).as("linktype " + lt).isNotNull();
        }
        // raw IP (LINKTYPE_RAW) and OpenBSD loop (network order)
        Dissection d = FD.dissect(frame(Frame.LINK_RAW, "4500001c00010000400166de0a0000010a000002" + "0800f7ff00000000"));
        assertThat(d.layer("raw")).isNotNull();
        assertThat(d.field("ip.checksum.status").value()).isEqualTo(1L);
        noGaps(d);
        d = FD.dissect(frame(Frame.LINK_LOOP, "00000018" + "6000000000003b40" + "00".repeat(32)));
        assertThat(d.field("null.family").value()).isEqualTo(24L);
        assertThat(d.layer("ipv6")).isNotNull();
    }
}
