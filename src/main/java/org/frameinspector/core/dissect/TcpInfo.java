package org.frameinspector.core.dissect;

/** What TCP knows about a segment, for the layers above and the stream layer. */
public record TcpInfo(String srcAddr, String dstAddr, int srcPort, int dstPort, long seq, long ack, int flags,
                      int payloadOffset, int payloadLength, boolean checksumBad) {
    /** Ctx: the segment's TcpInfo, left by TCP for the layers above and the stream layer. */
    public static final Ctx.Key<TcpInfo> KEY = Ctx.Key.of("tcp:info");

    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10, URG = 0x20;

    public boolean syn() { return (flags & SYN) != 0; }
    public boolean fin() { return (flags & FIN) != 0; }
    public boolean rst() { return (flags & RST) != 0; }

    /** Endpoint key "addr:port>addr:port" for this direction. */
    public String direction() {
        return srcAddr + ":" + srcPort + ">" + dstAddr + ":" + dstPort;
    }
}
