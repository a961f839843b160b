package org.frameinspector.core.dissect;

/**
 * Connection state across frames (TCP reassembly, TPKT framing, COTP state). The single-frame dissection passes none;
 * the stream layer supplies an implementation when a whole capture is dissected in order.
 *
 * <p>Call order within one frame: TCP calls {@link #onTcpPayload}; the hook cuts TPKTs out of the byte stream and
 * calls the "tpkt" dissector on each (on the frame source when the TPKT lies wholly in this frame, otherwise on a
 * reassembled source added with {@link Ctx#addSource}); COTP, inside that call, reports each TPDU with
 * {@link #onTpdu} and hands DT user data to {@link #onDtUserData}.
 */
public interface StreamHook {
    /**
     * Called by the TCP dissector for a segment's payload. Returns true when the hook took care of the payload
     * (dissected what is complete, possibly from reassembled buffers); false lets TCP dissect it as a lone segment.
     *
     * <p>Please call this for <em>every</em> segment of a connection, also those without payload (SYN, FIN, RST,
     * pure ACK: {@code payload.length() == 0}); the stream layer needs them to follow the sequence space and to see
     * how the connection ended. Call it after the TCP layer has been added to {@code ctx.out()} (findings about the
     * flags point into that layer). The return value only matters for a non-empty payload.
     */
    boolean onTcpPayload(Ctx ctx, Buf payload, TcpInfo tcp);

    /**
     * Called by the IPv4 / IPv6 dissector for every fragment and every IPv4 datagram with DF = 0 whose payload was
     * captured whole, on the frame source, before the payload is dissected. The hook remembers fragments until their
     * datagram is complete and checks that fragmentable IPv4 datagrams do not repeat an Identification too soon
     * (IP4-ID-REUSE-FRAGMENTABLE). Returns the reassembled payload, added with {@link Ctx#addSource} (its parts map
     * every byte to the fragment it came from), when this fragment completes a datagram; null otherwise (a held
     * fragment, or a datagram that is not a fragment). Never throws.
     */
    default org.frameinspector.core.model.DataSource onIpDatagram(Ctx ctx, Buf payload, IpDatagram ip) {
        return null;
    }

    /** Called by the COTP dissector for each TPDU so connection-level checks can run. */
    default void onTpdu(Ctx ctx, CotpInfo tpdu) {
    }

    /**
     * Called by the COTP dissector with the user data of each DT TPDU (after {@link #onTpdu} for the same TPDU).
     * Returns true when the hook took it (it collects EOT = 0 runs and hands a completed TSDU to table
     * "cotp.payload" from a reassembled source); false lets COTP show the data itself (EOT = 1: table
     * "cotp.payload"; EOT = 0: "cotp.segment_data").
     *
     * <p>Details of the contract: {@code userData} may lie on the frame or on a reassembled TPKT source; the hook
     * returns false for a DT that is a whole TSDU on its own (EOT = 1, nothing pending); when it returns true it has
     * also added a PAYLOAD field ("cotp.segment_data") for {@code userData} to the current COTP layer, so COTP need
     * not show the bytes; for the EOT = 1 DT that completes a TSDU it adds the source "Reassembled TSDU (…)" whose
     * parts are every DT's user data mapped to frame offsets, and dispatches it (or shows it as data). Never throws.
     */
    default boolean onDtUserData(Ctx ctx, Buf userData, boolean eot) {
        return false;
    }
}
