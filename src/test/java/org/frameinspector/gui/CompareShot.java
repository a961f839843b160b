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
        if (args[0].equals("--main")) {
            mainWindow(Path.of(args[1]));
            return;
        }
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

    /** The main window on a file, with a note on tpkt.reserved and one on two bytes, for a look at how notes show. */
    static void mainWindow(Path file) {
        SwingUtilities.invokeLater(() -> {
            Theme.setup();
            MainWindow w = new MainWindow();
            w.setDefaultCloseOperation(javax.swing.JFrame.EXIT_ON_CLOSE);
            w.setSize(1560, 960);
            w.setLocation(0, 0);
            w.setVisible(true);
            w.openFile(file);
            new javax.swing.Timer(3000, e -> {
                var d = w.currentDissection();
                if (d == null || !w.notes().isEmpty()) return;
                var f = d.fields("tpkt.reserved").get(0);
                w.notes().add(org.frameinspector.core.notes.Note.onField(d, f, "Exchange sets 0x11 here; strict MTAs hang up"));
                w.notes().add(org.frameinspector.core.notes.Note.onBytes(d.frame().number(), 0x40, 2, "called TSAP starts here"));
                w.fieldTree().selectField(f);
                w.lowerTabs().setSelectedIndex(1);
            }).start();
        });
    }
}
