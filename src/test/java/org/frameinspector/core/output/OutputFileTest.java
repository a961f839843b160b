package org.frameinspector.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theTargetChangesOnlyOnCommit() throws Exception {
        Path t = dir.resolve("out.txt");
        Files.writeString(t, "old");
        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r-----"));
        try (OutputFile f = OutputFile.create(t, List.of())) {
            f.stream().write("new content".getBytes(StandardCharsets.UTF_8));
            f.stream().flush();
            assertThat(Files.readString(t)).isEqualTo("old");
            assertThat(names()).hasSize(2).contains("out.txt").anyMatch(n -> n.startsWith(".out.txt.") && n.endsWith(".fi-tmp"));
            f.commit();
        }
        assertThat(Files.readString(t)).isEqualTo("new content");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(t))).isEqualTo("rw-r-----");
        assertThat(names()).containsExactly("out.txt");
    }

    @Test
    void closingWithoutCommitDiscardsEverything() throws Exception {
        Path t = dir.resolve("out.txt");
        try (OutputFile f = OutputFile.create(t, List.of())) {
            f.stream().write(new byte[1 << 20]);
        }
        assertThat(names()).isEmpty();
        Files.writeString(t, "old");
        try (OutputFile f = OutputFile.create(t, List.of())) {
            f.stream().write(new byte[100]);
            f.stream().close(); // a writer closing the stream only flushes it
        }
        assertThat(Files.readString(t)).isEqualTo("old");
        assertThat(names()).containsExactly("out.txt");
    }

    @Test
    void refusesInputsDirectoriesAndMissingFolders() throws Exception {
        Path in = dir.resolve("in.pcap");
        Files.writeString(in, "capture");
        assertThatThrownBy(() -> OutputFile.create(in, List.of(in))).hasMessageContaining("is the input");
        assertThatThrownBy(() -> OutputFile.create(dir.resolve("sub/../in.pcap"), List.of(in))).hasMessageContaining("is the input");
        Path hard = dir.resolve("hard.pcap");
        Files.createLink(hard, in);
        assertThatThrownBy(() -> OutputFile.create(hard, List.of(in))).hasMessageContaining("is the input");
        assertThatThrownBy(() -> OutputFile.create(dir, List.of())).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> OutputFile.create(dir.resolve("no/such/x.txt"), List.of())).hasMessageContaining("no such directory");
        assertThat(Files.readString(in)).isEqualTo("capture");
        assertThat(names()).containsExactly("hard.pcap", "in.pcap");
    }

    @Test
    void aDeviceIsWrittenInPlace() throws Exception {
        Path devNull = Path.of("/dev/null");
        if (!Files.exists(devNull)) return;
        try (OutputFile f = OutputFile.create(devNull, List.of())) {
            f.stream().write(new byte[10]);
            f.commit();
        }
        assertThat(Files.isRegularFile(devNull)).isFalse(); // still the device, never renamed over
    }
}
