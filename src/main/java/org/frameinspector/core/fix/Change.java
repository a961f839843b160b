package org.frameinspector.core.fix;

import java.util.HexFormat;

/**
 * One modification of the frame: {@code oldBytes} at frame offset {@code offset} became {@code newBytes}.
 *
 * @param findingId the finding this change addresses, or null for a consequence of other changes (a checksum
 *                  recomputed because bytes it covers changed) or a reserved field zeroed without a finding
 * @param field     abbreviation of the field written
 * @param reason    one line for people
 */
public record Change(String findingId, String field, int offset, byte[] oldBytes, byte[] newBytes, String reason) {
    public int length() {
        return newBytes.length;
    }

    /** "0x0037 tpkt.reserved 11 → 00 (TPKT-RESERVED-NONZERO: …)". */
    public String describe() {
        HexFormat h = HexFormat.ofDelimiter(" ");
        return String.format("0x%04x %s %s \u2192 %s (%s%s)", offset, field, h.formatHex(oldBytes), h.formatHex(newBytes),
                findingId == null ? "" : findingId + ": ", reason);
    }
}
