package org.frameinspector.gui;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.SwingWorker;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.session.Session;
import org.frameinspector.core.session.StreamBytes;
import org.frameinspector.core.stream.Conversation;

/**
 * Opens Follow Stream (TCP or TPKT/COTP) for the shown frame's connection or a connection picked in a table: finds the
 * connection, collects its bytes from the session's dissections off the event thread ({@link StreamBytes}) and shows
 * a {@link FollowStreamWindow}.
 */
final class FollowStream {
    private final MainWindow w;
    private FollowStreamWindow last;
    private final AtomicBoolean stop = new AtomicBoolean();

    FollowStream(MainWindow w) {
        this.w = w;
    }

    /** Follow the connection of the frame selected in the list; says so in the status bar when there is none. */
    void followSelected(boolean cotp) {
        int row = w.frameList.shownRow();
        Dissections ds = w.session.dissections();
        if (row < 0 || ds == null) {
            w.statusBar.setFrames("Select a TCP frame to follow its stream");
            return;
        }
        follow(w.frameList.model.dissection(row), null, cotp);
    }

    /** Follow a connection picked in a table. */
    void follow(Conversation c, boolean cotp) {
        follow(null, c, cotp);
    }

    /**
     * Follow connection {@code c}, or the one frame {@code d} belongs to; off the event thread (the connections wait
     * for a running pass, the frames are read from the session).
     */
    private void follow(Dissection d, Conversation c, boolean cotp) {
        Dissections ds = w.session.dissections();
        if (!(ds instanceof DissectionCache cache) || c == null && d == null) return;
        Session s = cache.session();
        stop.set(false);
        w.statusBar.setFrames("Following " + (c != null ? "connection " + c.index() : "the stream of frame "
                + Texts.count(d.frame().number())) + "…");
        new SwingWorker<StreamBytes, Void>() {
            String filter;

            @Override
            protected StreamBytes doInBackground() {
                Conversation conn = c != null ? c : StreamBytes.connectionOf(ds.conversations(), d);
                if (conn == null) return null;
                StreamBytes b = StreamBytes.of(s, conn, stop::get);
                if (conn.firstFrame() >= 1 && conn.firstFrame() <= s.size()) {
                    filter = FilterExpressions.conversation(s.dissect(conn.firstFrame() - 1));
                }
                return b;
            }

            @Override
            protected void done() {
                try {
                    StreamBytes b = get();
                    if (w.session.dissections() != ds) return; // another input was opened meanwhile
                    if (b == null) {
                        w.statusBar.setFrames("Frame " + Texts.count(d.frame().number())
                                + " is not a segment of a TCP connection");
                        return;
                    }
                    last = new FollowStreamWindow(w, b, cotp, filter);
                    last.setVisible(true);
                    w.statusBar.setFrames("Connection " + b.conversation().index() + ": "
                            + Texts.count(b.size(), "payload byte"));
                } catch (Exception e) {
                    w.showError("Follow Stream", "Could not follow the stream: " + e.getMessage());
                }
            }
        }.execute();
    }

    /** Windows of a previous input are closed when another one is opened. */
    void closeAll() {
        stop.set(true);
        if (last != null) last.dispose();
        last = null;
    }

    FollowStreamWindow last() {
        return last;
    }

}
