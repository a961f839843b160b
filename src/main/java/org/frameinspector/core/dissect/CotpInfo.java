package org.frameinspector.core.dissect;

import org.frameinspector.core.model.Field;

/**
 * A decoded TPDU header, for connection-level checks. {@code type} is the high nibble of the code octet (Wireshark's
 * cotp.type); -1 where a value is absent.
 */
public record CotpInfo(int type, int li, int dstRef, int srcRef, int cls, int tpduSize, byte[] callingTsap,
                       byte[] calledTsap, boolean eot, int userDataOffset, int userDataLength, String source,
                       int offset, int length, Field typeField) {
    public static final int CR = 0x0E, CC = 0x0D, DR = 0x08, DC = 0x0C, DT = 0x0F, ED = 0x01, AK = 0x06, EA = 0x02,
            RJ = 0x05, ER = 0x07;
}
