package org.frameinspector.gui;

import com.formdev.flatlaf.util.UIScale;
import java.awt.Point;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import org.frameinspector.core.fix.FixResult;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;

/** Frame → Compare Selected Frames, Compare With…, Make Conformant: each opens a {@link CompareWindow}. */
final class ComparePart {
    private final MainWindow window;
    private final FrameListPart list;
    private final FieldTreePart frame;
    private CompareWindow last;

    ComparePart(MainWindow window, FrameListPart list, FieldTreePart frame) {
        this.window = window;
        this.list = list;
        this.frame = frame;
    }

    private String inputName() {
        Loaded l = window.loaded();
        return l == null ? "" : l.name() + " ";
    }

    /** The two selected rows, lower frame as A. */
    CompareWindow compareSelected() {
        int[] rows = list.table.getSelectedRows();
        if (rows.length != 2 || list.model.dissections() == null) {
            window.showError("Compare", "Select two frames in the list (Ctrl+click the second one).");
            return null;
        }
        Dissection da = list.model.dissection(rows[0]), db = list.model.dissection(rows[1]);
        return open(new CompareWindow(da, "A: " + inputName() + "frame " + da.frame().number(), db,
                "B: " + inputName() + "frame " + db.frame().number()));
    }

    /** The shown frame against a frame of another file or a pasted dump (asks which). */
    void compareWith() {
        Dissection current = frame.current();
        if (current == null) {
            window.showError("Compare", "Select a frame first.");
            return;
        }
        Object[] options = {"A File…", "A Pasted Dump…", "Cancel"};
        int r = JOptionPane.showOptionDialog(window, "Compare frame " + current.frame().number()
                + " with a frame of:", "Compare With", JOptionPane.DEFAULT_OPTION, JOptionPane.QUESTION_MESSAGE, null,
                options, options[0]);
        Loaded other = null;
        if (r == 0) {
            JFileChooser fc = new JFileChooser();
            if (window.inputFile() != null) {
                fc.setCurrentDirectory(window.inputFile().toAbsolutePath().getParent().toFile());
            }
            if (fc.showOpenDialog(window) != JFileChooser.APPROVE_OPTION) return;
            try {
                other = Inputs.open(fc.getSelectedFile().toPath(), null);
            } catch (Exception e) {
                window.showError("Cannot open " + fc.getSelectedFile().getName(), e.getMessage());
                return;
            }
        } else if (r == 1) {
            PasteDialog d = new PasteDialog(window, new PasteDialog.Draft(), window.parser());
            d.setVisible(true);
            other = d.result();
        }
        if (other == null) return;
        int n = other.frames().size();
        int index = 0;
        if (n == 0) {
            window.showError("Compare", other.name() + " holds no frame.");
            return;
        }
        if (n > 1) {
            String s = JOptionPane.showInputDialog(window, other.name() + " has " + Texts.count(n, "frame")
                    + ". Which one (1–" + n + ")?", "1");
            if (s == null) return;
            try {
                index = Integer.parseInt(s.strip()) - 1;
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (index < 0 || index >= n) {
                window.showError("Compare", "There is no frame " + s.strip() + ".");
                return;
            }
        }
        compareWith(other, index);
    }

    /** Compares the shown frame (A) with frame {@code index} of another input (B). */
    CompareWindow compareWith(Loaded other, int index) {
        Dissection current = frame.current();
        if (current == null) return null;
        Dissection db = list.model.dissections().dissectOther(other.frames().frame(index));
        return open(new CompareWindow(current, "A: " + inputName() + "frame " + current.frame().number(), db,
                "B: " + other.name() + " frame " + db.frame().number()));
    }

    /** A corrected copy of the shown frame, as a diff against the original. */
    CompareWindow makeConformant() {
        Dissection current = frame.current();
        if (current == null) {
            window.showError("Make Conformant", "Select a frame first.");
            return null;
        }
        FixResult r = list.model.dissections().fix(current.frame());
        if (!r.changed()) {
            JOptionPane.showMessageDialog(window, "Nothing to change: frame " + current.frame().number()
                    + " has no finding Frame Inspector knows how to correct."
                    + (r.notFixed().isEmpty() ? "" : "\n\nNot fixed:\n" + String.join("\n", r.notFixed())),
                    "Make Conformant", JOptionPane.INFORMATION_MESSAGE);
            return null;
        }
        Loaded l = window.loaded();
        return open(new CompareWindow(r, l == null ? null : l.name()));
    }

    private CompareWindow open(CompareWindow w) {
        last = w;
        if (window.isShowing()) {
            Point p = window.getLocation();
            w.setLocation(p.x + UIScale.scale(30), p.y + UIScale.scale(30));
        }
        w.setVisible(true);
        return w;
    }

    /** The compare window opened last (for tests). */
    CompareWindow last() { return last; }
}
