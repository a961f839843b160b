package org.frameinspector.gui;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.Color;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import net.miginfocom.swing.MigLayout;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.filter.FilterSyntaxException;

/**
 * The display filter bar above the frame list (Wireshark syntax). The field turns green or red on every keystroke
 * ({@link DisplayFilter#validate}); while it is red, the error and its column are written beside it (in place of the
 * "Displayed" count) and marked in the text; Enter applies, Esc clears.
 */
final class FilterBar extends JPanel {
    enum State { EMPTY, VALID, INVALID }

    private final JTextField text = new JTextField();
    private final JLabel shown = new JLabel(" ");
    private final Consumer<String> apply;
    private State state = State.EMPTY;
    private FilterSyntaxException error;
    private Object errorMark;
    private String shownText = " ";

    FilterBar(Consumer<String> apply) {
        super(new MigLayout("insets 3 6 3 6, gap 6", "[][grow,fill][][][]", "[center]"));
        this.apply = apply;
        setName("filterBar");
        text.setName("filterText");
        text.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT,
                "Apply a display filter … e.g. tpkt.reserved != 0 or cotp.type == 0x0d (Ctrl+/)");
        text.putClientProperty(FlatClientProperties.TEXT_FIELD_SHOW_CLEAR_BUTTON, true);
        text.putClientProperty(FlatClientProperties.TEXT_FIELD_CLEAR_CALLBACK, (Runnable) () -> {
            text.setText("");
            fire();
        });
        text.setFont(Theme.monoFont().deriveFont(text.getFont().getSize2D()));
        text.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) { check(); }

            @Override
            public void removeUpdate(DocumentEvent e) { check(); }

            @Override
            public void changedUpdate(DocumentEvent e) { check(); }
        });
        text.addActionListener(e -> fire());
        text.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "fi-clear-filter");
        text.getActionMap().put("fi-clear-filter", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                text.setText("");
                fire();
            }
        });
        JButton go = new JButton("Apply");
        go.setName("applyFilter");
        go.setToolTipText("Apply the filter (Enter)");
        go.addActionListener(e -> fire());
        shown.setName("filterShown");
        add(new JLabel("Filter:"));
        add(text, "wmin 20sp");
        add(go);
        add(shown, "wmin 0");
        setBorder(BorderFactory.createMatteBorder(0, 0, 1, 0, Theme.color("Component.borderColor", Color.GRAY)));
        check();
    }

    JTextField field() { return text; }
    State state() { return state; }
    FilterSyntaxException error() { return error; }

    /** "Displayed: 3 of 1,000" next to the field (shown while the filter text is not in error). */
    void setShown(String s) {
        shownText = s == null || s.isEmpty() ? " " : s;
        if (state != State.INVALID) showCount();
    }

    /** The text beside the field: the count, or the error while the filter is red. */
    String shownText() { return shown.getText(); }

    private void showCount() {
        shown.setText(shownText);
        shown.setToolTipText(null);
        shown.setIcon(null);
        shown.setForeground(null);
    }

    void focus() {
        text.requestFocusInWindow();
        text.selectAll();
    }

    private void fire() {
        if (state == State.INVALID) {
            java.awt.Toolkit.getDefaultToolkit().beep();
            return;
        }
        apply.accept(text.getText().strip());
    }

    private void check() {
        String t = text.getText();
        if (t.isBlank()) {
            state = State.EMPTY;
            error = null;
        } else {
            error = DisplayFilter.validate(t);
            state = error == null ? State.VALID : State.INVALID;
        }
        paintState();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (text != null) paintState();
    }

    private void paintState() {
        boolean dark = Theme.isDark();
        if (errorMark != null) {
            text.getHighlighter().removeHighlight(errorMark);
            errorMark = null;
        }
        switch (state) {
            case EMPTY -> {
                showCount();
                text.putClientProperty(FlatClientProperties.OUTLINE, null);
                text.setBackground(null);
                text.setToolTipText("Display filter in Wireshark syntax; Enter applies it");
            }
            case VALID -> {
                showCount();
                Color ok = dark ? new Color(0x4CAF50) : new Color(0x2E8B3A);
                text.putClientProperty(FlatClientProperties.OUTLINE, new Color[] {ok, ok});
                text.setBackground(dark ? new Color(0x1F3A24) : new Color(0xE4F6E4));
                text.setToolTipText("Valid filter; press Enter to apply");
            }
            case INVALID -> {
                text.putClientProperty(FlatClientProperties.OUTLINE, FlatClientProperties.OUTLINE_ERROR);
                text.setBackground(dark ? new Color(0x4A2222) : new Color(0xFDE2E2));
                text.setToolTipText("<html>" + esc(error.getMessage()) + "</html>");
                shown.setText(error.getMessage());
                shown.setToolTipText(error.getMessage());
                shown.setIcon(Icons.get("violation"));
                shown.setForeground(dark ? new Color(0xFF8A80) : new Color(0xC62828));
                try {
                    int from = Math.min(error.column(), text.getText().length());
                    int to = Math.min(text.getText().length(), from + Math.max(1, error.length()));
                    if (to > from) {
                        errorMark = text.getHighlighter().addHighlight(from, to,
                                new javax.swing.text.DefaultHighlighter.DefaultHighlightPainter(
                                        dark ? new Color(0x8B3A3A) : new Color(0xF4A6A6)));
                    }
                } catch (javax.swing.text.BadLocationException ignored) {
                    // the text changed under us; the next keystroke marks it again
                }
            }
        }
        text.repaint();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
