package org.frameinspector.core.protocols;

import org.frameinspector.core.protocols.rdp.RdpPort;
import org.frameinspector.core.protocols.rdp.RdpData;
import org.frameinspector.core.protocols.rdp.RdpNegotiation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.frameinspector.core.protocols.UpperTestSupport.hex;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.junit.jupiter.api.Test;

/**
 * RDP after the X.224 negotiation: fast-path PDUs, MCS connect and domain PDUs, GCC client/server data and the
 * Standard RDP Security header. The byte strings are TCP payloads of frames in the shared captures
 * (rdp_zeek_proprietary_encryption.pcap frames 14, 15, 16, 19, 21, 32, 35; rdp_suricata_RDP-003.pcap frames 26, 37,
 * 111); offsets below are payload offsets (tshark's frame offset minus 54).
 */
class RdpMcsTest {
    static final String CONNECT_INITIAL =
            "030001ac02f0807f658201a00401010401010101ff30190201220201020201000201010201000201010202ffff020102"
            + "301902010102010102010102010102010002010102020420020102301c0202ffff0202fc170202ffff02010102010002"
            + "01010202ffff0201020482013f000500147c00018136000800100001c00044756361812801c0d8000400080080046003"
            + "01ca03aa0904000070170000460052004f0047002d0050004f004e004400000000000000000000000000000004000000"
            + "000000000c00000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000001ca01000000000018000f000b0000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000004c00c000d0000000000000002c00c001b0000000000000003c038000400000072647064"
            + "7200000000008080726470736e640000000000c0647264796e766300000080c0636c6970726472000000a0c0";
    static final String CONNECT_RESPONSE =
            "0300015102f0807f668201450a0100020100301a020122020103020100020101020100020101020300fff80201020482"
            + "011f000500147c00012a14760a01010001c0004d63446e8108010c0c000400080000000000030c1000eb030400ec03ed"
            + "03ee03ef03020cec00020000000300000020000000b8000000e323f12bc9f1f51e9a057145b003a36e7ef07062824ecf"
            + "a2770ae91f9d0337d101000000010000000100000006005c005253413148000000000200003f0000000100010093520c"
            + "e9c5325c8105a65db24edf8647d786d359cddbeeb0588d99e0d0ff10767b2ede328dcdade65132b01b8c2c1871be890b"
            + "947c791409adc8f63377f974b100000000000000000800480046ba0119957ae7a7ec0604e057a05155891409d81df96e"
            + "f52cb67adfff429d95ba49fbc65b140c694f8583d2aad9920ad53d530498d0aaf15e9d62b685c8762000000000000000"
            + "00";
    static final String SECURITY_EXCHANGE =
            "0300005e02f08064000703eb705001020000480000008b689c55b7c81a58755f6260006995ae78bab756234acd65b0ec"
            + "b8dcbb9ea69b6520eaecea70ae4adc82423bee7e0718577ac4be710f16a2bd1d5464598177440000000000000000";
    static final String LICENSE_ENCRYPTED =
            "0300002a02f08068000103eb701c880202032d978c4675476d4aa3cd471b31ab7951bb8445b8da0a6273";
    static final String LICENSE_ERROR_ALERT =
            "0300002202f08068000103eb701480021000ff021000070000000200000038e20000";
    static final String FASTPATH_INPUT =
            "90161886fb4828856af49f84c21a9374b3ce75025f56";
    static final String FASTPATH_OUTPUT =
            "c012764b9ac3820abb59152cdad4b6a16bb7";
    static final String ERECT_DOMAIN =
            "0300000c02f0800401000100";
    static final String ATTACH_USER_CONFIRM =
            "0300000b02f0802e000007";
    static final String CHANNEL_JOIN_CONFIRM =
            "0300000f02f0803e00000703f003f0";


    /** Dissects a TCP payload the way a lone segment on port 3389 is dissected (full registry, TCP info set). */
    static Dissection seg(String hexBytes, int srcPort, int dstPort) {
        byte[] b = hex(hexBytes);
        Dissection out = new Dissection(Frame.of(1, b, Frame.LINK_RAW));
        Ctx ctx = new Ctx(out, Protocols.standard(), null);
        ctx.put(org.frameinspector.core.dissect.TcpInfo.KEY, new TcpInfo("10.0.0.1", "10.0.0.2", srcPort, dstPort, 1, 1, TcpInfo.ACK, 0, b.length, false));
        Dissector d = ctx.registry().lookup("tcp.port", 3389);
        ctx.call(d, Buf.of(out.sources().get(0)));
        return out;
    }

    static Dissection toServer(String h) {
        return seg(h, 50000, 3389);
    }

    static Dissection toClient(String h) {
        return seg(h, 3389, 50000);
    }

    static void at(Dissection d, String abbrev, int off, int len, long value) {
        Field f = d.fields(abbrev).stream().filter(x -> x.offset() == off).findFirst().orElse(null);
        assertThat(f).as(abbrev + "@" + off).isNotNull();
        assertThat(f.length()).as(abbrev + " length").isEqualTo(len);
        assertThat(f.longValue()).as(abbrev + " value").isEqualTo(value);
    }

    static void covered(Dissection d) {
        int n = d.frame().capturedLength();
        BitSet bits = new BitSet(n);
        for (Layer l : d.layers()) for (Field f : l.fields()) mark(f, bits);
        assertThat(bits.nextClearBit(0)).as("first byte no field covers").isEqualTo(n);
    }

    private static void mark(Field f, BitSet bits) {
        if (f.inFrame() && f.length() > 0) bits.set(f.offset(), f.end());
        for (Field c : f.children()) mark(c, bits);
    }

    static List<String> ids(Dissection d) {
        return d.findings().stream().map(Finding::id).toList();
    }

    @Test
    void fastPathInputWithEncryptedEventsLikeWireshark() {
        Dissection d = toServer(FASTPATH_INPUT);
        assertThat(d.layer("tpkt")).isNull();
        at(d, "rdp.fastpath.header", 0, 1, 0x90);
        at(d, "rdp.fastpath.numevents", 0, 1, 4);
        at(d, "rdp.fastpath.flags", 0, 1, 2);
        at(d, "rdp.fastpathPDULength", 1, 1, 22);
        assertThat(d.field("rdp.fastpath.dataSignature").offset()).isEqualTo(2);
        at(d, "rdp.fastpath.eventheader", 10, 1, 0x9f);
        at(d, "rdp.fastpath.unicode.code", 11, 2, 0xc284);
        at(d, "rdp.fastpath.clienteventcode", 13, 1, 0);
        at(d, "rdp.fastpath.scancode.extended", 13, 1, 1);
        at(d, "rdp.fastpath.scancode.keycode", 14, 1, 0x93);
        at(d, "rdp.fastpath.sync.capslock", 15, 1, 1);
        // event code 5 (RelMouse): Wireshark 4.0 labels nothing and moves on by one byte; we name the byte
        at(d, "rdp.fastpath.unknownevent", 16, 1, 0xb3);
        assertThat(d.field("rdp.fastpath.encryptedData").offset()).isEqualTo(17);
        assertThat(d.field("rdp.fastpath.event").name()).contains("ciphertext");
        covered(d);
    }

    @Test
    void registryNames() {
        var r = Protocols.standard();
        assertThat(r.byName("rdp")).isInstanceOf(RdpNegotiation.class);
        assertThat(r.byName(org.frameinspector.core.protocols.rdp.RdpNegotiation.FASTPATH_NAME)).isNotNull();
        assertThat(r.lookup("tcp.port", 3389)).isInstanceOf(RdpPort.class);
    }

    @Test
    void fastPathOutputFromTheServer() {
        Dissection d = toClient(FASTPATH_OUTPUT);
        at(d, "rdp.fastpath.header", 0, 1, 0xc0);
        at(d, "rdp.fastpath.reserved", 0, 1, 0);
        at(d, "rdp.fastpath.flags", 0, 1, 3);
        at(d, "rdp.fastpathPDULength", 1, 1, 18);
        assertThat(d.field("rdp.fastpath.numevents")).isNull();
        assertThat(d.field("rdp.fastpath.encryptedData").offset()).isEqualTo(10);
        covered(d);
    }

    @Test
    void twoByteFastPathLengthAndTpktStillTpkt() {
        // 0x80 0x0c: 15-bit length 12
        Dissection d = toClient("c0800c" + "11".repeat(8) + "22");
        at(d, "rdp.fastpathPDULength", 1, 2, 12);
        Dissection t = toServer(ERECT_DOMAIN);
        assertThat(t.layer("tpkt")).isNotNull();
        assertThat(t.field("rdp.fastpath.header")).isNull();
        assertThat(t.field("t124.DomainMCSPDU").longValue()).isEqualTo(1);
        at(t, "t124.subHeight", 8, 2, 0);
        at(t, "t124.subInterval", 10, 2, 0);
        covered(t);
    }

    @Test
    void connectInitialWithClientData() {
        Dissection d = toServer(CONNECT_INITIAL);
        assertThat(d.field("t125.ConnectMCSPDU").longValue()).isEqualTo(101);
        at(d, "t125.maxMCSPDUsize", 43, 2, 65535);
        assertThat(d.field("t125.userData").offset()).isEqualTo(109);
        assertThat(d.field("t124.h221NonStandard").display()).isEqualTo("Duca");
        Field cd = d.field("rdp.clientData");
        assertThat(cd.offset()).isEqualTo(132);
        assertThat(cd.length()).isEqualTo(296);
        at(d, "rdp.header.type", 132, 2, 0xc001);
        at(d, "rdp.header.length", 134, 2, 216);
        assertThat(d.field("rdp.client.name").value()).isEqualTo("FROG-POND");
        assertThat(d.field("rdp.client.name").offset()).isEqualTo(156);
        at(d, "rdp.keyboard.type", 188, 4, 4);
        at(d, "rdp.serverSelectedProtocol", 344, 4, 0);
        at(d, "rdp.clusterFlags", 352, 4, 0x0d);
        assertThat(d.field("rdp.encryptionMethods").offset()).isEqualTo(364);
        at(d, "rdp.channelCount", 376, 4, 4);
        assertThat(d.fields("rdp.name").stream().map(Field::value).toList())
                .containsExactly("rdpdr", "rdpsnd", "drdynvc", "cliprdr");
        at(d, "rdp.options", 424, 4, 0xc0a00000L);
        at(d, "rdp.options.showprotocol", 424, 4, 1);
        at(d, "rdp.options.encrypt.rdp", 424, 4, 1);
        at(d, "rdp.options.compress", 424, 4, 0);
        assertThat(ids(d)).doesNotContain("RDP-CS-NET-TOO-MANY-CHANNELS", "RDP-CHANNEL-NAME-UNTERMINATED",
                "INSPECTOR-INTERNAL-ERROR");
        covered(d);
    }

    @Test
    void connectResponseWithServerData() {
        Dissection d = toClient(CONNECT_RESPONSE);
        assertThat(d.field("t125.ConnectMCSPDU").longValue()).isEqualTo(102);
        assertThat(d.field("rdp.serverData").offset()).isEqualTo(73);
        at(d, "rdp.MCSChannelId", 89, 2, 1003);
        at(d, "rdp.channelCount", 91, 2, 4);
        assertThat(d.fields("rdp.MCSChannelId")).hasSize(5);
        assertThat(d.field("rdp.Pad")).isNull();
        at(d, "rdp.encryptionMethod", 105, 4, 2);
        at(d, "rdp.encryptionLevel", 109, 4, 3);
        at(d, "rdp.serverRandomLen", 113, 4, 32);
        at(d, "rdp.serverCertLen", 117, 4, 184);
        assertThat(d.field("rdp.serverRandom").offset()).isEqualTo(121);
        assertThat(d.field("rdp.serverCertificate").offset()).isEqualTo(153);
        assertThat(d.field("rdp.serverCertificate").length()).isEqualTo(184);
        assertThat(d.info()).contains("128-bit RC4").contains("High");
        assertThat(ids(d)).isEmpty();
        covered(d);
    }

    @Test
    void domainPdus() {
        Dissection a = toClient(ATTACH_USER_CONFIRM);
        assertThat(a.field("t124.DomainMCSPDU").longValue()).isEqualTo(11);
        at(a, "t124.result", 7, 1, 0);
        at(a, "t124.initiator", 9, 2, 7);
        covered(a);
        Dissection c = toClient(CHANNEL_JOIN_CONFIRM);
        at(c, "t124.requested", 11, 2, 1008);
        at(c, "t124.channelId", 13, 2, 1008);
        covered(c);
    }

    @Test
    void securityExchange() {
        Dissection d = toServer(SECURITY_EXCHANGE);
        assertThat(d.field("rdp.sendData").offset()).isEqualTo(14);
        assertThat(d.field("rdp.securityExchangePDU")).isNotNull();
        at(d, "rdp.flags", 14, 2, 0x0201);
        at(d, "rdp.flags.pkt", 14, 2, 1);
        at(d, "rdp.flags.licenseencrypt", 14, 2, 1);
        at(d, "rdp.flags.encrypt", 14, 2, 0);
        at(d, "rdp.length", 18, 4, 72);
        assertThat(d.field("rdp.encryptedClientRandom").offset()).isEqualTo(22);
        assertThat(d.field("rdp.encryptedClientRandom").length()).isEqualTo(72);
        assertThat(ids(d)).isEmpty();
        covered(d);

        // length 0x40 where 72 bytes follow: MS-RDPBCGR 2.2.1.10.1
        Dissection bad = toServer(SECURITY_EXCHANGE.substring(0, 36) + "40" + SECURITY_EXCHANGE.substring(38));
        assertThat(ids(bad)).contains("RDP-SEC-EXCHANGE-LENGTH");
        assertThat(bad.finding("RDP-SEC-EXCHANGE-LENGTH").offset()).isEqualTo(18);
    }

    @Test
    void encryptedLicensingPdu() {
        Dissection d = toClient(LICENSE_ENCRYPTED);
        assertThat(d.field("rdp.validClientLicenseData")).isNotNull();
        at(d, "rdp.flags", 14, 2, 0x0288);
        at(d, "rdp.flags.pkt", 14, 2, 0x80);
        at(d, "rdp.flags.encrypt", 14, 2, 1);
        at(d, "rdp.flagsHi", 16, 2, 0x0302);
        assertThat(d.field("rdp.dataSignature").offset()).isEqualTo(18);
        assertThat(d.field("rdp.encryptedData").offset()).isEqualTo(26);
        assertThat(d.field("rdp.encryptedData").length()).isEqualTo(16);
        covered(d);
    }

    @Test
    void licensingErrorAlertReadWithTheBasicSecurityHeader() {
        // SEC_ENCRYPT clear: basic security header (4 bytes), then the preamble. Wireshark 4.0 reads an 8-byte
        // signature here instead (docs/UPPER-AGREEMENT.md).
        Dissection d = toClient(LICENSE_ERROR_ALERT);
        at(d, "rdp.flags", 14, 2, 0x0280);
        assertThat(d.field("rdp.dataSignature")).isNull();
        at(d, "rdp.bMsgType", 18, 1, 0xff);
        at(d, "rdp.bVersion", 19, 1, 2);
        at(d, "rdp.wMsgSize", 20, 2, 16);
        at(d, "rdp.dwErrorCode", 22, 4, 7);
        assertThat(d.field("rdp.dwErrorCode").display()).startsWith("STATUS_VALID_CLIENT");
        at(d, "rdp.dwStateTransition", 26, 4, 2);
        at(d, "rdp.wBlobLen", 32, 2, 0);
        covered(d);
    }

    static Dissection serverData(String blocks) {
        byte[] b = hex(blocks);
        Dissection out = new Dissection(Frame.of(1, b, Frame.LINK_COTP));
        Ctx ctx = new Ctx(out, UpperTestSupport.registry(), null);
        new RdpData().serverData(ctx, Buf.of(out.sources().get(0)));
        return out;
    }

    static Dissection clientData(String blocks) {
        byte[] b = hex(blocks);
        Dissection out = new Dissection(Frame.of(1, b, Frame.LINK_COTP));
        Ctx ctx = new Ctx(out, UpperTestSupport.registry(), null);
        new RdpData().clientData(ctx, Buf.of(out.sources().get(0)));
        return out;
    }

    @Test
    void serverNetworkDataPad() {
        Dissection ok = serverData("030c1000 eb03 0300 ec03ed03ee03 0000");
        at(ok, "rdp.Pad", 14, 2, 0);
        assertThat(ids(ok)).isEmpty();
        Dissection missing = serverData("030c0e00 eb03 0300 ec03ed03ee03");
        assertThat(ids(missing)).containsExactly("RDP-SC-NET-PAD-MISSING");
        covered(missing);
    }

    @Test
    void clientNetworkDataRules() {
        Dissection many = clientData("03c00800 20000000");
        assertThat(ids(many)).containsExactly("RDP-CS-NET-TOO-MANY-CHANNELS");
        Dissection name = clientData("03c01400 01000000 6162636465666768 00000080");
        assertThat(ids(name)).containsExactly("RDP-CHANNEL-NAME-UNTERMINATED");
        assertThat(name.field("rdp.name").value()).isEqualTo("abcdefgh");
        covered(name);
    }

    @Test
    void badDataNeverThrowsAndStaysCovered() {
        Random r = new Random(7);
        String[] seeds = {CONNECT_INITIAL, CONNECT_RESPONSE, SECURITY_EXCHANGE, FASTPATH_INPUT, LICENSE_ERROR_ALERT};
        for (String s : seeds) {
            byte[] b = hex(s);
            for (int i = 0; i < 300; i++) {
                byte[] m = java.util.Arrays.copyOf(b, 1 + r.nextInt(b.length));
                for (int k = 0; k < 3; k++) m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                Dissection d = UpperTestSupport.payload(m, 0);
                assertThat(ids(d)).doesNotContain("INSPECTOR-INTERNAL-ERROR");
                StringBuilder h = new StringBuilder();
                for (byte x : m) h.append(String.format("%02x", x));
                Dissection t = toServer(h.toString());
                assertThat(ids(t)).as(h.toString()).doesNotContain("INSPECTOR-INTERNAL-ERROR");
            }
        }
    }
}
