package org.frameinspector.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.stream.Conversation;
import org.junit.jupiter.api.Test;

/**
 * Follow Stream's data on the repo's sample (no display, no shared folder needed): the payload of each direction as
 * the session's dissections carry it, the TPDUs in order with their senders, and the connection of a frame.
 */
class StreamBytesTest {
    @Test
    void theSamplesConnectionItsPayloadAndItsTpdus() throws Exception {
        try (Session s = Session.of(Inputs.open(Path.of("samples", "iso-on-tcp-cr-cc-dt-dr.pcap"), null), null)) {
            s.index(null, null);
            s.finish();
            List<Conversation> rows = s.conversations();
            assertThat(rows).hasSize(1);
            Conversation c = rows.get(0);
            assertThat(StreamBytes.connectionOf(rows, s.dissect(2))).isSameAs(c);

            StreamBytes b = StreamBytes.of(s, c, () -> false);
            assertThat(b.stopped()).isFalse();
            assertThat(b.truncated()).isFalse();
            assertThat((long) b.bytes(true).length).isEqualTo(c.bytesAtoB());
            assertThat((long) b.bytes(false).length).isEqualTo(c.bytesBtoA());
            assertThat(b.size()).isEqualTo(b.bytes().length);
            // the CR opens A's bytes with its TPKT header (version 3, length 0x002c)
            assertThat(b.bytes(true)).startsWith(0x03, 0x00, 0x00, 0x2c);
            assertThat(b.segments()).extracting(StreamBytes.Segment::frame).containsExactly(1, 2, 3, 4);
            assertThat(b.tpdus()).extracting(StreamBytes.Tpdu::type).containsExactly("CR", "CC", "DT", "DR");
            assertThat(b.tpdus()).extracting(StreamBytes.Tpdu::fromA).containsExactly(true, false, true, false);
            // the CR's TPKT header is 44 bytes with its TPDU: the TPDU's length counts the TPKT header
            assertThat(b.tpdus().get(0).length()).isEqualTo(0x2c);
            // the CC's TPKT reserved byte is nonzero and the DR ends a class 0 connection: one finding on each
            assertThat(b.tpdus()).extracting(StreamBytes.Tpdu::findings).containsExactly(0, 1, 0, 1);
        }
    }
}
