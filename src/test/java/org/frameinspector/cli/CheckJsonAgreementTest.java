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
import java.io.OutputStream;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.PcapWriter;
import org.frameinspector.core.stream.ShortTpktFindingsTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

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
            for (Object fo : (List<Object>) frame.get("findings")) rows.add(row(number, (Map<String, Object>) fo));
        }
        // after the frames: what the end of the input raised about earlier frames (check prints them last)
        Object end = TestJson.object(out).get("end_findings");
        if (end != null) {
            for (Object fo : (List<Object>) end) {
                Map<String, Object> f = (Map<String, Object>) fo;
                rows.add(row(Math.round((Double) f.get("frame")), f));
            }
        }
        return rows;
    }

    private static String row(long number, Map<String, Object> f) {
        return String.join(" | ", Long.toString(number), (String) f.get("severity"), (String) f.get("id"),
                (String) f.get("layer"), Long.toString(Math.round((Double) f.get("offset"))),
                Long.toString(Math.round((Double) f.get("length"))), String.valueOf(f.get("observed")),
                String.valueOf(f.get("expected")), ((String) f.get("explanation")).strip(), (String) f.get("reference"));
    }

    @TempDir
    Path dir;

    /**
     * Issue 18 item 9: a TPKT (length 100, 22 bytes sent) and a message segmented over DTs (EOT = 0) that the capture
     * ends inside of, on two connections. {@code check} counts and prints one INFO finding of frame 1 and one of frame 2
     * after the loop; {@code dissect --json} lists the same two in "end_findings"; with a display filter that shows
     * only frame 2, only frame 2's.
     */
    @Test
    void findingsOfTheEndOfTheInputAgreeToo() throws Exception {
        Path cap = dir.resolve("unfinished.pcap");
        try (OutputStream os = Files.newOutputStream(cap); PcapWriter w = new PcapWriter(os, Frame.LINK_ETHERNET, false)) {
            w.write(ShortTpktFindingsTest.frame(ShortTpktFindingsTest.segment(100, 2), 1, TcpInfo.ACK | TcpInfo.PSH, 40001, 1000));
            w.write(ShortTpktFindingsTest.frame(ShortTpktFindingsTest.DT_MORE, 2, TcpInfo.ACK | TcpInfo.PSH, 40002, 1000));
        }
        String[] check = Cli.run("check", cap.toString());
        String[] json = Cli.run("dissect", "--json", cap.toString());
        assertThat(check[0]).as(check[2]).isEqualTo("0");
        assertThat(check[1]).contains("2 frame(s), 2 finding(s), 0 of severity RISK or VIOLATION");
        List<String> rows = fromCheck(check[1]);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("1 | INFO | STREAM-TPKT-UNFINISHED-AT-END | tpkt | 54 | 22 | 22 bytes from");
        assertThat(rows.get(1)).startsWith("2 | INFO | STREAM-TSDU-UNFINISHED-AT-END | cotp | 61 | 3 | 1 DT with EOT = 0");
        assertThat(fromJson(json[1])).isEqualTo(rows);

        String[] filtered = Cli.run("check", "-Y", "frame.number == 2", cap.toString());
        String[] filteredJson = Cli.run("dissect", "--json", "-Y", "frame.number == 2", cap.toString());
        assertThat(fromCheck(filtered[1])).containsExactly(rows.get(1));
        assertThat(fromJson(filteredJson[1])).containsExactly(rows.get(1));

        // the tree and the text and Markdown exports end with the same two, under their frames
        assertThat(Cli.run("dissect", cap.toString())[1]).contains("End of input")
                .contains("Frame 1\n    !! INFO STREAM-TPKT-UNFINISHED-AT-END at frame offset 0x36 (22 bytes)")
                .contains("Frame 2\n    !! INFO STREAM-TSDU-UNFINISHED-AT-END at frame offset 0x3d (3 bytes)");
        Path text = dir.resolve("unfinished.txt"), md = dir.resolve("unfinished.md");
        assertThat(Cli.run("export", "--format", "text", "-o", text.toString(), cap.toString())[0]).isEqualTo("0");
        assertThat(Cli.run("export", "--format", "md", "-o", md.toString(), cap.toString())[0]).isEqualTo("0");
        assertThat(Files.readString(text))
                .contains("# End of input: 2 findings about earlier frames")
                .contains("#  frame 1: INFO STREAM-TPKT-UNFINISHED-AT-END at frame offset 0x36 (22 bytes)")
                .contains("#  frame 2: INFO STREAM-TSDU-UNFINISHED-AT-END at frame offset 0x3d (3 bytes)");
        assertThat(Files.readString(md)).contains("## End of input")
                .contains("| 1 | **INFO** | `STREAM-TPKT-UNFINISHED-AT-END` | 0x0036 |");
    }
}
