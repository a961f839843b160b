package org.frameinspector.core.input;

/**
 * An opened input: where it came from, its format ("pcap", "pcapng", or "hex dump"), the detected dump layout and
 * start layer (for dumps; null for captures) and its frames.
 */
public record Loaded(String name, String format, String layout, String startLayer, FrameSource frames) {
}
