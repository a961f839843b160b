package org.frameinspector.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.ListFrameSource;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

/** The read-ahead thread of the findings pass: every frame once, in order, at batch edges too; errors surface. */
class ReadAheadTest {
    static List<Frame> frames(int n) {
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(EcnNegotiationTest.frame(i + 1, EcnNegotiationTest.C, EcnNegotiationTest.S, 49152, 102, 1000 + 11L * i,
                    5000, EcnNegotiationTest.ACK | EcnNegotiationTest.PSH, EcnNegotiationTest.DT, 0, false));
        }
        return out;
    }

    @Test
    void everyFrameOnceInOrderAtBatchEdges() {
        for (int n : new int[] {0, 1, ReadAhead.BATCH - 1, ReadAhead.BATCH, ReadAhead.BATCH + 1, 3 * ReadAhead.BATCH}) {
            List<Integer> seen = new ArrayList<>();
            InOrder.Pass p = InOrder.findings(new ListFrameSource(frames(n)), null, true, (no, f, d) -> seen.add(no));
            assertThat(p.frames()).isEqualTo(n);
            assertThat(seen).hasSize(n);
            for (int i = 0; i < n; i++) assertThat(seen.get(i)).isEqualTo(i + 1);
            // the first data segment of the connection is dissected fully, the rest take the fast lane
            if (n > 1) assertThat(p.fastFrames()).isEqualTo(n - 1L);
        }
    }

    @Test
    void aReadErrorSurfacesAfterTheFramesBeforeIt() {
        List<Frame> ok = frames(700);
        FrameSource broken = new FrameSource() {
            public int size() { return 1000; }
            public Frame frame(int i) {
                if (i == 600) throw new UncheckedIOException(new IOException("frame 601 at byte offset 123: gone"));
                return ok.get(i);
            }
        };
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> InOrder.findings(broken, null, true, (no, f, d) -> seen.add(no)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("frame 601");
        assertThat(seen).hasSize(600);
    }
}
