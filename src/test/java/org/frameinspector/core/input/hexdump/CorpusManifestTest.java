package org.frameinspector.core.input.hexdump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.core.source.InputException;
import org.frameinspector.TestJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every case of the shared hex-dump corpora (read in place from the shared folder, never copied). */
class CorpusManifestTest {

    @TestFactory
    Stream<DynamicTest> syntheticCorpus() throws Exception {
        return cases("hexdump");
    }

    @TestFactory
    Stream<DynamicTest> realWorldCorpus() throws Exception {
        return cases("hexdump-real");
    }

    @Test
    void bothCorporaTogetherHold61Cases() throws Exception {
        assertThat(manifest("hexdump").size() + manifest("hexdump-real").size()).isEqualTo(61);
    }

    @Test
    void seedArticleWithAllItsProseGivesExactlyItsOneFrame() throws Exception {
        String article = Files.readString(TestFiles.seed(), StandardCharsets.ISO_8859_1);
        HexDump d = HexDumpParser.parse(article);
        assertThat(d.frames()).hasSize(1);
        assertThat(d.frames().get(0)).hasSize(98);
        assertThat(HexFormat.of().formatHex(d.frames().get(0))).isEqualTo(
                "0000a200c04a00805fd4a048080045000054e9a640002006040a8626344d86262c5a0066061301cf46c85d5b6a3150182209"
                        + "607300000311002c27d001ca002900c10d53574953534c49464554534150c20d45584348414e47455453415031c0010b");
        assertThat(d.frames().get(0)[0x37]).isEqualTo((byte) 0x11);
        assertThat(StartLayer.detect(d.frames().get(0))).isEqualTo("eth");
    }

    static List<Map<String, Object>> manifest(String corpus) throws Exception {
        Path m = TestFiles.corpus(corpus).resolve("manifest.jsonl");
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            out.add(TestJson.object(line));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Stream<DynamicTest> cases(String corpus) throws Exception {
        Path dir = TestFiles.corpus(corpus);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : manifest(corpus)) {
            String file = (String) c.get("file");
            tests.add(DynamicTest.dynamicTest(corpus + "/" + file, () -> {
                String text = Files.readString(dir.resolve(file), StandardCharsets.ISO_8859_1);
                if ("error".equals(c.get("expect"))) {
                    assertThatThrownBy(() -> HexDumpParser.parse(text)).isInstanceOf(InputException.class);
                    return;
                }
                HexDump d = HexDumpParser.parse(text);
                List<String> got = d.frames().stream().map(b -> HexFormat.of().formatHex(b)).toList();
                List<List<String>> wanted = new ArrayList<>();
                wanted.add(lower((List<String>) c.get("frames")));
                Object alts = c.get("alt_frames");
                if (alts != null) for (Object a : (List<Object>) alts) wanted.add(lower((List<String>) a));
                assertThat(wanted).as("%s (layout %s)", file, d.layout()).contains(got);
                assertThat(d.layout()).isNotBlank();
            }));
        }
        return tests.stream();
    }

    private static List<String> lower(List<String> l) {
        return l.stream().map(String::toLowerCase).toList();
    }
}
