package org.frameinspector.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frameinspector.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The -Y/--display-filter option of dissect and check. */
class DisplayFilterCliTest {
    /** The KB CONNECT CONFIRM from its TPKT header on: reserved byte 0x11. */
    static final String TPKT_DUMP = "0000  03 11 00 2C 27 D0 01 CA  00 29 00 C1 0D 53 57 49\n"
            + "0010  53 53 4C 49 46 45 54 53  41 50 C2 0D 45 58 43 48\n"
            + "0020  41 4E 47 45 54 53 41 50  31 C0 01 0B\n";
    static final String SAMPLE = Path.of("samples", "kb-q151626-connect-confirm.txt").toString();

    @TempDir
    Path tmp;

    record Run(int rc, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Run(rc, o.toString(), e.toString());
    }

    String dump() throws IOException {
        Path p = tmp.resolve("tpkt.txt");
        Files.writeString(p, TPKT_DUMP);
        return p.toString();
    }

    @Test
    void dissectShowsOnlyMatchingFrames() throws IOException {
        String f = dump();
        Run hit = run("dissect", "-Y", "tpkt.reserved != 0", "--starts-at", "tpkt", f);
        assertThat(hit.rc()).isZero();
        assertThat(hit.out()).contains("TPKT, Version: 3", "TPKT-RESERVED-NONZERO");
        Run miss = run("dissect", "--display-filter", "tpkt.reserved == 0", "--starts-at", "tpkt", f);
        assertThat(miss.rc()).isZero();
        assertThat(miss.out()).startsWith("Input: ").doesNotContain("TPKT");
        Run finding = run("dissect", "-Y", "finding.id == \"TPKT-RESERVED-NONZERO\" && cotp.type == 0x0d",
                "--starts-at", "tpkt", f);
        assertThat(finding.out()).contains("CC Connect Confirm");
    }

    @Test
    void dissectJsonListsOnlyMatchingFrames() throws IOException {
        String f = dump();
        assertThat(run("dissect", "--json", "-Y", "tpkt.reserved != 0", "--starts-at", "tpkt", f).out())
                .contains("TPKT-RESERVED-NONZERO");
        assertThat(run("dissect", "--json", "-Y", "!tpkt", "--starts-at", "tpkt", f).out())
                .contains("\"frames\":[]");
    }

    @Test
    void seedSampleByByteOffset() {
        // holds whatever the lower-layer dissectors make of it: byte 0x37 of the frame is the TPKT reserved byte
        Run hit = run("dissect", "-Y", "frame[0x37] == 11 && frame contains \"EXCHANGETSAP1\"", SAMPLE);
        assertThat(hit.rc()).isZero();
        assertThat(hit.out()).contains("Frame 1:");
        Run miss = run("dissect", "-Y", "frame[0x37] == 00", SAMPLE);
        assertThat(miss.rc()).isZero();
        assertThat(miss.out()).doesNotContain("Frame 1:");
    }

    @Test
    void checkExitCodeConsidersOnlyMatchingFrames() throws IOException {
        String f = dump();
        Run all = run("check", "--starts-at", "tpkt", f);
        assertThat(all.rc()).isEqualTo(1);
        assertThat(all.out()).contains("1 frame(s), 1 finding(s)");
        Run hit = run("check", "-Y", "finding.severity >= RISK", "--starts-at", "tpkt", f);
        assertThat(hit.rc()).isEqualTo(1);
        assertThat(hit.out()).contains("TPKT-RESERVED-NONZERO", "1 frame(s) of 1 matching the display filter");
        Run none = run("check", "-q", "-Y", "!tpkt", "--starts-at", "tpkt", f);
        assertThat(none.rc()).isZero();
        assertThat(none.out()).isEqualTo("0 frame(s) of 1 matching the display filter, 0 finding(s), 0 of severity"
                + " RISK or VIOLATION" + System.lineSeparator());
    }

    @Test
    void syntaxErrorIsOneLineWithTheColumnAndExitTwo() throws IOException {
        String f = dump();
        Run typo = run("dissect", "-Y", "tpkt.reservd != 0", "--starts-at", "tpkt", f);
        assertThat(typo.rc()).isEqualTo(2);
        assertThat(typo.out()).isEmpty();
        assertThat(typo.err().strip()).isEqualTo("frame-inspector: display filter: unknown field 'tpkt.reservd' at "
                + "column 1 \u2014 did you mean 'tpkt.reserved'?");
        Run paren = run("check", "-Y", "(tpkt.reserved != 0))", "--starts-at", "tpkt", f);
        assertThat(paren.rc()).isEqualTo(2);
        assertThat(paren.err().strip()).isEqualTo("frame-inspector: display filter: unexpected ')' (no '(' to close)"
                + " at column 21");
        assertThat(paren.err().strip().lines().count()).isEqualTo(1);
        // the filter is checked before the input is read
        assertThat(run("check", "-Y", "tpkt ==", "no-such-file.txt").err()).contains("column 8")
                .doesNotContain("no-such-file");
    }
}
