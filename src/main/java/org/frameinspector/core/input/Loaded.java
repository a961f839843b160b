package org.frameinspector.core.input;

import org.frameinspector.core.source.FrameSource;
import java.util.List;

/**
 * An opened input: where it came from, its format ("pcap", "pcapng", or "hex dump"), the detected dump layout and
 * start layer (for dumps; null for captures), its frames, and warnings about what was read in a non-obvious way
 * (a cut-short last record, a dump row that starts mid-line …), each naming where.
 */
public record Loaded(String name, String format, String layout, String startLayer, FrameSource frames,
                     List<String> warnings) {
    public Loaded {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public Loaded(String name, String format, String layout, String startLayer, FrameSource frames) {
        this(name, format, layout, startLayer, frames, List.of());
    }
}
