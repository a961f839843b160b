package org.frameinspector.gui;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.datatransfer.DataFlavor;
import java.awt.geom.Rectangle2D;
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
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
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
import org.frameinspector.core.input.hexdump.HexDump;
import org.frameinspector.core.input.hexdump.HexDumpParser;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.protocols.Protocols;

/**
 * Paste a dump and see what was understood, live: the detected layout and start layer, the frames with their lengths,
 * the field tree of the first frame, the text that was not read as bytes (prefixes, offsets, prose, ASCII columns)
 * greyed out, warnings in a yellow note, and an error marked at its line and column. Re-parsed off the event thread on
 * a short debounce. The text lives in the owner's {@link Draft}, so cancelling and reopening never loses it; an empty
 * draft is filled from the clipboard when the clipboard holds a dump.
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
    /** Above this many chars the greying and the tree are left out (the preview stays). */
    static final int RICH_LIMIT = 2 << 20;

    private final JTextArea text = new JTextArea(18, 80) {
        @Override
        protected void paintComponent(Graphics g) {
            super.paintComponent(g);
            paintIgnored(g);
        }
    };
    private final JLabel warning = new JLabel(" ");
    private final DefaultListModel<String> frameItems = new DefaultListModel<>();
    private final JList<String> frameList = new JList<>(frameItems);
    private final FieldTree tree = new FieldTree();
    /** Char ranges of the text read as bytes (pairs), for the text they were computed on; null when unknown. */
    private int[] used;
    private String usedFor;
    /** The text whose parse is shown. */
    private String shownFor = "";
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
        warning.setName("pasteWarning");
        warning.setOpaque(true);
        warning.setBackground(Theme.color("FrameInspector.note.background", new Color(0xfff4c2)));
        warning.setForeground(new Color(0x4a3b00));
        warning.setIcon(Icons.get("risk"));
        warning.setVisible(false);
        frameList.setName("pasteFrames");
        frameList.setVisibleRowCount(5);
        frameList.setFont(Theme.monoFont());
        tree.setName("pasteTree");
        tree.setRootVisible(false);

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
        c.setLayout(new MigLayout("insets dialog, fill", "[][grow,fill]", "[][grow,fill][][][][]"));
        JLabel hint = new JLabel("Any dump from a tool, log, mail or chat: offsets, prefixes, ASCII columns and prose "
                + "are fine. Grey text was not read as bytes.");
        hint.putClientProperty("FlatLaf.styleClass", "small");
        c.add(hint, "span 2, wrap");
        javax.swing.JPanel right = new javax.swing.JPanel(new MigLayout("insets 0, fill", "[grow,fill]",
                "[][grow 0,fill][][grow,fill]"));
        right.add(new JLabel("Frames"), "wrap");
        right.add(new JScrollPane(frameList), "hmin 4sp, wrap");
        right.add(new JLabel("First frame"), "wrap");
        right.add(new JScrollPane(tree), "grow, hmin 6sp");
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(text), right);
        split.setResizeWeight(0.6);
        split.setName("pasteSplit");
        c.add(split, "span 2, grow, wmin 20sp, hmin 8sp, wrap");
        c.add(new JLabel("Starts at:"));
        c.add(startsAt, "growx 0, wrap");
        c.add(new JLabel("Preview:"));
        c.add(preview, "growx, wmin 0, wrap");
        c.add(warning, "span 2, growx, wmin 0, hidemode 3, wrap");
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
        if (draft.text.isBlank()) fillFromClipboard();
        reparse();
    }

    /** An empty dialog starts with the clipboard's text when that text reads as a dump (checked off the EDT). */
    private void fillFromClipboard() {
        String clip;
        try {
            var cb = getToolkit().getSystemClipboard();
            if (!cb.isDataFlavorAvailable(DataFlavor.stringFlavor)) return;
            clip = (String) cb.getData(DataFlavor.stringFlavor);
        } catch (Exception | LinkageError e) {
            return; // no clipboard here, or it holds something else: start empty
        }
        if (clip == null || clip.isBlank() || clip.length() > RICH_LIMIT) return;
        new SwingWorker<Boolean, Void>() {
            @Override
            protected Boolean doInBackground() {
                try {
                    return parser.parse("clipboard", clip, null).frames().size() > 0;
                } catch (InputException | RuntimeException e) {
                    return false;
                }
            }

            @Override
            protected void done() {
                try {
                    if (get() && text.getText().isEmpty() && isDisplayable()) {
                        text.setText(clip);
                        text.setCaretPosition(0);
                    }
                } catch (ExecutionException e) {
                    // not a dump
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
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
            used = null;
            tree.setDissection(null);
            showResult(null, null);
            preview.setText("Nothing pasted yet");
            return;
        }
        preview.setText("Reading…");
        new SwingWorker<Loaded, Void>() {
            int[] ranges;
            Dissection first;

            @Override
            protected Loaded doInBackground() throws Exception {
                Loaded l;
                try {
                    l = parser.parse("pasted dump", t, start);
                } catch (IllegalArgumentException e) {
                    throw new InputException(e.getMessage(), -1, -1, -1);
                }
                if (l != null && l.frames().size() > 0 && t.length() <= RICH_LIMIT) {
                    try {
                        HexDump d = HexDumpParser.parse(t);
                        ranges = d.byteRanges();
                    } catch (InputException e) {
                        ranges = null; // a test parser may accept what the dump reader does not
                    }
                    first = Protocols.dissector().dissect(l.frames().frame(0));
                }
                return l;
            }

            @Override
            protected void done() {
                if (gen != generation) return;
                shownFor = t;
                try {
                    Loaded l = get();
                    used = ranges;
                    usedFor = t;
                    tree.setDissection(first);
                    for (int r = 0; r < Math.min(tree.getRowCount(), 64); r++) {
                        if (tree.getPathForRow(r).getPathCount() == 2) tree.expandRow(r);
                    }
                    showResult(l, null);
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    used = null;
                    tree.setDissection(null);
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
        frameItems.clear();
        java.util.List<String> notes = l == null ? java.util.List.of() : l.warnings();
        warning.setVisible(!notes.isEmpty());
        warning.setText(notes.isEmpty() ? " " : String.join(" · ", notes));
        warning.setToolTipText(notes.isEmpty() ? null : "<html>" + String.join("<br>", notes.stream()
                .map(w -> w.replace("&", "&amp;").replace("<", "&lt;")).toList()) + "</html>");
        if (l != null) {
            int shown = Math.min(l.frames().size(), 1000);
            for (int i = 0; i < shown; i++) {
                Frame f = l.frames().frame(i);
                String time = f.timestampNanos() == 0 ? "" : "  " + java.time.Instant.ofEpochSecond(0, f.timestampNanos())
                        .toString().replace('T', ' ').replace("Z", "").replace("1970-01-01 ", "");
                frameItems.addElement(String.format("#%-4d %6d bytes  %s%s", i + 1, f.capturedLength(),
                        Frame.linkTypeName(f.linkType()), time));
            }
            if (l.frames().size() > shown) frameItems.addElement("… " + (l.frames().size() - shown) + " more");
        }
        text.repaint();
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

    /**
     * Fades what was not read as bytes: the complement of the used ranges within the visible lines is washed with the
     * background colour, so prefixes, offsets, prose and ASCII columns read as grey.
     */
    private void paintIgnored(Graphics g) {
        int[] r = used;
        String doc = text.getText();
        if (r == null || !doc.equals(usedFor)) return;
        Rectangle vis = text.getVisibleRect();
        int a0 = text.viewToModel2D(new java.awt.Point(0, vis.y));
        int a1 = text.viewToModel2D(new java.awt.Point(vis.width + vis.x, vis.y + vis.height));
        a0 = Math.max(0, a0 - 1);
        a1 = Math.min(doc.length(), a1 + 1);
        Color bg = text.getBackground();
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setColor(new Color(bg.getRed(), bg.getGreen(), bg.getBlue(), 150));
        int p = a0;
        int k = 0;
        while (k < r.length && r[k + 1] <= a0) k += 2;
        while (p < a1) {
            int next = k < r.length ? Math.max(p, r[k]) : a1;
            if (next > p) washRange(g2, doc, p, Math.min(next, a1));
            if (k >= r.length) break;
            p = Math.max(p, r[k + 1]);
            k += 2;
        }
        g2.dispose();
    }

    /** Washes s[a,b) line by line. */
    private void washRange(Graphics2D g, String doc, int a, int b) {
        try {
            int p = a;
            while (p < b) {
                int nl = doc.indexOf('\n', p);
                int e = nl < 0 || nl >= b ? b : nl;
                if (e > p) {
                    Rectangle2D r0 = text.modelToView2D(p);
                    Rectangle2D r1 = text.modelToView2D(e);
                    if (r0 != null && r1 != null && Math.abs(r0.getY() - r1.getY()) < 1) {
                        g.fill(new Rectangle2D.Double(r0.getX(), r0.getY(), r1.getX() - r0.getX(), r0.getHeight()));
                    }
                }
                p = e + 1;
            }
        } catch (BadLocationException e) {
            // the text changed under us; the next parse repaints
        }
    }

    /** Char ranges of the text read as bytes (pairs [start, end)), or null before a successful parse. */
    public int[] usedRanges() { return used == null ? null : used.clone(); }

    /** The warning note shown (empty when there is none). */
    public String warningText() { return warning.isVisible() ? warning.getText() : ""; }

    /** The text whose parse the dialog shows (the preview can lag the text by a debounce and a parse). */
    String shownText() { return shownFor; }

    /** The frames listed ("#1  76 bytes  Ethernet" …). */
    public java.util.List<String> frameItems() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < frameItems.size(); i++) out.add(frameItems.get(i));
        return out;
    }

    /** The field tree of the first frame. */
    public FieldTree firstFrameTree() { return tree; }

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
