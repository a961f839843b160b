package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.frameinspector.TestFiles;
import org.junit.jupiter.api.Test;

class DiffCommandTest {
    record Run(int rc, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Run(rc, o.toString(), e.toString());
    }

    static final String SEED = "samples/kb-q151626-connect-confirm.txt";
    static final String FIXED = "samples/kb-q151626-fixed-reserved-zero.txt";

    @Test
    void seedAgainstFixedFrame() {
        Run r = run("diff", SEED, FIXED);
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.out()).contains("changed    tpkt/tpkt.reserved  0x0037+1 / 0x0037+1  17 -> 0");
        assertThat(r.out()).doesNotContain("tcp/tcp.checksum");
        assertThat(r.out().strip()).endsWith("1 difference (1 changed, 0 only in A, 0 only in B); 2 masked");

        Run all = run("diff", "--no-default-masks", SEED, FIXED);
        assertThat(all.rc()).isEqualTo(1);
        assertThat(all.out()).contains("tcp/tcp.checksum  0x0032+2 / 0x0032+2  0x6073 -> 0x6084");

        Run masked = run("diff", "--mask", "tpkt.reserved", SEED, FIXED);
        assertThat(masked.rc()).isZero();
        assertThat(masked.out()).contains("no differences; 3 masked");
    }

    @Test
    void framesOfOneDumpAndJson() {
        Run r = run("diff", "--json", "samples/two-frames-original-and-fixed.txt#1", "samples/two-frames-original-and-fixed.txt#2");
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.out()).startsWith("{\"a\":{\"input\":\"samples/two-frames-original-and-fixed.txt#1\",\"frame\":1");
        assertThat(r.out()).contains("\"identical\":false");
        assertThat(r.out()).contains("{\"index\":");
        assertThat(r.out()).contains("\"path\":\"tpkt/tpkt.reserved\",\"abbrev\":\"tpkt.reserved\"");
        assertThat(r.out()).contains("\"a\":{\"value\":17,\"display\":\"17\",\"source\":\"frame\",\"offset\":55,\"length\":1}");

        Run same = run("diff", SEED, SEED + "#1");
        assertThat(same.rc()).isZero();
        assertThat(same.out()).contains("no differences");
    }

    @Test
    void inputErrorsAreExitTwoWithOneLine() {
        Run missing = run("diff", "no/such/file.txt", SEED);
        assertThat(missing.rc()).isEqualTo(2);
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err()).contains("no such file");

        Run noFrame = run("diff", SEED + "#5", SEED);
        assertThat(noFrame.rc()).isEqualTo(2);
        assertThat(noFrame.err().strip()).endsWith("no frame 5 (1 frame)");
        assertThat(noFrame.err().strip().lines()).hasSize(1);
    }
}
