package org.frameinspector.gui;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.concurrent.ExecutionException;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultHighlighter;
import javax.swing.text.Highlighter;
import javax.swing.text.JTextComponent;
import javax.swing.text.Position;
import javax.swing.text.View;
import net.miginfocom.swing.MigLayout;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Frame;

/**
 * Paste a dump: a text area, a live preview (layout, start layer, frames, bytes) re-parsed on a short debounce, a
 * "starts at" override and the parser's error marked at its line and column. The text lives in the owner's
 * {@link Draft}, so cancelling and reopening never loses it.
 */
public final class PasteDialog extends JDialog {
    /** Parses dump text; {@link Inputs#fromText} in the app, replaceable in tests. */
    @FunctionalInterface
    public interface Parser {
        Loaded parse(String name, String text, String startsAt) throws InputException;
    }

    /** Text and start-layer choice that outlive the dialog. */
    public static final class Draft {
        String text = "";
        int startIndex;
    }

    static final String[][] STARTS = {
        {"Auto-detect", null}, {"Ethernet", "eth"}, {"IEEE 802.2 LLC", "llc"}, {"IPv4", "ip"}, {"IPv6", "ipv6"},
        {"TPKT (RFC 1006)", "tpkt"}, {"COTP (X.224)", "cotp"}, {"Linux cooked (SLL)", "sll"}
    };
    static final int DEBOUNCE_MS = 250;

    private final Parser parser;
    private final Draft draft;
    private final JTextArea text = new JTextArea(18, 80);
    private final JComboBox<String> startsAt = new JComboBox<>();
    private final JLabel preview = new JLabel(" ");
    private final JLabel error = new JLabel(" ");
    private final JButton open = new JButton("Open");
    private final Timer debounce;
    private int generation;
    private Loaded parsed;
    private InputException lastError;
    private Object errorTag;
    private Loaded result;

    public PasteDialog(Window owner, Draft draft, Parser parser) {
        super(owner, "Paste hex dump", ModalityType.DOCUMENT_MODAL);
        this.parser = parser;
        this.draft = draft;
        setName("pasteDialog");
        text.setName("pasteText");
        text.setFont(Theme.monoFont());
        text.setText(draft.text);
        text.setCaretPosition(0);
        text.putClientProperty("JTextField.placeholderText", "Paste the hex dump from the ticket or article here");
        for (String[] s : STARTS) startsAt.addItem(s[0]);
        startsAt.setName("startsAt");
        startsAt.setSelectedIndex(draft.startIndex);
        preview.setName("pastePreview");
        error.setName("pasteError");
        open.setName("pasteOpen");

        debounce = new Timer(DEBOUNCE_MS, e -> reparse());
        debounce.setRepeats(false);
        text.getDocument().addDocumentListener(new DocumentListener() {
            @Override public void insertUpdate(DocumentEvent e) { changed(); }
            @Override public void removeUpdate(DocumentEvent e) { changed(); }
            @Override public void changedUpdate(DocumentEvent e) { }
        });
        startsAt.addActionListener(e -> {
            draft.startIndex = startsAt.getSelectedIndex();
            reparse();
        });

        JButton cancel = new JButton("Cancel");
        cancel.setName("pasteCancel");
        cancel.addActionListener(e -> close(null));
        open.addActionListener(e -> close(parsed));
        open.setEnabled(false);

        JComponent c = (JComponent) getContentPane();
        c.setLayout(new MigLayout("insets dialog, fill", "[][grow,fill]", "[][grow,fill][][][]"));
        JLabel hint = new JLabel("Offsets, hex and ASCII columns as in tickets and KB articles; several frames "
                + "restart at offset 0.");
        hint.putClientProperty("FlatLaf.styleClass", "small");
        c.add(hint, "span 2, wrap");
        c.add(new JScrollPane(text), "span 2, grow, wmin 20sp, hmin 8sp, wrap");
        c.add(new JLabel("Starts at:"));
        c.add(startsAt, "growx 0, wrap");
        c.add(new JLabel("Preview:"));
        c.add(preview, "growx, wmin 0, wrap");
        c.add(error, "span 2, wrap, wmin 0");
        c.add(open, "span 2, split 2, tag ok");
        c.add(cancel, "tag cancel");
        getRootPane().setDefaultButton(open);
        getRootPane().registerKeyboardAction(e -> close(null), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        text.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, KeyEvent.CTRL_DOWN_MASK), "fi-open");
        text.getActionMap().put("fi-open", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                if (open.isEnabled()) close(parsed);
            }
        });
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        pack();
        setLocationRelativeTo(owner);
        reparse();
    }

    private void changed() {
        draft.text = text.getText();
        debounce.restart();
    }

    /** What the user chose to open, or null if cancelled. */
    public Loaded result() { return result; }

    public JTextArea textArea() { return text; }

    /** The last parse error, or null. */
    public InputException lastError() { return lastError; }

    private void close(Loaded l) {
        debounce.stop();
        draft.text = text.getText();
        result = l;
        dispose();
    }

    /** Parses the current text off the EDT; only the newest request's answer is shown. */
    void reparse() {
        debounce.stop();
        final int gen = ++generation;
        final String t = text.getText();
        final String start = STARTS[Math.max(0, startsAt.getSelectedIndex())][1];
        if (t.isBlank()) {
            showResult(null, null);
            preview.setText("Nothing pasted yet");
            return;
        }
        preview.setText("Reading…");
        new SwingWorker<Loaded, Void>() {
            @Override
            protected Loaded doInBackground() throws Exception {
                try {
                    return parser.parse("pasted dump", t, start);
                } catch (IllegalArgumentException e) {
                    throw new InputException(e.getMessage(), -1, -1, -1);
                }
            }

            @Override
            protected void done() {
                if (gen != generation) return;
                try {
                    showResult(get(), null);
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    showResult(null, c instanceof InputException ie ? ie
                            : new InputException(String.valueOf(c), -1, -1, -1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void showResult(Loaded l, InputException ex) {
        parsed = l;
        lastError = ex;
        Highlighter h = text.getHighlighter();
        if (errorTag != null) h.removeHighlight(errorTag);
        errorTag = null;
        open.setEnabled(l != null && l.frames().size() > 0);
        if (l != null) {
            long bytes = 0;
            int n = l.frames().size();
            for (int i = 0; i < Math.min(n, 10_000); i++) bytes += l.frames().frame(i).capturedLength();
            String start = n > 0 ? Frame.linkTypeName(l.frames().frame(0).linkType()) : "–";
            preview.setText(String.format("%s · starts at %s · %d frame%s · %d bytes",
                    l.layout() == null ? l.format() : l.layout(), start, n, n == 1 ? "" : "s", bytes));
            error.setText(" ");
            error.setIcon(null);
        } else if (ex != null) {
            preview.setText("–");
            error.setText(ex.getMessage());
            error.setIcon(Icons.get("violation"));
            markError(ex);
        } else {
            error.setText(" ");
            error.setIcon(null);
        }
    }

    /** Highlights the error's position (the rest of the token there) with a red wavy underline. */
    private void markError(InputException ex) {
        if (ex.line() < 1) return;
        try {
            int line = Math.min(ex.line() - 1, text.getLineCount() - 1);
            int start = text.getLineStartOffset(line);
            int end = text.getLineEndOffset(line);
            int p0 = Math.min(end, start + Math.max(0, ex.column() - 1));
            String doc = text.getText();
            int p1 = p0;
            while (p1 < end && p1 < doc.length() && !Character.isWhitespace(doc.charAt(p1))) p1++;
            if (p1 == p0) p1 = Math.min(doc.length(), p0 + 1);
            if (p1 == p0 && p0 > 0) p0--;
            errorTag = text.getHighlighter().addHighlight(p0, p1, new ErrorPainter());
        } catch (BadLocationException e) {
            // the text changed under us; the next parse will mark it again
        }
    }

    /** The document range of the current error mark, or null. */
    public int[] errorMarkRange() {
        if (errorTag instanceof Highlighter.Highlight hl) return new int[] {hl.getStartOffset(), hl.getEndOffset()};
        return null;
    }

    /** Light red background with a wavy underline, like a spell checker. */
    private static final class ErrorPainter extends DefaultHighlighter.DefaultHighlightPainter {
        ErrorPainter() {
            super(null);
        }

        @Override
        public Shape paintLayer(Graphics g, int p0, int p1, Shape bounds, JTextComponent c, View view) {
            try {
                Shape s = view.modelToView(p0, Position.Bias.Forward, p1, Position.Bias.Backward, bounds);
                Rectangle r = s instanceof Rectangle rr ? rr : s.getBounds();
                Color red = Theme.color("FrameInspector.mark.violationForeground", Color.RED);
                g.setColor(Theme.color("FrameInspector.mark.violation", new Color(0xf7b8b8)));
                g.fillRect(r.x, r.y, Math.max(1, r.width), r.height);
                g.setColor(red);
                int y = r.y + r.height - 2;
                for (int x = r.x; x < r.x + Math.max(4, r.width); x += 4) {
                    g.drawLine(x, y, x + 2, y - 2);
                    g.drawLine(x + 2, y - 2, x + 4, y);
                }
                return r;
            } catch (BadLocationException e) {
                return null;
            }
        }
    }
}
