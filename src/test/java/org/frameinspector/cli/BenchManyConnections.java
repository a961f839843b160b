package org.frameinspector.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.frameinspector.capture.FrameBuilder;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.OutputFile;
import org.frameinspector.core.output.PcapWriter;
import org.frameinspector.core.stream.FragCaptures;

/**
 * Writes a capture of {@code n} TCP connections that are all open at once (issue 14): first every connection is
 * opened (SYN, SYN-ACK, a COTP CR with the ACK, the CC, one DT with 32 bytes of user data), then every one is closed
 * (FIN from the client, FIN from the server). 7 frames per connection, 0.2 ms apart, correct checksums; clients
 * 10.(64+i/65536).(i/256%256).(i%256):40000 → 10.200.0.1:102. Nothing is kept per connection: the sequence numbers
 * follow from the index. Manual use: {@code java -cp target/test-classes:target/classes:... BenchManyConnections OUT N}.
 */
public final class BenchManyConnections {
    private static final int SYN = 0x02, ACK = 0x10, PSH = 0x08, FIN = 0x01;
    private static final int SERVER = FrameBuilder.ip(10, 200, 0, 1);

    private final byte[] frame = new byte[256];
    private long time = 1_700_000_000_000_000_000L;
    private int ipId;

    private BenchManyConnections() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    /** Writes the capture (microsecond pcap) to {@code out}; returns the number of frames. */
    public static int write(Path out, int n) throws IOException {
        BenchManyConnections g = new BenchManyConnections();
        int frames = 0;
        try (OutputFile file = OutputFile.create(out, List.of())) {
            PcapWriter w = new PcapWriter(file.stream(), Frame.LINK_ETHERNET, false, 65535);
            byte[] cr = tpkt("11e00000" + "0001" + "00c0010ac1020100c2020102");
            byte[] cc = tpkt("11d00001" + "0001" + "00c0010ac1020100c2020102");
            byte[] dt = new byte[7 + 32];
            System.arraycopy(tpkt("02f080"), 0, dt, 0, 7);
            dt[3] = (byte) dt.length;
            for (int i = 8; i < dt.length; i++) dt[i] = (byte) (i * 37);
            for (int i = 0; i < n; i++) {
                int c = client(i);
                long cs = isn(i, 1), ss = isn(i, 2);
                g.emit(w, c, SERVER, cs, 0, SYN, null);
                g.emit(w, SERVER, c, ss, cs + 1, SYN | ACK, null);
                g.emit(w, c, SERVER, cs + 1, ss + 1, ACK | PSH, cr);
                g.emit(w, SERVER, c, ss + 1, cs + 1 + cr.length, ACK | PSH, cc);
                g.emit(w, c, SERVER, cs + 1 + cr.length, ss + 1 + cc.length, ACK | PSH, dt);
                frames += 5;
            }
            for (int i = 0; i < n; i++) {
                int c = client(i);
                long cs = isn(i, 1) + 1 + cr.length + dt.length, ss = isn(i, 2) + 1 + cc.length;
                g.emit(w, c, SERVER, cs, ss, FIN | ACK, null);
                g.emit(w, SERVER, c, ss, cs + 1, FIN | ACK, null);
                frames += 2;
            }
            w.flush();
            file.commit();
        }
        return frames;
    }

    private static int client(int i) {
        return FrameBuilder.ip(10, 64 + (i >>> 16), (i >>> 8) & 255, i & 255);
    }

    private static long isn(int i, int side) {
        return ((long) i * 2_654_435_761L + side * 1_000_003L) & 0xFFFFFFFFL;
    }

    private static byte[] tpkt(String tpduHex) {
        return FragCaptures.tpkt(java.util.HexFormat.of().parseHex(tpduHex));
    }

    private void emit(PcapWriter w, int src, int dst, long seq, long ack, int flags, byte[] data) throws IOException {
        boolean fromClient = src != SERVER;
        int len = FrameBuilder.tcp(frame, src, dst, fromClient ? 40000 : 102, fromClient ? 102 : 40000, seq & 0xFFFFFFFFL,
                ack & 0xFFFFFFFFL, flags, data, 0, data == null ? 0 : data.length, ipId++);
        time += 200_000;
        w.write(frame, len, len, time);
    }
}
