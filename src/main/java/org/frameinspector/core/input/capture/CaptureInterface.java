package org.frameinspector.core.input.capture;

/**
 * One capture interface: the single implicit interface of a pcap file, or a pcapng Interface Description Block.
 *
 * @param id              0-based index over the whole file (pcapng: interfaces of later sections follow those of
 *                        earlier ones; in a one-section file this is the interface id the packet blocks use)
 * @param section         0-based pcapng section number (0 for pcap)
 * @param linkType        LINKTYPE_* value (DLT 12/14 are reported as {@code Frame.LINK_RAW})
 * @param snaplen         snap length from the file, 0 when unlimited / not given
 * @param name            if_name, or null
 * @param tsResolution    pcapng if_tsresol byte (6 = µs, 9 = ns, high bit set = power of 2); pcap: 6 or 9
 * @param tsOffsetSeconds if_tsoffset, added to every timestamp of this interface
 */
public record CaptureInterface(int id, int section, int linkType, long snaplen, String name, int tsResolution,
                               long tsOffsetSeconds) {

    /**
     * Converts a raw (unsigned) timestamp in this interface's units to nanoseconds since the epoch; beyond what a long
     * holds it is {@link Long#MAX_VALUE}.
     */
    public long toNanos(long raw) {
        long ns = CaptureReader.unitsToNanos(raw, tsResolution);
        if (tsOffsetSeconds == 0 || ns == Long.MAX_VALUE) return ns;
        try {
            return Math.addExact(ns, Math.multiplyExact(tsOffsetSeconds, 1_000_000_000L));
        } catch (ArithmeticException e) {
            return tsOffsetSeconds > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }
}
