package org.frameinspector.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frameinspector.core.stream.StreamKit.*;

import org.frameinspector.capture.FrameBuilder;
import org.junit.jupiter.api.Test;

/** The idle timeout of the connection table (issue 14): capture time, not wall time, like a stateful firewall's. */
class ConversationsIdleTest {
    private static final long SECOND = 1_000_000_000L;

    /** A second connection of the kit, 10.0.0.3:40002 → 10.0.0.2:102; returns its client (the server is its peer). */
    private static StreamKit.Side secondClient(StreamKit k) {
        StreamKit.Side a = k.new Side(FrameBuilder.ip(10, 0, 0, 3), 40002, 7000);
        StreamKit.Side b = k.new Side(FrameBuilder.ip(10, 0, 0, 2), 102, 9000);
        a.peer = b;
        b.peer = a;
        return a;
    }

    @Test
    void aSegmentAfterMoreThan600SecondsStartsANewRow() {
        StreamKit k = new StreamKit().connect(true);
        byte[] whole = tpkt(dt(true, bytes(100, 1)));
        byte[][] p = split(whole, 40);
        k.client.send(p[0]); // frame 4: 40 bytes of a TPKT held
        k.time += 601 * SECOND;
        k.client.send(p[1]); // frame 5
        assertThat(k.conv.rows()).hasSize(2);
        Conversation first = k.conv.rows().get(0);
        assertThat(first.note()).contains("no segment for more than 600 s after frame 4: its state was dropped "
                + "(idle timeout); a later segment starts a new row").contains("state ended inside a TPKT from A (40 bytes held)");
        assertThat(first.end()).isEqualTo(Conversation.End.OPEN);
        assertThat(first.lastFrame()).isEqualTo(4);
        assertThat(k.conv.rows().get(1).firstFrame()).isEqualTo(5);
        assertThat(k.conv.table.active).hasSize(1);
    }

    @Test
    void aPauseOfLessThan600SecondsKeepsTheConnection() {
        StreamKit k = new StreamKit().connect(true);
        k.client.send(tpkt(dt(true, bytes(10, 1))));
        k.time += 599 * SECOND;
        k.client.send(tpkt(dt(true, bytes(10, 2))));
        k.conv.finish();
        assertThat(k.conv.rows()).hasSize(1);
        assertThat(k.conv.rows().get(0).note()).isEmpty();
        assertThat(k.conv.rows().get(0).frames()).isEqualTo(5);
    }

    private static final String NOTE = "no segment for more than 600 s after frame 4: its state was dropped (idle "
            + "timeout); a later segment starts a new row";

    /** One DT on the kit's connection (frame 4), then, {@code seconds} later, the SYN of a second connection. */
    private static StreamKit.Side idleThenSecond(StreamKit k, long seconds) {
        k.connect(true);
        k.client.send(tpkt(dt(true, bytes(10, 1))));
        StreamKit.Side a = secondClient(k);
        k.time += seconds * SECOND;
        a.syn(false);
        return a;
    }

    /** The sweep frees an idle connection while other traffic goes on; the note is the same as at its next segment. */
    @Test
    void theSweepFreesIdleConnectionsWithoutWaitingForTheirNextSegment() {
        StreamKit k = new StreamKit();
        StreamKit.Side a = idleThenSecond(k, 601);
        a.peer.syn(true);
        assertThat(k.conv.table.active).hasSize(2);
        for (int i = 0; i < 1100; i++) a.send(tpkt(dt(true, bytes(10, i))));
        assertThat(k.conv.table.active).as("the idle connection is gone before the end of the capture").hasSize(1);
        assertThat(k.conv.rows().get(0).note()).isEqualTo(NOTE);
        k.conv.finish();
        assertThat(k.conv.rows().get(0).note()).as("noted once").isEqualTo(NOTE);
        assertThat(k.conv.rows().get(1).note()).isEmpty();
    }

    /** At the end of the capture an idle connection gets the same note, whether or not a sweep ran. */
    @Test
    void theEndOfTheCaptureNotesAnIdleConnectionTheSameWay() {
        StreamKit k = new StreamKit();
        idleThenSecond(k, 700);
        k.conv.finish();
        assertThat(k.conv.rows().get(0).note()).isEqualTo(NOTE);
        assertThat(k.conv.rows().get(1).note()).isEmpty();
    }
}
