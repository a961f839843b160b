package org.frameinspector.gui;

import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.swing.SwingUtilities;

/** Starts the desktop app. */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    /**
     * Opens one window per file (an empty one without files) on the EDT and blocks until every window is closed,
     * then returns 0 — so the CLI's {@code System.exit(rc)} only runs after the user is done. Returns 2 without a
     * display. Called on the EDT it does not block.
     */
    public static int launch(List<String> files) {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("frame-inspector: no display for the desktop app; use 'frame-inspector check FILE' "
                    + "or 'frame-inspector dissect FILE' on a terminal");
            return 2;
        }
        List<String> todo = files == null || files.isEmpty() ? List.of("") : files;
        CountDownLatch closed = new CountDownLatch(todo.size());
        Runnable start = () -> {
            Theme.setup();
            List<MainWindow> windows = new ArrayList<>();
            for (String f : todo) {
                MainWindow w = new MainWindow();
                w.addWindowListener(new WindowAdapter() {
                    @Override
                    public void windowClosed(WindowEvent e) {
                        closed.countDown();
                    }
                });
                if (!windows.isEmpty()) {
                    java.awt.Point p = windows.get(windows.size() - 1).getLocation();
                    w.setLocation(p.x + 30, p.y + 30);
                }
                windows.add(w);
                w.setVisible(true);
                if (!f.isEmpty()) w.openFile(Path.of(f));
            }
        };
        if (SwingUtilities.isEventDispatchThread()) {
            start.run();
            return 0;
        }
        try {
            SwingUtilities.invokeAndWait(start);
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            System.err.println("frame-inspector: the desktop app failed to start: " + e.getCause());
            return 2;
        }
        return 0;
    }
}
