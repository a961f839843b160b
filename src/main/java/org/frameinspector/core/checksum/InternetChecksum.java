package org.frameinspector.core.checksum;

/**
 * The Internet checksum (RFC 1071): one's-complement sum of big-endian 16-bit words, an odd final byte padded with
 * zero. Used for the IPv4 header and, with a pseudo-header, for TCP. Sums are kept in a {@code long} and folded at
 * the end, so partial sums over several ranges can simply be added.
 */
public final class InternetChecksum {
    private InternetChecksum() {
    }

    /**
     * Adds the 16-bit words of {@code b[off, off+len)} to {@code acc}. When {@code len} is odd the last byte counts as
     * the high byte of a word whose low byte is zero, so call it with even lengths except for the final range.
     */
    public static long add(long acc, byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        for (; i + 1 < end; i += 2) acc += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        if (i < end) acc += (b[i] & 0xFF) << 8;
        return acc;
    }

    /** Folds a sum to 16 bits with end-around carry. */
    public static int fold(long sum) {
        while ((sum >>> 16) != 0) sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) sum;
    }

    /** The checksum to transmit for data whose sum (checksum field taken as zero) is {@code sum}. */
    public static int complement(long sum) {
        return ~fold(sum) & 0xFFFF;
    }

    /** The checksum of one byte range (checksum field zero). */
    public static int of(byte[] b, int off, int len) {
        return complement(add(0, b, off, len));
    }

    /** True when a sum taken over everything including the transmitted checksum verifies (folds to 0xFFFF). */
    public static boolean verifies(long sumIncludingChecksum) {
        return fold(sumIncludingChecksum) == 0xFFFF;
    }

    /**
     * The sum of the pseudo-header of TCP (and UDP) checksums: source and destination address ({@code addrLen} = 4
     * for IPv4, 16 for IPv6), the protocol number and the upper-layer length (RFC 9293 §3.1, RFC 8200 §8.1).
     */
    public static long pseudoHeader(byte[] src, int srcOff, byte[] dst, int dstOff, int addrLen, int protocol,
                                    long length) {
        long sum = add(add(0, src, srcOff, addrLen), dst, dstOff, addrLen);
        return sum + protocol + (length & 0xFFFF) + (length >>> 16);
    }

    /**
     * The sum over a TCP segment {@code b[off, off+len)} (at least 18 bytes) with its checksum field taken as zero,
     * added to {@code pseudo} ({@link #pseudoHeader}): {@link #complement} of it is the checksum to send, and
     * {@link #verifies} of it plus the transmitted checksum tells whether the segment is intact.
     */
    public static long tcpSegment(long pseudo, byte[] b, int off, int len) {
        return add(add(pseudo, b, off, 16), b, off + 18, len - 18);
    }

    /**
     * The TCP checksum of the segment {@code b[tcpOff, tcpOff+tcpLen)} carried in the IPv4 datagram whose header
     * starts at {@code ipOff}.
     */
    public static int tcpOverIpv4(byte[] b, int ipOff, int tcpOff, int tcpLen) {
        return complement(tcpSegment(pseudoHeader(b, ipOff + 12, b, ipOff + 16, 4, 6, tcpLen), b, tcpOff, tcpLen));
    }
}
