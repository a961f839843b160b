package org.frameinspector.core.input.hexdump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.source.InputException;
import org.frameinspector.TestJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The paste corpus (src/test/resources/paste, made by its make_corpus.py from real frames of the shared captures):
 * dumps as they come out of tools, logs, chats, mails and debuggers. Every case must give exactly its frames (with the
 * warning and timestamps the manifest names) or, for the cases marked "error", an error with a line and a column whose
 * message holds no control character.
 */
class PasteCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : manifest()) {
            String file = (String) c.get("file");
            tests.add(DynamicTest.dynamicTest(file, () -> run(c)));
        }
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void run(Map<String, Object> c) throws Exception {
        String file = (String) c.get("file");
        byte[] raw = read(file);
        if ("error".equals(c.get("expect"))) {
            InputException e = catchThrowableOfType(() -> Inputs.read(file, new java.io.ByteArrayInputStream(raw), null),
                    InputException.class);
            assertThat(e).as(file + " must be refused").isNotNull();
            assertThat(e.line()).as(file + ": " + e.getMessage()).isPositive();
            assertThat(e.column()).isPositive();
            assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");
            return;
        }
        Loaded l = Inputs.read(file, new java.io.ByteArrayInputStream(raw), null);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < l.frames().size(); i++) got.add(HexFormat.of().formatHex(l.frames().frame(i).data()));
        assertThat(got).as("%s (layout %s, warnings %s)", file, l.layout(), l.warnings())
                .isEqualTo(((List<String>) c.get("frames")).stream().map(String::toLowerCase).toList());
        Object warning = c.get("warning");
        if (warning != null) assertThat(String.join("\n", l.warnings())).contains((String) warning);
        Object ts = c.get("timestamps");
        if (ts != null) {
            List<String> want = (List<String>) ts;
            for (int i = 0; i < want.size(); i++) {
                assertThat(l.frames().frame(i).timestampNanos()).as(file + " frame " + (i + 1) + " time")
                        .isEqualTo(Long.parseLong(want.get(i)));
            }
        }
    }

    @Test
    void everyCauseOfTheIssuesHasAtLeastThreeCases() throws IOException {
        Map<String, Integer> perCause = new TreeMap<>();
        for (Map<String, Object> c : manifest()) {
            String f = (String) c.get("file");
            perCause.merge(f.substring(0, f.indexOf('_')), 1, Integer::sum);
        }
        // prefix, token, decimal, enc(oding), offsets, trunc(ated) from issue 16; the rest from issue 18
        for (String cause : List.of("prefix", "token", "decimal", "enc", "offsets", "trunc", "ansi", "bidi", "uspace",
                "row", "typo", "utf16", "cr", "nbsp", "ts")) {
            assertThat(perCause.getOrDefault(cause, 0)).as(cause).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void errorsInCleanedTextPointIntoTheTextAsPasted() {
        // an RLO and NBSPs before the typo: the column counts the characters the user sees in the paste
        String text = "\u202e0000\u00a0 03 00 00 16 11 e0 00 00 00 06 00 c1 02 01 00 c2\n0010  02 01 02 c 01 0a\n";
        InputException e = catchThrowableOfType(() -> HexDumpParser.parse(text), InputException.class);
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(2);
        assertThat(text.split("\n")[1].charAt(e.column() - 1)).isEqualTo('c');
    }

    @Test
    void escapeSequencesInTheTextAreShownEscapedInErrors() {
        assertThatThrownBy(() -> HexDumpParser.parse("0000  03 00 00 16 \u001b]0;pwned\u0007zz 11\n0010  02\n"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\u0007"));
        assertThat(HexDumpParser.visible("a\u001b[2Jb\u202ec")).isEqualTo("a\\x1b[2Jb\\u202ec");
    }

    @Test
    void byteRangesCoverExactlyTheHexThatWasRead() throws Exception {
        String text = "Here it is:\n0000  03 00 00 16 11 e0 00 00  00 06 00 c1 02 01 00 c2   ................\n"
                + "0010  02 01 02 c0 01 0a                                 ......\n";
        HexDump d = HexDumpParser.parse(text);
        int[] r = d.byteRanges();
        StringBuilder used = new StringBuilder();
        for (int i = 0; i < r.length; i += 2) used.append(text, r[i], r[i + 1]).append('|');
        assertThat(used.toString()).isEqualTo("03 00 00 16 11 e0 00 00  00 06 00 c1 02 01 00 c2|02 01 02 c0 01 0a|");
        // through the cleaner (NBSP as spacing, a zero-width space): ranges still index the text as pasted
        String odd = text.replace("  ", "\u00a0\u00a0").replace("c2", "\u200bc2");
        int[] r2 = HexDumpParser.parse(odd).byteRanges();
        assertThat(odd.substring(r2[0], r2[0] + 2)).isEqualTo("03");
        assertThat(odd.substring(r2[r2.length - 1] - 2, r2[r2.length - 1])).isEqualTo("0a");
    }

    @Test
    void decodingFollowsTheByteOrderMarkAndUtf8() {
        String t = "03 00 00 16\u00a011";
        assertThat(Inputs.decode(("\ufeff" + t).getBytes(StandardCharsets.UTF_16LE))).isEqualTo(t);
        assertThat(Inputs.decode(("\ufeff" + t).getBytes(StandardCharsets.UTF_16BE))).isEqualTo(t);
        assertThat(Inputs.decode(t.getBytes(StandardCharsets.UTF_8))).isEqualTo(t);
        assertThat(Inputs.decode(t.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(t);
        // not UTF-8: one char per byte, never an error
        assertThat(Inputs.decode(new byte[] {'0', '3', (byte) 0xA0, '0', '0'})).isEqualTo("03\u00a000");
    }

    /**
     * Texts made to hit each new scanner where it could go quadratic (many '<' without '>', '[' without ']', '='
     * without hex, labels without values, frame_raw without times, hyphens at line ends, escape sequences); each
     * about 1 MB, each must be answered (frames or an error) within the time stated. Linear scanners take well under a
     * second here; a quadratic one would take minutes.
     */
    @Test
    void hostileTextsStayLinear() {
        List<String> texts = List.of(
                "<-- ".repeat(250_000),
                "[1, 2, 3, 4, x ".repeat(70_000),
                "a=b ".repeat(250_000),
                "RX: zz\n".repeat(150_000),
                "\"frame_raw\": [\"0300\"],\n".repeat(40_000),
                "0123456789abcdef0123-\nPage 1\n".repeat(35_000),
                "\u001b[31m0000\u001b[0m  03 00\n".repeat(40_000),
                "<pre>\n" + "<b>00 01 02 03</b><br>\n".repeat(40_000),
                "Content-Transfer-Encoding: quoted-printable\n" + "03 00 =3D 16 =\n".repeat(60_000));
        for (String t : texts) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
                try {
                    HexDumpParser.parse(t);
                } catch (InputException e) {
                    assertThat(e.getMessage()).isNotBlank();
                }
            }, () -> "too slow on " + t.substring(0, 30));
        }
    }

    static List<Map<String, Object>> manifest() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : new String(read("manifest.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            out.add(TestJson.object(line));
        }
        return out;
    }

    static byte[] read(String name) throws IOException {
        try (InputStream in = PasteCorpusTest.class.getResourceAsStream("/paste/" + name)) {
            if (in == null) throw new IOException("missing test resource paste/" + name);
            return in.readAllBytes();
        }
    }
}
