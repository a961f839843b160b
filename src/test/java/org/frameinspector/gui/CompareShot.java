package org.frameinspector.gui;

import java.nio.file.Path;
import javax.swing.SwingUtilities;
import org.frameinspector.core.fix.FrameFixer;
import org.frameinspector.core.input.Inputs;

/**
 * Opens the Make Conformant window on the first frame of a dump (for screenshots of docs/screenshots/compare-fix.png):
 * {@code java -cp target/classes:target/test-classes:<deps> org.frameinspector.gui.CompareShot FILE [WIDTH HEIGHT]}.
 */
public final class CompareShot {
    private CompareShot() {
    }

    public static void main(String[] args) throws Exception {
        var loaded = Inputs.open(Path.of(args[0]), null);
        var fix = FrameFixer.standard().fix(loaded.frames().frame(0));
        int w = args.length > 2 ? Integer.parseInt(args[1]) : 1500, h = args.length > 2 ? Integer.parseInt(args[2]) : 900;
        SwingUtilities.invokeLater(() -> {
            Theme.setup();
            CompareWindow cw = new CompareWindow(fix, loaded.name());
            cw.setDefaultCloseOperation(javax.swing.JFrame.EXIT_ON_CLOSE);
            cw.setSize(w, h);
            cw.setLocation(0, 0);
            cw.setVisible(true);
        });
    }
}
