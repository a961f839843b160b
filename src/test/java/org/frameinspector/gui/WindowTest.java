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
        main = execute(() -> {
            Theme.setup();
            MainWindow w = new MainWindow();
            w.setPreferredSize(new java.awt.Dimension(1300, 850)); // FrameFixture.show() packs the frame
            w.setSize(1300, 850);
            w.setLocation(100, 100); // place before show(), or the first clicks land elsewhere
            return w;
        });
        window = new FrameFixture(robot, main);
        window.show();
        GuiWait.focused(main);
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
