package org.frameinspector.core.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frameinspector.core.protocols.LinkPcapTest.FD;
import static org.frameinspector.core.protocols.LinkPcapTest.hex;

import java.io.ByteArrayOutputStream;
import org.frameinspector.core.checksum.InternetChecksum;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

/** Every IPv4/IPv6/TCP finding id raised by a crafted frame at the right offset; conformant frames raise none. */
class IpTcpFindingsTest {
    static final byte[] SRC = {10, 0, 0, 1}, DST = {10, 0, 0, 2};

    /** TCP header (ports 1024 → 2000) with correct checksum for the IPv4 pseudo-header. */
    static byte[] tcp(int flags, int res, long ack, int urg, byte[] opts, byte[] data) {
        int hl = 20 + opts.length;
        byte[] t = new byte[hl + data.length];
        t[0] = 0x04; t[1] = 0x00; t[2] = 0x07; t[3] = (byte) 0xD0;
        t[7] = 1;
        t[8] = (byte) (ack >> 24); t[9] = (byte) (ack >> 16); t[10] = (byte) (ack >> 8); t[11] = (byte) ack;
        t[12] = (byte) ((hl / 4) << 4 | res);
        t[13] = (byte) flags;
        t[14] = 0x20;
        t[18] = (byte) (urg >> 8); t[19] = (byte) urg;
        System.arraycopy(opts, 0, t, 20, opts.length);
        System.arraycopy(data, 0, t, hl, data.length);
        long s = InternetChecksum.add(InternetChecksum.add(0, SRC, 0, 4), DST, 0, 4) + 6 + t.length;
        int ck = InternetChecksum.complement(InternetChecksum.add(s, t, 0, t.length));
        t[16] = (byte) (ck >> 8); t[17] = (byte) ck;
        return t;
    }

    static byte[] ipv4(int flagsFrag, byte[] opts, byte[] payload, int proto) {
        int hl = 20 + opts.length;
        byte[] h = new byte[hl + payload.length];
        h[0] = (byte) (0x40 | hl / 4);
        int tl = h.length;
        h[2] = (byte) (tl >> 8); h[3] = (byte) tl;
        h[6] = (byte) (flagsFrag >> 8); h[7] = (byte) flagsFrag;
        h[8] = 64; h[9] = (byte) proto;
        System.arraycopy(SRC, 0, h, 12, 4);
        System.arraycopy(DST, 0, h, 16, 4);
        System.arraycopy(opts, 0, h, 20, opts.length);
        int ck = InternetChecksum.of(h, 0, hl);
        h[10] = (byte) (ck >> 8); h[11] = (byte) ck;
        System.arraycopy(payload, 0, h, hl, payload.length);
        return h;
    }

    static Dissection eth(byte[] ip, int etype) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(hex("0066778899aa001122334455"));
        o.write(etype >> 8);
        o.write(etype);
        o.writeBytes(ip);
        while (o.size() < 60) o.write(0);
        return FD.dissect(Frame.of(1, o.toByteArray(), Frame.LINK_ETHERNET));
    }

    static Dissection v4(byte[] tcp) {
        return eth(ipv4(0x4000, new byte[0], tcp, 6), 0x0800);
    }

    static void has(Dissection d, String id, int off) {
        Finding f = d.finding(id);
        assertThat(f).as(id + " in " + d.findings()).isNotNull();
        assertThat(f.offset()).as(id + " offset").isEqualTo(off);
    }

    static final byte[] NONE = new byte[0];

    @Test
    void conformantSegmentHasNoFinding() {
        Dissection d = v4(tcp(0x18, 0, 5, 0, hex("0101080a0000000100000002"), "abc".getBytes()));
        assertThat(d.findings()).isEmpty();
        assertThat(d.field("tcp.options.timestamp.tsval").value()).isEqualTo(1L);
        assertThat(d.fields("_ws.undecoded")).isEmpty();
    }

    @Test
    void ipv4Findings() {
        byte[] t = tcp(0x10, 0, 1, 0, NONE, NONE);
        byte[] ip = ipv4(0x8000 | 0x4000, NONE, t, 6);
        has(eth(ip, 0x0800), "IP4-RESERVED-FLAG-SET", 20);
        ip = ipv4(0x4000, NONE, t, 6);
        ip[10] ^= 0x11;
        Dissection d = eth(ip, 0x0800);
        has(d, "IP4-CHECKSUM-BAD", 24);
        assertThat(d.finding("IP4-CHECKSUM-BAD").severity()).isEqualTo(org.frameinspector.core.model.Severity.VIOLATION);
        ip = ipv4(0x4000, NONE, t, 6);
        ip[0] = 0x55;
        has(eth(ip, 0x0800), "IP4-VERSION", 14);
        ip = ipv4(0x4000, NONE, t, 6);
        ip[0] = 0x44;
        has(eth(ip, 0x0800), "IP4-IHL-TOO-SMALL", 14);
        ip = ipv4(0x4000, NONE, t, 6);
        ip[2] = 0x01; // total length 256+40 > frame, capture not cut
        d = eth(ip, 0x0800);
        has(d, "IP4-TOTLEN-INCONSISTENT", 16);
        ip = ipv4(0x2000, NONE, t, 6);
        has(eth(ip, 0x0800), "IP4-FRAGMENT", 20);
        ip = ipv4(0x0010, NONE, t, 6); // offset 16 × 8: no TCP header here
        d = eth(ip, 0x0800);
        has(d, "IP4-FRAGMENT", 20);
        assertThat(d.layer("tcp")).isNull();
        // option with length 1, and non-zero bytes after End of Options
        d = eth(ipv4(0x4000, hex("07010000"), t, 6), 0x0800);
        has(d, "IP4-OPTION-MALFORMED", 35);
        d = eth(ipv4(0x4000, hex("01000700"), t, 6), 0x0800);
        has(d, "IP4-OPTION-MALFORMED", 36);
        d = eth(ipv4(0x4000, hex("9404000001000000"), t, 6), 0x0800);
        assertThat(d.finding("IP4-OPTION-MALFORMED")).isNull();
        assertThat(d.field("ip.opt.ra")).isNotNull();
        // trailing bytes in a frame longer than 60 bytes
        byte[] big = ipv4(0x4000, NONE, tcp(0x18, 0, 1, 0, NONE, new byte[20]), 6);
        byte[] withTrailer = java.util.Arrays.copyOf(big, big.length + 6);
        d = eth(withTrailer, 0x0800);
        has(d, "IP4-TRAILING-BYTES", 14 + big.length);
        assertThat(d.fields("_ws.undecoded")).isEmpty();
    }

    @Test
    void tcpFindings() {
        has(v4(tcp(0x10, 0x0E, 1, 0, NONE, NONE)), "TCP-RESERVED-BITS-SET", 46);
        has(v4(tcp(0x10, 0x01, 1, 0, NONE, NONE)), "TCP-AE-UNNEGOTIATED", 46);
        has(v4(tcp(0x03, 0, 0, 0, NONE, NONE)), "TCP-ILLEGAL-FLAGS", 46);
        has(v4(tcp(0x08, 0, 0, 0, NONE, NONE)), "TCP-ILLEGAL-FLAGS", 46);
        has(v4(tcp(0x10, 0, 1, 7, NONE, NONE)), "TCP-URGPTR-WITHOUT-URG", 52);
        has(v4(tcp(0x02, 0, 9, 0, hex("020405b4"), NONE)), "TCP-ACK-WITHOUT-ACKFLAG", 42);
        has(v4(tcp(0x10, 0, 1, 0, hex("020405b4"), NONE)), "TCP-OPTION-SYN-ONLY", 54);
        has(v4(tcp(0x02, 0, 0, 0, hex("02030000"), NONE)), "TCP-OPTION-MALFORMED", 55);
        has(v4(tcp(0x02, 0, 0, 0, hex("02010000"), NONE)), "TCP-OPTION-MALFORMED", 55);
        has(v4(tcp(0x02, 0, 0, 0, hex("01030310"), NONE)), "TCP-WSCALE-TOO-BIG", 57);
        has(v4(tcp(0x10, 0, 1, 0, hex("00000100"), NONE)), "TCP-NONZERO-AFTER-EOL", 55);
        byte[] t = tcp(0x10, 0, 1, 0, NONE, NONE);
        t[17] ^= 0x5A;
        Dissection d = v4(t);
        has(d, "TCP-CHECKSUM-BAD", 50);
        assertThat(d.field("tcp.checksum.status").value()).isEqualTo(0L);
        t = tcp(0x10, 0, 1, 0, NONE, NONE);
        t[12] = 0x40;
        has(v4(t), "TCP-DOFF-TOO-SMALL", 46);
        t = tcp(0x10, 0, 1, 0, NONE, NONE);
        t[12] = (byte) 0xF0;
        has(v4(t), "TCP-DOFF-BEYOND-SEGMENT", 46);
    }

    @Test
    void ipv6Findings() {
        byte[] src = new byte[16], dst = new byte[16];
        src[15] = 1; dst[15] = 2;
        byte[] t = tcp6(src, dst);
        // HBH after a destination-options header; fragment header with reserved bits set; plen too large
        byte[] ext = hex("3c00010400000000" + "0000010400000000" + "2c00000000000000" + "0600000600000001");
        ext[0] = 60; // dst opts -> next dst opts? keep simple: first ext = DstOpts(next=HBH)
        ext[0] = 0; // DstOpts says next is HBH
        ext[8] = 44; // HBH says next is Fragment
        ext[16] = 6; ext[17] = 0x11; ext[19] = 0x06; // Fragment: reserved octet 0x11, reserved bits 3, next = TCP
        byte[] p = concat(ext, t);
        byte[] h = concat(hex("60000000"), new byte[]{(byte) (p.length >> 8), (byte) p.length, 60, 64}, src, dst, p);
        Dissection d = eth(h, 0x86DD);
        has(d, "IP6-HBH-NOT-FIRST", 54);
        has(d, "IP6-FRAG-RESERVED-NONZERO", 71);
        byte[] bad = h.clone();
        bad[5] = (byte) (bad[5] + 40);
        has(eth(bad, 0x86DD), "IP6-PLEN-MISMATCH", 18);
        bad = h.clone();
        bad[0] = 0x50;
        has(eth(bad, 0x86DD), "IP6-VERSION", 14);
        // plain IPv6 + TCP: checksum verifies with the IPv6 pseudo-header
        byte[] plain = concat(hex("60000000"), new byte[]{0, (byte) t.length, 6, 64}, src, dst, t);
        d = eth(plain, 0x86DD);
        assertThat(d.findings()).isEmpty();
        assertThat(d.field("tcp.checksum.status").value()).isEqualTo(1L);
        // extension header longer than the payload
        byte[] trunc = concat(hex("60000000"), new byte[]{0, 8, 60, 64}, src, dst, hex("06ff000000000000"));
        has(eth(trunc, 0x86DD), "IP6-EXT-MALFORMED", 54);
    }

    static byte[] tcp6(byte[] src, byte[] dst) {
        byte[] t = new byte[20];
        t[1] = 1; t[3] = 2; t[12] = 0x50; t[13] = 0x10; t[14] = 0x20;
        long s = InternetChecksum.add(InternetChecksum.add(0, src, 0, 16), dst, 0, 16) + 20 + 6;
        int ck = InternetChecksum.complement(InternetChecksum.add(s, t, 0, 20));
        t[16] = (byte) (ck >> 8); t[17] = (byte) ck;
        return t;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }
}
