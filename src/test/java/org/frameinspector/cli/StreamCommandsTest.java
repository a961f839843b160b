package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamCommandsTest {
    @TempDir
    Path dir;

    @Test
    void generateBenchWritesTheRequestedFrames() throws Exception {
        Path f = dir.resolve("g.pcap");
        String[] r = Cli.run("generate-bench", "--frames", "1000", "-o", f.toString(), "--seed", "3");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).startsWith("wrote 1000 frames");
        assertThat(Files.size(f)).isGreaterThan(24 + 1000 * (16 + 54));
    }

    @Test
    void usageErrors() {
        assertThat(Cli.run("capture")[0]).isEqualTo("2");
        assertThat(Cli.run("bench", dir.resolve("missing.pcap").toString())[0]).isEqualTo("2");
        assertThat(Cli.run("generate-bench", "--frames", "0", "-o", dir.resolve("x").toString())[0]).isEqualTo("2");
    }
}
