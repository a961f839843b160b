package org.frameinspector.core.input.hexdump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.export.AnnotatedText;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.source.InputException;
import org.junit.jupiter.api.Test;

/**
 * Never silently wrong bytes from what a paste picked up on the way (issue 18 item 8): a character in front of the
 * first row (emoji, symbol, control code) is stripped or an error at its line and column, never a dropped row; a last
 * row with a byte more than the rows before it is an error; a short last row whose ASCII column spells hex digits and
 * an ASCII column holding markup are read back exactly from an annotated export.
 */
class HostileDumpTest {
    private static final String KB = """
            ADDR  HEX                                                ASCII
            0000  00 00 A2 00 C0 4A 00 80  5F D4 A0 48 08 00 45 00  .....J.._..H..E.
            0010  00 54 E9 A6 40 00 20 06  04 0A 86 26 34 4D 86 26  .T..@.....&4M.&
            0020  2C 5A 00 66 06 13 01 CF  46 C8 5D 5B 6A 31 50 18  ,Z.f....F.][j1P.
            """;

    private static byte[] clean() throws InputException {
        return HexDumpParser.parse(KB).frames().get(0);
    }

    private static String withFirstRow(java.util.function.UnaryOperator<String> f) {
        String[] l = KB.split("\n", -1);
        l[1] = f.apply(l[1]);
        return String.join("\n", l);
    }

    /** An emoji in front of the first offset, or glued to it, dropped that row with exit 0 before; now it is stripped. */
    @Test
    void emojiAtTheRowStartOrAfterTheOffsetIsStripped() throws Exception {
        for (String e : List.of("\uD83D\uDE00", "\u2714\uFE0F", "\uD83C\uDDE9\uD83C\uDDEA", "\u2605")) {
            assertThat(HexDumpParser.parse(withFirstRow(r -> e + r)).frames().get(0)).as(e).isEqualTo(clean());
            assertThat(HexDumpParser.parse(withFirstRow(r -> r.substring(0, 4) + e.strip() + r.substring(4)))
                    .frames().get(0)).as(e).isEqualTo(clean());
        }
        // invisible, bidirectional, no-break space and a colour code, at both places
        for (String e : List.of("\u202E", "\u200E", "\u00A0", "\u001B[31m", "\u200B")) {
            assertThat(HexDumpParser.parse(withFirstRow(r -> e + r)).frames().get(0)).isEqualTo(clean());
            assertThat(HexDumpParser.parse(withFirstRow(r -> r.substring(0, 4) + e + r.substring(4))).frames().get(0))
                    .isEqualTo(clean());
        }
    }

    /** A character that is neither stripped nor hex in front of the first row: an error where it stands. */
    @Test
    void anythingElseInFrontOfTheFirstRowIsAnErrorAtItsColumn() {
        for (String e : List.of("X", "\u0007", "\u2192", "?")) {
            assertThatThrownBy(() -> HexDumpParser.parse(withFirstRow(r -> e + r)))
                    .as(e).isInstanceOf(InputException.class)
                    .hasMessageContaining("line 2, column 1")
                    .hasMessageContaining("the row at offset 0000 cannot be read")
                    .hasMessageContaining("first 16 bytes");
        }
    }

    /** Punctuation glued to the offset is not stripped (it is not a pictograph) but an error, never a lost row. */
    @Test
    void punctuationGluedToTheOffsetIsAnError() {
        assertThatThrownBy(() -> HexDumpParser.parse(withFirstRow(r -> r.substring(0, 4) + "\u2022" + r.substring(4))))
                .isInstanceOf(InputException.class).hasMessageContaining("line 2, column 5")
                .hasMessageContaining("after it");
    }

    /** The typo 'A' for 'A2' lost 14 bytes before; a 17th byte in the last row was dropped. */
    @Test
    void typosAndAByteTooManyAreErrors() {
        assertThatThrownBy(() -> HexDumpParser.parse(withFirstRow(r -> r.replaceFirst("A2 00", "A 00"))))
                .isInstanceOf(InputException.class).hasMessageContaining("line 2, column 13");
        String last = KB.replace("50 18  ,Z.f", "50 18 77  ,Z.f");
        assertThatThrownBy(() -> HexDumpParser.parse(last)).isInstanceOf(InputException.class)
                .hasMessageContaining("line 4").hasMessageContaining("'77' is a byte too many");
    }

    /** A short last row whose ASCII column is all hex digits ("cdef01234567ab") is not read as 7 more bytes. */
    @Test
    void aShortLastRowWhoseAsciiSpellsHexIsCutAtTheAsciiColumn() throws Exception {
        String d = """
                0000  00 11 22 33 44 55 00 66  77 88 99 AA 08 00 61 62  .."3DU.fw.....ab
                0010  63 64 65 66 30 31 32 33  34 35 36 37 38 39 61 62  cdef0123456789ab
                0020  63 64 65 66 30 31 32 33  34 35 36 37 61 62        cdef01234567ab
                """;
        assertThat(HexDumpParser.parse(d).frames().get(0)).hasSize(46);
        // and a real 15th byte in that row is still read
        assertThat(HexDumpParser.parse(d.replace("61 62        cdef", "61 62 63     cdef")).frames().get(0)).hasSize(47);
    }

    /**
     * An annotated export of frames whose bytes spell markup ("<!--", "&amp;", "&lt;b&gt;", "<b>x</b>") and hex digits
     * reads back byte for byte: before, "&amp;" in one ASCII column made the whole text HTML and the "<!--" of a later
     * frame swallowed bytes.
     */
    @Test
    void annotatedExportOfMarkupAndHexSpellingFramesRoundTrips() throws Exception {
        byte[] eth = java.util.HexFormat.of().parseHex("0011223344550066778899aa0800");
        List<byte[]> payloads = List.of("<!-- hello --> &amp; &lt;b&gt; <b>x</b> padd".getBytes(),
                "abcdef0123456789abcdef01234567ab".getBytes(), ("x".repeat(16) + "&amp;&amp;&amp;&amp;").getBytes(),
                "0123<!--<!--<!--<!--dead".getBytes());
        List<Frame> frames = new ArrayList<>();
        for (byte[] p : payloads) {
            byte[] f = new byte[eth.length + p.length];
            System.arraycopy(eth, 0, f, 0, eth.length);
            System.arraycopy(p, 0, f, eth.length, p.length);
            frames.add(Frame.of(frames.size() + 1, f, Frame.LINK_ETHERNET));
        }
        List<org.frameinspector.core.model.Dissection> ds = new ArrayList<>();
        for (Frame f : frames) ds.add(org.frameinspector.core.protocols.Protocols.dissector().dissect(f));
        String text = AnnotatedText.render(ds, "markup.pcap", AnnotatedText.Options.defaults());
        HexDump back = HexDumpParser.parse(text);
        assertThat(back.frames()).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) assertThat(back.frames().get(i)).isEqualTo(frames.get(i).data());
    }

    /** A one-row dump with a continuation line: the ASCII-column check never reads past the row's line. */
    @Test
    void aContinuationLineDoesNotBreakTheAsciiColumnCheck() throws Exception {
        String d = "0000  00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee\nff\n";
        assertThat(HexDumpParser.parse(d).frames().get(0)).hasSizeGreaterThanOrEqualTo(15);
    }
}
