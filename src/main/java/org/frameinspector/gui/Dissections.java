package org.frameinspector.gui;

import java.util.List;
import org.frameinspector.core.fix.FixResult;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.stream.Conversation;

/**
 * The one place the desktop app gets a dissection from, for the opened input: the frame list, the field tree and
 * copy ask {@link #get}; the display filter, Find and Export ask {@link #dissect} from their workers; Compare With asks
 * {@link #dissectOther}; Make Conformant asks {@link #fix}. Inputs small enough get the in-order pass with connection
 * state ({@link #runInOrder}), after which every answer is the in-order one, so the list, the filter, Find, Export
 * and Compare agree. {@link DissectionCache} implements it today; the core's dissection service replaces that one
 * class.
 */
interface Dissections {
    FrameSource source();

    /** Frames of the input (a live capture grows). */
    int size();

    /** Frame {@code index} (0-based) as shown; on the EDT, cached. */
    Dissection get(int index);

    /** Frame {@code index} for background work (any thread, not cached). */
    Dissection dissect(int index);

    /** A frame of another input (a file or a pasted dump to compare with), dissected alone. */
    Dissection dissectOther(Frame f);

    /** The conformant copy of a frame (reserved fields zeroed, lengths and checksums recomputed). */
    FixResult fix(Frame f);

    /**
     * Dissects the whole input in order with connection state (off the EDT) and returns its transport connections;
     * the results are used from {@link #useInOrder} on.
     */
    List<Conversation> runInOrder();

    /** On the EDT, after {@link #runInOrder}: every later answer is the in-order dissection. */
    void useInOrder();
}
