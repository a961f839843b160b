package org.frameinspector.gui;

import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.util.function.BooleanSupplier;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;

/**
 * Waiting in GUI tests: a condition checked on the EDT until it holds (or the test fails naming it), and a shown
 * window's keyboard focus, which every test that types needs first.
 */
final class GuiWait {
    private GuiWait() {
    }

    static void until(String what, BooleanSupplier c, int timeoutMs) {
        Pause.pause(new Condition(what) {
            @Override
            public boolean test() {
                return execute(c::getAsBoolean);
            }
        }, Timeout.timeout(timeoutMs));
    }

    /**
     * Waits until a window has the keyboard focus, as it has on a desktop once it is shown. Under Xvfb there is no
     * window manager to hand it over, so a window that did not get it is asked for it, as the app does itself after a
     * message box; a test that goes on without it fails later on some key press far from the cause.
     */
    static void focused(java.awt.Window w) {
        try {
            until(w.getName() + " focused", w::isFocused, 3_000);
        } catch (org.assertj.swing.exception.WaitTimedOutError e) {
            execute(() -> {
                w.toFront();
                w.requestFocus();
            });
            until(w.getName() + " focused (asked for it)", w::isFocused, 10_000);
        }
        placed(w);
    }

    /**
     * Moves a shown window by one pixel and back, so that the X server has it where Java says it is. In CI-like cold
     * runs here Java sometimes reported a dialog at (0, 0) that the test had placed at (120, 120) before showing it,
     * and three robot clicks in a row on its Open button, aimed by Java's bounds, were lost (logged by
     * {@link #clickUntil}); with no window manager nobody else moves windows, and a window moved by Java is where
     * Java says. The move is the same request to X as a user's drag; the window's content is untouched.
     */
    static void placed(java.awt.Window w) {
        java.awt.Point at = execute(() -> w.getLocation());
        execute(() -> {
            w.setLocation(at.x + 1, at.y);
            w.setLocation(at.x, at.y);
        });
        until(w.getName() + " back at " + at.x + "," + at.y, () -> w.getLocation().equals(at), 3_000);
    }

    /**
     * Ends a test: disposes every window still displayable, again and again until none has turned up for a second
     * (disposing a modal box lets the test's code behind it go on, and that code may show the next one), at most 10 s.
     * A test that fails half-way leaves its dialogs up, and a modal one holds the input and focus of every later
     * window: one lost click at CI (stop 25) became 44 failures. What was still showing is printed in one line, so the
     * first failure's log says what it left.
     */
    static void closeAll(String after) {
        java.util.List<String> left = new java.util.ArrayList<>();
        long end = System.nanoTime() + 10_000_000_000L;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < end) {
            java.util.List<String> shown = execute(() -> {
                java.util.List<String> s = new java.util.ArrayList<>();
                java.awt.Window[] all = java.awt.Window.getWindows();
                for (java.awt.Window w : all) {
                    if (w.isVisible()) s.add(describe(w)); // before any dispose: an owner's takes its dialogs along
                }
                for (java.awt.Window w : all) {
                    if (w.isDisplayable()) w.dispose();
                }
                return s;
            });
            if (!shown.isEmpty()) {
                left.addAll(shown);
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 1_000_000_000L) {
                break;
            }
            Pause.pause(50);
        }
        if (!left.isEmpty()) System.err.println(after + ": windows left open, closed: " + left);
    }

    private static String describe(java.awt.Window w) {
        String title = w instanceof java.awt.Dialog d ? d.getTitle() : w instanceof java.awt.Frame f ? f.getTitle() : "";
        return w.getClass().getSimpleName() + (w.getName() == null ? "" : " " + w.getName()) + " '" + title + "'";
    }

    /**
     * A dialog a test found, once it has the keyboard focus (then X has mapped it) and X has it where Java says
     * ({@link #placed}): the robot's clicks, aimed by Java's bounds, land in it. A click on a dialog not yet mapped, or
     * mapped elsewhere, goes to the window under it and is lost (the lost clicks of STACK.md).
     */
    static <F extends org.assertj.swing.fixture.AbstractWindowFixture<?, ?, ?>> F ready(F dialog) {
        focused(dialog.target());
        return dialog;
    }

    /** The same for a file chooser: its dialog has the focus. */
    static org.assertj.swing.fixture.JFileChooserFixture ready(org.assertj.swing.fixture.JFileChooserFixture chooser) {
        focused(execute(() -> javax.swing.SwingUtilities.getWindowAncestor(chooser.target())));
        return chooser;
    }

    /**
     * Clicks a button that closes its window (OK, Open, Cancel, an answer to a question) and waits until the window is
     * gone; see {@link #clickUntil}.
     */
    static void clickClosing(org.assertj.swing.fixture.JButtonFixture button) {
        java.awt.Window w = execute(() -> javax.swing.SwingUtilities.getWindowAncestor(button.target()));
        clickUntil(button, "its window closed", () -> !w.isShowing());
    }

    /**
     * Clicks a button whose effect the test can see, and waits for it. Under Xvfb without a window manager a click
     * sometimes lands where the X server still has the window, not where Java placed it, and is lost (CI lost the
     * Save Notes refusal's OK this way, and a cold-started CI-like run here the paste dialog's Open). When the effect
     * has not come 3 s after the click, the click is repeated, twice; then the button is pressed from Swing, which is
     * what the click does, with a line in the log that says where button, pointer, window and owner were. For buttons
     * a second press does no harm to (it only comes when the first did nothing). What a test checks is the app's
     * answer to the button, which then never waits behind a window that stayed open.
     */
    static void clickUntil(org.assertj.swing.fixture.JButtonFixture button, String effect, BooleanSupplier done) {
        javax.swing.JButton b = button.target();
        java.awt.Window w = execute(() -> javax.swing.SwingUtilities.getWindowAncestor(b));
        String what = "'" + b.getText() + "': " + effect;
        for (int i = 0; i < 3 && !execute(done::getAsBoolean); i++) {
            try {
                button.click();
            } catch (RuntimeException e) {
                if (execute(done::getAsBoolean)) break; // done between the check and the click
                throw e;
            }
            try {
                until(what, done, 3_000);
            } catch (org.assertj.swing.exception.WaitTimedOutError e) {
                System.err.println("click " + (i + 1) + " on " + what + " not seen: button on screen at "
                        + execute(() -> b.isShowing() ? b.getLocationOnScreen() : null) + ", pointer at "
                        + execute(() -> java.awt.MouseInfo.getPointerInfo().getLocation()) + ", window at "
                        + execute(() -> w.getBounds()) + (w.getOwner() == null ? "" : ", its owner at "
                        + execute(() -> w.getOwner().getBounds())));
            }
        }
        if (!execute(done::getAsBoolean)) {
            System.err.println("'" + b.getText() + "' pressed from Swing after 3 lost clicks");
            javax.swing.SwingUtilities.invokeLater(b::doClick);
        }
        until(what, done, 10_000);
    }
}
