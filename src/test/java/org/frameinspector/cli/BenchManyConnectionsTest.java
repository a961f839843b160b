package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: 100,000 TCP connections open at once (each with a CR/CC and data, all closed at the end) are followed to
 * the end in a 256 MiB heap: no connection is dropped from the table (that would be a STREAM-CONNECTION-LIMIT
 * finding), and nothing else is found on the conformant traffic. Measured 23–29 s for the child JVM on two cores shared with other builds (load 8–11).
 */
class BenchManyConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void hundredThousandConcurrentConnectionsAt256MiB() throws Exception {
        Path cap = dir.resolve("many.pcap");
        int frames = BenchManyConnections.write(cap, 100_000);
        assertThat(frames).isEqualTo(700_000);
        ChildJvm.Result r = ChildJvm.run(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                List.of("check", "-q", cap.toString()), dir, Map.of(), null, 600);
        assertThat(r.err()).doesNotContain("OutOfMemoryError").doesNotContain("internal error");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("700000 frame(s), 0 finding(s), 0 of severity RISK or VIOLATION");
    }
}
