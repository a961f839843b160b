package org.frameinspector.core.input.hexdump;

import java.util.List;

/** The frames recovered from a dump text and the layout that was recognised (e.g. "tshark -x", "xxd"). */
public record HexDump(List<byte[]> frames, String layout) {
}
