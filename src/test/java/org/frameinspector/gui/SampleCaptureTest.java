package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.input.capture.CaptureIndex;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

/**
 * samples/iso-on-tcp-cr-cc-dt-dr.pcap is made by {@link TestFrames#exchange()}: this test checks the bundled file is
 * exactly what the code makes (regenerate with -Dfi.writeSamples=true) and that it dissects as meant.
 */
class SampleCaptureTest {
    static final Path SAMPLE = Path.of("samples", "iso-on-tcp-cr-cc-dt-dr.pcap");

    @Test
    void sampleCaptureIsOurExchangeAndDissects() throws Exception {
        Path tmp = Files.createTempFile("exchange", ".pcap");
        TestFrames.writePcap(tmp, TestFrames.exchange());
        if (Boolean.getBoolean("fi.writeSamples")) Files.copy(tmp, SAMPLE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readAllBytes(SAMPLE)).isEqualTo(Files.readAllBytes(tmp));
        Files.delete(tmp);
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        try (CaptureIndex idx = CaptureIndex.open(SAMPLE)) {
            assertThat(idx.size()).isEqualTo(4);
            List<String> infos = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Frame f = idx.frame(i);
                Dissection d = fd.dissect(f);
                infos.add(d.protocol() + " " + d.info() + " " + d.findings().stream().map(x -> x.id()).toList());
            }
            assertThat(infos.get(1)).contains("TPKT-RESERVED-NONZERO");
            assertThat(infos.get(0)).doesNotContain("TPKT-RESERVED-NONZERO");
            System.out.println(String.join("\n", infos));
        }
    }
}
