package org.frameinspector.core.input.hexdump;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Dump-reader failures the fuzz long run found (docs/FUZZING.md), each as it was found. */
class FuzzFoundDumpTest {
    /**
     * FRAME #13917, seed 0x18: the annotated export of a 60-byte frame did not re-import. Its short last row shows
     * twelve '0' bytes, so its ASCII column is "000000000000"; no full row had an all-hex ASCII column to say where
     * that column starts, and the twelve digits were read as six more bytes: "row has 18 bytes in its hex columns".
     */
    @Test
    void aShortLastRowWhoseAsciiIsAllDigitsAfterFullRowsWithDots() throws Exception {
        String text = """
                0000  01 F0 C0 32 03 00 00 00  00 00 02 3F 00 35 00 00  ...2.......?.5..
                0010  04 01 FF 04 01 88 0C 30  30 30 30 30 36 32 35 34  .......000006254
                0020  32 36 37 31 10 1E A2 00  49 01 00 00 00 12 12 30  2671....I......0
                0030  30 30 30 30 30 30 30 30  30 30 30 30              000000000000
                """;
        HexDump d = HexDumpParser.parse(text);
        assertThat(d.frames()).hasSize(1);
        assertThat(HexFormat.of().formatHex(d.frames().get(0))).isEqualTo("01f0c032030000000000023f00350000"
                + "0401ff0401880c303030303036323534" + "32363731101ea2004901000000121230" + "303030303030303030303030");
    }

    /**
     * Issue 18 item 8, found by the reproducer run (docs/HOSTILE-INPUTS.md): a 17th byte one blank after the 16th in
     * a first row, "... 00 c2 7f", was taken for a two-character ASCII column and dropped without a word.
     */
    @Test
    void aSeventeenthByteOneBlankAfterTheRowIsAnError() {
        String text = "0000  03 00 00 17 11 e0 00 00 00 01 00 c1 02 01 00 c2 7f\n0010  02 01 02 c0 01 0a\n";
        org.frameinspector.core.source.InputException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> HexDumpParser.parse(text), org.frameinspector.core.source.InputException.class);
        assertThat(e).as("no error: the 17th byte was dropped").isNotNull();
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("'7f' is a byte too many");
    }
}
