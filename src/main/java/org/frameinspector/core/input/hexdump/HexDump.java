package org.frameinspector.core.input.hexdump;

import java.util.List;

/**
 * The frames recovered from a dump text, the layout that was recognised (e.g. "tshark -x", "xxd") and remarks about
 * what was recovered on purpose in a non-obvious way (e.g. a first row that starts in the middle of the line).
 */
public record HexDump(List<byte[]> frames, String layout, List<String> warnings) {
    public HexDump {
        frames = List.copyOf(frames);
        warnings = List.copyOf(warnings);
    }

    public HexDump(List<byte[]> frames, String layout) {
        this(frames, layout, List.of());
    }
}
