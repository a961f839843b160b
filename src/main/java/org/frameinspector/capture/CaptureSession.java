package org.frameinspector.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.OutputFile;
import org.frameinspector.core.output.PcapngWriter;
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
     * timeout). With {@code pcapng} the frames are also written there ({@link PcapngWriter}, nanosecond
     * timestamps) through an {@link OutputFile}: the file appears under its name, complete, when the capture ends
     * (also when it is stopped); after an error it is not created, and a file of that name is left as it was.
     */
    public void run(int count, Path pcapng, BooleanSupplier stop, Consumer<Dissection> each)
            throws CaptureException, IOException {
        try (OutputFile file = pcapng == null ? null : OutputFile.create(pcapng, List.of())) {
            PcapngWriter w = file == null ? null : new PcapngWriter(file.stream());
            while ((count <= 0 || frames < count) && !stop.getAsBoolean()) {
                Frame f = cap.next(frames + 1);
                if (f == null) {
                    if (w != null) w.flush();
                    continue;
                }
                frames++;
                if (w != null) w.write(f);
                Dissection d = fd.dissect(f, null, conv);
                conv.record(d);
                each.accept(d);
            }
            if (w != null) {
                w.flush();
                file.commit();
            }
        } finally {
            conv.finish();
        }
    }
}
