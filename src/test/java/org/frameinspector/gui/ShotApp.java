package org.frameinspector.gui;

import java.nio.file.Path;
import javax.swing.SwingUtilities;

/**
 * Opens the desktop app at a given size, at (0,0), on a file, for screenshots (docs/screenshots/, and looking at the
 * layout at 1024×700 or with {@code -Dflatlaf.uiScale=2}):
 * {@code java -cp target/classes:target/test-classes:<deps> org.frameinspector.gui.ShotApp FILE WIDTH HEIGHT [dark]
 * [FRAME] [VIEW]} (FRAME: the 1-based frame to select once loaded; VIEW: {@code expert}, {@code rules},
 * {@code filter=EXPR}, {@code columns=a,b}, {@code follow=tcp}, {@code follow=cotp}, {@code conversations} or
 * {@code hierarchy} to show that view too).
 */
public final class ShotApp {
    private ShotApp() {
    }

    public static void main(String[] args) {
        int w = Integer.parseInt(args[1]), h = Integer.parseInt(args[2]);
        boolean dark = args.length > 3 && "dark".equals(args[3]);
        int frame = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        String view = args.length > 5 ? args[5] : "";
        System.setProperty("fi.gui.prefs", "org/frameinspector/gui-shot");
        CustomColumns.set(view.startsWith("columns=") ? java.util.List.of(view.substring(8).split(",")) : java.util.List.of());
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
            if (view.equals("expert")) MainWindow.later(7000, () -> m.expert.showOnly(null));
            if (view.equals("rules")) MainWindow.later(7000, m.actions::editColouringRules);
            if (view.startsWith("filter=")) MainWindow.later(5000, () -> m.useFilter(view.substring(7), true));
            if (view.startsWith("follow=")) MainWindow.later(7000, () -> m.actions.follow.followSelected(view.endsWith("cotp")));
            if (view.equals("conversations")) MainWindow.later(7000, m.actions.statistics::showConversations);
            if (view.equals("hierarchy")) MainWindow.later(7000, m.actions.statistics::showProtocolHierarchy);
        });
    }
}
