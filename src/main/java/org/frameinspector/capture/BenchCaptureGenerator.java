package org.frameinspector.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.OutputFile;
import org.frameinspector.core.output.PcapWriter;

/**
 * Generates the benchmark capture: Ethernet/IPv4/TCP/TPKT/COTP frames, deterministic for a seed, with correct IPv4
 * and TCP checksums. Several connections run interleaved; each does the TCP handshake, CR/CC (class 0, TPDU size
 * 256, TSAPs), then rounds of DT traffic (single DTs, TSDUs segmented into several DTs with EOT = 0, two TPKTs in
 * one segment, one TPKT split over two segments) and ends with FIN/FIN/ACK. Data frames are 100–300 bytes; only the
 * handshake and teardown segments are smaller (60 bytes, padded). Nothing is kept per frame, so memory does not grow with the count.
 */
public final class BenchCaptureGenerator {
    private final SplittableRandom rnd;
    private final int slots;
    private final byte[] frame = new byte[2048];
    private final byte[] pay = new byte[2048];
    private long time = 1_700_000_000_000_000_000L;
    private int written;
    private int connections;

    public BenchCaptureGenerator(long seed, int concurrentConnections) {
        this.rnd = new SplittableRandom(seed);
        this.slots = Math.max(1, concurrentConnections);
    }

    /** Frames written so far. */
    public int written() {
        return written;
    }

    /** Connections started so far. */
    public int connections() {
        return connections;
    }

    private final class Conn {
        final int cIp, sIp, cPort, sPort;
        long cSeq, sSeq;
        int cId, sId;
        int step;
        int rounds;
        final int ref;
        // a queue of frames to emit for the current round
        final int[] qFrom = new int[16], qLen = new int[16], qKind = new int[16];
        final byte[][] qData = new byte[16][];
        int qHead, qTail;

        Conn(int n) {
            cIp = FrameBuilder.ip(10, 1, (n >> 8) & 255, 1 + (n & 127));
            sIp = FrameBuilder.ip(10, 2, 0, 1 + (n % 4));
            cPort = 49152 + (n % 16000);
            sPort = 102;
            cSeq = rnd.nextLong(1L << 32);
            sSeq = rnd.nextLong(1L << 32);
            rounds = 1500 + rnd.nextInt(4000);
            ref = 1 + (n & 0x7FFF);
        }
    }

    /** Writes the capture (microsecond pcap, snap length 65535) to {@code out}, which appears when complete. */
    public void write(Path out, int frames) throws IOException {
        try (OutputFile file = OutputFile.create(out, List.of())) {
            PcapWriter w = new PcapWriter(file.stream(), Frame.LINK_ETHERNET, false, 65535);
            Conn[] c = new Conn[slots];
            for (int i = 0; i < slots; i++) c[i] = new Conn(connections++);
            while (written < frames) {
                int i = rnd.nextInt(slots);
                if (!step(w, c[i], frames)) c[i] = new Conn(connections++);
            }
            w.flush();
            file.commit();
        }
    }

    private static final int TCP_ONLY = 0, DATA = 1;

    /** Emits one frame of the connection; false when it has ended. */
    private boolean step(PcapWriter w, Conn c, int limit) throws IOException {
        final int syn = 0x02, ack = 0x10, psh = 0x08, fin = 0x01;
        switch (c.step) {
            case 0 -> { emit(w, c, true, syn, pay, 0); c.cSeq++; c.step++; return true; }
            case 1 -> { emit(w, c, false, syn | ack, pay, 0); c.sSeq++; c.step++; return true; }
            case 2 -> { emit(w, c, true, ack, pay, 0); c.step++; return true; }
            case 3 -> {
                int n = crcc(pay, 0, 0xE0, 0, c.ref);
                emit(w, c, true, ack | psh, pay, n);
                c.step++;
                return true;
            }
            case 4 -> {
                int n = crcc(pay, 0, 0xD0, c.ref, 0x4000 + (c.cPort & 0xFFF));
                emit(w, c, false, ack | psh, pay, n);
                c.step++;
                return true;
            }
            case 5 -> {
                if (c.qHead == c.qTail) {
                    if (c.rounds-- <= 0 || written + 8 >= limit) { c.step = 6; return step(w, c, limit); }
                    plan(c);
                }
                int k = c.qHead++;
                boolean fromClient = c.qFrom[k] == 1;
                emit(w, c, fromClient, ack | psh, c.qData[k], c.qLen[k]);
                if (c.qHead == c.qTail) c.qHead = c.qTail = 0;
                return true;
            }
            case 6 -> { emit(w, c, true, fin | ack, pay, 0); c.cSeq++; c.step++; return true; }
            case 7 -> { emit(w, c, false, fin | ack, pay, 0); c.sSeq++; c.step++; return true; }
            case 8 -> { emit(w, c, true, ack, pay, 0); c.step++; return false; }
            default -> { return false; }
        }
    }

    /** Plans one round of DT traffic into the connection's queue. */
    private void plan(Conn c) {
        int kind = rnd.nextInt(10);
        if (kind < 5) {
            // request and single-DT response
            queue(c, 1, dtTpkt(39 + rnd.nextInt(120), true));
            queue(c, 0, dtTpkt(39 + rnd.nextInt(200), true));
        } else if (kind < 7) {
            // request, then a TSDU segmented into 2–4 DTs
            queue(c, 1, dtTpkt(39 + rnd.nextInt(60), true));
            int parts = 2 + rnd.nextInt(3);
            for (int i = 0; i < parts; i++) queue(c, 0, dtTpkt(120 + rnd.nextInt(119), i == parts - 1));
        } else if (kind < 9) {
            // two TPKTs in one segment
            byte[] a = dtTpkt(20 + rnd.nextInt(60), true), b = dtTpkt(20 + rnd.nextInt(60), true);
            byte[] both = new byte[a.length + b.length];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            queue(c, 1, both);
            queue(c, 0, dtTpkt(39 + rnd.nextInt(150), true));
        } else {
            // one TPKT split over two segments
            queue(c, 1, dtTpkt(39 + rnd.nextInt(60), true));
            byte[] t = dtTpkt(180 + rnd.nextInt(59), true);
            int cut = 46 + rnd.nextInt(t.length - 92);
            queue(c, 0, java.util.Arrays.copyOfRange(t, 0, cut));
            queue(c, 0, java.util.Arrays.copyOfRange(t, cut, t.length));
        }
    }

    private void queue(Conn c, int fromClient, byte[] data) {
        int k = c.qTail++;
        c.qFrom[k] = fromClient;
        c.qData[k] = data;
        c.qLen[k] = data.length;
    }

    private byte[] dtTpkt(int dataLen, boolean eot) {
        byte[] t = new byte[7 + dataLen];
        t[0] = 3;
        t[2] = (byte) (t.length >> 8);
        t[3] = (byte) t.length;
        t[4] = 2;
        t[5] = (byte) 0xF0;
        t[6] = (byte) (eot ? 0x80 : 0x00);
        // filler user data, starting with a byte no upper-layer heuristic claims (not S7comm 0x32/0x72, not a session
        // SPDU identifier), so the benchmark file is conformant from Ethernet to COTP
        int x = rnd.nextInt();
        for (int i = 7; i < t.length; i++) {
            x = x * 1103515245 + 12345;
            t[i] = (byte) (x >>> 24);
        }
        if (t.length > 7) t[7] = 0x00;
        return t;
    }

    /** CR/CC TPKT (class 0, TPDU size 256, calling 01 00, called 01 02) into b; returns its length. */
    private static int crcc(byte[] b, int o, int code, int dst, int src) {
        byte[] tpdu = {17, (byte) code, (byte) (dst >> 8), (byte) dst, (byte) (src >> 8), (byte) src, 0,
                (byte) 0xC0, 1, 0x08, (byte) 0xC1, 2, 0x01, 0x00, (byte) 0xC2, 2, 0x01, 0x02};
        int len = 4 + tpdu.length;
        b[o] = 3;
        b[o + 1] = 0;
        b[o + 2] = (byte) (len >> 8);
        b[o + 3] = (byte) len;
        System.arraycopy(tpdu, 0, b, o + 4, tpdu.length);
        return len;
    }

    private void emit(PcapWriter w, Conn c, boolean fromClient, int flags, byte[] data, int n) throws IOException {
        int len;
        if (fromClient) {
            len = FrameBuilder.tcp(frame, c.cIp, c.sIp, c.cPort, c.sPort, c.cSeq, (flags & 0x10) != 0 ? c.sSeq : 0, flags,
                    data, 0, n, c.cId++);
            c.cSeq = (c.cSeq + n) & 0xFFFFFFFFL;
        } else {
            len = FrameBuilder.tcp(frame, c.sIp, c.cIp, c.sPort, c.cPort, c.sSeq, (flags & 0x10) != 0 ? c.cSeq : 0, flags,
                    data, 0, n, c.sId++);
            c.sSeq = (c.sSeq + n) & 0xFFFFFFFFL;
        }
        time += 10_000 + rnd.nextInt(490_000);
        w.write(frame, len, len, time);
        written++;
    }
}
