package org.frameinspector.gui;

import java.awt.Component;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;

/** Asks for the text of a note: what it is attached to, a text area, OK (Ctrl+Enter) and Cancel (Escape). */
final class NoteDialog extends JDialog {
    private final JTextArea text = new JTextArea(6, 48);
    private String result;

    private NoteDialog(Window owner, String title, String where, String initial) {
        super(owner, title, ModalityType.APPLICATION_MODAL);
        setName("noteDialog");
        JPanel p = new JPanel(new MigLayout("insets dialog, gap 6 6", "[grow,fill]", "[][grow,fill][]"));
        JLabel w = new JLabel(where);
        w.setName("noteWhere");
        p.add(w, "wmin 0, wrap");
        text.setName("noteText");
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setText(initial == null ? "" : initial);
        p.add(new JScrollPane(text), "wrap");
        JButton ok = new JButton("OK");
        ok.setName("noteOk");
        ok.addActionListener(e -> {
            result = text.getText().strip();
            dispose();
        });
        JButton cancel = new JButton("Cancel");
        cancel.setName("noteCancel");
        cancel.addActionListener(e -> dispose());
        p.add(ok, "split 2, tag ok, growx 0");
        p.add(cancel, "tag cancel, growx 0");
        setContentPane(p);
        JComponent root = getRootPane();
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "fi-close");
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, KeyEvent.CTRL_DOWN_MASK), "fi-ok");
        root.getActionMap().put("fi-close", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                dispose();
            }
        });
        root.getActionMap().put("fi-ok", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                ok.doClick();
            }
        });
        pack();
        setLocationRelativeTo(owner);
    }

    /** The note's text, or null when cancelled or left empty. */
    static String ask(Component parent, String title, String where, String initial) {
        Window owner = parent instanceof Window win ? win : SwingUtilities.getWindowAncestor(parent);
        NoteDialog d = new NoteDialog(owner, title, where, initial);
        d.setVisible(true);
        return d.result == null || d.result.isEmpty() ? null : d.result;
    }
}
