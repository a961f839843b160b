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
    }
}
