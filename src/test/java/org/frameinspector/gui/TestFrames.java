package org.frameinspector.gui;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.frameinspector.core.checksum.InternetChecksum;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.PcapWriter;

/** Builds Ethernet / IPv4 / TCP frames with correct checksums, and our small sample capture. */
final class TestFrames {
    private TestFrames() {
    }

    /** The CONNECT CONFIRM of KB Q151626 (TPKT reserved byte 0x11 at offset 0x37), as in the bundled sample. */
    static final byte[] SEED_CC = HexFormat.of().parseHex(
            "0000a200c04a00805fd4a04808004500" + "0054e9a640002006040a8626344d8626"
            + "2c5a0066061301cf46c85d5b6a315018" + "220960730000031100 2c27d001ca0029".replace(" ", "")
            + "00c10d53574953534c49464554534150" + "c20d45584348414e474554534150 31c0".replace(" ", "")
            + "010b");

    static final byte[] MAC_SERVER = HexFormat.of().parseHex("00805fd4a048");
    static final byte[] MAC_CLIENT = HexFormat.of().parseHex("0000a200c04a");
    static final byte[] IP_SERVER = {(byte) 134, 38, 52, 77};
    static final byte[] IP_CLIENT = {(byte) 134, 38, 44, 90};

    /** An Ethernet II / IPv4 / TCP frame carrying payload. */
    static byte[] tcp(byte[] srcMac, byte[] dstMac, byte[] srcIp, byte[] dstIp, int sport, int dport, long seq,
                      long ack, int flags, int ipId, byte[] payload) {
        int ipLen = 40 + payload.length;
        byte[] b = new byte[14 + ipLen];
        System.arraycopy(dstMac, 0, b, 0, 6);
        System.arraycopy(srcMac, 0, b, 6, 6);
        b[12] = 0x08;
        int ip = 14;
        b[ip] = 0x45;
        b[ip + 2] = (byte) (ipLen >> 8);
        b[ip + 3] = (byte) ipLen;
        b[ip + 4] = (byte) (ipId >> 8);
        b[ip + 5] = (byte) ipId;
        b[ip + 6] = 0x40;
        b[ip + 8] = 64;
        b[ip + 9] = 6;
        System.arraycopy(srcIp, 0, b, ip + 12, 4);
        System.arraycopy(dstIp, 0, b, ip + 16, 4);
        int ck = InternetChecksum.of(b, ip, 20);
        b[ip + 10] = (byte) (ck >> 8);
        b[ip + 11] = (byte) ck;
        int t = ip + 20;
        b[t] = (byte) (sport >> 8);
        b[t + 1] = (byte) sport;
        b[t + 2] = (byte) (dport >> 8);
        b[t + 3] = (byte) dport;
        for (int i = 0; i < 4; i++) {
            b[t + 4 + i] = (byte) (seq >> (24 - 8 * i));
            b[t + 8 + i] = (byte) (ack >> (24 - 8 * i));
        }
        b[t + 12] = 0x50;
        b[t + 13] = (byte) flags;
        b[t + 14] = 0x22;
        b[t + 15] = 0x09;
        System.arraycopy(payload, 0, b, t + 20, payload.length);
        int tck = InternetChecksum.tcpOverIpv4(b, ip, t, 20 + payload.length);
        b[t + 16] = (byte) (tck >> 8);
        b[t + 17] = (byte) tck;
        return b;
    }

    /** TPKT header (reserved byte as given) around a COTP TPDU. */
    static byte[] tpkt(int reserved, byte[] cotp) {
        byte[] b = new byte[4 + cotp.length];
        b[0] = 3;
        b[1] = (byte) reserved;
        b[2] = (byte) (b.length >> 8);
        b[3] = (byte) b.length;
        System.arraycopy(cotp, 0, b, 4, cotp.length);
        return b;
    }

    private static final String TSAPS = "c10d" + HexFormat.of().formatHex("SWISSLIFETSAP".getBytes())
            + "c20d" + HexFormat.of().formatHex("EXCHANGETSAP1".getBytes()) + "c0010b";
    /** CONNECT REQUEST: dst-ref 0, src-ref 0x01ca, class 0, the TSAPs and TPDU size the CC echoes. */
    static final byte[] CR = HexFormat.of().parseHex("27e0000001ca00" + TSAPS);
    /** DATA (EOT) carrying an S7comm "setup communication" job. */
    static final byte[] DT = HexFormat.of().parseHex("02f080" + "32010000010000080000" + "f0000001000101e0");
    /** DISCONNECT REQUEST from the server, reason 0. */
    static final byte[] DR = HexFormat.of().parseHex("068001ca002900");

    /** CR (client), the seed's CC (server, reserved 0x11), DT (client), DR (server): one ISO-on-TCP exchange. */
    static List<Frame> exchange() {
        long base = 1_000_000_000L * 1_700_000_000L;
        long cSeq = 0x5D5B6A31L, sSeq = 0x01CF46C8L;
        byte[] cr = tpkt(0, CR);
        byte[] crFrame = tcp(MAC_CLIENT, MAC_SERVER, IP_CLIENT, IP_SERVER, 1555, 102, cSeq - cr.length, sSeq, 0x18,
                0x1200, cr);
        byte[] dt = tpkt(0, DT);
        byte[] dtFrame = tcp(MAC_CLIENT, MAC_SERVER, IP_CLIENT, IP_SERVER, 1555, 102, cSeq, sSeq + 44, 0x18, 0x1201,
                dt);
        byte[] dr = tpkt(0, DR);
        byte[] drFrame = tcp(MAC_SERVER, MAC_CLIENT, IP_SERVER, IP_CLIENT, 102, 1555, sSeq + 44, cSeq + dt.length,
                0x18, 0xE9A7, dr);
        return List.of(new Frame(1, crFrame, crFrame.length, base, Frame.LINK_ETHERNET, 0, null),
                new Frame(2, SEED_CC, SEED_CC.length, base + 1_250_000L, Frame.LINK_ETHERNET, 0, null),
                new Frame(3, dtFrame, dtFrame.length, base + 3_500_000L, Frame.LINK_ETHERNET, 0, null),
                new Frame(4, drFrame, drFrame.length, base + 9_750_000L, Frame.LINK_ETHERNET, 0, null));
    }

    static void writePcap(Path p, List<Frame> frames) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(p));
             PcapWriter w = new PcapWriter(os, Frame.LINK_ETHERNET, false)) {
            for (Frame f : frames) w.write(f);
        }
    }
}
