package org.frameinspector.gui;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code -Dfi.gui.trace=true}: timing lines printed by a background thread, so tracing does not add its own
 * printing (slow under a test runner that captures output) to the EDT events it measures.
 */
final class GuiTrace {
    static final boolean ON = Boolean.getBoolean("fi.gui.trace");
    private static final LinkedBlockingQueue<String> LINES = new LinkedBlockingQueue<>();

    static {
        if (ON) {
            Thread t = new Thread(() -> {
                try {
                    while (true) System.err.println(LINES.take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "fi-gui-trace");
            t.setDaemon(true);
            t.start();
        }
    }

    private GuiTrace() {
    }

    /** Queues "fi.gui.trace WHAT N ms" (time since t0). */
    static void since(String what, long t0) {
        if (ON) line(what + " " + (System.nanoTime() - t0) / 100_000 / 10.0 + " ms");
    }

    /** Queues one line, prefixed with "fi.gui.trace ". */
    static void line(String text) {
        if (ON) LINES.add("fi.gui.trace " + text);
    }
}
