package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.util.Arrays;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * The clean-up between GUI tests: a test that stops with a modal box up, and code behind the box that opens a file
 * chooser once the box is gone (as Save Notes does after refusing a file), must not leave a window that holds the
 * next test's focus; at CI one such test became 44 failures "mainWindow focused".
 */
class GuiWaitTest extends WindowTest {
    @Test
    void aModalBoxAndTheChooserBehindItAreClosedAndTheNextWindowGetsTheFocus() {
        SwingUtilities.invokeLater(() -> {
            JOptionPane.showMessageDialog(main, "left open by a failing test");
            new JFileChooser().showSaveDialog(main);
        });
        GuiWait.until("the box up", () -> Arrays.stream(java.awt.Window.getWindows())
                .anyMatch(w -> w instanceof javax.swing.JDialog && w.isShowing()), 10_000);
        window.cleanUp(); // what a test's end does: the box goes with its owner, and the chooser comes up next
        GuiWait.closeAll("GuiWaitTest");
        assertThat(execute(() -> Arrays.stream(java.awt.Window.getWindows()).filter(java.awt.Window::isDisplayable)
                .map(java.awt.Window::getName).toList())).as("windows still displayable").isEmpty();

        window = show(robot, MainWindow::new, 100, 100, 800, 600); // waits for its focus
    }
}
