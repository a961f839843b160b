package org.frameinspector.core.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frameinspector.capture.FrameBuilder;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.CotpInfo;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Frame;

/**
 * Test kit: the real TPKT and COTP dissectors with a minimal stand-in for Ethernet/IPv4/TCP (written in parallel)
 * that follows the documented contract with the stream hook, and a client/server connection that sends
 * crafted segments through {@link FrameDissector} with a {@link Conversations} hook.
 */
final class StreamKit {
    final DissectorRegistry reg = Protocols.standard();
    final FrameDissector fd = new FrameDissector(reg);
    final Conversations conv = new Conversations();
    final List<byte[]> tsdus = new ArrayList<>();
    final List<Dissection> all = new ArrayList<>();
    int frameNo;
    long time = 1_000_000_000L;

    StreamKit() {
        reg.register("linktype", Frame.LINK_ETHERNET, new FakeTcp());
        reg.register("cotp.payload", 0, new Dissector() {
            public String protocol() { return "upper"; }
            public void dissect(Ctx ctx, Buf buf) {
                tsdus.add(buf.copy(buf.start(), buf.length()));
                L l = ctx.layer("upper", "Upper", buf);
                l.payload(null, org.frameinspector.TestDefs.def("upper.data", "Upper data"), buf.start(), buf.length());
            }
        });
    }

    final class Side {
        final int ip, port;
        long seq;
        Side peer;

        Side(int ip, int port, long seq) {
            this.ip = ip;
            this.port = port;
            this.seq = seq;
        }

        Dissection send(byte[]... parts) {
            int n = 0;
            for (byte[] p : parts) n += p.length;
            byte[] all = new byte[n];
            int o = 0;
            for (byte[] p : parts) { System.arraycopy(p, 0, all, o, p.length); o += p.length; }
            Dissection d = at(seq, TcpInfo.ACK | TcpInfo.PSH, all);
            seq += n;
            return d;
        }

        Dissection at(long s, int flags, byte[] payload) {
            byte[] buf = new byte[Math.max(60, FrameBuilder.HEADERS + payload.length)];
            FrameBuilder.tcp(buf, ip, peer.ip, port, peer.port, s, peer.seq, flags, payload, 0, payload.length, frameNo);
            frameNo++;
            time += 100_000;
            Frame f = new Frame(frameNo, buf, buf.length, time, Frame.LINK_ETHERNET, 0, null);
            Dissection d = fd.dissect(f, null, conv);
            conv.record(d);
            all.add(d);
            return d;
        }

        Dissection syn(boolean ack) {
            Dissection d = at(seq, TcpInfo.SYN | (ack ? TcpInfo.ACK : 0), new byte[0]);
            seq++;
            return d;
        }

        Dissection fin() {
            Dissection d = at(seq, TcpInfo.FIN | TcpInfo.ACK, new byte[0]);
            seq++;
            return d;
        }

        Dissection rst() {
            return at(seq, TcpInfo.RST | TcpInfo.ACK, new byte[0]);
        }
    }

    Side client, server;

    /** A connection 10.0.0.1:40001 → 10.0.0.2:102, with the three-way handshake when {@code handshake}. */
    StreamKit connect(boolean handshake) {
        return connect(handshake, 102);
    }

    StreamKit connect(boolean handshake, int serverPort) {
        client = new Side(FrameBuilder.ip(10, 0, 0, 1), 40001, 1000);
        server = new Side(FrameBuilder.ip(10, 0, 0, 2), serverPort, 5000);
        client.peer = server;
        server.peer = client;
        if (handshake) {
            client.syn(false);
            server.syn(true);
            client.at(client.seq, TcpInfo.ACK, new byte[0]);
        }
        return this;
    }

    // ---- TPKT / COTP builders

    static byte[] tpkt(int reserved, byte[] tpdu) {
        byte[] b = new byte[4 + tpdu.length];
        b[0] = 3;
        b[1] = (byte) reserved;
        b[2] = (byte) (b.length >> 8);
        b[3] = (byte) b.length;
        System.arraycopy(tpdu, 0, b, 4, tpdu.length);
        return b;
    }

    static byte[] tpkt(byte[] tpdu) {
        return tpkt(0, tpdu);
    }

    static byte[] cr(int srcRef, int cls, int sizeCode, byte[] calling, byte[] called) {
        return crcc(0xE0, 0, srcRef, cls, sizeCode, calling, called);
    }

    static byte[] cc(int dstRef, int srcRef, int cls, int sizeCode, byte[] calling, byte[] called) {
        return crcc(0xD0, dstRef, srcRef, cls, sizeCode, calling, called);
    }

    static byte[] crcc(int code, int dst, int src, int cls, int sizeCode, byte[] calling, byte[] called) {
        byte[] v = new byte[64];
        int n = 0;
        if (sizeCode >= 0) { v[n++] = (byte) 0xC0; v[n++] = 1; v[n++] = (byte) sizeCode; }
        if (calling != null) { v[n++] = (byte) 0xC1; v[n++] = (byte) calling.length; System.arraycopy(calling, 0, v, n, calling.length); n += calling.length; }
        if (called != null) { v[n++] = (byte) 0xC2; v[n++] = (byte) called.length; System.arraycopy(called, 0, v, n, called.length); n += called.length; }
        byte[] t = new byte[7 + n];
        t[0] = (byte) (6 + n);
        t[1] = (byte) code;
        t[2] = (byte) (dst >> 8); t[3] = (byte) dst;
        t[4] = (byte) (src >> 8); t[5] = (byte) src;
        t[6] = (byte) (cls << 4);
        System.arraycopy(v, 0, t, 7, n);
        return t;
    }

    static byte[] dt(boolean eot, byte[] data) {
        byte[] t = new byte[3 + data.length];
        t[0] = 2;
        t[1] = (byte) 0xF0;
        t[2] = (byte) (eot ? 0x80 : 0);
        System.arraycopy(data, 0, t, 3, data.length);
        return t;
    }

    static byte[] simple(int code, int li) {
        byte[] t = new byte[li + 1];
        t[0] = (byte) li;
        t[1] = (byte) code;
        return t;
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (seed + i * 7);
        return b;
    }

    static byte[][] split(byte[] b, int... cuts) {
        byte[][] out = new byte[cuts.length + 1][];
        int prev = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int end = i < cuts.length ? cuts[i] : b.length;
            out[i] = Arrays.copyOfRange(b, prev, end);
            prev = end;
        }
        return out;
    }

    // ---- stand-in dissectors

    static final class FakeTcp implements Dissector {
        public String protocol() { return "eth"; }

        public void dissect(Ctx ctx, Buf buf) {
            int s = buf.start();
            L eth = ctx.layer("eth", "Ethernet", buf);
            eth.bytes(null, org.frameinspector.TestDefs.def("eth.hdr", "Header"), s, 14, null, FieldKind.NORMAL);
            int ip = s + 14;
            L ipl = ctx.layer("ip", "IPv4", buf.slice(ip, 20));
            ipl.bytes(null, org.frameinspector.TestDefs.def("ip.hdr", "Header"), ip, 20, null, FieldKind.NORMAL);
            String src = FrameBuilder.ipString((int) buf.u32(ip + 12)), dst = FrameBuilder.ipString((int) buf.u32(ip + 16));
            int t = ip + 20;
            int end = ip + buf.u16(ip + 2);
            L tcp = ctx.layer("tcp", "TCP", buf.slice(t, 20));
            tcp.bytes(null, org.frameinspector.TestDefs.def("tcp.hdr", "Header"), t, 12, null, FieldKind.NORMAL);
            tcp.hex(null, org.frameinspector.TestDefs.def("tcp.flags", "Flags"), t + 12, 2);
            tcp.bytes(null, org.frameinspector.TestDefs.def("tcp.rest", "Rest"), t + 14, 6, null, FieldKind.NORMAL);
            TcpInfo ti = new TcpInfo(src, dst, buf.u16(t), buf.u16(t + 2), buf.u32(t + 4), buf.u32(t + 8),
                    buf.u8(t + 13), t + 20, end - t - 20, false);
            if (end < buf.end()) eth.payload(null, org.frameinspector.TestDefs.def("eth.padding", "Padding"), end, buf.end() - end);
            Buf payload = buf.slice(t + 20, end - t - 20);
            ctx.put(org.frameinspector.core.dissect.TcpInfo.KEY, ti);
            if (ctx.stream() != null && ctx.stream().onTcpPayload(ctx, payload, ti)) return;
            if (payload.length() > 0) ctx.call(ctx.registry().byName("tpkt"), payload);
        }
    }

}
