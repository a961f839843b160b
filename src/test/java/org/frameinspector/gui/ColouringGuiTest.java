package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.awt.Color;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import javax.swing.JButton;
import javax.swing.JTable;
import javax.swing.text.JTextComponent;
import org.assertj.swing.core.TypeMatcher;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.frameinspector.TestFiles;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.model.Dissection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Colouring rules: the defaults colour the rows of a real capture as their filters say (first match wins), a rule
 * added in the dialog like a user does is used and kept in the preferences, a rule of the user's on an unknown field
 * is refused, and View → Colourize Frame List turns the colours off.
 */
class ColouringGuiTest extends WindowTest {
    @BeforeEach
    @AfterEach
    void defaults() {
        AppPrefs.node().remove("colouring.rules");
        AppPrefs.node().remove("colouring.on");
        Colouring.reset();
    }

    /** The first enabled default rule whose filter matches, or -1 (what the list should show). */
    private static int expected(Dissection d) {
        for (Colouring.Rule r : Colouring.rules()) {
            if (!r.enabled() || Colouring.problem(r) != null) continue;
            try {
                if (DisplayFilter.compile(r.filter()).matches(d)) return r.rgb();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return -1;
    }

    private Color background(int row) {
        return execute(() -> main.frameTable().prepareRenderer(main.frameTable().getCellRenderer(row, 2), row, 2)
                .getBackground());
    }

    @Test
    void defaultsColourTheRowsAndTheDialogEditsThem() {
        // every default compiles here, except the TCP analysis one until the stream layer emits those fields
        for (Colouring.Rule r : Colouring.DEFAULTS) {
            if (r.filter().contains("tcp.analysis")) continue;
            assertThat(Colouring.problem(r)).as(r.name()).isNull();
        }
        Path cap = TestFiles.captures().resolve("s7_wincc_s300_setup-alarm-read-write.pcapng");
        openAndPass(cap);
        int rows = 12;
        execute(() -> main.frameTable().clearSelection());
        GuiWait.until("the first rows summarized", () -> {
            for (int r = 0; r < rows; r++) {
                main.frameTable().getValueAt(r, FrameTableModel.INFO); // asks for the row, as a paint does
                if (main.frameModel().colourAt(r) == -1 && expectedAt(r) != -1) return false;
            }
            return true;
        }, 20_000);
        boolean s7 = false;
        for (int r = 0; r < rows; r++) {
            int want = expectedAt(r), row = r;
            assertThat(execute(() -> main.frameModel().colourAt(row))).as("row %d", r).isEqualTo(want);
            Color bg = background(r);
            if (want >= 0) assertThat(bg).isEqualTo(Colouring.background(want, main.frameTable().getBackground()));
            s7 |= want == 0xDDF2D2;
        }
        assertThat(s7).as("an S7comm row among the first").isTrue();

        // View → Colouring Rules…: a new rule at the top, "s7comm", is used and kept
        window.menuItemWithPath("View", "Colouring Rules…").click();
        DialogFixture d = GuiWait.ready(WindowFinder.findDialog("colouringDialog").using(robot));
        d.table("colouringTable").selectRows(0);
        JTable rules = d.table("colouringTable").target();
        int before = execute(rules::getRowCount);
        GuiWait.clickUntil(d.button("colouringNew"), "a new rule", () -> rules.getRowCount() == before + 1);
        typeFilter(d, "tcp.bogus == 1");
        GuiWait.clickUntil(d.button("colouringOk"), "the refusal shown", () -> java.util.Arrays.stream(
                java.awt.Window.getWindows()).anyMatch(w -> w.isShowing() && w != d.target() && w != main
                        && w instanceof javax.swing.JDialog));
        // an unknown field in the user's rule: refused with the reason
        JOptionPaneFixture refused = JOptionPaneFinder.findOptionPane().using(robot).requireMessage(
                java.util.regex.Pattern.compile(".*tcp\\.bogus.*", java.util.regex.Pattern.DOTALL));
        // dismissed with Enter on its OK button, as users do (a robot's click on a box just shown can be lost
        // under Xvfb, and then the box stays up and holds the dialog)
        JButton okRefused = refused.okButton().target();
        GuiWait.until("the message's OK button focused", okRefused::isFocusOwner, 10_000);
        robot.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        GuiWait.until("the message gone", () -> !refused.target().isShowing(), 10_000);
        d.requireVisible();
        // the refused rule's filter is open for editing again, its text selected: typing replaces it
        typeFilter(d, "s7comm");
        GuiWait.clickClosing(d.button("colouringOk"));
        assertThat(Colouring.rules().get(0).filter()).isEqualTo("s7comm");
        assertThat(AppPrefs.node().get("colouring.rules", "")).startsWith("1|New rule|#fff0a0|s7comm\n");
        GuiWait.until("the rows coloured again", () -> {
            main.frameTable().getValueAt(firstS7(rows), FrameTableModel.INFO);
            return main.frameModel().colourAt(firstS7(rows)) == 0xFFF0A0;
        }, 20_000);
        GuiWait.until("no row left with the S7comm default", () -> {
            for (int r = 0; r < rows; r++) {
                main.frameTable().getValueAt(r, FrameTableModel.INFO);
                if (main.frameModel().colourAt(r) == 0xDDF2D2 || main.frameModel().colourAt(r) == -1 && expectedAt(r) != -1) {
                    return false;
                }
            }
            return true;
        }, 20_000);

        // View → Colourize Frame List off: the table's own background
        window.menuItemWithPath("View", "Colourize Frame List").click();
        int r = execute(() -> firstS7(rows));
        assertThat(background(r)).isNotEqualTo(Colouring.background(0xFFF0A0, main.frameTable().getBackground()));
        assertThat(AppPrefs.node().getBoolean("colouring.on", true)).isFalse();
        window.menuItemWithPath("View", "Colourize Frame List").click();
        assertThat(background(r)).isEqualTo(Colouring.background(0xFFF0A0, main.frameTable().getBackground()));
    }

    /**
     * Types a filter into the first rule as a user does after New (or after OK refused it): the dialog opens the
     * filter cell's editor with its text selected and the keyboard in it; the text is typed and Enter keeps it.
     */
    private void typeFilter(DialogFixture d, String text) {
        JTable t = d.table("colouringTable").target();
        try {
            GuiWait.until("the first rule's filter open for editing, with the keyboard in it", () -> t.isEditing()
                    && t.getEditingRow() == 0 && t.getEditingColumn() == ColouringDialog.FILTER
                    && t.getEditorComponent() != null && t.getEditorComponent().isFocusOwner()
                    && t.getEditorComponent() instanceof JTextComponent e && e.getSelectedText() != null
                    && e.getSelectedText().equals(e.getText()), 10_000);
        } catch (org.assertj.swing.exception.WaitTimedOutError e) {
            throw new AssertionError(e.getMessage() + "; found: " + execute(() -> "editing " + t.isEditing() + " at "
                    + t.getEditingRow() + "," + t.getEditingColumn() + ", editor "
                    + (t.getEditorComponent() instanceof JTextComponent x ? "text \"" + x.getText() + "\" selected \""
                            + x.getSelectedText() + "\"" : String.valueOf(t.getEditorComponent()))
                    + ", focus owner " + name(java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner())
                    + ", focused window " + name(java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager()
                            .getFocusedWindow()) + ", windows " + windows()), e);
        }
        robot.enterText(text);
        robot.pressAndReleaseKeys(KeyEvent.VK_ENTER);
        GuiWait.until("the filter kept", () -> !t.isEditing()
                && text.equals(t.getValueAt(0, ColouringDialog.FILTER)), 10_000);
    }

    /** Every showing window, with the message of any option pane in it. */
    private String windows() {
        StringBuilder b = new StringBuilder();
        for (java.awt.Window w : java.awt.Window.getWindows()) {
            if (!w.isShowing()) continue;
            b.append(name(w)).append(w instanceof java.awt.Dialog g ? " \"" + g.getTitle() + "\"" : "");
            for (java.awt.Component p : robot.finder().findAll(w, new TypeMatcher(javax.swing.JOptionPane.class))) {
                b.append(" message: ").append(((javax.swing.JOptionPane) p).getMessage());
            }
            b.append("; ");
        }
        return b.toString();
    }

    private static String name(java.awt.Component c) {
        return c == null ? "none" : c.getClass().getSimpleName() + "[" + c.getName() + "]";
    }

    private int expectedAt(int row) {
        return expected(main.dissections().dissect(main.frameModel().frameIndex(row)));
    }

    private int firstS7(int rows) {
        for (int r = 0; r < rows; r++) {
            Dissection d = main.dissections().dissect(main.frameModel().frameIndex(r));
            if (d.layers().stream().anyMatch(l -> l.protocol().equals("s7comm"))) return r;
        }
        return -1;
    }
}
