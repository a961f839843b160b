package org.frameinspector.core.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frameinspector.core.protocols.LinkPcapTest.FD;
import static org.frameinspector.core.protocols.LinkPcapTest.at;

import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

/** The KB frame of PROTOCOLS.md §8: every Ethernet/IPv4/TCP field at its offset, and no finding below TPKT. */
class TcpSeedTest {
    static Frame seed() {
        // the 98 bytes exactly as in the KB article
        return LinkPcapTest.frame(Frame.LINK_ETHERNET,
                "0000A200C04A00805FD4A04808004500 0054E9A640002006040A8626344D8626"
                        + "2C5A0066061301CF46C85D5B6A315018 220960730000031100 2C27D001CA0029"
                        + "00C10D5357495353 4C4946455453 4150C20D4558434841 4E474554534150 31C0010B");
    }

    @Test
    void seedFrameFieldByField() {
        Dissection d = FD.dissect(seed());
        assertThat(d.frame().capturedLength()).isEqualTo(98);
        at(d, "eth.dst", 0, 6, "00:00:a2:00:c0:4a");
        at(d, "eth.src", 6, 6, "00:80:5f:d4:a0:48");
        at(d, "eth.type", 12, 2, 0x0800L);
        at(d, "ip.version", 14, 1, 4L);
        at(d, "ip.hdr_len", 14, 1, 20L);
        at(d, "ip.dsfield", 15, 1, 0L);
        at(d, "ip.dsfield.dscp", 15, 1, 0L);
        at(d, "ip.dsfield.ecn", 15, 1, 0L);
        at(d, "ip.len", 16, 2, 84L);
        at(d, "ip.id", 18, 2, 0xE9A6L);
        at(d, "ip.flags", 20, 1, 2L);
        at(d, "ip.flags.rb", 20, 1, 0L);
        at(d, "ip.flags.df", 20, 1, 1L);
        at(d, "ip.flags.mf", 20, 1, 0L);
        at(d, "ip.frag_offset", 20, 2, 0L);
        at(d, "ip.ttl", 22, 1, 32L);
        at(d, "ip.proto", 23, 1, 6L);
        at(d, "ip.checksum", 24, 2, 1034L);
        assertThat(d.field("ip.checksum").display()).isEqualTo("0x040a");
        at(d, "ip.checksum.status", 24, 0, 1L);
        assertThat(d.field("ip.checksum.status").display()).isEqualTo("Good");
        at(d, "ip.checksum_calculated", 24, 2, 0x040AL);
        at(d, "ip.src", 26, 4, "134.38.52.77");
        at(d, "ip.dst", 30, 4, "134.38.44.90");
        at(d, "tcp.srcport", 34, 2, 102L);
        at(d, "tcp.dstport", 36, 2, 1555L);
        at(d, "tcp.seq_raw", 38, 4, 30361288L);
        at(d, "tcp.ack_raw", 42, 4, 1566272049L);
        at(d, "tcp.hdr_len", 46, 1, 20L);
        at(d, "tcp.flags", 46, 2, 0x018L);
        assertThat(d.field("tcp.flags").bitmask()).isEqualTo(0xFFF);
        assertThat(d.field("tcp.flags").display()).isEqualTo("0x018");
        // like Wireshark 4.0: each flag is a 1-byte item at the byte its mask touches
        at(d, "tcp.flags.res", 46, 1, 0L);
        assertThat(d.field("tcp.flags.res").bitmask()).isEqualTo(0x0E);
        assertThat(d.field("tcp.flags.ae").bitmask()).isEqualTo(0x01);
        assertThat(d.field("tcp.flags.cwr").bitmask()).isEqualTo(0x80);
        at(d, "tcp.flags.ack", 47, 1, 1L);
        at(d, "tcp.flags.push", 47, 1, 1L);
        at(d, "tcp.flags.syn", 47, 1, 0L);
        at(d, "tcp.flags.str", 46, 2, "\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7AP\u00b7\u00b7\u00b7");
        at(d, "tcp.window_size_value", 48, 2, 8713L);
        at(d, "tcp.checksum", 50, 2, 0x6073L);
        at(d, "tcp.checksum.status", 50, 0, 1L);
        at(d, "tcp.urgent_pointer", 52, 2, 0L);
        at(d, "tcp.len", 34, 0, 44L);
        assertThat(d.layer("ip").offset()).isEqualTo(14);
        assertThat(d.layer("ip").length()).isEqualTo(20);
        assertThat(d.layer("tcp").length()).isEqualTo(20);
        assertThat(d.findings()).noneMatch(f -> LinkPcapTest.LOWER.contains(f.layer()));
        assertThat(d.src()).isEqualTo("134.38.52.77");
        assertThat(d.fields("_ws.undecoded")).isEmpty();
    }

    @Test
    void seedInfoColumnBeforeUpperLayers() {
        // port 1102 instead of 102: the TPKT heuristic still finds the TPKT, off its standard port
        Frame f = seed();
        byte[] b = f.data().clone();
        b[34] = 0x04; b[35] = 0x4E; // 1102
        fixTcpChecksum(b, 0x03E8); // 0x0066 -> 0x044e
        Dissection h = FD.dissect(Frame.of(1, b, Frame.LINK_ETHERNET));
        assertThat(h.field("tcp.checksum.status").value()).isEqualTo(1L);
        if (h.layer("tpkt") != null) {
            assertThat(h.finding("TCP-TPKT-ON-NONSTANDARD-PORT")).isNotNull();
        }
        // and with a first payload byte that is no TPKT version, TCP shows the payload and keeps the info column
        b[54] = 0x04;
        fixTcpChecksum(b, 0x0100);
        Dissection d = FD.dissect(Frame.of(1, b, Frame.LINK_ETHERNET));
        assertThat(d.field("tcp.checksum.status").value()).isEqualTo(1L);
        assertThat(d.info()).isEqualTo("1102 \u2192 1555 [PSH, ACK] Seq=30361288 Ack=1566272049 Win=8713 Len=44");
        assertThat(d.field("tcp.payload")).isNotNull();
        assertThat(d.field("tcp.payload").offset()).isEqualTo(54);
        assertThat(d.field("tcp.payload").length()).isEqualTo(44);
    }

    /** Incremental checksum update (RFC 1624) after adding {@code delta} to one 16-bit word. */
    static void fixTcpChecksum(byte[] b, int delta) {
        int ck = ((b[50] & 0xFF) << 8 | (b[51] & 0xFF));
        int sum = (~ck & 0xFFFF) + delta;
        sum = (sum & 0xFFFF) + (sum >> 16);
        ck = ~sum & 0xFFFF;
        b[50] = (byte) (ck >> 8); b[51] = (byte) ck;
    }
}
