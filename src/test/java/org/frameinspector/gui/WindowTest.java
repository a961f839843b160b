package org.frameinspector.gui;

import static org.assertj.swing.edt.GuiActionRunner.execute;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.fixture.FrameFixture;
import org.frameinspector.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A GUI test on the app's real window (1300×850, light theme, the test preferences node), driven by a robot under
 * Xvfb; without a display it is skipped with one line (see {@link TestFiles#requireDisplay}).
 */
abstract class WindowTest {
    Robot robot;
    FrameFixture window;
    MainWindow main;

    @BeforeAll
    static void needsDisplay() {
        TestFiles.requireDisplay();
        System.setProperty("fi.gui.prefs", "org/frameinspector/gui-test");
        FailOnThreadViolationRepaintManager.install();
    }

    @BeforeEach
    void openWindow() {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        window = show(robot, MainWindow::new, 100, 100, 1300, 850);
        main = (MainWindow) window.target();
    }

    /**
     * The one way a GUI test shows the app's window: made on the EDT in the light or dark theme the test preferences
     * hold, sized and placed before it is shown (without a window manager, a window placed after show() is not where
     * the first clicks land), and handed back once it has the keyboard focus.
     */
    static FrameFixture show(Robot robot, java.util.function.Supplier<MainWindow> make, int x, int y, int w, int h) {
        MainWindow m = execute(() -> {
            Theme.setup();
            MainWindow made = make.get();
            made.setPreferredSize(new java.awt.Dimension(w, h)); // FrameFixture.show() packs the frame
            made.setSize(w, h);
            made.setLocation(x, y);
            return made;
        });
        FrameFixture f = new FrameFixture(robot, m);
        f.show();
        GuiWait.focused(m);
        return f;
    }

    @AfterEach
    void closeWindow(org.junit.jupiter.api.TestInfo test) {
        if (window != null) window.cleanUp();
        if (robot != null) robot.cleanUp();
        GuiWait.closeAll(test.getDisplayName());
    }

    /** Opens a file and waits until the in-order pass has reached every frame. */
    void openAndPass(java.nio.file.Path file) {
        execute(() -> main.openFile(file));
        GuiWait.until("the in-order pass of " + file.getFileName(), () -> main.loaded() != null
                && main.loaded().name().equals(file.getFileName().toString()) && main.inOrderDone(), 60_000);
    }
}
