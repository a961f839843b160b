package org.frameinspector.tshark;

import java.util.List;
import java.util.Locale;

/** One {@code <packet>} of PDML: its frame number, captured length and every field in document order. */
public record PdmlPacket(int number, int capturedLength, List<PdmlField> fields) {

    /**
     * Whether the field's bytes lie in the frame itself. PDML does not say which data source a field came from, so
     * we compare: a field is in the frame when the hex PDML gives for it equals the frame bytes at pos..pos+size.
     * Fields without hex (tree nodes such as "s7comm.header") take the verdict of the other fields of the same
     * {@code <proto>} element ({@code protoInFrame}).
     */
    public static boolean inFrame(PdmlField f, byte[] frame, boolean protoInFrame) {
        if (f.pos() < 0 || f.size() <= 0 || f.pos() + f.size() > frame.length) return false;
        String hex = f.bytesHex();
        if (hex == null) return protoInFrame;
        return hexEquals(hex, frame, f.pos(), f.size());
    }

    /** True when {@code hex} (colons allowed) spells exactly the {@code len} bytes at {@code off}. */
    static boolean hexEquals(String hex, byte[] b, int off, int len) {
        String h = hex.replace(":", "").toLowerCase(Locale.ROOT);
        if (h.length() != len * 2) return false;
        for (int i = 0; i < len; i++) {
            int hi = Character.digit(h.charAt(2 * i), 16), lo = Character.digit(h.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0 || ((hi << 4) | lo) != (b[off + i] & 0xFF)) return false;
        }
        return true;
    }
}
