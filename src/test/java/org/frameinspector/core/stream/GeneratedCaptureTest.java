package org.frameinspector.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.frameinspector.capture.BenchCaptureGenerator;
import org.frameinspector.capture.BenchCaptureGeneratorTest;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole generated benchmark capture through the stream layer: clean traffic gives no finding beyond INFO. */
class GeneratedCaptureTest {
    @TempDir
    Path dir;

    @Test
    void generatedTrafficReassemblesCleanly() throws Exception {
        Path p = dir.resolve("g.pcap");
        BenchCaptureGenerator g = new BenchCaptureGenerator(42, 6);
        g.write(p, 30000);
        List<Frame> frames = BenchCaptureGeneratorTest.read(p);
        StreamKit k = new StreamKit();
        Map<String, Integer> ids = new TreeMap<>();
        int undecoded = 0, reassembledTpkts = 0, tsdus = 0;
        long t0 = System.nanoTime();
        for (Frame f : frames) {
            Dissection d = k.fd.dissect(f, null, k.conv);
            k.conv.record(d);
            for (Finding x : d.findings()) ids.merge(x.id(), 1, Integer::sum);
            undecoded += d.fields("_ws.undecoded").size();
            for (var s : d.sources()) {
                if (s.name().startsWith("Reassembled TPKT")) reassembledTpkts++;
                if (s.name().startsWith("Reassembled TSDU")) tsdus++;
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        k.conv.finish();
        System.out.printf("generated capture: %d frames in %.2f s (%.0f frames/s), %d connections, findings %s%n",
                frames.size(), secs, frames.size() / secs, k.conv.rows().size(), ids);
        assertThat(ids.keySet()).containsOnly("TPKT-MULTIPLE");
        assertThat(undecoded).isZero();
        assertThat(reassembledTpkts).isGreaterThan(100);
        assertThat(tsdus).isGreaterThan(100);
        assertThat(k.conv.rows()).hasSize(g.connections());
        for (Conversation c : k.conv.rows()) {
            assertThat(c.tpdus(0x0E)).isEqualTo(1);
            assertThat(c.tpdus(0x0D)).isEqualTo(1);
            assertThat(c.tpduSize()).isEqualTo(256);
            assertThat(c.callingTsap()).isEqualTo("0100");
        }
        long finished = k.conv.rows().stream().filter(c -> c.end() == Conversation.End.FIN).count();
        assertThat(finished).isGreaterThan(0);
    }
}
