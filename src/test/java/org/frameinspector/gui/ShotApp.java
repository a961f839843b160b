package org.frameinspector.gui;

import java.nio.file.Path;
import javax.swing.SwingUtilities;

/**
 * Opens the desktop app at a given size, at (0,0), on a file, for screenshots (docs/screenshots/, and looking at the
 * layout at 1024×700 or with {@code -Dflatlaf.uiScale=2}):
 * {@code java -cp target/classes:target/test-classes:<deps> org.frameinspector.gui.ShotApp FILE WIDTH HEIGHT [dark]
 * [FRAME]} (FRAME: the 1-based frame to select once loaded).
 */
public final class ShotApp {
    private ShotApp() {
    }

    public static void main(String[] args) {
        int w = Integer.parseInt(args[1]), h = Integer.parseInt(args[2]);
        boolean dark = args.length > 3 && "dark".equals(args[3]);
        int frame = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        System.setProperty("fi.gui.prefs", "org/frameinspector/gui-shot");
        SwingUtilities.invokeLater(() -> {
            AppPrefs.setDarkTheme(dark);
            Theme.setup();
            MainWindow m = new MainWindow();
            m.setDefaultCloseOperation(javax.swing.JFrame.EXIT_ON_CLOSE);
            m.setSize(w, h);
            m.setLocation(0, 0);
            m.setVisible(true);
            m.openFile(Path.of(args[0]));
            if (frame > 1) MainWindow.later(6000, () -> m.goToFrameNumber(frame));
        });
    }
}
