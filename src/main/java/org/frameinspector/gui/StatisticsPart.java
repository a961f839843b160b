package org.frameinspector.gui;

import java.util.List;
import javax.swing.SwingWorker;
import org.frameinspector.core.stream.Conversation;

/**
 * The Statistics menu: Conversations and Protocol Hierarchy of the shown input, each from the in-order pass (finished
 * first, off the event thread, so the numbers are the command line's).
 */
final class StatisticsPart {
    private final MainWindow w;
    private StatisticsConversations lastConversations;
    private ProtocolHierarchyWindow lastHierarchy;

    StatisticsPart(MainWindow w) {
        this.w = w;
    }

    /** The conversation filter of a connection: its first frame's (null when that frame has no IP layer). */
    String filterOf(Conversation c) {
        Dissections ds = w.session.dissections();
        int first = c.firstFrame();
        if (ds == null || first < 1 || first > ds.size()) return null;
        return FilterExpressions.conversation(ds.get(first - 1));
    }

    void showConversations() {
        Dissections ds = w.session.dissections();
        if (ds == null) return;
        String name = w.session.loaded().name();
        w.statusBar.setFrames("Counting the conversations…");
        new SwingWorker<List<Conversation>, Void>() {
            long t0;

            @Override
            protected List<Conversation> doInBackground() {
                ds.index(done -> false);
                t0 = ds.size() > 0 ? ds.source().frame(0).timestampNanos() : 0;
                return ds.conversations();
            }

            @Override
            protected void done() {
                if (w.session.dissections() != ds) return;
                try {
                    List<Conversation> rows = get();
                    if (lastConversations != null) lastConversations.dispose();
                    lastConversations = new StatisticsConversations(w, rows, t0, StatisticsPart.this::filterOf, name);
                    lastConversations.setVisible(true);
                    w.statusBar.setFrames(Texts.count(rows.size(), "connection"));
                } catch (Exception e) {
                    w.showError("Conversations", "Could not count the conversations: " + e.getMessage());
                }
            }
        }.execute();
    }

    void showProtocolHierarchy() {
        Dissections ds = w.session.dissections();
        if (!(ds instanceof DissectionCache cache)) return;
        String name = w.session.loaded().name();
        w.statusBar.setFrames("Counting the protocols…");
        new SwingWorker<ProtocolHierarchy.Node, Void>() {
            @Override
            protected ProtocolHierarchy.Node doInBackground() {
                ds.index(done -> false);
                return cache.hierarchy().snapshot();
            }

            @Override
            protected void done() {
                if (w.session.dissections() != ds) return;
                try {
                    ProtocolHierarchy.Node root = get();
                    if (lastHierarchy != null) lastHierarchy.dispose();
                    lastHierarchy = new ProtocolHierarchyWindow(w, root, name);
                    lastHierarchy.setVisible(true);
                    w.statusBar.setFrames(Texts.count(root.frames, "frame"));
                } catch (Exception e) {
                    w.showError("Protocol Hierarchy", "Could not count the protocols: " + e.getMessage());
                }
            }
        }.execute();
    }

    /** Windows of a previous input are closed when another one is opened. */
    void closeAll() {
        if (lastConversations != null) lastConversations.dispose();
        if (lastHierarchy != null) lastHierarchy.dispose();
        lastConversations = null;
        lastHierarchy = null;
    }

    StatisticsConversations lastConversations() {
        return lastConversations;
    }

    ProtocolHierarchyWindow lastHierarchy() {
        return lastHierarchy;
    }
}
