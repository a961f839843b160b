package org.frameinspector.gui;

import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.util.function.BooleanSupplier;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;

/** Waiting in GUI tests: a condition checked on the EDT until it holds (or the test fails naming it). */
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
}
