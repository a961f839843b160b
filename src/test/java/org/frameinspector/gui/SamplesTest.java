package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.junit.jupiter.api.Test;

/** Help → Samples lists every file in samples/, each bundled in the build and readable as a dump. */
class SamplesTest {
    @Test
    void indexListsEverySampleAndEachLoads() throws Exception {
        List<String> listed = Samples.list().stream().map(Samples.Sample::file).collect(Collectors.toList());
        List<String> onDisk;
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            onDisk = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.txt")).sorted()
                    .collect(Collectors.toList());
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(onDisk);
        for (Samples.Sample s : Samples.list()) {
            Loaded l = Inputs.read(s.file(), new java.io.ByteArrayInputStream(Samples.bytes(s)), null);
            assertThat(l.frames().size()).as(s.file()).isPositive();
        }
    }

    @Test
    void theKbSampleIsTheSeedFrame() throws IOException, Exception {
        Samples.Sample kb = Samples.list().get(0);
        Loaded l = Inputs.fromText(kb.file(), Samples.read(kb), null);
        assertThat(l.frames().frame(0).data()).isEqualTo(FakeDissection.SEED);
        assertThat(l.frames().frame(0).data()[0x37]).isEqualTo((byte) 0x11);
    }
}
