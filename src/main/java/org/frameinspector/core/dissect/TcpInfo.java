package org.frameinspector.core.dissect;

/**
 * What TCP knows about a segment, for the layers above and the stream layer. {@code window} is the window field as
 * sent (-1 when the header was cut before it), {@code segmentLength} the payload length the IP header gives (tcp.len;
 * {@code payloadLength} is what was captured of it).
 */
public record TcpInfo(String srcAddr, String dstAddr, int srcPort, int dstPort, long seq, long ack, int flags,
                      int payloadOffset, int payloadLength, boolean checksumBad, int window, int segmentLength) {
    /** Ctx: the segment's TcpInfo, left by TCP for the layers above and the stream layer. */
    public static final Ctx.Key<TcpInfo> KEY = Ctx.Key.of("tcp:info");

    /** A segment whose window is not known and whose IP length is what was captured (tests, lone payloads). */
    public TcpInfo(String srcAddr, String dstAddr, int srcPort, int dstPort, long seq, long ack, int flags,
                   int payloadOffset, int payloadLength, boolean checksumBad) {
        this(srcAddr, dstAddr, srcPort, dstPort, seq, ack, flags, payloadOffset, payloadLength, checksumBad, -1,
                payloadLength);
    }

    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10, URG = 0x20;

    public boolean syn() { return (flags & SYN) != 0; }
    public boolean fin() { return (flags & FIN) != 0; }
    public boolean rst() { return (flags & RST) != 0; }

    /** Endpoint key "addr:port>addr:port" for this direction. */
    public String direction() {
        return srcAddr + ":" + srcPort + ">" + dstAddr + ":" + dstPort;
    }
}
