package org.frameinspector.core.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.stream.Conversation;
import org.frameinspector.core.stream.EndFinding;

/**
 * One export document, written as the frames come: {@link #begin} once, {@link #frame} for each dissection in order,
 * {@link #end} once. A writer keeps nothing from one frame to the next, so memory does not grow with the number of
 * frames; the CLI feeds it from the in-order pass, and a GUI can feed it from its frame list. There is one
 * implementation per format ({@link Exporter#open}); the target stream is flushed by {@link #end}, never closed.
 */
public interface ExportWriter {
    /** Starts the document; {@code input} describes what was read (null: nothing is said about it). */
    void begin(JsonExport.InputInfo input) throws IOException;

    /** Appends one frame. */
    void frame(Dissection d) throws IOException;

    /**
     * Findings the end of the input raised about frames written before ({@link EndFinding}: a TPKT or a segmented
     * message the input ended inside of); pass only those of frames that were written. Call after the last
     * {@link #frame}, before {@link #connections} and {@link #end}; an empty list writes nothing. The text formats and
     * JSON show them in a last part of the document; the others ignore them.
     */
    default void endFindings(List<EndFinding> fs) throws IOException {
    }

    /**
     * The transport connections of the whole input (the in-order pass's rows), for a format that summarises them
     * (the HTML report); call it after the last {@link #frame} and before {@link #end}. Other formats ignore it.
     */
    default void connections(List<Conversation> rows) {
    }

    /** Completes the document and flushes it to the target. */
    void end() throws IOException;

    /** Writes a whole document of {@code ds} through {@code w} and returns what it wrote to {@code target}. */
    static String render(ExportWriter w, StringWriter target, JsonExport.InputInfo input, List<Dissection> ds) {
        try {
            w.begin(input);
            for (Dissection d : ds) w.frame(d);
            w.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with a StringWriter
        }
        return target.toString();
    }
}
