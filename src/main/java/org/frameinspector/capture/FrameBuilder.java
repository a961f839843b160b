package org.frameinspector.capture;

import org.frameinspector.core.checksum.InternetChecksum;

/**
 * Writes Ethernet II / IPv4 / TCP frames with correct IPv4 header and TCP checksums into a caller's buffer (no
 * allocation per frame), padded to the Ethernet minimum of 60 bytes. MAC addresses are derived from the IPv4 addresses (02:00:a:b:c:d, locally administered).
 */
public final class FrameBuilder {
    public static final int HEADERS = 14 + 20 + 20;

    private FrameBuilder() {
    }

    /** Writes the frame into {@code out} from offset 0 and returns its length. */
    public static int tcp(byte[] out, int srcIp, int dstIp, int srcPort, int dstPort, long seq, long ack, int flags,
                          byte[] payload, int poff, int plen, int ipId) {
        // Ethernet
        mac(out, 0, dstIp);
        mac(out, 6, srcIp);
        out[12] = 0x08;
        out[13] = 0x00;
        // IPv4
        int ip = 14;
        int total = 20 + 20 + plen;
        out[ip] = 0x45;
        out[ip + 1] = 0;
        put16(out, ip + 2, total);
        put16(out, ip + 4, ipId & 0xFFFF);
        put16(out, ip + 6, 0x4000);
        out[ip + 8] = 64;
        out[ip + 9] = 6;
        put16(out, ip + 10, 0);
        put32(out, ip + 12, srcIp);
        put32(out, ip + 16, dstIp);
        put16(out, ip + 10, InternetChecksum.of(out, ip, 20));
        // TCP
        int t = ip + 20;
        put16(out, t, srcPort);
        put16(out, t + 2, dstPort);
        put32(out, t + 4, (int) seq);
        put32(out, t + 8, (int) ack);
        out[t + 12] = 0x50;
        out[t + 13] = (byte) flags;
        put16(out, t + 14, 8192);
        put16(out, t + 16, 0);
        put16(out, t + 18, 0);
        if (plen > 0) System.arraycopy(payload, poff, out, t + 20, plen);
        put16(out, t + 16, InternetChecksum.tcpOverIpv4(out, ip, t, 20 + plen));
        int len = HEADERS + plen;
        // Ethernet minimum frame (60 bytes without FCS): zero padding after the datagram, as a NIC sends it
        for (; len < 60; len++) out[len] = 0;
        return len;
    }

    private static void mac(byte[] b, int off, int ip) {
        b[off] = 0x02;
        b[off + 1] = 0;
        put32(b, off + 2, ip);
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public static int ip(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    public static String ipString(int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255);
    }
}
