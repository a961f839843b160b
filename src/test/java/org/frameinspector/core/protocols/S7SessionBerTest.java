package org.frameinspector.core.protocols;

import org.frameinspector.core.protocols.ber.Ber;
import org.frameinspector.core.protocols.ses.Session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.frameinspector.core.protocols.UpperTestSupport.hex;
import static org.frameinspector.core.protocols.UpperTestSupport.payload;

import java.util.List;
import java.util.Map;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

class S7SessionBerTest {
    private static List<String> ids(Dissection d) {
        return d.findings().stream().map(Finding::id).toList();
    }

    // ---- S7comm ----

    @Test
    void setupCommunicationThroughTheStandardStack() {
        // TPKT + COTP DT + S7 setup communication (PROTOCOLS.md §6.2 example)
        byte[] b = hex("03 00 00 19 02 F0 80 32 01 00 00 00 01 00 08 00 00 F0 00 00 01 00 01 01 E0");
        Dissection d = org.frameinspector.core.protocols.Protocols.dissector().dissect(Frame.of(1, b, Frame.LINK_TPKT), "tpkt", null);
        assertThat(d.layer("s7comm")).isNotNull();
        assertThat(d.field("s7comm.header.rosctr").display()).isEqualTo("Job (1)");
        assertThat(d.field("s7comm.param.func").display()).isEqualTo("Setup communication (0xf0)");
        assertThat(d.field("s7comm.param.pdu_length").longValue()).isEqualTo(480);
        assertThat(d.field("s7comm.param.pdu_length").offset()).isEqualTo(23);
        assertThat(d.findings()).isEmpty();
        assertThat(d.layer("undecoded")).isNull();
    }

    @Test
    void readVarRequestAndResponse() {
        Dissection q = payload(hex("32 01 0000 0000 000e 0000 04 01 12 0a 10 02 0040 0001 84 000000"), 0);
        assertThat(q.field("s7comm.param.item").display()).isEqualTo("(DB 1.DBX 0.0 BYTE 64)");
        assertThat(q.field("s7comm.param.item.area").display()).isEqualTo("Data blocks (DB) (0x84)");
        assertThat(q.field("s7comm.param.item.address.byte").longValue()).isZero();
        assertThat(q.findings()).isEmpty();

        Dissection r = payload(hex("32 03 0000 0000 0002 0006 0000 04 01 ff 04 0010 aabb"), 0);
        assertThat(r.field("s7comm.header.errcls").display()).isEqualTo("No error (0x00)");
        assertThat(r.field("s7comm.data.length").longValue()).isEqualTo(2);
        assertThat(r.field("s7comm.resp.data").length()).isEqualTo(2);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void readResponseErrorItemsCarryNoDataAndFillSitsOutsideTheItem() {
        // item 1: object does not exist (no data follows, 4 bytes); item 2: 1 byte + fill; item 3: 1 byte (last)
        Dissection r = payload(hex("32 03 0000 0000 0002 000f 0000 04 03 0a 00 0004 ff 04 0008 11 00 ff 04 0008 22"), 0);
        var items = r.layer("s7comm").fields().stream().filter(f -> f.abbrev().equals("s7comm.data")).findFirst()
                .orElseThrow().children();
        assertThat(items).extracting(f -> f.offset()).containsExactly(14, 18, 24);
        assertThat(items).extracting(f -> f.length()).containsExactly(8, 5, 5);
        assertThat(r.field("s7comm.data.fillbyte").offset()).isEqualTo(23);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void szlResponseWithModuleIdentification() {
        String entry = "0001" + "36455337203331352d3245483134" + "2d30414230" + "20" + "00c0 0004 0001";
        Dissection d = payload(hex("32 07 0000 0300 000c 0028 000112 08 12 84 01 01 00 00 0000"
                + "ff 09 0024 0011 0000 001c 0001" + entry), 0);
        assertThat(d.field("s7comm.data.userdata.szl_id.partlist_num").longValue()).isEqualTo(0x11);
        assertThat(d.field("s7comm.data.userdata.szl_id.partlist_cnt").longValue()).isEqualTo(1);
        assertThat(d.field("s7comm.data.userdata.szl_data_tree").length()).isEqualTo(28);
        assertThat(d.field("s7comm.szl.xy11.0001.anz").value()).isEqualTo("6ES7 315-2EH14-0AB0 ");
        assertThat(d.field("s7comm.szl.xy11.0001.ausbe").longValue()).isEqualTo(1);
        assertThat(d.findings()).isEmpty();
    }

    @Test
    void clockResponseIsBcd() {
        Dissection d = payload(hex("32 07 0000 0300 000c 000e 000112 08 12 87 01 01 00 00 0000"
                + "ff 09 000a 00 19 14 08 20 11 59 43 9124"), 0);
        assertThat(d.field("s7comm.data.ts").value()).isEqualTo("Aug 20, 2014 11:59:43.912000000 UTC");
        assertThat(d.field("s7comm.data.ts_millisecond").longValue()).isEqualTo(912);
        assertThat(d.field("s7comm.data.ts_weekday").display()).isEqualTo("Wednesday (4)");
        assertThat(d.findings()).isEmpty();
    }

    @Test
    void blockListAndStartUpload() {
        Dissection d = payload(hex("32 07 0000 0300 000c 0008 000112 08 12 83 01 01 00 00 0000 ff 09 0004 3038 0001"), 0);
        assertThat(d.field("s7comm.blockinfo.blocktype").value()).isEqualTo("08");
        assertThat(d.field("s7comm.blockinfo.blocktype").display()).isEqualTo("08 (OB)");
        assertThat(d.field("s7comm.blockinfo.block_count").longValue()).isEqualTo(1);

        Dissection u = payload(hex("32 01 0000 0100 0012 0000 1d 00 0000 00000000 09 5f3042303030303041"), 0);
        assertThat(u.field("s7comm.param.blockcontrol.filename").value()).isEqualTo("_0B00000A");
        assertThat(u.field("s7comm.data.blockcontrol.block_number").value()).isEqualTo("00000");
        assertThat(u.field("s7comm.data.blockcontrol.dest_filesys").offset()).isEqualTo(27);
        assertThat(u.findings()).isEmpty();
    }

    @Test
    void userdataHeader() {
        Dissection d = payload(hex("32 07 0000 0300 0008 0008 000112 04 11 44 01 00 ff 09 0004 0132 0004"), 0);
        assertThat(d.field("s7comm.param.userdata.type").longValue()).isEqualTo(4);
        assertThat(d.field("s7comm.param.userdata.funcgroup").display()).isEqualTo("CPU functions (4)");
        assertThat(d.field("s7comm.param.userdata.subfunc").display()).isEqualTo("Read SZL (1)");
        assertThat(d.findings()).isEmpty();
    }

    @Test
    void s7Findings() {
        assertThat(ids(payload(hex("32 01 0005 0001 0008 0000 F0 00 0001 0001 01E0"), 0))).containsExactly("S7-REDUNDANCY-ID-NONZERO");
        assertThat(ids(payload(hex("32 01 0000 0001 0008 0000 F0 00 0001 0001 01E0 0000"), 0))).containsExactly("S7-LENGTH-MISMATCH");
        assertThat(ids(payload(hex("32 05 0000 0001 0000 0000"), 0))).containsExactly("S7-ROSCTR-UNKNOWN");
    }

    @Test
    void s7commPlusHeaderAndTrailer() {
        Dissection d = payload(hex("72 01 0004 aabbccdd 72 01 0000"), 0);
        assertThat(d.field("s7comm-plus.header.datlg").longValue()).isEqualTo(4);
        assertThat(d.field("s7comm-plus.trailer.protid").offset()).isEqualTo(8);
    }

    // ---- session ----

    @Test
    void connectSpduWithPresentationConnect() {
        Dissection d = payload(hex("0D 1D 05 06 13 01 00 16 01 02 14 02 00 02 33 02 00 01 34 02 00 01 C1 07 31 05 A0 03 80 01 01"), 0);
        assertThat(d.field("ses.type").display()).isEqualTo("CONNECT (CN) SPDU (13)");
        assertThat(d.field("ses.req.flags").longValue()).isEqualTo(2);
        assertThat(d.field("ses.duplex").longValue()).isEqualTo(1);
        assertThat(d.field("ses.version.flags").longValue()).isEqualTo(2);
        assertThat(d.field("ses.calling_session_selector").offset()).isEqualTo(16);
        assertThat(d.layer("ber")).isNotNull();
        assertThat(d.layer("ber").fields().get(0).name()).startsWith("CP-type");
        assertThat(d.findings()).isEmpty();
    }

    @Test
    void giveTokensThenDataWithMms() {
        Dissection d = payload(hex("01 00 01 00 61 0c 30 0a 02 01 03 a0 05 a0 03 02 01 01"), 0);
        assertThat(d.layers().stream().filter(l -> l.protocol().equals("ses")).count()).isEqualTo(2);
        assertThat(d.fields("ses.type").get(0).display()).isEqualTo("Give tokens PDU (1)");
        assertThat(d.fields("ses.type").get(1).display()).isEqualTo("DATA TRANSFER (DT) SPDU (1)");
        assertThat(d.fields("ber.element").stream().map(f -> f.name()).toList())
                .contains("Fully-encoded-data (P-DATA user data)", "PDV-list", "MMS confirmed-RequestPDU");
        assertThat(d.findings()).isEmpty();
    }

    @Test
    void sessionFindings() {
        assertThat(ids(payload(hex("01 00 61 03 02 01 05"), 0))).contains("SES-DT-NOT-CONCATENATED");
        Dissection nm = payload(hex("0D FF 00 04 14 02 00 02"), 0);
        assertThat(ids(nm)).containsExactly("SES-LI-NONMINIMAL");
        assertThat(nm.field("ses.length").length()).isEqualTo(3);
        assertThat(ids(payload(hex("0D 20 14 02 00 02"), 0))).containsExactly("SES-LI-OVERRUN");
        assertThat(ids(payload(hex("0D 04 14 05 00 02"), 0))).containsExactly("SES-LI-OVERRUN");
        Dissection u = UpperTestSupport.run(new Session(new Ber()), hex("63 00"), 0);
        assertThat(ids(u)).containsExactly("SES-UNKNOWN-SI");
    }

    // ---- BER ----

    @Test
    void berFindings() {
        assertThat(ids(payload(hex("01 00 01 00 61 10 30 02 02 01"), 0))).contains("BER-LENGTH-OVERRUN");
        assertThat(ids(payload(hex("01 00 01 00 61 ff 00"), 0))).containsExactly("BER-LENGTH-0xFF");
        assertThat(ids(payload(hex("01 00 01 00 61 05 02 80 01 00 00"), 0))).containsExactly("BER-INDEFINITE-PRIMITIVE");
        assertThat(ids(payload(hex("01 00 01 00 61 80 30 03 02 01 05"), 0))).containsExactly("BER-INDEFINITE-PRIMITIVE");
        assertThat(ids(payload(hex("01 00 01 00 61 80 30 03 02 01 05 00 00"), 0))).isEmpty();
    }

    @Test
    void berHighTagNumberAndLyingLength() {
        Dissection d = payload(hex("01 00 01 00 61 05 9f 81 05 01 07"), 0);
        assertThat(d.fields("ber.id.tag").get(1).longValue()).isEqualTo(133);
        assertThat(d.findings()).isEmpty();
        Dissection lie = payload(hex("01 00 01 00 61 84 7f ff ff ff 30 00"), 0);
        assertThat(ids(lie)).containsExactly("BER-LENGTH-OVERRUN");
    }

    @Test
    void deepNestingIsBounded() {
        StringBuilder sb = new StringBuilder("01 00 01 00 ");
        for (int i = 0; i < 500; i++) sb.append("a0 80 ");
        Dissection d = payload(hex(sb.toString()), 0);
        assertThat(ids(d)).doesNotContain("INSPECTOR-INTERNAL-ERROR");
        assertThat(d.layer("ber")).isNotNull();
    }
}
