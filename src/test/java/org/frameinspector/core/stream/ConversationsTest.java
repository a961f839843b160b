package org.frameinspector.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frameinspector.core.stream.StreamKit.*;

import java.util.List;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.model.SourcePart;
import org.junit.jupiter.api.Test;

class ConversationsTest {
    static final byte[] CALLING = {0x01, 0x00}, CALLED = {0x01, 0x02};
    static final int PAY = 54; // payload offset in the kit's frames

    static List<Layer> layers(Dissection d, String proto) {
        return d.layers().stream().filter(l -> l.protocol().equals(proto)).toList();
    }

    static List<String> ids(Dissection d) {
        return d.findings().stream().map(Finding::id).toList();
    }

    static void noUndecoded(Dissection d) {
        assertThat(d.fields("_ws.undecoded")).as("undecoded bytes in frame %d", d.frame().number()).isEmpty();
    }

    @Test
    void severalTpktsInOneSegmentAreDissectedOnTheFrame() {
        StreamKit k = new StreamKit().connect(true);
        byte[] a = tpkt(dt(true, bytes(10, 1))), b = tpkt(dt(true, bytes(20, 2)));
        Dissection d = k.client.send(a, b);
        List<Layer> t = layers(d, "tpkt");
        assertThat(t).hasSize(2);
        assertThat(t.get(0).source()).isEqualTo(DataSource.FRAME);
        assertThat(t.get(0).offset()).isEqualTo(PAY);
        assertThat(t.get(1).offset()).isEqualTo(PAY + a.length);
        assertThat(d.sources()).hasSize(1);
        assertThat(k.tsdus).hasSize(2);
        noUndecoded(d);
    }

    @Test
    void tpktOverThreeSegmentsWithSplitHeaderIsReassembledInTheLastFrame() {
        StreamKit k = new StreamKit().connect(true);
        byte[] whole = tpkt(dt(true, bytes(300, 3)));
        byte[][] p = split(whole, 2, 150);
        Dissection d1 = k.client.send(p[0]);
        Dissection d2 = k.client.send(p[1]);
        Dissection d3 = k.client.send(p[2]);
        assertThat(layers(d1, "tpkt")).isEmpty();
        assertThat(layers(d2, "tpkt")).isEmpty();
        assertThat(layers(d1, "tcp.segment")).hasSize(1);
        noUndecoded(d1);
        noUndecoded(d2);
        noUndecoded(d3);
        List<Layer> t = layers(d3, "tpkt");
        assertThat(t).hasSize(1);
        DataSource r = d3.source(t.get(0).source());
        assertThat(r.isFrame()).isFalse();
        assertThat(r.bytes()).isEqualTo(whole);
        assertThat(r.parts()).containsExactly(
                new SourcePart(d1.frame().number(), PAY, 0, 2),
                new SourcePart(d2.frame().number(), PAY, 2, 148),
                new SourcePart(d3.frame().number(), PAY, 150, whole.length - 150));
        Field len = d3.field("tpkt.length");
        assertThat(len.source()).isEqualTo(r.id());
        assertThat(len.offset()).isEqualTo(2);
    }

    @Test
    void tpktEndingMidSegmentThenMoreTpkts() {
        StreamKit k = new StreamKit().connect(true);
        byte[] a = tpkt(dt(true, bytes(100, 1))), b = tpkt(dt(true, bytes(30, 2))), c = tpkt(dt(true, bytes(40, 3)));
        byte[][] pa = split(a, 60);
        k.client.send(pa[0]);
        Dissection d = k.client.send(pa[1], b, c);
        List<Layer> t = layers(d, "tpkt");
        assertThat(t).hasSize(3);
        assertThat(t.get(0).source()).isNotEqualTo(DataSource.FRAME);
        assertThat(t.get(1).source()).isEqualTo(DataSource.FRAME);
        assertThat(t.get(1).offset()).isEqualTo(PAY + a.length - 60);
        assertThat(t.get(2).offset()).isEqualTo(PAY + a.length - 60 + b.length);
        noUndecoded(d);
    }

    @Test
    void identicalRetransmissionIsNotDecodedTwice() {
        StreamKit k = new StreamKit().connect(true);
        byte[] a = tpkt(dt(true, bytes(50, 1)));
        long s = k.client.seq;
        k.client.send(a);
        Dissection d = k.client.at(s, 0x18, a);
        assertThat(ids(d)).containsExactly("TCP-RETRANSMISSION");
        assertThat(layers(d, "tpkt")).isEmpty();
        noUndecoded(d);
        assertThat(k.tsdus).hasSize(1);
    }

    @Test
    void overlapWithDifferentBytesIsFlaggedAtTheFirstDifferingByte() {
        StreamKit k = new StreamKit().connect(true);
        byte[] a = tpkt(dt(true, bytes(50, 1))), b = tpkt(dt(true, bytes(20, 2)));
        long s = k.client.seq;
        k.client.send(a);
        byte[] again = a.clone();
        again[30] ^= 0x55;
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(again, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Dissection d = k.client.at(s, 0x18, both);
        k.client.seq = s + both.length;
        Finding f = d.finding("TCP-OVERLAP-MISMATCH");
        assertThat(f).isNotNull();
        assertThat(f.offset()).isEqualTo(PAY + 30);
        assertThat(f.length()).isEqualTo(1);
        assertThat(f.observed()).startsWith("1 of the " + a.length);
        // the new part is still decoded
        assertThat(layers(d, "tpkt")).hasSize(1);
        assertThat(layers(d, "tpkt").get(0).offset()).isEqualTo(PAY + a.length);
    }

    @Test
    void segmentAfterAHoleIsDecodedAtOnceAndTheLateSegmentInItsOwnFrame() {
        StreamKit k = new StreamKit().connect(true);
        byte[] a = tpkt(dt(true, bytes(40, 1))), b = tpkt(dt(true, bytes(40, 2)));
        long s = k.client.seq;
        // b arrives first: nothing is held back, it is decoded in its own frame (the hole is reported)
        Dissection early = k.client.at(s + a.length, 0x18, b);
        assertThat(ids(early)).containsExactly("TCP-SEGMENT-MISSING");
        List<Layer> t = layers(early, "tpkt");
        assertThat(t).hasSize(1);
        assertThat(t.get(0).source()).isEqualTo(DataSource.FRAME);
        assertThat(t.get(0).offset()).isEqualTo(PAY);
        noUndecoded(early);
        // a fills the hole soon after: out of order (below the highest sequence seen), decoded in its own frame too
        Dissection fill = k.client.at(s, 0x18, a);
        k.client.seq = s + a.length + b.length;
        assertThat(ids(fill)).containsExactly("TCP-OUT-OF-ORDER");
        assertThat(layers(fill, "tpkt")).hasSize(1);
        assertThat(layers(fill, "tpkt").get(0).source()).isEqualTo(DataSource.FRAME);
        assertThat(fill.sources()).hasSize(1);
        assertThat(k.tsdus).hasSize(2);
        noUndecoded(fill);
        // in order again
        Dissection next = k.client.send(tpkt(dt(true, bytes(10, 5))));
        assertThat(layers(next, "tpkt")).hasSize(1);
        assertThat(next.findings()).isEmpty();
    }

    @Test
    void lostSegmentIsReportedAndTheRestOfItsTpktIsContinuationData() {
        StreamKit k = new StreamKit().connect(true);
        byte[] a = tpkt(dt(true, bytes(40, 1))), lost = tpkt(dt(true, bytes(400, 2)));
        byte[] c = tpkt(dt(true, bytes(30, 3)));
        k.client.send(a);
        long s = k.client.seq;
        byte[][] lp = split(lost, 200);
        // the first half of 'lost' never shows up; its second half and then c arrive
        Dissection half = k.client.at(s + 200, 0x18, lp[1]);
        assertThat(ids(half)).containsExactly("TCP-SEGMENT-MISSING");
        assertThat(half.finding("TCP-SEGMENT-MISSING").observed())
                .isEqualTo("this segment starts at relative sequence 248, the highest seen before was 48");
        List<Layer> cont = layers(half, "tpkt");
        assertThat(cont).hasSize(1);
        assertThat(cont.get(0).name()).isEqualTo("TPKT Continuation");
        assertThat(half.fields("tpkt.continuation_data")).hasSize(1);
        assertThat(half.fields("tpkt.continuation_data").get(0).length()).isEqualTo(lp[1].length);
        noUndecoded(half);
        Dissection dc = k.client.at(s + lost.length, 0x18, c);
        assertThat(dc.findings()).isEmpty();
        List<Layer> t = layers(dc, "tpkt");
        assertThat(t).hasSize(1);
        assertThat(t.get(0).source()).isEqualTo(DataSource.FRAME);
        k.client.seq = s + lost.length + c.length;
        Dissection fin = k.client.fin();
        assertThat(fin.findings()).isEmpty();
    }

    @Test
    void garbageBetweenTpktsLosesSyncOnceThenResynchronises() {
        StreamKit k = new StreamKit().connect(true);
        byte[] a = tpkt(dt(true, bytes(20, 1))), b = tpkt(dt(true, bytes(20, 2)));
        byte[] junk = {0x17, 0x03, 0x03, 0x00, 0x05, 0x42};
        Dissection d = k.client.send(a, junk, b);
        Finding lost = d.finding("TPKT-STREAM-SYNC-LOST");
        assertThat(lost).isNotNull();
        assertThat(lost.offset()).isEqualTo(PAY + a.length);
        assertThat(lost.observed()).contains("0x17");
        assertThat(d.findings().stream().filter(f -> f.id().equals("TPKT-STREAM-SYNC-LOST"))).hasSize(1);
        Finding re = d.finding("TPKT-STREAM-RESYNC");
        assertThat(re.offset()).isEqualTo(PAY + a.length + junk.length);
        assertThat(re.observed()).isEqualTo("6 bytes");
        assertThat(layers(d, "tpkt")).hasSize(2);
        noUndecoded(d);
    }

    @Test
    void lengthBelowSevenIsASyncLoss() {
        StreamKit k = new StreamKit().connect(true);
        Dissection d = k.client.send(new byte[] {3, 0, 0, 5, 0, 0, 0, 0});
        Finding lost = d.finding("TPKT-STREAM-SYNC-LOST");
        assertThat(lost.observed()).contains("5");
        assertThat(lost.offset()).isEqualTo(PAY);
    }

    @Test
    void captureStartingMidTpktShowsContinuationThenDecodes() {
        StreamKit k = new StreamKit().connect(false);
        byte[] a = tpkt(dt(true, bytes(40, 1)));
        Dissection d = k.client.send(bytes(13, 9), a);
        assertThat(ids(d)).isEmpty();
        List<Layer> t = layers(d, "tpkt");
        assertThat(t).hasSize(2);
        assertThat(t.get(0).name()).isEqualTo("TPKT Continuation");
        assertThat(t.get(0).offset()).isEqualTo(PAY);
        assertThat(t.get(0).length()).isEqualTo(13);
        assertThat(t.get(1).offset()).isEqualTo(PAY + 13);
        noUndecoded(d);
    }

    @Test
    void connectionSetupChecks() {
        StreamKit k = new StreamKit().connect(true);
        k.client.send(tpkt(cr(0x0001, 0, 0x0A, CALLING, CALLED)));
        Dissection cc = k.server.send(tpkt(cc(0x0002, 0x0044, 2, 0x0B, CALLED, CALLING)));
        assertThat(ids(cc)).contains("COTP-CC-DSTREF-MISMATCH", "COTP-CC-TPDU-SIZE-INCREASED",
                "COTP-TSEL-CC-MISMATCH", "COTP-CC-CLASS-NOT-ALLOWED");
        Finding ref = cc.finding("COTP-CC-DSTREF-MISMATCH");
        assertThat(ref.offset()).isEqualTo(PAY + 4 + 2);
        assertThat(ref.field().abbrev()).isEqualTo("cotp.destref");
        assertThat(ref.observed()).isEqualTo("0x0002");
        assertThat(ref.needsContext()).isTrue();
        assertThat(cc.finding("COTP-TSEL-CC-MISMATCH").observed()).startsWith("swapped");
        assertThat(cc.finding("COTP-CC-TPDU-SIZE-INCREASED").observed()).isEqualTo("2048 octets");
        assertThat(cc.finding("COTP-CC-CLASS-NOT-ALLOWED").expected()).startsWith("0 ");
    }

    @Test
    void cleanClass0LifeCycleRaisesNothing() {
        StreamKit k = new StreamKit().connect(true);
        k.client.send(tpkt(cr(0x0001, 0, 0x0A, CALLING, CALLED)));
        Dissection cc = k.server.send(tpkt(cc(0x0001, 0x0044, 0, 0x0A, CALLING, CALLED)));
        assertThat(cc.findings()).isEmpty();
        k.client.send(tpkt(dt(true, bytes(100, 1))));
        k.server.send(tpkt(dt(true, bytes(200, 1))));
        k.client.fin();
        k.server.fin();
        k.conv.finish();
        assertThat(k.all.stream().mapToInt(d -> d.findings().size()).sum()).isZero();
        Conversation row = k.conv.rows().get(0);
        assertThat(row.endpointA()).isEqualTo("10.0.0.1:40001");
        assertThat(row.endpointB()).isEqualTo("10.0.0.2:102");
        assertThat(row.callingTsap()).isEqualTo("0100");
        assertThat(row.calledTsap()).isEqualTo("0102");
        assertThat(row.tpduSize()).isEqualTo(1024);
        assertThat(row.cotpClass()).isEqualTo(0);
        assertThat(row.tpduSummary()).isEqualTo("CR 1 CC 1 DT 2");
        assertThat(row.end()).isEqualTo(Conversation.End.FIN);
        assertThat(row.endBy()).isEqualTo("A");
        assertThat(row.frames()).isEqualTo(9);
        assertThat(row.findings()).isEmpty();
    }

    @Test
    void sizeChecksAfterNegotiation() {
        StreamKit k = new StreamKit().connect(true);
        k.client.send(tpkt(cr(0x0001, 0, 0x07, null, null)));
        k.server.send(tpkt(cc(0x0001, 0x0044, 0, 0x07, null, null)));
        Dissection d = k.client.send(tpkt(dt(true, bytes(200, 1))));
        assertThat(ids(d)).contains("TPKT-EXCEEDS-TPDU-SIZE", "COTP-DT-EXCEEDS-TPDU-SIZE");
        assertThat(d.finding("TPKT-EXCEEDS-TPDU-SIZE").observed()).isEqualTo("203 octets");
        assertThat(d.finding("TPKT-EXCEEDS-TPDU-SIZE").offset()).isEqualTo(PAY + 2);
    }

    @Test
    void drSecondCrAndClass1TpdusOnEstablishedClass0() {
        StreamKit k = new StreamKit().connect(true);
        k.client.send(tpkt(cr(0x0001, 0, -1, null, null)));
        k.server.send(tpkt(cc(0x0001, 0x0044, 0, -1, null, null)));
        Dissection ak = k.client.send(tpkt(simple(0x60, 4)));
        assertThat(ak.finding("COTP-TPDU-NOT-IN-CLASS0").observed()).isEqualTo("AK");
        Dissection cr2 = k.client.send(tpkt(cr(0x0002, 0, -1, null, null)));
        assertThat(ids(cr2)).contains("COTP-SECOND-CR");
        byte[] dr = cc(0x0044, 0x0001, 0, -1, null, null);
        dr[1] = (byte) 0x80;
        Dissection d = k.client.send(tpkt(dr));
        assertThat(ids(d)).contains("COTP-DR-ON-ESTABLISHED-CLASS0");
        assertThat(d.finding("COTP-DR-ON-ESTABLISHED-CLASS0").severity()).isEqualTo(Severity.RISK);
        k.conv.finish();
        assertThat(k.conv.rows().get(0).end()).isEqualTo(Conversation.End.DR);
    }

    @Test
    void segmentedTsduIsReassembledAndHandedUp() {
        StreamKit k = new StreamKit().connect(true);
        byte[] p1 = bytes(100, 1), p2 = bytes(100, 2), p3 = bytes(50, 3);
        Dissection d1 = k.client.send(tpkt(dt(false, p1)));
        Dissection d2 = k.client.send(tpkt(dt(false, p2)), tpkt(dt(true, p3)));
        assertThat(k.tsdus).hasSize(1);
        byte[] all = new byte[250];
        System.arraycopy(p1, 0, all, 0, 100);
        System.arraycopy(p2, 0, all, 100, 100);
        System.arraycopy(p3, 0, all, 200, 50);
        assertThat(k.tsdus.get(0)).isEqualTo(all);
        DataSource r = d2.sources().get(d2.sources().size() - 1);
        assertThat(r.name()).startsWith("Reassembled TSDU (250 bytes from 3 DTs");
        assertThat(r.parts()).containsExactly(
                new SourcePart(d1.frame().number(), PAY + 7, 0, 100),
                new SourcePart(d2.frame().number(), PAY + 7, 100, 100),
                new SourcePart(d2.frame().number(), PAY + 107 + 7, 200, 50));
        assertThat(layers(d2, "upper").get(0).source()).isEqualTo(r.id());
        assertThat(ids(d2)).containsExactly("TPKT-MULTIPLE");
        assertThat(d1.fields("cotp.segment_data")).hasSize(1);
        noUndecoded(d1);
        noUndecoded(d2);
    }

    @Test
    void tsduPiecesFromAReassembledTpktMapToFrames() {
        StreamKit k = new StreamKit().connect(true);
        byte[] first = tpkt(dt(false, bytes(100, 1)));
        byte[][] p = split(first, 50);
        Dissection d1 = k.client.send(p[0]);
        Dissection d2 = k.client.send(p[1], tpkt(dt(true, bytes(10, 2))));
        DataSource r = d2.sources().get(d2.sources().size() - 1);
        assertThat(r.name()).startsWith("Reassembled TSDU (110 bytes");
        assertThat(r.parts()).containsExactly(
                new SourcePart(d1.frame().number(), PAY + 7, 0, 43),
                new SourcePart(d2.frame().number(), PAY, 43, 57),
                new SourcePart(d2.frame().number(), PAY + 57 + 7, 100, 10));
    }

    @Test
    void eotSequenceBrokenByOtherTpduOrByFin() {
        StreamKit k = new StreamKit().connect(true);
        k.client.send(tpkt(dt(false, bytes(10, 1))));
        Dissection er = k.client.send(tpkt(simple(0x70, 4)));
        assertThat(ids(er)).contains("COTP-DT-EOT-SEQUENCE-BROKEN");
        k.client.send(tpkt(dt(false, bytes(10, 1))));
        Dissection fin = k.client.fin();
        Finding f = fin.finding("COTP-DT-EOT-SEQUENCE-BROKEN");
        assertThat(f.expected()).isEqualTo("FIN");
        assertThat(f.offset()).isEqualTo(14 + 20 + 13);
    }

    @Test
    void finInsideATpktIsALengthMismatch() {
        StreamKit k = new StreamKit().connect(true);
        byte[] a = tpkt(dt(true, bytes(100, 1)));
        k.client.send(split(a, 60)[0]);
        Dissection fin = k.client.fin();
        Finding f = fin.finding("TPKT-LENGTH-VS-SEGMENTS");
        assertThat(f.observed()).startsWith("only 60 bytes");
        assertThat(f.expected()).isEqualTo(a.length + " bytes");
    }

    @Test
    void peerResetRightAfterACcWithABadByte() {
        StreamKit k = new StreamKit().connect(true);
        k.client.send(tpkt(cr(0x0001, 0, 0x0A, CALLING, CALLED)));
        Dissection cc = k.server.send(tpkt(0x11, cc(0x0001, 0x0044, 0, 0x0A, CALLING, CALLED)));
        assertThat(ids(cc)).containsExactly("TPKT-RESERVED-NONZERO");
        Dissection rst = k.client.rst();
        Finding f = rst.finding("COTP-PEER-CLOSED-AFTER-TPDU");
        assertThat(f).isNotNull();
        assertThat(f.severity()).isEqualTo(Severity.RISK);
        assertThat(f.observed()).contains("10.0.0.1:40001 sent RST").contains("CC in frame " + cc.frame().number());
        assertThat(f.expected()).contains("TPKT-RESERVED-NONZERO");
        k.conv.finish();
        Conversation row = k.conv.rows().get(0);
        assertThat(row.end()).isEqualTo(Conversation.End.RST);
        assertThat(row.findings()).containsKeys("TPKT-RESERVED-NONZERO", "COTP-PEER-CLOSED-AFTER-TPDU");
    }

    @Test
    void normalCloseAfterDataIsNotAFinding() {
        StreamKit k = new StreamKit().connect(true);
        k.client.send(tpkt(dt(true, bytes(10, 1))));
        k.server.send(tpkt(dt(true, bytes(10, 1))));
        assertThat(k.client.fin().findings()).isEmpty();
    }

    @Test
    void outOfOrderMemoryIsBounded() {
        StreamKit k = new StreamKit().connect(true);
        long s = k.client.seq;
        byte[] chunk = bytes(1000, 1);
        int gaps = 0;
        for (int i = 0; i < 300; i++) {
            Dissection d = k.client.at(s + 5000 + i * 1000L, 0x18, chunk);
            if (d.finding("TCP-SEGMENT-MISSING") != null) gaps++;
        }
        assertThat(gaps).isGreaterThan(0);
    }

    @Test
    void nonTpktConnectionOnOtherPortIsLeftToTcp() {
        StreamKit k = new StreamKit();
        k.connect(true);
        StreamKit.Side c = k.client;
        // a second connection on port 8080 carrying text
        StreamKit.Side web = k.new Side(org.frameinspector.capture.FrameBuilder.ip(10, 0, 0, 3), 50000, 1);
        StreamKit.Side srv = k.new Side(org.frameinspector.capture.FrameBuilder.ip(10, 0, 0, 4), 8080, 1);
        web.peer = srv;
        srv.peer = web;
        Dissection d = web.send("GET / HTTP/1.1\r\n".getBytes());
        assertThat(ids(d)).doesNotContain("TPKT-STREAM-SYNC-LOST");
        assertThat(k.conv.rows()).hasSize(2);
        assertThat(k.conv.rows().get(1).tpkt()).isFalse();
        assertThat(c).isNotNull();
    }

    @Test
    void rdpSwitchingToTlsAndFastPathAreNotFramingErrors() {
        StreamKit k = new StreamKit().connect(true, 3389);
        k.client.send(tpkt(cr(0, 0, -1, null, null)));
        k.server.send(tpkt(cc(0, 0x1234, 0, -1, null, null)));
        // fast-path PDU (action 0, length 10) between TPKTs, then a TPKT again
        byte[] fp = {0x00, 10, 1, 2, 3, 4, 5, 6, 7, 8};
        Dissection d = k.server.send(fp, tpkt(dt(true, bytes(20, 1))));
        assertThat(ids(d)).doesNotContain("TPKT-STREAM-SYNC-LOST");
        assertThat(layers(d, "tpkt")).hasSize(1);
        noUndecoded(d);
        // TLS ClientHello record header: the stream leaves TPKT quietly
        byte[] tls = {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5};
        Dissection t1 = k.client.send(tls);
        Dissection t2 = k.client.send(new byte[] {0x17, 0x03, 0x03, 0x00, 0x02, 9, 9});
        Dissection t3 = k.client.send(new byte[] {0x42, 0x42, 0x42});
        for (Dissection x : List.of(t1, t2, t3)) {
            assertThat(x.findings()).isEmpty();
            assertThat(layers(x, "tpkt")).isEmpty();
            noUndecoded(x);
        }
        k.conv.finish();
        assertThat(k.conv.rows().get(0).note()).contains("A switched to TLS in frame " + t1.frame().number());
    }

    @Test
    void sequenceNumbersWrappingAroundZero() {
        StreamKit k = new StreamKit().connect(false);
        k.client.seq = 0xFFFFFFF0L;
        byte[] a = tpkt(dt(true, bytes(30, 1)));
        byte[][] p = split(a, 10);
        k.client.send(p[0]);
        Dissection d = k.client.send(p[1]);
        k.client.seq &= 0xFFFFFFFFL;
        assertThat(layers(d, "tpkt")).hasSize(1);
        long s = k.client.seq;
        Dissection again = k.client.at(s - 5, 0x18, java.util.Arrays.copyOfRange(a, a.length - 5, a.length));
        assertThat(ids(again)).containsExactly("TCP-RETRANSMISSION");
        Dissection next = k.client.send(tpkt(dt(true, bytes(5, 2))));
        assertThat(next.findings()).isEmpty();
        assertThat(layers(next, "tpkt")).hasSize(1);
    }
}
