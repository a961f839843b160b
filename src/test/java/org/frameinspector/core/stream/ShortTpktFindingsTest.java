package org.frameinspector.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.frameinspector.capture.FrameBuilder;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18 item 9: a 22-byte segment on port 102 whose TPKT length is 0, 3, 5 or 8, or whose COTP LI is 0 or 255,
 * raised no finding when it was the first segment of a stream (the framer skipped it as "not TPKT-framed"). Now the
 * segment is decoded where a header must start, so the TPKT and COTP findings are raised, in the stream pass and for
 * the lone frame alike.
 */
public class ShortTpktFindingsTest {
    static final FrameDissector FD = Protocols.dissector();

    /** 03 00 LL LL, then a class-0 DT (LI 2, F0 80) and 15 bytes of S7-like data: 22 bytes. */
    public static byte[] segment(int tpktLength, int li) {
        byte[] p = new byte[22];
        p[0] = 3;
        p[2] = (byte) (tpktLength >> 8);
        p[3] = (byte) tpktLength;
        p[4] = (byte) li;
        p[5] = (byte) 0xF0;
        p[6] = (byte) 0x80;
        p[7] = 0x32;
        return p;
    }

    static Frame frame(byte[] payload, int number, int flags) {
        return frame(payload, number, flags, 40001, 1000);
    }

    /** Frame {@code number}: Ethernet, IPv4 10.0.0.1 to 10.0.0.2, TCP from {@code srcPort} to 102 at {@code seq}. */
    public static Frame frame(byte[] payload, int number, int flags, int srcPort, long seq) {
        byte[] buf = new byte[FrameBuilder.HEADERS + payload.length];
        FrameBuilder.tcp(buf, FrameBuilder.ip(10, 0, 0, 1), FrameBuilder.ip(10, 0, 0, 2), srcPort, 102, seq, 5000,
                flags, payload, 0, payload.length, number);
        return new Frame(number, buf, buf.length, 1_000_000_000L * number, Frame.LINK_ETHERNET, 0, null);
    }

    static List<String> upperIds(Dissection d) {
        return d.findings().stream().filter(f -> f.layer().equals("tpkt") || f.layer().equals("cotp"))
                .map(Finding::id).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 5, 8})
    void shortTpktLengthIsFlaggedAsLoneFrameAndAsFirstSegmentOfAStream(int length) {
        byte[] p = segment(length, 2);
        Dissection lone = FD.dissect(frame(p, 1, TcpInfo.ACK | TcpInfo.PSH), null, null);
        Dissection first = FD.dissect(frame(p, 1, TcpInfo.ACK | TcpInfo.PSH), null, new Conversations());
        for (Dissection d : List.of(lone, first)) {
            assertThat(upperIds(d)).as("TPKT length %d", length).isNotEmpty();
            if (length < 7) {
                assertThat(upperIds(d)).contains("TPKT-LENGTH-TOO-SMALL");
                assertThat(d.fields("tcp.segment_data")).as("nothing skipped as not TPKT-framed").isEmpty();
            } else {
                // the 8-byte TPKT is decoded; the 14 bytes after it cannot start a TPKT
                assertThat(d.fields("tpkt.length")).isNotEmpty();
                assertThat(upperIds(d)).containsAnyOf("TPKT-STREAM-SYNC-LOST", "TPKT-TRAILING-GARBAGE");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 255})
    void cotpLiZeroOr255IsFlagged(int li) {
        byte[] p = segment(22, li);
        Dissection lone = FD.dissect(frame(p, 1, TcpInfo.ACK | TcpInfo.PSH), null, null);
        Dissection first = FD.dissect(frame(p, 1, TcpInfo.ACK | TcpInfo.PSH), null, new Conversations());
        String id = li == 0 ? "COTP-LI-ZERO" : "COTP-LI-RESERVED-255";
        assertThat(upperIds(lone)).contains(id);
        assertThat(upperIds(first)).contains(id);
    }

    /** A class-0 DT with EOT = 0 and 3 bytes of data in a 10-byte TPKT: a message that goes on in a later DT. */
    public static final byte[] DT_MORE = {3, 0, 0, 10, 2, (byte) 0xF0, 0x00, 0x32, 0x01, 0x00};

    /** The in-order pass over {@code frames} (as InOrder does it), ended; returns its end-of-input findings. */
    static List<EndFinding> endOf(Frame... frames) {
        Conversations conv = new Conversations();
        for (Frame f : frames) conv.record(FD.dissect(f, null, conv));
        conv.finish();
        return conv.endFindings();
    }

    /**
     * Item 9, TPKT length 100 in a 22-byte segment, then the capture ends: before, nothing at all said so (0 findings,
     * only a note on the connection row). Now the end of the input raises one INFO finding about frame 1, on the 22
     * bytes from the TPKT header on.
     */
    @Test
    void aTpktLeftUnfinishedAtTheEndOfTheCaptureIsAFindingOfTheFrameWhereItStarts() {
        List<EndFinding> end = endOf(frame(segment(100, 2), 1, TcpInfo.ACK | TcpInfo.PSH));
        assertThat(end).hasSize(1);
        EndFinding e = end.get(0);
        assertThat(e.frame()).isEqualTo(1);
        assertThat(e.finding().id()).isEqualTo("STREAM-TPKT-UNFINISHED-AT-END");
        assertThat(e.finding().severity()).isEqualTo(Severity.INFO);
        assertThat(e.finding().layer()).isEqualTo("tpkt");
        assertThat(e.finding().offset()).isEqualTo(FrameBuilder.HEADERS);
        assertThat(e.finding().length()).isEqualTo(22);
        assertThat(e.finding().observed()).isEqualTo("22 bytes from 10.0.0.1:40001");
        assertThat(e.finding().expected()).isEqualTo("the 100 bytes its length field announces");
        assertThat(e.finding().explanation()).contains("22 bytes from 10.0.0.1:40001").contains("100 bytes");
        assertThat(e.finding().reference()).startsWith("RFC 1006 §6");
    }

    /** A TPKT completed by the next segment, or a whole one, leaves nothing unfinished. */
    @Test
    void aTpktCompletedBeforeTheEndIsNot() {
        Frame f1 = frame(segment(40, 2), 1, TcpInfo.ACK | TcpInfo.PSH);
        Frame f2 = frame(new byte[18], 2, TcpInfo.ACK | TcpInfo.PSH, 40001, 1000 + 22);
        assertThat(endOf(f1)).extracting(x -> x.finding().observed()).containsExactly("22 bytes from 10.0.0.1:40001");
        assertThat(endOf(f1, f2)).isEmpty();
        assertThat(endOf(frame(segment(22, 2), 1, TcpInfo.ACK | TcpInfo.PSH))).isEmpty();
    }

    /** A message segmented over DTs (EOT = 0) and no last DT before the end: one INFO finding at its first DT's data. */
    @Test
    void aSegmentedMessageLeftWithoutItsLastDtIsAFindingToo() {
        List<EndFinding> end = endOf(frame(DT_MORE, 1, TcpInfo.ACK | TcpInfo.PSH));
        assertThat(end).extracting(x -> x.finding().id()).containsExactly("STREAM-TSDU-UNFINISHED-AT-END");
        EndFinding e = end.get(0);
        assertThat(e.frame()).isEqualTo(1);
        assertThat(e.finding().offset()).isEqualTo(FrameBuilder.HEADERS + 7);
        assertThat(e.finding().length()).isEqualTo(3);
        assertThat(e.finding().observed()).isEqualTo("1 DT with EOT = 0 (3 bytes) from 10.0.0.1:40001");
        assertThat(e.finding().severity()).isEqualTo(Severity.INFO);
    }
}
