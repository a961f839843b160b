package org.frameinspector.core.export;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where the text of one frame goes while it is being made. The text writers append a frame's lines to a small
 * {@link StringBuilder} and call {@link #lineEnd} after each line or group of lines; once the builder holds
 * {@link #CHARS} characters or more, the spill hands its content on and empties it. So a frame of any size (a pasted
 * line of 36,000 TPDUs is a 254 KB frame with 65,536 findings) is written in pieces of a few kilobytes, never held
 * whole, and the pieces end at line ends, so what is done to each piece (terminal escaping, plain ASCII, JSON
 * escaping) gives the same text as done to the whole.
 */
@FunctionalInterface
interface Spill {
    /** Characters gathered before they are handed on. */
    int CHARS = 8192;

    /** Nothing is handed on: the builder keeps the whole text (for callers that want a String). */
    Spill KEEP = sb -> {
    };

    /** Called at a line end: may hand the builder's content on and empty it. */
    void lineEnd(StringBuilder sb);

    /** What a spill hands its pieces to. */
    @FunctionalInterface
    interface Target {
        void write(String piece) throws IOException;
    }

    /**
     * A spill that hands the builder's content to {@code t} once it holds {@link #CHARS} characters; the last piece is
     * handed on by {@link #drain}. A failing target surfaces as an {@link UncheckedIOException} (unwrapped by the
     * writer's frame method).
     */
    static Spill to(Target t) {
        return sb -> {
            if (sb.length() >= CHARS) drain(sb, t);
        };
    }

    /** Hands whatever the builder holds to {@code t} and empties it. */
    static void drain(StringBuilder sb, Target t) {
        if (sb.length() == 0) return;
        try {
            t.write(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sb.setLength(0);
    }
}
