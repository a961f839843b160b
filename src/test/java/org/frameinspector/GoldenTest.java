package org.frameinspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.frameinspector.cli.Main;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.export.TreeText;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden dissections: the text tree of the seed and of frames from the shared captures must stay exactly as
 * reviewed. Regenerate deliberately with {@code -Dfi.updateGolden=true} and review the diff.
 */
class GoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Arguments> cases() {
        // the KB frame is in samples/ (the repo's own data) and runs everywhere; the shared captures where present
        Stream<Arguments> own = Stream.of(Arguments.of("seed", TestFiles.kbSample(), "1"));
        if (!TestFiles.hasShared() && !TestFiles.required()) return own;
        return Stream.concat(own, Stream.of(
                Arguments.of("s7comm_plc_time", TestFiles.captures().resolve("s7comm_reading_setting_plc_time.pcap"), "1-12"),
                Arguments.of("mms_get_name_list", TestFiles.captures().resolve("mms_iec61850_get_name_list.pcap"), "4-8"),
                Arguments.of("rdp_no_cookie", TestFiles.captures().resolve("rdp_zeek_no_cookie_mstshash.pcap"), "4-6"),
                Arguments.of("sll2", TestFiles.captures().resolve("link_sll2.pcap"), "1-2"),
                Arguments.of("stacked_vlan", TestFiles.captures().resolve("link_stacked_vlan.pcap"), "1"),
                Arguments.of("null_loopback", TestFiles.captures().resolve("tpkt_icsnpp_null_loopback_subset.pcap"), "4-6"),
                Arguments.of("ipv6", TestFiles.captures().resolve("ipv6_ftp_violation.pcap"), "1-3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGolden(String name, Path input, String frames) throws Exception {
        String actual = render(input, frames);
        Path golden = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("fi.updateGolden") || !Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    static String render(Path input, String frames) throws Exception {
        var sel = org.frameinspector.core.export.FrameSelection.parse(frames);
        StringBuilder sb = new StringBuilder();
        Loaded in = Inputs.open(input, null);
        try (FrameSource fs = in.frames()) {
            FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
            for (int i = 0; i < fs.size(); i++) {
                if (!sel.contains(i + 1)) continue;
                TreeText.render(fd.dissect(fs.frame(i)), sb);
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** The KB case: exactly one finding, TPKT-RESERVED-NONZERO at 0x37, RISK, 0x11 vs 0x00, citing RFC 1006. */
    @Test
    void seedHasExactlyTheReservedByteFinding() throws Exception {
        Loaded in = Inputs.open(TestFiles.kbSample(), null);
        assertThat(in.frames().size()).isEqualTo(1);
        Dissection d = org.frameinspector.core.protocols.Protocols.dissector().dissect(in.frames().frame(0));
        assertThat(d.frame().capturedLength()).isEqualTo(98);
        List<Finding> notInfo = new ArrayList<>();
        for (Finding f : d.findings()) if (f.severity() != Severity.INFO) notInfo.add(f);
        assertThat(notInfo).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("TPKT-RESERVED-NONZERO");
            assertThat(f.severity()).isEqualTo(Severity.RISK);
            assertThat(f.offset()).isEqualTo(0x37);
            assertThat(f.length()).isEqualTo(1);
            assertThat(f.observed()).isEqualTo("0x11");
            assertThat(f.expected()).isEqualTo("0x00");
            assertThat(f.fieldAbbrev()).isEqualTo("tpkt.reserved");
            assertThat(f.reference()).contains("RFC 1006");
            assertThat(f.explanation()).contains("03 00").containsIgnoringCase("reserved").contains("0x11");
        });
        assertThat(d.findings()).allMatch(f -> f.id().equals("TPKT-RESERVED-NONZERO"));
        assertThat(d.field("ip.checksum.status").display()).isEqualTo("Good");
        assertThat(d.field("tcp.checksum.status").display()).isEqualTo("Good");
        // every byte belongs to a field: no undecoded range in this well-formed frame
        assertThat(d.fields("_ws.undecoded")).isEmpty();
    }

    @Test
    void seedWithConnectionStateStillShowsTheReservedByte() throws Exception {
        List<Dissection> ds = new ArrayList<>();
        org.frameinspector.core.stream.InOrder.dissect(Inputs.open(TestFiles.kbSample(), null).frames(), null, ds::add);
        assertThat(ds).singleElement().satisfies(d ->
                assertThat(d.findings()).extracting(Finding::id).containsExactly("TPKT-RESERVED-NONZERO"));
    }

    @Test
    void aPastedTpktWithTheKbReservedByteIsRecognisedAsTpkt() {
        byte[] tpkt = java.util.Arrays.copyOfRange(seedBytes(), 0x36, 98);
        assertThat(org.frameinspector.core.input.hexdump.StartLayer.detect(tpkt)).isEqualTo("tpkt");
    }

    static byte[] seedBytes() {
        try {
            return Inputs.open(TestFiles.kbSample(), null).frames().frame(0).data();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void seedJsonCarriesTheFinding() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(new String[]{"dissect", "--json", TestFiles.kbSample().toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(rc).isZero();
        String j = out.toString();
        assertThat(j).contains("\"id\":\"TPKT-RESERVED-NONZERO\",\"severity\":\"RISK\",\"layer\":\"tpkt\",\"field\":\"tpkt.reserved\","
                + "\"source\":\"frame\",\"offset\":55,\"length\":1,\"observed\":\"0x11\",\"expected\":\"0x00\"");
        assertThat(j).contains("{\"abbrev\":\"tpkt.reserved\",\"name\":\"Reserved\",\"offset\":55,\"length\":1,\"bitmask\":0,\"value\":17,");
        assertThat(j).contains("\"layout\":").contains("\"start_layer\":\"eth\"");
    }

    @Test
    void checkExitCodes(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        PrintWriter sink = new PrintWriter(new StringWriter());
        assertThat(Main.run(new String[]{"check", TestFiles.kbSample().toString()}, sink, sink)).isEqualTo(1);
        Path clean = tmp.resolve("clean.txt");
        Files.writeString(clean, "0000  03 00 00 16 11 e0 00 00  00 01 00 c1 02 01 00 c2\n0010  02 01 02 c0 01 0a\n");
        assertThat(Main.run(new String[]{"check", clean.toString()}, sink, sink)).isZero();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[]{"check", tmp.resolve("missing.pcap").toString()}, sink, new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception").contains("missing.pcap");
        Path junk = tmp.resolve("junk.pcap");
        Files.write(junk, new byte[]{(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0});
        err = new StringWriter();
        assertThat(Main.run(new String[]{"check", junk.toString()}, sink, new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("byte offset");
    }
}
