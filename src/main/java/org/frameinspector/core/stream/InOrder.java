package org.frameinspector.core.stream;

import java.util.function.Consumer;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.input.FrameSource;
import org.frameinspector.core.model.Dissection;

/**
 * Dissects the frames of an input in order with connection state (TCP reassembly, TPKT framing, COTP state), the way
 * the CLI commands and exports see a capture. Dissections are handed to the consumer one at a time and not kept, so
 * memory stays bounded however big the capture is.
 */
public final class InOrder {
    private InOrder() {
    }

    /** Returns the conversations (finished) after every frame was passed to {@code each}. */
    public static Conversations dissect(FrameSource fs, String startsAt, Consumer<Dissection> each) {
        FrameDissector fd = FrameDissector.standard();
        Conversations conv = new Conversations();
        for (int i = 0; i < fs.size(); i++) {
            Dissection d = fd.dissect(fs.frame(i), startsAt, conv);
            conv.record(d);
            each.accept(d);
        }
        conv.finish();
        return conv;
    }
}
