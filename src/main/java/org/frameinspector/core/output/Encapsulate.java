package org.frameinspector.core.output;

import org.frameinspector.core.checksum.InternetChecksum;
import org.frameinspector.core.model.Frame;

/**
 * Makes frames from pasted dumps that start above the link layer (TPKT, bare COTP, 802.2 LLC) writable to pcap:
 * they are wrapped in a synthetic Ethernet II / IPv4 / TCP header (documentation addresses 192.0.2.1 → 192.0.2.2,
 * port 102, correct checksums) or an 802.3 header, so Wireshark decodes them as the paste meant.
 */
public final class Encapsulate {
    private Encapsulate() {
    }

    /** True when the frame's link type can go into a capture file as it is. */
    public static boolean native_(int linkType) {
        return linkType != Frame.LINK_TPKT && linkType != Frame.LINK_COTP && linkType != Frame.LINK_LLC;
    }

    /** The frame itself, or a wrapped copy (Ethernet link type) for the pseudo link types. */
    public static Frame forCapture(Frame f) {
        return switch (f.linkType()) {
            case Frame.LINK_TPKT -> wrapTcp(f, f.data());
            case Frame.LINK_COTP -> {
                byte[] tpkt = new byte[f.data().length + 4];
                int len = Math.min(0xFFFF, tpkt.length);
                tpkt[0] = 3;
                tpkt[2] = (byte) (len >> 8);
                tpkt[3] = (byte) len;
                System.arraycopy(f.data(), 0, tpkt, 4, f.data().length);
                yield wrapTcp(f, tpkt);
            }
            case Frame.LINK_LLC -> {
                byte[] b = new byte[14 + f.data().length];
                System.arraycopy(new byte[]{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1}, 0, b, 0, 12);
                b[12] = (byte) (f.data().length >> 8);
                b[13] = (byte) f.data().length;
                System.arraycopy(f.data(), 0, b, 14, f.data().length);
                yield new Frame(f.number(), b, b.length, f.timestampNanos(), Frame.LINK_ETHERNET, 0, f.comment());
            }
            default -> f;
        };
    }

    static Frame wrapTcp(Frame f, byte[] payload) {
        int ipLen = 20 + 20 + payload.length;
        byte[] b = new byte[14 + ipLen];
        // Ethernet: locally administered unicast addresses
        System.arraycopy(new byte[]{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00}, 0, b, 0, 14);
        int ip = 14;
        b[ip] = 0x45;
        b[ip + 2] = (byte) (ipLen >> 8);
        b[ip + 3] = (byte) ipLen;
        b[ip + 6] = 0x40; // DF
        b[ip + 8] = 64;
        b[ip + 9] = 6;
        byte[] src = {(byte) 192, 0, 2, 1}, dst = {(byte) 192, 0, 2, 2};
        System.arraycopy(src, 0, b, ip + 12, 4);
        System.arraycopy(dst, 0, b, ip + 16, 4);
        int ck = InternetChecksum.of(b, ip, 20);
        b[ip + 10] = (byte) (ck >> 8);
        b[ip + 11] = (byte) ck;
        int t = ip + 20;
        b[t] = (byte) (1102 >> 8);
        b[t + 1] = (byte) 1102;
        b[t + 3] = 102;
        b[t + 7] = 1; // seq 1
        b[t + 11] = 1; // ack 1
        b[t + 12] = 0x50;
        b[t + 13] = 0x18; // PSH ACK
        b[t + 14] = (byte) 0x20;
        System.arraycopy(payload, 0, b, t + 20, payload.length);
        int tck = InternetChecksum.tcpOverIpv4(b, ip, t, 20 + payload.length);
        b[t + 16] = (byte) (tck >> 8);
        b[t + 17] = (byte) tck;
        return new Frame(f.number(), b, b.length, f.timestampNanos(), Frame.LINK_ETHERNET, 0, f.comment());
    }
}
