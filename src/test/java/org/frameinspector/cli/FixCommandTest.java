package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frameinspector.TestFiles;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCommandTest {
    static DiffCommandTest.Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        return new DiffCommandTest.Run(rc, o.toString(), e.toString());
    }

    static byte[] fixedSample() throws Exception {
        return Inputs.open(Path.of("samples", "kb-q151626-fixed-reserved-zero.txt"), null).frames().frame(0).data();
    }

    @Test
    void seedToPcapHexAndPcapng(@TempDir Path tmp) throws Exception {
        String seed = TestFiles.seed().toString();
        for (String name : new String[]{"out.pcap", "out.txt", "out.pcapng"}) {
            Path out = tmp.resolve(name);
            DiffCommandTest.Run r = run("fix", "-o", out.toString(), seed);
            assertThat(r.rc()).as(name).isZero();
            assertThat(r.out()).contains("0x0037 tpkt.reserved 11 -> 00 (TPKT-RESERVED-NONZERO");
            assertThat(r.out()).contains("0x0032 tcp.checksum 60 73 -> 60 84");
            assertThat(r.out()).contains("findings left: none");
            Loaded back = Inputs.open(out, null);
            assertThat(back.frames().size()).isEqualTo(1);
            assertThat(back.frames().frame(0).data()).as(name).isEqualTo(fixedSample());
            if (name.endsWith("pcapng")) {
                assertThat(back.frames().frame(0).comment()).contains("fi-fix: 0x0037 tpkt.reserved 11 -> 00");
            }
        }
        assertThat(Files.readString(tmp.resolve("out.txt"))).contains("#   0x0037 tpkt.reserved 11 -> 00");
    }

    @Test
    void dumpStartingAtTpktIsEncapsulatedForPcap(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("tpkt.pcap");
        DiffCommandTest.Run r = run("fix", "--starts-at", "tpkt", "--format", "pcap", "-o", out.toString(),
                "samples/tpkt-only-connect-confirm.txt");
        // (without --starts-at the detector reads "03 11" as a COTP header: the reserved byte defeats the 03 00 test)
        assertThat(r.rc()).isZero();
        Frame f = Inputs.open(out, null).frames().frame(0);
        assertThat(f.linkType()).isEqualTo(Frame.LINK_ETHERNET);
        Dissection d = org.frameinspector.core.protocols.Protocols.dissector().dissect(f);
        assertThat(d.findings()).isEmpty();
        assertThat(d.field("tpkt.reserved").longValue()).isZero();
        assertThat(d.field("tcp.checksum.status").display()).isEqualTo("Good");
        assertThat(d.field("cotp.dst-tsap").display()).isEqualTo("EXCHANGETSAP1");
    }

    @Test
    void framesSelectionAndErrors(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("two.txt");
        DiffCommandTest.Run r = run("fix", "--frames", "1", "-o", out.toString(), "samples/two-frames-original-and-fixed.txt");
        assertThat(r.rc()).isZero();
        Loaded back = Inputs.open(out, null);
        assertThat(back.frames().size()).isEqualTo(1);
        assertThat(back.frames().frame(0).data()).isEqualTo(fixedSample());

        DiffCommandTest.Run none = run("fix", "-o", tmp.resolve("x").toString(), "no/such.txt");
        assertThat(none.rc()).isEqualTo(2);
        assertThat(none.err().strip().lines()).hasSize(1);
        DiffCommandTest.Run bad = run("fix", "--format", "xml", "-o", tmp.resolve("x").toString(), TestFiles.seed().toString());
        assertThat(bad.rc()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown fix output format 'xml'");
    }
}
