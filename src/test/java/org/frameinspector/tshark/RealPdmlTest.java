package org.frameinspector.tshark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.frameinspector.TestFiles;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The parser and matcher on real tshark output: an S7 capture where COTP reassembles DT segments, so the PDML holds
 * s7comm fields whose positions are relative to the reassembled buffer. Skipped when tshark is absent (the
 * agreement test, not this one, is the one CI insists on).
 */
class RealPdmlTest {
    static final String CAPTURE = "s7comm_downloading_block_db1.pcap";
    static List<PdmlPacket> packets;
    static List<Frame> frames;

    @BeforeAll
    static void run() throws Exception {
        org.frameinspector.TestFiles.requireTool("tshark");
        Path cap = TestFiles.captures().resolve(CAPTURE);
        frames = MiniCapture.read(cap);
        packets = new ArrayList<>();
        Process p = new ProcessBuilder(TsharkAgreement.tsharkCommand(cap))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (InputStream in = p.getInputStream()) {
            PdmlParser.parse(in, packets::add);
        }
        assertThat(p.waitFor()).isZero();
    }

    @Test
    void onePacketPerFrameWithMatchingLengths() {
        assertThat(packets).hasSameSizeAs(frames);
        for (PdmlPacket pk : packets) {
            assertThat(pk.capturedLength()).isEqualTo(frames.get(pk.number() - 1).capturedLength());
        }
    }

    @Test
    void reassembledFieldsAreNotInTheFrame() {
        // frame 10 completes a two-segment COTP TSDU; tshark dissects s7comm from the reassembled buffer (pos 0..)
        PdmlPacket p = packets.get(9);
        byte[] bytes = frames.get(9).data();
        Agreement s7 = new Agreement(Set.of("s7comm"));
        assertThat(p.fields()).anyMatch(f -> f.name().startsWith("s7comm.") && f.pos() == 0);
        // they are attributed to tshark's reassembled COTP buffer; its bytes all came from frame 10 (the first DT had
        // no data), so the buffer maps onto the frame bytes, and with none of our fields given they count as MISSING
        assertThat(s7.compare(p, bytes, List.of())).isNotEmpty()
                .allMatch(o -> o.reassembled() && o.kind() == Agreement.Kind.MISSING);
        Agreement core = new Agreement(Agreement.CORE);
        assertThat(core.compare(p, bytes, List.of())).extracting(o -> o.tshark().name())
                .contains("eth.src", "ip.ttl", "tcp.srcport", "tpkt.length", "cotp.li", "cotp.eot");
    }

    @Test
    void s7commInALoneSegmentIsInTheFrame() {
        // somewhere in this capture an S7 PDU fits in one DT: then its fields are frame fields
        Agreement s7 = new Agreement(Set.of("s7comm"));
        long n = 0;
        for (PdmlPacket p : packets) n += s7.compare(p, frames.get(p.number() - 1).data(), List.of()).size();
        assertThat(n).isPositive();
    }

    /** Feeding tshark's own fields back as "ours" must agree 100 %: the matcher accepts PDML's own value forms. */
    @Test
    void tsharkAgreesWithItself() {
        Agreement core = new Agreement(Agreement.CORE);
        Agreement.Tally t = new Agreement.Tally();
        for (PdmlPacket p : packets) {
            List<OurField> ours = new ArrayList<>();
            for (PdmlField f : p.fields()) ours.add(new OurField(f.name(), f.pos(), f.size(), typed(f), null));
            core.compare(p, frames.get(p.number() - 1).data(), ours).forEach(t::add);
        }
        assertThat(t.compared()).isGreaterThan(2000);
        assertThat(t.top(3)).isEmpty();
        assertThat(t.percent()).isEqualTo(100.0);
    }

    /** The value a dissector would store: an integer when PDML shows one, bytes for hex strings, else text. */
    private static Object typed(PdmlField f) {
        BigInteger i = Values.integer(f.show());
        if (i != null && i.bitLength() < 63) return i.longValue();
        String s = f.show() == null ? "" : f.show();
        if (s.matches("([0-9a-f]{2}:)+[0-9a-f]{2}") && f.name().endsWith("bytes")) {
            return HexFormat.of().parseHex(s.replace(":", ""));
        }
        return s.isEmpty() ? null : s;
    }
}
