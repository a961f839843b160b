package org.frameinspector.core.model;

/** A piece of a reassembled buffer: {@code length} bytes at {@code frameOffset} of frame {@code frame} sit at {@code bufferOffset}. */
public record SourcePart(int frame, int frameOffset, int bufferOffset, int length) {
}
