package org.frameinspector.core.input.hexdump;

import java.util.List;

/**
 * The frames recovered from a dump text, the layout that was recognised (e.g. "tshark -x", "xxd"), remarks about
 * what was recovered in a non-obvious way or with a doubt (e.g. a first row that starts in the middle of the line, a
 * list read as decimal numbers), the time of each frame where the dump carries one, and the character ranges of the
 * text that were read as bytes.
 *
 * @param timestampsNanos per frame, nanoseconds since the epoch, 0 where the dump says nothing; may be shorter than
 *                        the frame list (then the missing ones are 0)
 * @param byteRanges      pairs {@code [start, end)} of char indexes into the text as given to the parser, in order,
 *                        covering what was read as bytes (offsets, prose, ASCII columns and prefixes lie outside)
 */
public record HexDump(List<byte[]> frames, String layout, List<String> warnings, long[] timestampsNanos,
                      int[] byteRanges) {
    public HexDump {
        frames = List.copyOf(frames);
        warnings = List.copyOf(warnings);
        timestampsNanos = timestampsNanos == null ? new long[0] : timestampsNanos;
        byteRanges = byteRanges == null ? new int[0] : byteRanges;
    }

    public HexDump(List<byte[]> frames, String layout, List<String> warnings) {
        this(frames, layout, warnings, null, null);
    }

    public HexDump(List<byte[]> frames, String layout) {
        this(frames, layout, List.of(), null, null);
    }

    /** The time of frame {@code i} (0-based) in nanoseconds since the epoch, or 0 when the dump does not say. */
    public long timestampNanos(int i) {
        return i < timestampsNanos.length ? timestampsNanos[i] : 0L;
    }
}
