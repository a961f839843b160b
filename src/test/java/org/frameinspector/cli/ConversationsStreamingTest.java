package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Issue 14: {@code conversations} on 100,000 connections in a 256 MiB heap. The JSON document is written row by row
 * (it was built as one string before and ran out of that heap), and the table is printed without keeping the cells
 * of every row: one child JVM runs {@code conversations --json} and then {@code conversations} on the capture of
 * {@link BenchManyConnections}; the first line of its output is the JSON document, the rest the table.
 */
class ConversationsStreamingTest {
    @TempDir
    Path dir;

    @Test
    void hundredThousandConnectionsAsJsonAndTableAt256MiB() throws Exception {
        Path cap = dir.resolve("many.pcap");
        assertThat(BenchManyConnections.write(cap, 100_000)).isEqualTo(700_000);
        Path out = dir.resolve("out.txt");
        ChildJvm.Result r = ChildJvm.run(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                List.of("conversations", "--json", cap.toString(), ";;", "conversations", cap.toString()),
                dir, Map.of(), null, out, 900);
        assertThat(r.err()).doesNotContain("OutOfMemoryError").doesNotContain("internal error");
        assertThat(r.exit()).as(r.err()).isZero();

        int rows = 0, frames = -1;
        long lastIndex = 0;
        try (BufferedReader lines = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            String json = lines.readLine();
            try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    t = p.nextToken();
                    if ("frames".equals(name)) {
                        frames = p.getIntValue();
                    } else if ("conversations".equals(name)) {
                        assertThat(t).isEqualTo(JsonToken.START_ARRAY);
                        for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                            assertThat(t).isEqualTo(JsonToken.START_OBJECT);
                            assertThat(p.nextName()).isEqualTo("index");
                            p.nextToken();
                            assertThat(p.getLongValue()).isEqualTo(lastIndex + 1);
                            lastIndex = p.getLongValue();
                            rows++;
                            while (p.nextToken() != JsonToken.END_OBJECT) { // the row's other members
                                p.nextToken();
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                assertThat(p.nextToken()).as("one document").isNull();
            }
            assertThat(rows).isEqualTo(100_000);
            assertThat(frames).isEqualTo(700_000);

            String head = lines.readLine(), sep = lines.readLine();
            assertThat(head).startsWith("#  ");
            assertThat(sep).matches("[- ]+");
            int tableRows = 0;
            String line, last = null;
            while ((line = lines.readLine()) != null) {
                if (line.contains("connection(s) in")) {
                    last = line;
                    break;
                }
                assertThat(line.length()).as("every row is padded to the widths of all rows").isGreaterThanOrEqualTo(
                        sep.lastIndexOf("  ") + 2);
                tableRows++;
            }
            assertThat(tableRows).isEqualTo(100_000);
            assertThat(last).isEqualTo("100000 connection(s) in 700000 frame(s)");
            assertThat(lines.readLine()).isNull();
        }
    }
}
