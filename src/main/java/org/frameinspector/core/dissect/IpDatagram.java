package org.frameinspector.core.dissect;

import org.frameinspector.core.model.Field;

/**
 * What the IPv4 / IPv6 dissector knows about a datagram the stream layer may need to remember: a fragment (IPv4 MF = 1
 * or offset &ne; 0; IPv6 with a fragment header), or an IPv4 datagram with DF = 0 (its Identification must not repeat
 * soon, RFC 6864). Addresses are read from {@code bytes} (the frame) at {@code srcOff} / {@code dstOff}; for IPv6
 * {@code dstOff} is the final destination (the one the TCP pseudo-header uses).
 *
 * @param proto      IPv4 Protocol, or the Next Header of the IPv6 fragment header
 * @param id         IPv4 Identification (16 bits) or IPv6 fragment Identification (32 bits)
 * @param offset     fragment offset in bytes (0 for a whole datagram)
 * @param more       More Fragments
 * @param df         IPv4 Don't Fragment (always false for IPv6, where routers never fragment)
 * @param idField    the Identification field (findings about the ID point at it)
 * @param fragField  the fragment offset field (IPv4) or the fragment header (IPv6); findings about the fragment point at it
 */
public record IpDatagram(int version, byte[] bytes, int srcOff, int dstOff, int proto, long id, int offset,
                         boolean more, boolean df, Field idField, Field fragField) {
    public boolean fragment() {
        return more || offset != 0;
    }

    public int addrLen() {
        return version == 6 ? 16 : 4;
    }
}
