package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.TestJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One dissection per input, seen from the command line: for every shared capture, {@code check} prints exactly the
 * findings that {@code dissect --json} contains, in the same order, with the same severity, id, layer, range,
 * observed and expected values, explanation and reference.
 */
class CheckJsonAgreementTest {
    private static final Pattern HEADER = Pattern.compile(
            "frame (\\d+)  (\\S+) +(\\S+) +(\\S+) +offset 0x([0-9a-f]+) len (\\d+)(?:  observed (.*?))?(?:  expected (.*))?");

    @TestFactory
    Stream<DynamicTest> checkPrintsTheFindingsOfDissectJson() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestFiles.captures())) {
            files = s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String[] check = Cli.run("check", p.toString());
            String[] json = Cli.run("dissect", "--json", p.toString());
            assertThat(json[0]).as(json[2]).isEqualTo("0");
            assertThat(fromCheck(check[1])).isEqualTo(fromJson(json[1]));
        }));
    }

    private static List<String> fromCheck(String out) {
        List<String> rows = new ArrayList<>();
        String[] lines = out.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HEADER.matcher(lines[i]);
            if (!m.matches()) continue;
            String expl = lines[i + 1].strip();
            String ref = lines[i + 2].strip().replaceFirst("^Reference: ", "");
            rows.add(String.join(" | ", m.group(1), m.group(2), m.group(3), m.group(4),
                    Integer.toString(Integer.parseInt(m.group(5), 16)), m.group(6), String.valueOf(m.group(7)),
                    String.valueOf(m.group(8)), expl, ref));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<String> fromJson(String out) {
        List<String> rows = new ArrayList<>();
        for (Object o : (List<Object>) TestJson.object(out).get("frames")) {
            Map<String, Object> frame = (Map<String, Object>) o;
            long number = Math.round((Double) frame.get("number"));
            for (Object fo : (List<Object>) frame.get("findings")) {
                Map<String, Object> f = (Map<String, Object>) fo;
                rows.add(String.join(" | ", Long.toString(number), (String) f.get("severity"), (String) f.get("id"),
                        (String) f.get("layer"), Long.toString(Math.round((Double) f.get("offset"))),
                        Long.toString(Math.round((Double) f.get("length"))), String.valueOf(f.get("observed")),
                        String.valueOf(f.get("expected")), ((String) f.get("explanation")).strip(),
                        (String) f.get("reference")));
            }
        }
        return rows;
    }
}
