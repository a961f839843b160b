package org.frameinspector.gui;

import java.nio.file.Path;
import javax.swing.SwingUtilities;

/**
 * Starts the main window with {@link FakeDissection} standing in for the core dissectors, to look at and
 * screenshot the GUI before the real TPKT/COTP dissectors are merged. Run from the test classpath:
 * {@code java -cp target/classes:target/test-classes:<deps> org.frameinspector.gui.DemoApp FILE [dark]}.
 */
public final class DemoApp {
    private DemoApp() {
    }

    public static void main(String[] args) {
        SwingUtilities.invokeLater(() -> {
            if (args.length > 1) AppPrefs.setDarkTheme("dark".equals(args[1]));
            Theme.setup();
            MainWindow w = new MainWindow(LoneFrameDissections.of(FakeDissection.dissector()), org.frameinspector.core.input.Inputs::fromText);
            w.setDefaultCloseOperation(javax.swing.JFrame.EXIT_ON_CLOSE);
            w.setVisible(true);
            if (args.length > 0) w.openFile(Path.of(args[0]));
        });
    }
}
