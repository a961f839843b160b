package org.frameinspector.gui;

import javax.swing.Action;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.frameinspector.capture.CaptureException;
import org.frameinspector.capture.LiveCapture;
import org.frameinspector.core.input.Loaded;

/**
 * Capture → Start… / Stop: a live capture ({@link LiveCapture}) appends to a {@link GrowingFrameSource}, which the
 * frame list picks up five times a second.
 */
final class CapturePart {
    /** Where the Start dialog gets its interfaces (pcap4j, or a stub in tests). */
    CaptureDialog.DeviceLister deviceLister = LiveCapture::devices;
    private final MainWindow window;
    private final FrameListPart list;
    private final StatusBarPart status;
    private Action startAction, stopAction;
    private LiveCapture live;
    private Timer timer;

    CapturePart(MainWindow window, FrameListPart list, StatusBarPart status) {
        this.window = window;
        this.list = list;
        this.status = status;
    }

    /** The Start and Stop actions (enabled as the capture runs). */
    void actions(Action start, Action stop) {
        startAction = start;
        stopAction = stop;
        stop.setEnabled(false);
    }

    void start() {
        if (live != null || timer != null) return;
        CaptureDialog d = new CaptureDialog(window, deviceLister);
        d.setVisible(true);
        CaptureDialog.Choice c = d.result();
        if (c == null) return;
        try {
            LiveCapture lc = LiveCapture.open(c.device(), c.bpf(), 262_144, 100);
            startLive(lc, new GrowingFrameSource(), c.device() + (c.bpf().isEmpty() ? "" : " [" + c.bpf() + "]"));
        } catch (CaptureException e) {
            window.showError("Cannot capture", e.getMessage());
        }
    }

    /** Shows a growing source and appends its frames as they arrive ({@code lc} may be null in tests). */
    void startLive(LiveCapture lc, GrowingFrameSource src, String name) {
        window.setLoaded(new Loaded("live: " + name, "live capture", null, null, src), null);
        live = lc;
        if (lc != null) {
            lc.start(f -> src.add(f.data(), f.originalLength(), f.timestampNanos(), f.linkType()),
                    msg -> SwingUtilities.invokeLater(() -> {
                        stop();
                        window.showError("Capture stopped", msg);
                    }));
        }
        startAction.setEnabled(false);
        stopAction.setEnabled(true);
        timer = new Timer(200, e -> {
            int before = list.model.getRowCount();
            int added = list.model.sourceGrew();
            if (added > 0) {
                window.session.framesAppended();
                status.setFrames(Texts.count(list.model.frameCount(), "frame") + " (capturing)");
                if (before == 0) list.selectFrame(0);
                else list.followEnd(before);
            }
        });
        timer.start();
        status.setFrames("Capturing on " + name + "…");
    }

    /** Stops the capture: the handle is closed at once, whether packets arrive or not. */
    void stop() {
        if (timer != null) {
            timer.stop();
            timer = null;
            if (list.model.sourceGrew() > 0) window.session.framesAppended();
        }
        if (live != null) {
            live.close();
            live = null;
        }
        startAction.setEnabled(true);
        stopAction.setEnabled(false);
        if (list.model.dissections() != null) {
            status.setFrames(Texts.count(list.model.frameCount(), "frame") + " (stopped)");
        }
    }

    /** A new input replaces the live one: the capture stops. */
    void inputChanged(Loaded l) {
        if (timer != null && !(l.frames() instanceof GrowingFrameSource)) stop();
    }

    boolean isCapturing() { return timer != null; }

    /** The running capture (null when none or stubbed), for tests. */
    LiveCapture live() { return live; }
}
