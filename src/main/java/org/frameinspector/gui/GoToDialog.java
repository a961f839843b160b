package org.frameinspector.gui;

import java.awt.Window;
import java.awt.event.KeyEvent;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.KeyStroke;
import javax.swing.SpinnerNumberModel;
import net.miginfocom.swing.MigLayout;

/** Asks for a frame number. */
final class GoToDialog extends JDialog {
    private final JSpinner number;
    private int result = -1;

    GoToDialog(Window owner, int current, int count) {
        super(owner, "Go to frame", ModalityType.DOCUMENT_MODAL);
        setName("goToDialog");
        number = new JSpinner(new SpinnerNumberModel(Math.max(1, current), 1, Math.max(1, count), 1));
        number.setName("goToNumber");
        JButton ok = new JButton("Go");
        JButton cancel = new JButton("Cancel");
        ok.addActionListener(e -> {
            result = (Integer) number.getValue();
            dispose();
        });
        cancel.addActionListener(e -> dispose());
        JComponent c = (JComponent) getContentPane();
        c.setLayout(new MigLayout("insets dialog", "[][grow,fill]", "[]unrel[]"));
        c.add(new JLabel("Frame number (1–" + count + "):"));
        c.add(number, "wmin 8sp, wrap");
        c.add(ok, "span 2, split 2, tag ok");
        c.add(cancel, "tag cancel");
        getRootPane().setDefaultButton(ok);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setLocationRelativeTo(owner);
    }

    /** 1-based frame number, or -1 if cancelled. */
    int result() { return result; }
}
