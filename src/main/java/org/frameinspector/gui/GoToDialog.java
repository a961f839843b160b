package org.frameinspector.gui;

import java.awt.Color;
import java.awt.Window;
import java.awt.event.KeyEvent;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import net.miginfocom.swing.MigLayout;

/**
 * Asks for a frame number. One Enter goes (a spinner's editor would take the first Enter to commit its text), one
 * Escape closes, also after a bad entry; a number out of range is named under the field and the dialog stays.
 */
final class GoToDialog extends JDialog {
    private final JTextField number = new JTextField(10);
    private final JLabel error = new JLabel(" ");
    private final int count;
    private int result = -1;

    GoToDialog(Window owner, int current, int count) {
        super(owner, "Go to frame", ModalityType.DOCUMENT_MODAL);
        this.count = count;
        setName("goToDialog");
        number.setName("goToNumber");
        number.setText(String.valueOf(Math.max(1, current)));
        number.selectAll();
        error.setName("goToError");
        error.setForeground(new Color(0xC62828));
        JButton ok = new JButton("Go");
        ok.setName("goToOk");
        JButton cancel = new JButton("Cancel");
        cancel.setName("goToCancel");
        ok.addActionListener(e -> go());
        number.addActionListener(e -> go());
        cancel.addActionListener(e -> dispose());
        JComponent c = (JComponent) getContentPane();
        c.setLayout(new MigLayout("insets dialog", "[][grow,fill]", "[][]unrel[]"));
        c.add(new JLabel("Frame number (1–" + Texts.count(count) + "):"));
        c.add(number, "wmin 8sp, wrap");
        c.add(error, "span 2, wmin 0, wrap");
        c.add(ok, "span 2, split 2, tag ok");
        c.add(cancel, "tag cancel");
        getRootPane().setDefaultButton(ok);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setLocationRelativeTo(owner);
    }

    private void go() {
        String t = number.getText().strip().replace(",", "").replace("_", "");
        int n;
        try {
            n = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > count) {
            error.setText(t.isEmpty() ? "Type a frame number." : "There is no frame " + number.getText().strip()
                    + "; the frames are 1–" + Texts.count(count) + ".");
            number.selectAll();
            number.requestFocusInWindow();
            return;
        }
        result = n;
        dispose();
    }

    /** 1-based frame number, or -1 if cancelled. */
    int result() { return result; }

    /** The message under the field ("There is no frame …"), blank when none. */
    String error() { return error.getText(); }
}
