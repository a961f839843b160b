package org.frameinspector.core.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frameinspector.core.protocols.UpperTestSupport.hex;
import static org.frameinspector.core.protocols.UpperTestSupport.payload;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.junit.jupiter.api.Test;

/**
 * S7comm "Read SZL" requests and responses built byte by byte. Layouts and names are those tshark 4.0 shows for the
 * same bytes (checked with crafted captures; S7SzlTsharkTest compares the shared captures field by field). Offsets
 * below are offsets in the S7 PDU (the COTP user data); a response's SZL-ID is at 26, its first record at 34.
 */
class S7SzlTest {
    private static List<String> ids(Dissection d) {
        return d.findings().stream().map(Finding::id).toList();
    }

    /** A userdata response PDU of group 4 / Read SZL; body = SZL-ID, index, record length, count, records. */
    static String response(String body, int dur, int last) {
        int dlen = body.replace(" ", "").length() / 2;
        return "32 07 0000 0100 000c " + String.format("%04x", dlen + 4) + " 000112 08 12 84 01 01 "
                + String.format("%02x %02x", dur, last) + " 0000 ff 09 " + String.format("%04x", dlen) + " " + body;
    }

    static Dissection szl(String body) {
        return payload(hex(response(body, 0, 0)), 0);
    }

    private static void at(Dissection d, String abbrev, int off, int len, long value) {
        Field f = d.field(abbrev);
        assertThat(f).as(abbrev).isNotNull();
        assertThat(f.offset()).as(abbrev + " offset").isEqualTo(off);
        assertThat(f.length()).as(abbrev + " length").isEqualTo(len);
        assertThat(f.longValue()).as(abbrev + " value").isEqualTo(value);
    }

    @Test
    void requestCarriesIdWithNamedPartsAndIndex() {
        Dissection d = payload(hex("32 07 0000 0100 0008 0008 000112 04 11 44 01 00 ff 09 0004 0d91 0000"), 0);
        Field id = d.field("s7comm.data.userdata.szl_id");
        assertThat(id.offset()).isEqualTo(22);
        assertThat(id.display()).isEqualTo("0x0d91 (Module status information of all modules in the specified "
                + "rack/in the specified station (DP or PROFINET))");
        assertThat(d.field("s7comm.data.userdata.szl_id.diag_type").display()).isEqualTo("CPU (0x0)");
        at(d, "s7comm.data.userdata.szl_id.partlist_ex", 22, 2, 0x0d91);
        assertThat(d.field("s7comm.data.userdata.szl_id.partlist_num").display())
                .isEqualTo("Module status information (0x91)");
        at(d, "s7comm.data.userdata.szl_index", 24, 2, 0);
        assertThat(d.field("s7comm.data.userdata.szl_id.partlist_len")).isNull();
        assertThat(d.findings()).isEmpty();

        Dissection im = payload(hex("32 07 0000 0100 0008 0008 000112 04 11 44 01 00 ff 09 0004 4c91 0100"), 0);
        assertThat(im.field("s7comm.data.userdata.szl_id.diag_type").display()).isEqualTo("IM (0x4)");
    }

    @Test
    void ledStatusOf0019And0074() {
        for (String id : List.of("0019", "0119", "0074", "0174")) {
            Dissection d = szl(id + " 0000 0004 0002 0004 0100 0005 0001");
            List<Field> trees = d.fields("s7comm.data.userdata.szl_data_tree");
            assertThat(trees).as(id).hasSize(2);
            assertThat(trees.get(0).display()).isEqualTo("(list count no. 1)");
            at(d, "s7comm.szl.xy74.0000.cpu_led_id.id", 34, 2, 4);
            assertThat(d.field("s7comm.szl.xy74.0000.cpu_led_id.id").display()).startsWith("RUN");
            assertThat(d.field("s7comm.szl.xy74.0000.led_on").display()).isEqualTo("On (1)");
            assertThat(d.fields("s7comm.szl.xy74.0000.led_blink").get(1).display()).isEqualTo("Flashing normally (2 Hz) (1)");
            assertThat(d.findings()).as(id).isEmpty();
        }
    }

    @Test
    void diagnosticBufferEntries() {
        String entry = "4302 ff 84 0000 0000 00000000 9412 0508 1234 5678";
        Dissection d = szl("00a0 0000 0014 0002 " + entry + entry);
        assertThat(d.fields("s7comm.cpu.diag_msg")).hasSize(2);
        at(d, "s7comm.cpu.diag_msg.eventid", 34, 2, 0x4302);
        at(d, "s7comm.cpu.diag_msg.eventid.class", 34, 2, 4);
        at(d, "s7comm.cpu.diag_msg.eventid.ident.entleave", 34, 2, 1);
        at(d, "s7comm.cpu.diag_msg.eventid.nr", 34, 2, 2);
        at(d, "s7comm.cpu.diag_msg.prioclass", 36, 1, 255);
        at(d, "s7comm.cpu.diag_msg.obnumber", 37, 1, 132);
        at(d, "s7comm.cpu.diag_msg.info2", 42, 4, 0);
        Field ts = d.field("s7comm.data.ts");
        assertThat(ts.offset()).isEqualTo(46);
        assertThat(ts.length()).isEqualTo(8);
        assertThat(ts.value()).isEqualTo("Dec  5, 1994 08:12:34.567000000 UTC");
        assertThat(d.field("s7comm.data.ts_year1")).isNull();
        assertThat(d.findings()).isEmpty();
    }

    @Test
    void moduleStatusOf0d91() {
        String rec = "0000 0000 0100 0200 1000 8000 0001 0044";
        Dissection d = szl("0d91 0000 0010 0001 " + rec);
        at(d, "s7comm.szl.0091.0000.logadr", 38, 2, 256);
        at(d, "s7comm.szl.0091.0000.res1_0d", 44, 2, 0x8000);
        assertThat(d.field("s7comm.szl.0091.0000.res1")).isNull();
        at(d, "s7comm.szl.0091.0000.eastat.moderror", 46, 2, 1);
        assertThat(d.field("s7comm.szl.0091.0000.eastat").display()).isEqualTo("0x0001, Module error");
        at(d, "s7comm.szl.0091.0000.berbgbr.width", 48, 2, 4);
        at(d, "s7comm.szl.0091.0000.berbgbr.areaid", 48, 2, 4);
        assertThat(d.field("s7comm.szl.0091.0000.berbgbr.areaid").display()).isEqualTo("Q area (4)");
        assertThat(d.findings()).isEmpty();
        Dissection c = szl("0c91 0100 0010 0001 " + rec);
        assertThat(c.field("s7comm.szl.0091.0000.res1_0c_4c_4d")).isNotNull();
    }

    @Test
    void communicationCapabilityIndex2() {
        StringBuilder rec = new StringBuilder();
        for (int i = 2; i < 42; i++) rec.append(String.format("%02x", i));
        Dissection d = szl("0131 0002 0028 0001 " + rec);
        at(d, "s7comm.szl.0131.0002.funkt_0", 36, 1, 0x04);
        at(d, "s7comm.szl.0131.0002.funkt_0.var_stat", 36, 1, 1);
        at(d, "s7comm.szl.0131.0002.trgereig_0", 54, 1, 0x16);
        at(d, "s7comm.szl.0131.0002.force", 66, 2, 0x2223);
        at(d, "s7comm.szl.0131.0002.res", 70, 4, 0x26272829L);
        assertThat(d.field("s7comm.szl.0131.0002.aseg").length()).isEqualTo(6);
        assertThat(d.findings()).isEmpty();
        assertThat(d.layer("undecoded")).isNull();
    }

    @Test
    void unknownIdsAreRawRecordsOfTheirLength() {
        Dissection d = szl("0f91 0000 0003 0002 aabbcc ddeeff");
        List<Field> raw = d.fields("s7comm.param.userdata.szl_part_list");
        assertThat(raw).extracting(Field::offset).containsExactly(34, 37);
        assertThat(raw).extracting(Field::length).containsExactly(3, 3);
        assertThat(d.findings()).isEmpty();
    }

    @Test
    void countLargerThanTheDataIsAFindingAndThePresentRecordsAreDecoded() {
        String rec = "0001" + "00".repeat(26);
        Dissection d = szl("0011 0000 001c 0005 " + rec + rec + "0006 0000");
        assertThat(d.fields("s7comm.szl.xy11.0001.index")).hasSize(2);
        assertThat(ids(d)).containsExactly("S7-SZL-LIST-LENGTH");
        Finding f = d.findings().get(0);
        assertThat(f.offset()).isEqualTo(30);
        assertThat(f.length()).isEqualTo(4);
        assertThat(f.observed()).isEqualTo("5 records of 28 bytes = 140 bytes");
        assertThat(f.expected()).startsWith("60 bytes");
        Field cut = d.fields("s7comm.data.userdata.szl_data_tree").get(2);
        assertThat(cut.display()).contains("[4 of 28 bytes in this PDU]");
        assertThat(d.field("s7comm.data.userdata.szl_data").offset()).isEqualTo(90);
    }

    @Test
    void countSmallerThanTheDataIsAFindingAndTheRestIsShown() {
        String rec = "0001" + "00".repeat(26);
        Dissection d = szl("0011 0000 001c 0001 " + rec + rec);
        assertThat(d.fields("s7comm.szl.xy11.0001.index")).hasSize(1);
        assertThat(ids(d)).containsExactly("S7-SZL-LIST-LENGTH");
        Field rest = d.field("s7comm.data.userdata.szl_data");
        assertThat(rest.offset()).isEqualTo(62);
        assertThat(rest.length()).isEqualTo(28);
    }

    @Test
    void zeroRecordLengthWithACountIsAFinding() {
        Dissection d = szl("0011 0000 0000 0003");
        assertThat(ids(d)).containsExactly("S7-SZL-LIST-LENGTH");
        assertThat(d.fields("s7comm.data.userdata.szl_data_tree")).isEmpty();
    }

    @Test
    void recordShorterThanItsLayoutIsRawWithAFinding() {
        Dissection d = szl("0011 0000 0004 0002 00010203 04050607");
        assertThat(ids(d)).containsExactly("S7-SZL-RECORD-SHORT", "S7-SZL-RECORD-SHORT");
        assertThat(d.findings().get(0).observed()).isEqualTo("4 bytes");
        assertThat(d.fields("s7comm.param.userdata.szl_part_list")).hasSize(2);
        assertThat(d.field("s7comm.szl.xy11.0001.index")).isNull();
    }

    @Test
    void firstPduOfAMultiPduAnswerIsNotMalformedAndTheLastIsAContinuation() {
        Dissection first = payload(hex(response("00a0 0000 0014 000a " + "00".repeat(50), 3, 1)), 0);
        assertThat(first.findings()).isEmpty();
        assertThat(first.fields("s7comm.cpu.diag_msg")).hasSize(2);
        assertThat(first.fields("s7comm.data.userdata.szl_data_tree").get(2).display())
                .contains("[10 of 20 bytes in this PDU]");

        Dissection cont = payload(hex(response("00".repeat(10), 3, 0)), 0);
        assertThat(cont.findings()).isEmpty();
        assertThat(cont.field("s7comm.data.userdata.szl_id")).isNull();
        assertThat(cont.field("s7comm.data.userdata.szl_data_tree").display())
                .isEqualTo("[Fragment, continuation of previous data]");
        assertThat(cont.field("s7comm.data.userdata.szl_data").length()).isEqualTo(10);
    }

    @Test
    void headerCutAfterTheIndexIsAFinding() {
        Dissection d = szl("0011 0000 00");
        assertThat(ids(d)).containsExactly("S7-SZL-LIST-LENGTH");
        assertThat(d.field("s7comm.data.userdata.szl_data").length()).isEqualTo(1);
    }

    @Test
    void hostileHeadersNeverThrowAndCoverEveryByte() {
        Random r = new Random(15);
        HexFormat h = HexFormat.of();
        for (int i = 0; i < 2000; i++) {
            byte[] body = new byte[r.nextInt(90)];
            r.nextBytes(body);
            if (body.length >= 2 && r.nextBoolean()) { // a known SZL-ID
                int[] known = {0x0000, 0x0011, 0x001c, 0x0013, 0x0019, 0x0074, 0x0424, 0x0131, 0x0132, 0x0d91, 0x00a0};
                int id = known[r.nextInt(known.length)];
                body[0] = (byte) (id >> 8);
                body[1] = (byte) id;
                if (body.length >= 4) body[2] = 0;
                if (body.length >= 4) body[3] = (byte) r.nextInt(9);
            }
            Dissection d = szl(h.formatHex(body));
            assertThat(d.layer("s7comm")).isNotNull();
            assertThat(d.layer("undecoded")).as(h.formatHex(body)).isNull();
        }
    }
}
