package org.frameinspector.core.dissect;

/**
 * Connection state across frames (TCP reassembly, TPKT framing, COTP state). The single-frame dissection passes none;
 * the stream layer supplies an implementation when a whole capture is dissected in order.
 */
public interface StreamHook {
    /**
     * Called by the TCP dissector for a segment's payload. Returns true when the hook took care of the payload
     * (dissected what is complete, possibly from reassembled buffers); false lets TCP dissect it as a lone segment.
     */
    boolean onTcpPayload(Ctx ctx, Buf payload, TcpInfo tcp);

    /** Called by the COTP dissector for each TPDU so connection-level checks can run. */
    default void onTpdu(Ctx ctx, CotpInfo tpdu) {
    }

    /**
     * Called by the COTP dissector with the user data of each DT TPDU. Returns true when the hook took it (it
     * collects EOT = 0 runs and hands a completed TSDU to table "cotp.payload" from a reassembled source); false lets
     * COTP show the data itself (EOT = 1: table "cotp.payload"; EOT = 0: "cotp.segment_data").
     */
    default boolean onDtUserData(Ctx ctx, Buf userData, boolean eot) {
        return false;
    }
}
