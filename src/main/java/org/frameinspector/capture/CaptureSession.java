package org.frameinspector.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.stream.Conversations;

/**
 * Captures frames, optionally writes them to pcapng, and dissects each as it arrives with connection state (so TPKTs
 * spanning segments and COTP context checks work live). Dissections are handed to a consumer and not kept.
 */
public final class CaptureSession {
    private final LiveCapture cap;
    private final FrameDissector fd;
    private final Conversations conv = new Conversations();
    private int frames;

    public CaptureSession(LiveCapture cap, FrameDissector fd) {
        this.cap = cap;
        this.fd = fd;
    }

    public Conversations conversations() {
        return conv;
    }

    public int frames() {
        return frames;
    }

    /**
     * Runs until {@code count} frames (0 = no limit) or until {@code stop} says so (checked at least once per read
     * timeout).
     */
    public void run(int count, Path pcapng, BooleanSupplier stop, Consumer<Dissection> each)
            throws CaptureException, IOException {
        SimplePcapngWriter w = pcapng == null ? null : new SimplePcapngWriter(pcapng, cap.linkType(), 65535);
        try {
            while ((count <= 0 || frames < count) && !stop.getAsBoolean()) {
                Frame f = cap.next(frames + 1);
                if (f == null) {
                    if (w != null) w.flush();
                    continue;
                }
                frames++;
                if (w != null) w.write(f.data(), f.originalLength(), f.timestampNanos());
                Dissection d = fd.dissect(f, null, conv);
                conv.record(d);
                each.accept(d);
            }
        } finally {
            if (w != null) w.close();
            conv.finish();
        }
    }
}
