package org.frameinspector.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.ListFrameSource;
import org.frameinspector.core.input.capture.CaptureIndex;
import org.frameinspector.core.input.capture.SharedCaptures;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

class WriterRoundTripTest {

    /** The frames of a shared capture, every 7th given a comment (with non-ASCII text) to exercise opt_comment. */
    static List<Frame> framesWithComments(SharedCaptures.Entry e) throws Exception {
        List<Frame> out = new ArrayList<>();
        try (CaptureIndex idx = CaptureIndex.open(e.path())) {
            for (int i = 0; i < idx.size(); i++) {
                Frame f = idx.frame(i);
                if (i % 7 == 3 && f.comment() == null) f = f.withComment("note " + (i + 1) + " in " + e.file() + " – ü");
                out.add(f);
            }
        }
        return out;
    }

    private static void assertSame(String what, List<Frame> expected, FrameSource actual, boolean comments, boolean micros) {
        assertThat(actual.size()).as(what).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Frame x = expected.get(i), y = actual.frame(i);
            String at = what + " frame " + (i + 1);
            assertThat(y.number()).as(at).isEqualTo(i + 1);
            assertThat(y.data()).as(at).isEqualTo(x.data());
            assertThat(y.capturedLength()).as(at).isEqualTo(x.capturedLength());
            assertThat(y.originalLength()).as(at).isEqualTo(x.originalLength());
            assertThat(y.linkType()).as(at).isEqualTo(x.linkType());
            long ts = micros ? x.timestampNanos() / 1000 * 1000 : x.timestampNanos();
            assertThat(y.timestampNanos()).as(at).isEqualTo(ts);
            if (comments) {
                assertThat(y.comment()).as(at).isEqualTo(x.comment());
                assertThat(y.interfaceId()).as(at).isEqualTo(x.interfaceId());
            }
        }
    }

    @Test
    void everySharedCaptureSurvivesPcapAndPcapngRoundTrips() throws Exception {
        int total = 0, commented = 0;
        for (SharedCaptures.Entry e : SharedCaptures.entries()) {
            List<Frame> frames = framesWithComments(e);
            ListFrameSource src = new ListFrameSource(frames);
            total += frames.size();
            commented += (int) frames.stream().filter(f -> f.comment() != null).count();

            ByteArrayOutputStream ng = new ByteArrayOutputStream();
            PcapngWriter.writeAll(src, ng);
            CaptureIndex backNg = CaptureIndex.of(ng.toByteArray());
            assertThat(backNg.format()).isEqualTo("pcapng");
            assertThat(backNg.warnings()).isEmpty();
            assertSame(e.file() + " pcapng", frames, backNg, true, false);

            ByteArrayOutputStream ns = new ByteArrayOutputStream();
            PcapWriter.writeAll(src, ns, true);
            CaptureIndex backNs = CaptureIndex.of(ns.toByteArray());
            assertThat(backNs.format()).isEqualTo("pcap");
            assertSame(e.file() + " pcap/ns", frames, backNs, false, false);

            ByteArrayOutputStream us = new ByteArrayOutputStream();
            PcapWriter.writeAll(src, us, false);
            assertSame(e.file() + " pcap/µs", frames, CaptureIndex.of(us.toByteArray()), false, true);
        }
        assertThat(total).isEqualTo(SharedCaptures.entries().stream().mapToInt(SharedCaptures.Entry::frames).sum()).isEqualTo(5164);
        assertThat(commented).isGreaterThan(700);
    }

    @Test
    void pcapngKeepsSeveralInterfacesAndLinkTypes() throws Exception {
        List<Frame> frames = List.of(
                new Frame(1, new byte[] {1, 2, 3}, 3, 5L, Frame.LINK_ETHERNET, 0, null),
                new Frame(2, new byte[] {0x45, 0}, 100, 6L, Frame.LINK_RAW, 0, "raw on iface 0"),
                new Frame(3, new byte[] {9}, 1, 7L, Frame.LINK_ETHERNET, 4, ""),
                new Frame(4, new byte[0], 0, -1_000L, Frame.LINK_SLL2, 4, null));
        ByteArrayOutputStream ng = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(ng)) {
            for (Frame f : frames) w.write(f);
            assertThat(w.framesWritten()).isEqualTo(4);
        }
        CaptureIndex back = CaptureIndex.of(ng.toByteArray());
        assertThat(back.interfaces()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(back.frame(i).linkType()).isEqualTo(frames.get(i).linkType());
            assertThat(back.frame(i).data()).isEqualTo(frames.get(i).data());
            assertThat(back.frame(i).comment()).isEqualTo(frames.get(i).comment());
            // pcapng timestamps are unsigned: a time before 1970 cannot be stored and is written as the epoch
            assertThat(back.frame(i).timestampNanos()).isEqualTo(Math.max(0, frames.get(i).timestampNanos()));
        }
        assertThat(back.frame(1).originalLength()).isEqualTo(100);
    }

    @Test
    void pcapHoldsOneLinkTypeAndNoPseudoLinkTypes() throws Exception {
        PcapWriter w = new PcapWriter(new ByteArrayOutputStream(), Frame.LINK_ETHERNET, false);
        assertThatThrownBy(() -> w.write(Frame.of(1, new byte[] {0x45}, Frame.LINK_RAW)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("write pcapng instead");
        assertThatThrownBy(() -> new PcapWriter(new ByteArrayOutputStream(), Frame.LINK_TPKT, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TPKT");
        assertThatThrownBy(() -> new PcapngWriter(new ByteArrayOutputStream()).write(Frame.of(1, new byte[] {3, 0}, Frame.LINK_TPKT)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
