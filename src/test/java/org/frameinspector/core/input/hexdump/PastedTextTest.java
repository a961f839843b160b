package org.frameinspector.core.input.hexdump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.frameinspector.core.source.InputException;
import org.junit.jupiter.api.Test;

/** What people paste around and into dumps, and the errors we give when the bytes cannot be recovered exactly. */
class PastedTextTest {
    static final String TSHARK = """
            0000  00 1b 1b 12 34 56 00 0c 29 3e 51 7a 08 00 45 00   ....4V..)>Qz..E.
            0010  00 3e 6c 1d 40 00 80 06 0a 60 c0 00 02 0a c0 00   .>l.@....`......
            0020  02 32 c0 a9 00 66 5e 2f 9c 01 0b 7d 4a 11 50 18   .2...f^/...}J.P.
            0030  fa f0 01 74 00 00 03 00 00 16 11 e0 00 00 00 01   ...t............
            0040  00 c1 02 01 00 c2 02 01 02 c0 01 0a               ............
            """;

    static String hex(HexDump d, int i) {
        return HexFormat.of().formatHex(d.frames().get(i));
    }

    static byte[] cr() {
        return ToolLayoutsTest.COTP_CR;
    }

    @Test
    void mailQuotingCrlfAndTabsAreNotData() throws Exception {
        String quoted = ("> Here is the frame:\r\n>\r\n" + TSHARK.replaceAll("(?m)^", ">> \t").replace("\n", "\r\n")
                + "> Regards\r\n");
        HexDump d = HexDumpParser.parse(quoted);
        assertThat(d.frames()).hasSize(1);
        assertThat(d.frames().get(0)).isEqualTo(cr());
    }

    @Test
    void rowsWrappedInsideTheHexColumnsByAMailClientAreJoined() throws Exception {
        StringBuilder wrapped = new StringBuilder();
        for (String row : TSHARK.split("\n")) {
            String line = ("> >\t\t" + row).replace("\t", "        ");
            while (line.length() > 64) {
                wrapped.append(line, 0, 64).append('\n');
                line = line.substring(64);
            }
            wrapped.append(line).append('\n');
        }
        assertThat(wrapped.toString()).contains("02 \n0a c0 00");
        HexDump d = HexDumpParser.parse(wrapped);
        assertThat(d.frames()).hasSize(1);
        assertThat(d.frames().get(0)).isEqualTo(cr());
    }

    @Test
    void shellPromptsToolWarningsAndPagerLinesAroundTheDump() throws Exception {
        String[] rows = TSHARK.split("\n");
        String text = "user@host:~$ tshark -r s7.pcap -x\nRunning as user \"root\" and group \"root\". This could be dangerous.\n"
                + rows[0] + "\n" + rows[1] + "\n --More-- \n" + rows[2] + "\n--More--" + rows[3] + "\n" + rows[4]
                + "\nuser@host:~$ \n";
        HexDump d = HexDumpParser.parse(text);
        assertThat(d.frames()).hasSize(1);
        assertThat(d.frames().get(0)).isEqualTo(cr());
    }

    @Test
    void severalFramesByFrameHeadersOrOffsetReset() throws Exception {
        String text = "Frame 1:\n" + TSHARK + "Frame 2:\n" + TSHARK.replace("00 c1 02 01 00 c2", "00 c1 02 01 00 c3");
        HexDump d = HexDumpParser.parse(text);
        assertThat(d.frames()).hasSize(2);
        assertThat(d.frames().get(0)).isEqualTo(cr());
        assertThat(hex(d, 1)).contains("00c1020100c3");
        HexDump back2back = HexDumpParser.parse(TSHARK + TSHARK);
        assertThat(back2back.frames()).hasSize(2);
    }

    @Test
    void tsharkReassembledBlocksAreNotFrames() throws Exception {
        String text = "Frame (76 bytes):\n" + TSHARK + "Reassembled TCP (4 bytes):\n0000  03 00 00 16                                       ....\n\n"
                + "Frame (76 bytes):\n" + TSHARK + "Bitstring tvb (1 byte):\n0000  c0                                                .\n";
        HexDump d = HexDumpParser.parse(text);
        assertThat(d.frames()).hasSize(2);
        assertThat(d.frames()).allSatisfy(f -> assertThat(f).isEqualTo(cr()));
    }

    @Test
    void asciiColumnIsNeverReadEvenWhenItLooksLikeHex() throws Exception {
        // the ASCII column of the last row is made only of hex digits, and an earlier one was "edited"
        String text = """
                0000  34 4d 2e 26 41 42 43 44  45 46 30 31 32 33 34 35  4M.&ABCDEF012345
                0010  41 42                                             AB
                """;
        HexDump d = HexDumpParser.parse(text);
        assertThat(hex(d, 0)).isEqualTo("344d2e264142434445463031323334354142");
    }

    @Test
    void oneRowDumpWhoseAsciiColumnIsMadeOfHexDigits() throws Exception {
        assertThat(hex(HexDumpParser.parse("0000  41 42 43 44 45 46   ABCDEF\n"), 0)).isEqualTo("414243444546");
        assertThat(hex(HexDumpParser.parse("00000000  41 42                                             |AB|\n"), 0))
                .isEqualTo("4142");
        // when the trailing groups do not spell the bytes, they are bytes
        assertThat(hex(HexDumpParser.parse("0000  41 42   ab cd\n"), 0)).isEqualTo("4142abcd");
    }

    @Test
    void ciscoIosAsaAndExchangeLayouts() throws Exception {
        String asa = """
                1 packet captured

                   1: 20:40:01.108469       10.0.0.1 > 10.0.0.2 icmp: echo request
                0x0000 a453 0ef3 7fc0 74ad 98e5 0004 0800 4500 .S....t.......E.
                0x0010 0054                                    .T
                1 packet shown
                """;
        assertThat(hex(HexDumpParser.parse(asa), 0)).isEqualTo("a4530ef37fc074ad98e5000408004500" + "0054");
        String ios = """
                0F1A2C00:                   B0FAEBC7 A8620050          0zkG(b.P
                0F1A2C10: 568494FB 08004588                    V..{..E.
                """;
        assertThat(hex(HexDumpParser.parse(ios), 0)).isEqualTo("b0faebc7a8620050568494fb08004588");
        String exchange = "  [        0]  01 31 77 12 41 55 86 CF 11 9B 30 00 AA 00 62 C8\n  .1w.AU....0...b.\n"
                + "  [       16]  05 00\n  ..\n";
        assertThat(hex(HexDumpParser.parse(exchange), 0)).isEqualTo("01317712415586cf119b3000aa0062c80500");
    }

    @Test
    void bytesSeparatedByColonsSpacesOrDashesAndLiterals() throws Exception {
        assertThat(hex(HexDumpParser.parse("03:00:00:0d:08:70"), 0)).isEqualTo("0300000d0870");
        assertThat(hex(HexDumpParser.parse("03-00-00-0D-08-70\n"), 0)).isEqualTo("0300000d0870");
        assertThat(hex(HexDumpParser.parse("03 00 00 0D 08 70\n"), 0)).isEqualTo("0300000d0870");
        assertThat(hex(HexDumpParser.parse("buf = {0x03, 0x00, 0x00, 0x0d};"), 0)).isEqualTo("0300000d");
        assertThat(hex(HexDumpParser.parse("data = b'\\x03\\x00\\x00\\rABC\\n'"), 0)).isEqualTo("0300000d4142430a");
        assertThat(hex(HexDumpParser.parse("\\x03\\x00\\x00\\x0d"), 0)).isEqualTo("0300000d");
        assertThat(hex(HexDumpParser.parse("AwAADQhw\n"), 0)).isEqualTo("0300000d0870");
    }

    @Test
    void continuousHexWrappedAt72ColumnsIsOneFrameAndUnequalLinesAreFrames() throws Exception {
        String all = HexFormat.of().formatHex(cr());
        String wrapped = all.substring(0, 72) + "\n" + all.substring(72, 144) + "\n" + all.substring(144) + "\n";
        HexDump d = HexDumpParser.parse(wrapped);
        assertThat(d.frames()).hasSize(1);
        assertThat(d.frames().get(0)).isEqualTo(cr());
        HexDump perLine = HexDumpParser.parse("0300000d0870\n0300001611e00000\n");
        assertThat(perLine.frames()).hasSize(2);
        assertThat(hex(perLine, 1)).isEqualTo("0300001611e00000");
    }

    @Test
    void text2pcapStyleRowsOfEightBytes() throws Exception {
        String t = "000000 03 00 00 0d 08 70 00 02 ........\n000008 02 c1 02 11 e0 .....\n";
        HexDump d = HexDumpParser.parse(t);
        assertThat(hex(d, 0)).isEqualTo("0300000d08700002" + "02c10211e0");
        assertThat(StartLayer.detect(d.frames().get(0))).isEqualTo("tpkt");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void oddDigitCountIsReportedWithLineAndColumn() {
        assertThatThrownBy(() -> HexDumpParser.parse("hello\n03 00 0 0d 08 70\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("odd number of hex digits")
                .satisfies(e -> {
                    assertThat(((InputException) e).line()).isEqualTo(2);
                    assertThat(((InputException) e).column()).isEqualTo(7);
                });
        assertThatThrownBy(() -> HexDumpParser.parse("0300000d087\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("odd number");
        String oddInRow = TSHARK.replace("0010  00 3e 6c 1d", "0010  00 3e 6c 1");
        assertThatThrownBy(() -> HexDumpParser.parse(oddInRow)).isInstanceOf(InputException.class)
                .hasMessageContaining("odd number of hex digits in '1'")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
    }

    @Test
    void junkInsideTheHexColumns() {
        String junk = TSHARK.replace("0020  02 32 c0 a9", "0020  02 32 c0 g9");
        assertThatThrownBy(() -> HexDumpParser.parse(junk)).isInstanceOf(InputException.class)
                .hasMessageContaining("'g9' inside the hex columns")
                .satisfies(e -> {
                    assertThat(((InputException) e).line()).isEqualTo(3);
                    assertThat(((InputException) e).column()).isEqualTo(16);
                });
    }

    @Test
    void missingRowIsReportedNotShifted() {
        String[] rows = TSHARK.split("\n");
        String missing = rows[0] + "\n" + rows[1] + "\n" + rows[3] + "\n" + rows[4] + "\n";
        assertThatThrownBy(() -> HexDumpParser.parse(missing)).isInstanceOf(InputException.class)
                .hasMessageContaining("missing row").hasMessageContaining("0x20")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3));
    }

    @Test
    void rowShorterThanTheNextOffsetImplies() {
        String shortRow = TSHARK.replace("0010  00 3e 6c 1d 40 00 80 06 0a 60 c0 00 02 0a c0 00   .>l.@....`......",
                "0010  00 3e 6c 1d 40 00 80 06 0a 60 c0 00 02 0a c0");
        assertThatThrownBy(() -> HexDumpParser.parse(shortRow)).isInstanceOf(InputException.class)
                .hasMessageContaining("row has 15 bytes but the next offset")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
    }

    @Test
    void doubledRowIsReported() {
        String[] rows = TSHARK.split("\n");
        String doubled = rows[0] + "\n" + rows[1] + "\n" + rows[1] + "\n" + rows[2] + "\n";
        assertThatThrownBy(() -> HexDumpParser.parse(doubled)).isInstanceOf(InputException.class)
                .hasMessageContaining("doubled")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3));
    }

    @Test
    void noDumpAtAll() {
        assertThatThrownBy(() -> HexDumpParser.parse("Dear support,\nthe connection drops.\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("no hex dump found");
        assertThatThrownBy(() -> HexDumpParser.parse("")).isInstanceOf(InputException.class);
    }

    @Test
    void warningsAndLayoutAreReported() throws Exception {
        HexDump d = HexDumpParser.parse("   00 00 0d   ...\n0010  08 70 00 02 02 c1 02 11 e0 00 00 00 00 00 00 00   .p..............\n"
                .replace("   00 00 0d", "                                                     00 00 0d"));
        assertThat(hex(d, 0)).startsWith("00000d0870");
        assertThat(d.warnings()).isNotEmpty();
        assertThat(HexDumpParser.parse(TSHARK).layout()).contains("tshark");
        assertThat(List.of(HexDumpParser.parse("00000000: 0300 000d                                ....\n").layout())).first()
                .asString().contains("xxd");
    }
}
