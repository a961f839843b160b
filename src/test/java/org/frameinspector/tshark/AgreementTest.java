package org.frameinspector.tshark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PDML parsing and the matching rules, on crafted PDML. */
class AgreementTest {
    /** The KB frame's TPKT + start of COTP, at frame offset 0x36 (54). */
    static final byte[] FRAME = frame();

    private static byte[] frame() {
        byte[] b = new byte[70];
        byte[] tail = HexFormat.of().parseHex("0311002c27d001ca0029");
        System.arraycopy(tail, 0, b, 54, tail.length);
        b[46] = 0x50;
        b[47] = 0x18;
        return b;
    }

    static final String PDML = """
            <?xml version="1.0" encoding="utf-8"?>
            <pdml version="0" creator="wireshark/4.0.17">
            <packet>
              <proto name="geninfo" pos="0" showname="General information" size="70">
                <field name="num" pos="0" show="7" showname="Number" value="7" size="70"/>
                <field name="caplen" pos="0" show="70" showname="Captured Length" value="46" size="70"/>
              </proto>
              <proto name="tcp" showname="Transmission Control Protocol" size="20" pos="34">
                <field name="tcp.seq" showname="Sequence Number: 1    (relative sequence number)" size="4" pos="38" show="1" value="00000000"/>
                <field name="tcp.port" showname="Port" hide="yes" size="2" pos="34" show="0" value="0000"/>
                <field name="tcp.hdr_len" showname="0101 .... = Header Length: 20 bytes (5)" size="1" pos="46" show="20" value="50"/>
                <field name="tcp.flags" showname="Flags: 0x018 (PSH, ACK)" size="2" pos="46" show="0x0018" value="18" unmaskedvalue="5018">
                  <field name="tcp.flags.ack" showname=".... ...1 .... = Acknowledgment: Set" size="1" pos="47" show="1" value="1" unmaskedvalue="18"/>
                  <field name="tcp.flags.str" showname="TCP Flags: ·······AP···" size="2" pos="46" show="·······AP···" value="5018"/>
                </field>
                <field name="tcp.stream" showname="Stream index: 0" size="0" pos="34" show="0"/>
                <field name="tcp.fake" showname="[Generated]" size="2" pos="46" show="1" value="5018"/>
              </proto>
              <proto name="tpkt" showname="TPKT, Version: 3, Length: 44" size="4" pos="54">
                <field name="tpkt.version" showname="Version: 3" size="1" pos="54" show="3" value="03"/>
                <field name="tpkt.reserved" showname="Reserved: 17" size="1" pos="55" show="17" value="11"/>
                <field name="tpkt.length" showname="Length: 44" size="2" pos="56" show="44" value="002c"/>
              </proto>
              <proto name="cotp" showname="COTP" size="40" pos="58">
                <field name="cotp.li" showname="Length: 39" size="1" pos="58" show="39" value="27"/>
                <field name="cotp.type" showname="PDU Type: CC Connect Confirm (0x0d)" size="1" pos="59" show="0x0d" value="d0"/>
                <field name="cotp.destref" showname="Destination reference: 0x01ca" size="2" pos="60" show="0x01ca" value="01ca"/>
                <field name="cotp.srcref" showname="Source reference: 0x0029" size="2" pos="62" show="0x0029" value="0029"/>
              </proto>
              <proto name="s7comm" showname="S7 Communication" size="4" pos="0">
                <field name="s7comm.header" showname="Header" size="4" pos="0" show="" value=""/>
                <field name="s7comm.header.protid" showname="Protocol Id: 0x32" size="1" pos="0" show="0x32" value="32"/>
              </proto>
            </packet>
            </pdml>
            """;

    static List<PdmlPacket> parse(String pdml) throws Exception {
        List<PdmlPacket> out = new ArrayList<>();
        PdmlParser.parse(new ByteArrayInputStream(pdml.getBytes(StandardCharsets.UTF_8)), out::add);
        return out;
    }

    @Test
    void parsesPacketsAndFlattensNestedFields() throws Exception {
        List<PdmlPacket> ps = parse(PDML);
        assertThat(ps).hasSize(1);
        PdmlPacket p = ps.get(0);
        assertThat(p.number()).isEqualTo(7);
        assertThat(p.capturedLength()).isEqualTo(70);
        PdmlField ack = p.fields().stream().filter(f -> f.name().equals("tcp.flags.ack")).findFirst().orElseThrow();
        assertThat(ack.proto()).isEqualTo("tcp");
        assertThat(ack.pos()).isEqualTo(47);
        assertThat(ack.bytesHex()).isEqualTo("18");
        assertThat(p.fields().stream().filter(PdmlField::hidden).map(PdmlField::name)).containsExactly("tcp.port");
        PdmlField protid = p.fields().stream().filter(f -> f.name().equals("s7comm.header.protid")).findFirst()
                .orElseThrow();
        assertThat(protid.proto()).isEqualTo("s7comm");
    }

    @Test
    void inFrameComparesTheHexWithTheFrameBytes() {
        assertThat(PdmlPacket.inFrame(new PdmlField("tpkt", "tpkt.reserved", 55, 1, "17", null, "11", null, false),
                FRAME, false)).isTrue();
        // a field of a reassembled buffer: pos 0 does not hold 0x32 in the frame
        assertThat(PdmlPacket.inFrame(new PdmlField("s7comm", "s7comm.header.protid", 0, 1, "0x32", null, "32", null,
                false), FRAME, true)).isFalse();
        // bit field: value is the shifted value, unmaskedvalue the bytes
        assertThat(PdmlPacket.inFrame(new PdmlField("tcp", "tcp.flags.ack", 47, 1, "1", null, "1", "18", false),
                FRAME, false)).isTrue();
        // past the end of the frame
        assertThat(PdmlPacket.inFrame(new PdmlField("x", "x.y", 69, 2, "", null, "0000", null, false), FRAME, true))
                .isFalse();
        // no hex of its own: the proto's verdict decides
        PdmlField tree = new PdmlField("s7comm", "s7comm.header", 0, 4, "", null, "", null, false);
        assertThat(PdmlPacket.inFrame(tree, FRAME, false)).isFalse();
        assertThat(PdmlPacket.inFrame(tree, FRAME, true)).isTrue();
    }

    @Test
    void countsOnlyChosenProtocolsRealRangesAndNonExcludedFields() throws Exception {
        Agreement a = new Agreement(Agreement.CORE);
        PdmlPacket p = parse(PDML).get(0);
        List<String> counted = a.compare(p, FRAME, List.of()).stream().map(o -> o.tshark().name()).toList();
        // tcp.seq counts (issue 15: relative sequence numbers like tshark's)
        assertThat(counted).containsExactly("tcp.seq", "tcp.hdr_len", "tcp.flags", "tcp.flags.ack", "tcp.flags.str",
                "tpkt.version", "tpkt.reserved", "tpkt.length", "cotp.li", "cotp.type", "cotp.destref",
                "cotp.srcref");
        // with s7comm in the set, its fields still do not count: their bytes are not in the frame
        Agreement upper = new Agreement(Set.of("tpkt", "s7comm"));
        assertThat(upper.compare(p, FRAME, List.of()).stream().map(o -> o.tshark().name()))
                .containsExactly("tpkt.version", "tpkt.reserved", "tpkt.length");
    }

    @Test
    void matchesOnAbbrevOffsetLengthAndValue() throws Exception {
        Agreement a = new Agreement(Set.of("tpkt", "cotp", "tcp"));
        PdmlPacket p = parse(PDML).get(0);
        List<OurField> ours = List.of(
                new OurField("tpkt.version", 54, 1, 3L, "3"),
                new OurField("tpkt.reserved", 55, 1, 0x11L, "17"),          // numeric vs decimal show
                new OurField("tpkt.length", 56, 1, 44L, "44"),              // wrong length -> POSITION
                new OurField("cotp.li", 58, 1, 40L, "40"),                  // wrong value -> VALUE
                new OurField("cotp.type", 59, 1, 0x0dL, "CC (0x0d)"),       // "0x0d" vs 13
                new OurField("cotp.destref", 60, 2, 0x01caL, "0x01ca"),
                new OurField("tcp.seq", 38, 4, 1L, "1"),                   // relative, as tshark shows it
                new OurField("tcp.hdr_len", 46, 1, 20L, "20"),
                new OurField("tcp.flags", 46, 2, 0x018L, "0x018"),
                new OurField("tcp.flags.ack", 47, 1, Boolean.TRUE, "Set"), // boolean vs "1"
                new OurField("tcp.flags.str", 46, 2, "·······AP···", "·······AP···"));
        List<Agreement.Outcome> out = a.compare(p, FRAME, ours);
        assertThat(out).extracting(o -> o.tshark().name() + "=" + o.kind()).containsExactly(
                "tcp.seq=AGREED", "tcp.hdr_len=AGREED", "tcp.flags=AGREED", "tcp.flags.ack=AGREED",
                "tcp.flags.str=AGREED", "tpkt.version=AGREED", "tpkt.reserved=AGREED", "tpkt.length=POSITION", "cotp.li=VALUE",
                "cotp.type=AGREED", "cotp.destref=AGREED", "cotp.srcref=MISSING");
        Agreement.Tally t = new Agreement.Tally();
        out.forEach(t::add);
        assertThat(t.compared()).isEqualTo(12);
        assertThat(t.agreed()).isEqualTo(9);
        assertThat(t.top(10)).extracting(e -> e.getKey()).containsExactly("cotp.li (value)",
                "cotp.srcref (missing)", "tpkt.length (position)");
        assertThat(t.example("cotp.li (value)").ours()).contains("cotp.li@58+1");
    }

    @Test
    void valueRules() {
        PdmlField hex = new PdmlField("eth", "eth.type", 12, 2, "0x0800", null, "0800", null, false);
        assertThat(Values.agree(hex, 0x800L, null)).isTrue();
        assertThat(Values.agree(hex, 0x806L, null)).isFalse();
        PdmlField mac = new PdmlField("eth", "eth.src", 6, 6, "00:80:5f:d4:a0:48", null, "00805fd4a048", null, false);
        assertThat(Values.agree(mac, "00:80:5F:D4:A0:48", null)).isTrue();
        assertThat(Values.agree(mac, HexFormat.of().parseHex("00805fd4a048"), null)).isTrue();
        PdmlField bytes = new PdmlField("cotp", "cotp.src-tsap-bytes", 67, 2, "00:02", null, "0002", null, false);
        assertThat(Values.agree(bytes, new byte[] {0, 2}, null)).isTrue();
        assertThat(Values.agree(bytes, new byte[] {0, 3}, null)).isFalse();
        PdmlField ip = new PdmlField("ip", "ip.src", 26, 4, "134.38.52.77", null, "8626344d", null, false);
        assertThat(Values.agree(ip, "134.38.52.77", null)).isTrue();
        PdmlField tree = new PdmlField("s7comm", "s7comm.header", 0, 10, "", null, "", null, false);
        assertThat(Values.agree(tree, null, null)).isTrue();
        assertThat(Values.integer("0x")).isNull();
        assertThat(Values.integer("-2")).hasToString("-2");
    }

    @Test
    void protocolArgument() {
        assertThat(TsharkAgreement.protocols(List.of())).isEqualTo(Agreement.CORE);
        assertThat(TsharkAgreement.protocols(List.of("core,s7comm"))).contains("tcp", "s7comm").hasSize(10);
        assertThat(TsharkAgreement.protocols(List.of("tpkt", "COTP"))).containsExactly("tpkt", "cotp");
    }
}
