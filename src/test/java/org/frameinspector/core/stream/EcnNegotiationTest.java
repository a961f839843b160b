package org.frameinspector.core.stream;

import org.frameinspector.core.checksum.InternetChecksum;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.capture.FrameBuilder;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

/** IP4-ECN-WITHOUT-NEGOTIATION: ECN code points on a TCP connection whose handshake did not set up ECN. */
class EcnNegotiationTest {
    static final int C = FrameBuilder.ip(10, 0, 0, 1), S = FrameBuilder.ip(10, 0, 0, 2);
    static final int SYN = 0x02, ACK = 0x10, PSH = 0x08, ECE = 0x40, CWR = 0x80;
    static final byte[] DT = {3, 0, 0, 11, 2, (byte) 0xF0, (byte) 0x80, 0, 1, 2, 3};

    /** Frames of a connection: handshake flags as given (null = handshake not captured), then data with ECN bits. */
    static List<Frame> conversation(Integer synExtra, Integer synAckExtra, boolean synAckAe, int ecnBits) {
        List<Frame> out = new ArrayList<>();
        long cs = 1000, ss = 5000;
        if (synExtra != null) {
            out.add(frame(out.size() + 1, C, S, 49152, 102, cs, 0, SYN | synExtra, new byte[0], 0, false));
            out.add(frame(out.size() + 1, S, C, 102, 49152, ss, cs + 1, SYN | ACK | synAckExtra, new byte[0], 0, synAckAe));
        }
        cs++;
        ss++;
        for (int i = 0; i < 3; i++) {
            out.add(frame(out.size() + 1, C, S, 49152, 102, cs, ss, ACK | PSH, DT, ecnBits, false));
            cs += DT.length;
            out.add(frame(out.size() + 1, S, C, 102, 49152, ss, cs, ACK | PSH, DT, ecnBits, false));
            ss += DT.length;
        }
        return out;
    }

    static Frame frame(int no, int src, int dst, int sp, int dp, long seq, long ack, int flags, byte[] pay, int ecn,
                       boolean ae) {
        byte[] b = new byte[128];
        int n = FrameBuilder.tcp(b, src, dst, sp, dp, seq, ack, flags, pay, 0, pay.length, no);
        byte[] f = java.util.Arrays.copyOf(b, n);
        f[15] = (byte) ((f[15] & 0xFC) | ecn);
        if (ae) f[46] |= 1;
        fixChecksums(f);
        return new Frame(no, f, f.length, no * 1_000_000L, Frame.LINK_ETHERNET, 0, null);
    }

    static List<Finding> ecnFindings(List<Frame> frames) {
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        Conversations conv = new Conversations();
        List<Finding> out = new ArrayList<>();
        for (Frame f : frames) {
            Dissection d = fd.dissect(f, null, conv);
            conv.record(d);
            for (Finding x : d.findings()) {
                if (x.id().equals("IP4-ECN-WITHOUT-NEGOTIATION")) out.add(x);
                else assertThat(x.severity().name()).as(x.id() + " in frame " + f.number()).isEqualTo("INFO");
            }
        }
        return out;
    }

    @Test
    void ectWithoutEcnSetupIsFlaggedOncePerDirection() {
        List<Finding> f = ecnFindings(conversation(0, 0, false, 2));
        assertThat(f).hasSize(2);
        assertThat(f.get(0).offset()).isEqualTo(15);
        assertThat(f.get(0).length()).isEqualTo(1);
        assertThat(f.get(0).observed()).isEqualTo("ECT(0) (10)");
        assertThat(f.get(0).expected()).contains("the SYN did not ask for ECN");
        assertThat(f.get(0).field()).isNotNull();
        assertThat(f.get(0).field().abbrev()).isEqualTo("ip.dsfield");
        assertThat(f.get(0).reference()).contains("RFC 3168");
    }

    @Test
    void peerThatRefusedEcnIsNamed() {
        List<Finding> f = ecnFindings(conversation(ECE | CWR, 0, false, 3));
        assertThat(f).hasSize(2);
        assertThat(f.get(0).observed()).isEqualTo("CE (11)");
        assertThat(f.get(0).expected()).contains("SYN-ACK did not agree");
    }

    @Test
    void negotiatedEcnIsFine() {
        assertThat(ecnFindings(conversation(ECE | CWR, ECE, false, 2))).isEmpty();
        assertThat(ecnFindings(conversation(ECE | CWR, ECE, false, 1))).isEmpty();
    }

    @Test
    void accurateEcnNegotiationIsFine() {
        // the SYN sets AE, CWR and ECE; a SYN-ACK with AE alone (AE/CWR/ECE = 100) agrees to AccECN
        List<Frame> frames = conversation(ECE | CWR, 0, true, 2);
        byte[] syn = frames.get(0).data();
        syn[46] |= 1;
        fixChecksums(syn);
        assertThat(ecnFindings(frames)).isEmpty();
    }

    @Test
    void notEctNeverFlaggedAndUnknownHandshakeNotJudged() {
        assertThat(ecnFindings(conversation(0, 0, false, 0))).isEmpty();
        assertThat(ecnFindings(conversation(null, null, false, 2))).isEmpty();
    }

    /** Recomputes the IPv4 header and TCP checksums of an Ethernet/IPv4/TCP frame. */
    static void fixChecksums(byte[] b) {
        if (b.length < 54 || (b[14] & 0xF0) != 0x40) return;
        int ihl = (b[14] & 0x0F) * 4;
        if (ihl < 20 || 14 + ihl > b.length) return;
        b[24] = 0;
        b[25] = 0;
        int ck = InternetChecksum.of(b, 14, ihl);
        b[24] = (byte) (ck >> 8);
        b[25] = (byte) ck;
        int tot = ((b[16] & 0xFF) << 8) | (b[17] & 0xFF);
        int tcpOff = 14 + ihl, tcpLen = tot - ihl;
        if (b[23] != 6 || tcpLen < 20 || tcpOff + tcpLen > b.length) return;
        b[tcpOff + 16] = 0;
        b[tcpOff + 17] = 0;
        int t = InternetChecksum.tcpOverIpv4(b, 14, tcpOff, tcpLen);
        b[tcpOff + 16] = (byte) (t >> 8);
        b[tcpOff + 17] = (byte) t;
    }
}
