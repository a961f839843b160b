package org.frameinspector.gui;

import java.util.List;
import java.util.function.IntPredicate;
import org.frameinspector.core.fix.FixResult;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.stream.Conversation;

/**
 * The one place the desktop app gets a dissection from, for the opened input. {@link DissectionCache} implements it
 * over the input's {@link org.frameinspector.core.session.Session} (the same in-order dissection the command line
 * uses): the frame list, the field tree and copy ask {@link #get}; the display filter, Find, Export and the Expert
 * Info view ask {@link #dissect} from their workers; Compare With asks {@link #dissectOther}; Make Conformant asks
 * {@link #fix}.
 *
 * <p>The in-order pass ({@link #index}) runs in the background over the whole input. A frame the pass has not reached
 * yet is dissected alone (no connection state) and answered again, with its state, once the pass is past it; work
 * that must agree with the command line (filter, find, export) first finishes the pass ({@link #index} again: it
 * waits for a pass in progress and goes on from where a cancelled one stopped).
 */
interface Dissections {
    FrameSource source();

    /** Frames of the input (a live capture grows). */
    int size();

    /** Frame {@code index} (0-based) as shown; on the EDT, cached. */
    Dissection get(int index);

    /** Keeps a dissection made elsewhere (the loader dissects the first frame off the EDT). */
    void put(int index, Dissection d);

    /** Frame {@code index} for background work (any thread, not cached). */
    Dissection dissect(int index);

    /** A frame of another input (a file or a pasted dump to compare with), dissected alone. */
    Dissection dissectOther(Frame f);

    /** The conformant copy of a frame (reserved fields zeroed, lengths and checksums recomputed). */
    FixResult fix(Frame f);

    /**
     * Runs the in-order pass over every frame it has not reached (never on the EDT). {@code stop} is asked now and
     * then with the frames done so far and returns true to stop; the pass blocks while another thread runs it.
     * Returns true when every frame is reached.
     */
    boolean index(IntPredicate stop);

    /** How many frames, from the first, the in-order pass has reached. */
    int indexed();

    /** The transport connections of the frames reached so far (off the EDT: it waits for a running pass). */
    List<Conversation> conversations();

    /** The findings of the frames reached so far, by severity and id (for the Expert Info view). */
    CaptureFindings findings();
}
