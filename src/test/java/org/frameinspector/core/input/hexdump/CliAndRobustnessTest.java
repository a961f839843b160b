package org.frameinspector.core.input.hexdump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.frameinspector.cli.Main;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliAndRobustnessTest {
    @TempDir
    Path tmp;

    private record Run(int rc, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Run(rc, o.toString(), e.toString());
    }

    @Test
    void bytesPrintsOneLowercaseLinePerFrame() throws Exception {
        Path f = tmp.resolve("two.txt");
        Files.writeString(f, PastedTextTest.TSHARK + "\n" + PastedTextTest.TSHARK.toUpperCase());
        Run r = cli("bytes", f.toString());
        assertThat(r.rc()).isZero();
        String one = HexFormat.of().formatHex(ToolLayoutsTest.COTP_CR);
        assertThat(r.out().split("\\R")).containsExactly(one, one);
        assertThat(r.err()).isEmpty();
        Run v = cli("bytes", "-v", f.toString());
        assertThat(v.err()).contains("layout: ").contains("starts at: eth");
    }

    @Test
    void invalidDumpExitsTwoWithOneLineOnStderr() throws Exception {
        Path f = tmp.resolve("bad.txt");
        Files.writeString(f, PastedTextTest.TSHARK.replace("0020  02 32 c0 a9", "0020  02 32 c0 g9"));
        Run r = cli("bytes", f.toString());
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("line 3, column 16").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void startLayerIsDetectedAndCanBeOverridden() throws Exception {
        Loaded l = Inputs.fromText("x", "03 00 00 0d 08 70 00 02 02 c1 02 11 e0\n", null);
        assertThat(l.startLayer()).isEqualTo("tpkt");
        assertThat(l.layout()).isNotBlank();
        assertThat(Inputs.fromText("x", "03 00 00 0d 08 70 00 02 02 c1 02 11 e0\n", "cotp").startLayer()).isEqualTo("cotp");
    }

    @Test
    void startLayerDetection() {
        byte[] eth = ToolLayoutsTest.COTP_CR;
        assertThat(StartLayer.detect(eth)).isEqualTo("eth");
        assertThat(StartLayer.detect(java.util.Arrays.copyOfRange(eth, 14, eth.length))).isEqualTo("ip");
        assertThat(StartLayer.detect(java.util.Arrays.copyOfRange(eth, 54, eth.length))).isEqualTo("tpkt");
        assertThat(StartLayer.detect(java.util.Arrays.copyOfRange(eth, 58, eth.length))).isEqualTo("cotp");
        byte[] llc = HexFormat.of().parseHex("080006010002080006010001002 5fefe0300".replace(" ", ""));
        assertThat(StartLayer.detect(llc)).isEqualTo("llc");
        byte[] v6 = HexFormat.of().parseHex("001b1b123456000c293e517a86dd6000000000330640");
        assertThat(StartLayer.detect(v6)).isEqualTo("eth");
        byte[] bareV6 = java.util.Arrays.copyOf(HexFormat.of().parseHex("60000000003306402001"), 60);
        assertThat(StartLayer.detect(bareV6)).isEqualTo("ipv6");
    }

    @Test
    void hostileInputNeverHangsNorBlowsMemory() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random r = new Random(1);
            StringBuilder junk = new StringBuilder();
            String alphabet = " \t\n0123456789abcdefABCDEFxX:[]{}()*|<>\\\"',;.-/=#zq";
            for (int i = 0; i < 3_000_000; i++) junk.append(alphabet.charAt(r.nextInt(alphabet.length())));
            try {
                HexDumpParser.parse(junk);
            } catch (InputException expected) {
                assertThat(expected.line()).isPositive();
            }
            String longLine = "z!".repeat(10_000_000);
            assertThatThrownBy(() -> HexDumpParser.parse(longLine)).isInstanceOf(InputException.class);
            String hexLine = "ab".repeat(5_000_000);
            assertThat(HexDumpParser.parse(hexLine).frames().get(0)).hasSize(5_000_000);
            String spaced = "ab ".repeat(2_000_000) + "\n" + "ab\n".repeat(100);
            assertThat(HexDumpParser.parse(spaced).frames().get(0)).hasSize(2_000_100);
            String star = "000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n*\nffffffffff\n";
            assertThatThrownBy(() -> HexDumpParser.parse(star)).isInstanceOf(InputException.class);
            String quotes = "\"\\x".repeat(1_000_000);
            HexDumpParser.parse(quotes + "\n\\x00\\x01");
        });
    }

    @Test
    void benchCommandRecoversTheGeneratedDump() {
        Run r = cli("bench-dump", "--size-mb", "2", "--runs", "1");
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.out()).contains("MB/s").contains("1 frame(s)");
    }
}
