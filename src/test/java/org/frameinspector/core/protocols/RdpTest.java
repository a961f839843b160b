package org.frameinspector.core.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frameinspector.core.protocols.UpperTestSupport.crcc;
import static org.frameinspector.core.protocols.UpperTestSupport.hex;

import java.util.Map;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Severity;
import org.junit.jupiter.api.Test;

class RdpTest {
    static final String COOKIE = "436f6f6b69653a206d737473686173683d75736572310d0a"; // Cookie: mstshash=user1\r\n

    private static java.util.List<String> ids(Dissection d) {
        return d.findings().stream().map(Finding::id).toList();
    }

    @Test
    void crWithCookieAndNegotiationRequest() {
        Dissection d = crcc(hex("26 e0 0000 0000 00" + COOKIE + "01 00 08 00 03 00 00 00"));
        assertThat(d.layer("rdp")).isNotNull();
        var c = d.field("rdp.rt_cookie");
        assertThat(c.display()).isEqualTo("Cookie: mstshash=user1");
        assertThat(c.offset()).isEqualTo(7);
        assertThat(c.length()).isEqualTo(22);
        assertThat(d.field("rdp.neg_type").offset()).isEqualTo(31);
        assertThat(d.field("rdp.neg_type").display()).isEqualTo("RDP Negotiation Request (0x01)");
        assertThat(d.field("rdp.neg_length").longValue()).isEqualTo(8);
        // Wireshark's layout: rdp.neg_length over the first byte; our own field covers the high byte
        assertThat(d.field("rdp.neg_length").offset()).isEqualTo(33);
        assertThat(d.field("rdp.neg_length").length()).isEqualTo(1);
        assertThat(d.field("rdp.neg_length.high").offset()).isEqualTo(34);
        assertThat(d.field("rdp.neg_length.high").length()).isEqualTo(1);
        assertThat(d.field("rdp.negReq.requestedProtocols").longValue()).isEqualTo(3);
        assertThat(d.field("rdp.negReq.requestedProtocols.hybrid").longValue()).isEqualTo(1);
        assertThat(d.field("rdp.negReq.requestedProtocols").offset()).isEqualTo(35);
        assertThat(ids(d)).containsExactly("RDP-X224-NONTLV");
        assertThat(d.finding("RDP-X224-NONTLV").severity()).isEqualTo(Severity.INFO);
        assertThat(d.info()).contains("Cookie: mstshash=user1").contains("Negotiate Request");
    }

    @Test
    void routingTokenAndCookieTogether() {
        String token = hex2("Cookie: msts=3640205228.15629.0000\r\n");
        String cookie = hex2("Cookie: mstshash=a\r\n");
        int li = 6 + (token.length() + cookie.length()) / 2 + 8;
        Dissection d = crcc(hex(String.format("%02x", li) + "e0 0000 0000 00" + token + cookie + "0100080001000000"));
        assertThat(d.fields("rdp.rt_cookie")).hasSize(2);
        assertThat(ids(d)).contains("RDP-COOKIE-AND-TOKEN");
    }

    @Test
    void x224ParametersBeforeRdpData() {
        Dissection d = crcc(hex("2a e0 0000 0000 00 c1 02 01 00" + COOKIE + "01 00 08 00 00 00 00 00"));
        assertThat(ids(d)).contains("RDP-CR-X224-PARAMS", "RDP-X224-NONTLV");
        assertThat(d.finding("RDP-CR-X224-PARAMS").offset()).isEqualTo(7);
        assertThat(d.field("rdp.rt_cookie").offset()).isEqualTo(11);
    }

    @Test
    void negotiationLengthWrong() {
        Dissection d = crcc(hex("0e d0 0000 1234 00 02 00 09 00 02 00 00 00"));
        assertThat(ids(d)).contains("RDP-NEG-LENGTH");
        Finding f = d.finding("RDP-NEG-LENGTH");
        assertThat(f.offset()).isEqualTo(9);
        assertThat(f.length()).isEqualTo(2);
        assertThat(f.observed()).isEqualTo("9");
    }

    @Test
    void failureWithFlags() {
        Dissection d = crcc(hex("0e d0 0000 1234 00 03 01 08 00 05 00 00 00"));
        assertThat(ids(d)).contains("RDP-NEG-FAILURE-FLAGS");
        assertThat(d.field("rdp.negFailure.failureCode").longValue()).isEqualTo(5);
        assertThat(d.info()).contains("Negotiate Failure");
    }

    @Test
    void responseReservedFlagAndSelectedProtocol() {
        Dissection d = crcc(hex("0e d0 0000 1234 00 02 05 08 00 02 00 00 00"));
        assertThat(ids(d)).contains("RDP-NEG-RESERVED-FLAG").doesNotContain("RDP-NEG-LENGTH");
        assertThat(d.finding("RDP-NEG-RESERVED-FLAG").severity()).isEqualTo(Severity.INFO);
        assertThat(d.field("rdp.negReq.selectedProtocol").display()).isEqualTo("CredSSP (0x00000002)");
        assertThat(d.field("rdp.negRsp.flags.extended_client_data_supported").longValue()).isEqualTo(1);
    }

    @Test
    void requestWithUndefinedFlag() {
        Dissection d = crcc(hex("0e e0 0000 0000 00 01 40 08 00 01 00 00 00"));
        assertThat(ids(d)).contains("RDP-NEG-RESERVED-FLAG");
    }

    @Test
    void requestNotClassZero() {
        Dissection d = crcc(hex("0e e0 0000 0000 40 01 00 08 00 01 00 00 00"));
        assertThat(ids(d)).contains("RDP-CR-TOO-SHORT");
        assertThat(d.finding("RDP-CR-TOO-SHORT").offset()).isEqualTo(6);
    }

    /**
     * MS-RDPBCGR 3.3.5.3.1: a connection request of less than 11 bytes (TPKT header + the X.224 CR's 7-byte fixed
     * part) is dropped by the server. Here the TPKT says 10 and the CR lacks its class octet, on port 3389.
     */
    @Test
    void connectionRequestShorterThanElevenBytesOnTheRdpPort() {
        byte[] tpkt = hex("03 00 00 0a  06 e0 00 00 00 01");
        byte[] frame = new byte[64];
        org.frameinspector.capture.FrameBuilder.tcp(frame, org.frameinspector.capture.FrameBuilder.ip(10, 0, 0, 1),
                org.frameinspector.capture.FrameBuilder.ip(10, 0, 0, 2), 40000, 3389, 1, 1, TcpInfo.ACK | TcpInfo.PSH,
                tpkt, 0, tpkt.length, 1);
        Dissection d = org.frameinspector.core.protocols.Protocols.dissector()
                .dissect(org.frameinspector.core.model.Frame.of(1, frame, org.frameinspector.core.model.Frame.LINK_ETHERNET));
        assertThat(ids(d)).contains("RDP-CR-TOO-SHORT");
        Finding f = d.finding("RDP-CR-TOO-SHORT");
        assertThat(f.observed()).isEqualTo("10 bytes");
        assertThat(f.offset()).isEqualTo(54 + 4);
        assertThat(f.length()).isEqualTo(6);
        // the same CR on port 102 is no RDP matter: COTP alone reports it
        org.frameinspector.capture.FrameBuilder.tcp(frame, org.frameinspector.capture.FrameBuilder.ip(10, 0, 0, 1),
                org.frameinspector.capture.FrameBuilder.ip(10, 0, 0, 2), 40000, 102, 1, 1, TcpInfo.ACK | TcpInfo.PSH,
                tpkt, 0, tpkt.length, 1);
        Dissection on102 = org.frameinspector.core.protocols.Protocols.dissector()
                .dissect(org.frameinspector.core.model.Frame.of(1, frame, org.frameinspector.core.model.Frame.LINK_ETHERNET));
        assertThat(ids(on102)).doesNotContain("RDP-CR-TOO-SHORT").isNotEmpty();
    }

    @Test
    void correlationInfo() {
        String corr = "06 00 24 00" + "11".repeat(16) + "00".repeat(16);
        Dissection d = crcc(hex("32 e0 0000 0000 00 01 08 08 00 03 00 00 00" + corr));
        assertThat(d.field("rdp.correlationInfo.correlationId").length()).isEqualTo(16);
        assertThat(ids(d)).containsExactly("RDP-X224-NONTLV");
    }

    @Test
    void plainX224ParametersAreNotRdp() {
        Dissection d = crcc(hex("11 e0 0000 0001 00 c1 02 01 00 c2 02 01 02 c0 01 0a"));
        assertThat(d.layer("rdp")).isNull();
    }

    @Test
    void tlsAfterNegotiationOnPort3389() {
        byte[] b = hex("16 03 01 00 05 0102030405 17 03 03 00 10 " + "aa".repeat(8));
        TcpInfo t = new TcpInfo("10.0.0.1", "10.0.0.2", 50000, 3389, 1, 1, TcpInfo.ACK, 0, b.length, false);
        var out = new Dissection(org.frameinspector.core.model.Frame.of(1, b, org.frameinspector.core.model.Frame.LINK_RAW));
        var ctx = new org.frameinspector.core.dissect.Ctx(out, UpperTestSupport.registry(), null);
        ctx.put(org.frameinspector.core.dissect.TcpInfo.KEY, t);
        var all = org.frameinspector.core.dissect.Buf.of(out.sources().get(0));
        assertThat(ctx.next("tcp", 3389, all)).isTrue();
        assertThat(out.layer("tls").name()).startsWith("Encrypted from here (TLS/CredSSP), not decoded");
        assertThat(out.fields("tls.record.content_type")).hasSize(2);
        assertThat(out.fields("tls.record.length").get(1).longValue()).isEqualTo(16);
        assertThat(out.field("tls.continuation_data")).isNull();

        TcpInfo other = new TcpInfo("10.0.0.1", "10.0.0.2", 50000, 443, 1, 1, TcpInfo.ACK, 0, b.length, false);
        var out2 = new Dissection(org.frameinspector.core.model.Frame.of(1, b, org.frameinspector.core.model.Frame.LINK_RAW));
        var ctx2 = new org.frameinspector.core.dissect.Ctx(out2, UpperTestSupport.registry(), null);
        ctx2.put(org.frameinspector.core.dissect.TcpInfo.KEY, other);
        assertThat(ctx2.next("tcp", 443, org.frameinspector.core.dissect.Buf.of(out2.sources().get(0)))).isFalse();
    }

    static String hex2(String ascii) {
        StringBuilder sb = new StringBuilder();
        for (char c : ascii.toCharArray()) sb.append(String.format("%02x", (int) c));
        return sb.toString();
    }

    @Test
    void unused() {
        assertThat(Map.of()).isEmpty();
    }
}
