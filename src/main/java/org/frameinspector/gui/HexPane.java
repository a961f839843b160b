package org.frameinspector.gui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.IntFunction;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.ToolTipManager;
import javax.swing.UIManager;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Layer;

/**
 * Offset / hex / ASCII view of one data source of a frame. Paints only the rows inside the clip, keeps its geometry
 * in {@link HexLayout}, colours reserved and rule-breaking bytes permanently and highlights the selected range.
 */
public final class HexPane extends JComponent implements Scrollable {
    /** Permanent byte marks, in increasing priority. */
    public static final byte MARK_NONE = 0, MARK_RESERVED = 1, MARK_INFO = 2, MARK_RISK = 3, MARK_VIOLATION = 4;
    /** Compare view marks (see {@link org.frameinspector.core.diff.ByteDiff}): masked, different, only on this side. */
    public static final byte MARK_DIFF_MASKED = 5, MARK_DIFF = 6, MARK_DIFF_ONLY = 7;

    /** Callbacks for clicks and hovering. */
    public interface Listener {
        void byteClicked(int offset);

        default void byteHovered(int offset) {
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private byte[] data = new byte[0];
    private byte[] marks = new byte[0];
    private int selStart = -1, selLength = 0;
    private int hover = -1;
    private java.util.BitSet noted = new java.util.BitSet();
    private HexLayout layout;
    private Listener listener;
    private IntFunction<String> tooltips;

    public HexPane() {
        setName("hexPane");
        setFocusable(true);
        setOpaque(true);
        ToolTipManager.sharedInstance().registerComponent(this);
        MouseAdapter m = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                requestFocusInWindow();
                int off = offsetAt(e.getX(), e.getY());
                if (off >= 0 && listener != null) listener.byteClicked(off);
            }

            @Override
            public void mouseMoved(MouseEvent e) {
                setHover(offsetAt(e.getX(), e.getY()));
            }

            @Override
            public void mouseExited(MouseEvent e) {
                setHover(-1);
            }
        };
        addMouseListener(m);
        addMouseMotionListener(m);
        bindMove(KeyEvent.VK_LEFT, -1);
        bindMove(KeyEvent.VK_RIGHT, 1);
        bindMove(KeyEvent.VK_UP, -HexLayout.BYTES_PER_ROW);
        bindMove(KeyEvent.VK_DOWN, HexLayout.BYTES_PER_ROW);
        updateUI();
    }

    private void bindMove(int key, int delta) {
        String name = "move" + delta;
        getInputMap(WHEN_FOCUSED).put(KeyStroke.getKeyStroke(key, 0), name);
        getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                if (data.length == 0 || listener == null) return;
                int from = selStart < 0 ? 0 : (delta > 0 ? selStart + Math.max(0, selLength - 1) : selStart);
                int to = Math.max(0, Math.min(data.length - 1, from + delta));
                listener.byteClicked(to);
            }
        });
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setFont(Theme.monoFont());
        setBackground(UIManager.getColor("TextArea.background"));
        setForeground(UIManager.getColor("TextArea.foreground"));
        layout = null;
        revalidate();
        repaint();
    }

    public void setListener(Listener l) { this.listener = l; }

    /** Text for the tooltip of a byte (the field it belongs to), or null. */
    public void setTooltipProvider(IntFunction<String> f) { this.tooltips = f; }

    public byte[] data() { return data; }
    public int selectionStart() { return selStart; }
    public int selectionLength() { return selLength; }
    public int hoverOffset() { return hover; }
    public byte markAt(int offset) { return offset >= 0 && offset < marks.length ? marks[offset] : MARK_NONE; }

    /** Bytes that carry a user note: drawn with a dotted underline. */
    public void setNoted(java.util.BitSet bytes) {
        this.noted = bytes == null ? new java.util.BitSet() : (java.util.BitSet) bytes.clone();
        repaint();
    }

    public boolean isNoted(int offset) { return offset >= 0 && noted.get(offset); }

    /** Shows bytes; {@code marks} (same length or shorter) colours bytes permanently. */
    public void setData(byte[] bytes, byte[] byteMarks) {
        this.data = bytes == null ? new byte[0] : bytes;
        this.marks = byteMarks == null ? new byte[0] : byteMarks;
        this.noted = new java.util.BitSet();
        selStart = -1;
        selLength = 0;
        hover = -1;
        layout = null;
        revalidate();
        repaintSoon();
    }

    private boolean repaintQueued;

    /**
     * Repaints in a paint cycle of its own: when a frame is shown, the tree, the findings and this pane all change in
     * one event, and painting them all in one event keeps the event thread busy for longest. The state is already
     * updated; only the pixels follow, 15 ms later (the event thread can take input in between).
     */
    private void repaintSoon() {
        if (repaintQueued) return;
        repaintQueued = true;
        MainWindow.later(15, () -> {
            repaintQueued = false;
            repaint();
        });
    }

    /** Selects a byte range and scrolls it into view; a negative start clears the selection. */
    public void setSelection(int start, int length) {
        if (start == selStart && length == selLength) return;
        selStart = start;
        selLength = Math.max(0, length);
        repaintSoon();
        if (start >= 0 && start < data.length) {
            HexLayout lo = hexLayout();
            Rectangle r = lo.hexCell(start);
            int last = Math.min(data.length - 1, start + Math.max(1, selLength) - 1);
            r = r.union(lo.hexCell(last));
            r.x = 0;
            r.width = 1;
            scrollRectToVisible(r);
        }
    }

    private void setHover(int off) {
        if (off == hover) return;
        hover = off;
        repaint();
        if (listener != null) listener.byteHovered(off);
    }

    /** The geometry for the current font and data. */
    public HexLayout hexLayout() {
        if (layout == null) {
            FontMetrics fm = getFontMetrics(getFont());
            int cw = Math.max(1, fm.charWidth('0'));
            int lh = Math.max(1, fm.getHeight() + Math.round(fm.getHeight() * 0.15f));
            int inset = Math.max(2, cw / 2);
            layout = new HexLayout(data.length, cw, lh, inset, inset);
        }
        return layout;
    }

    public int offsetAt(int x, int y) {
        return hexLayout().offsetAt(x, y);
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        int off = offsetAt(e.getX(), e.getY());
        if (off < 0 || tooltips == null) return null;
        return tooltips.apply(off);
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) return super.getPreferredSize();
        HexLayout lo = hexLayout();
        return new Dimension(lo.preferredWidth(), lo.preferredHeight());
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            Rectangle clip = g.getClipBounds();
            if (clip == null) clip = new Rectangle(0, 0, getWidth(), getHeight());
            g.setColor(getBackground());
            g.fillRect(clip.x, clip.y, clip.width, clip.height);
            if (data.length == 0) return;
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
            Object aa = UIManager.getDefaults().get(RenderingHints.KEY_TEXT_ANTIALIASING);
            if (aa != null) g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, aa);
            g.setFont(getFont());
            HexLayout lo = hexLayout();
            FontMetrics fm = g.getFontMetrics();
            int baseline = (lo.lineHeight() - fm.getHeight()) / 2 + fm.getAscent();
            Colors c = new Colors();
            java.awt.Font plain = getFont(), bold = plain.deriveFont(java.awt.Font.BOLD);
            java.awt.BasicStroke frameStroke = new java.awt.BasicStroke(Math.max(2f, lo.charWidth() / 4f));

            int sepX1 = lo.x(lo.hexCharColumn(0)) - lo.charWidth();
            int sepX2 = lo.x(lo.asciiCharColumn(0)) - lo.charWidth();
            g.setColor(c.separator);
            g.drawLine(sepX1, clip.y, sepX1, clip.y + clip.height);
            g.drawLine(sepX2, clip.y, sepX2, clip.y + clip.height);

            int first = lo.firstVisibleRow(clip.y), last = lo.lastVisibleRow(clip.y, clip.height);
            char[] two = new char[2];
            char[] one = new char[1];
            String offFmt = "%0" + lo.offsetDigits() + "X";
            for (int row = first; row <= last; row++) {
                int y = lo.rowY(row);
                g.setColor(c.offset);
                g.drawString(String.format(offFmt, row * HexLayout.BYTES_PER_ROW), lo.x(0), y + baseline);
                int end = Math.min(data.length, (row + 1) * HexLayout.BYTES_PER_ROW);
                for (int off = row * HexLayout.BYTES_PER_ROW; off < end; off++) {
                    int v = data[off] & 0xFF;
                    boolean sel = off >= selStart && off < selStart + selLength;
                    byte mark = markAt(off);
                    Color bg = sel ? c.selBg : mark != MARK_NONE ? c.markBg(mark) : off == hover ? c.hover : null;
                    Color fg = sel ? c.selFg : getForeground();
                    Rectangle hr = lo.hexCell(off), ar = lo.asciiCell(off);
                    // widen the hex background over the gap to the next selected/marked byte so ranges read as one
                    boolean nextSame = off + 1 < end && sameBackground(off, off + 1, hover);
                    int hw = nextSame ? lo.x(lo.hexCharColumn(lo.colOf(off + 1))) - hr.x : hr.width;
                    if (bg != null) {
                        g.setColor(bg);
                        g.fillRect(hr.x - 1, hr.y, hw + (nextSame ? 0 : 2), hr.height);
                        g.fillRect(ar.x, ar.y, ar.width, ar.height);
                    }
                    if (sel && mark != MARK_NONE) {
                        g.setColor(c.markFg(mark));
                        int uy = hr.y + hr.height - Math.max(2, hr.height / 8);
                        g.fillRect(hr.x - 1, uy, hr.width + 2, Math.max(2, hr.height / 8));
                        g.fillRect(ar.x, uy, ar.width, Math.max(2, hr.height / 8));
                    }
                    if (noted.get(off)) {
                        // a dotted underline in the note colour under both the hex digits and the ASCII character
                        g.setColor(c.note);
                        int uy = hr.y + hr.height - Math.max(2, hr.height / 10) - 1;
                        int step = Math.max(2, lo.charWidth() / 3);
                        int to = noted.get(off + 1) && off + 1 < end ? lo.x(lo.hexCharColumn(lo.colOf(off + 1))) : hr.x + hr.width;
                        for (int x = hr.x - 1; x < to; x += 2 * step) g.fillRect(x, uy, step, Math.max(2, hr.height / 10));
                        for (int x = ar.x; x < ar.x + ar.width; x += 2 * step) g.fillRect(x, uy, step, Math.max(2, hr.height / 10));
                    }
                    boolean problem = mark == MARK_RISK || mark == MARK_VIOLATION || mark == MARK_DIFF
                            || mark == MARK_DIFF_ONLY;
                    if (problem) {
                        // bytes with a RISK or VIOLATION finding get a frame of their colour and bold digits, so
                        // they stand out at a glance, selected or not
                        g.setColor(c.markFg(mark));
                        java.awt.Stroke st = g.getStroke();
                        g.setStroke(frameStroke);
                        g.drawRect(hr.x - 2, hr.y + 1, hr.width + 3, hr.height - 3);
                        g.drawRect(ar.x - 1, ar.y + 1, ar.width + 1, ar.height - 3);
                        g.setStroke(st);
                        g.setFont(bold);
                    }
                    g.setColor(problem && !sel ? c.markFg(mark) : fg);
                    two[0] = HEX[v >> 4];
                    two[1] = HEX[v & 15];
                    g.drawChars(two, 0, 2, hr.x, y + baseline);
                    one[0] = v >= 0x20 && v < 0x7F ? (char) v : '·';
                    if (!sel && mark == MARK_NONE) g.setColor(one[0] == '·' ? c.offset : c.ascii);
                    g.drawChars(one, 0, 1, ar.x, y + baseline);
                    if (problem) g.setFont(plain);
                }
            }
        } finally {
            g.dispose();
        }
    }

    private boolean sameBackground(int a, int b, int hov) {
        boolean sa = a >= selStart && a < selStart + selLength, sb = b >= selStart && b < selStart + selLength;
        if (sa || sb) return sa && sb;
        if (markAt(a) != MARK_NONE || markAt(b) != MARK_NONE) return markAt(a) == markAt(b);
        return false;
    }

    /** Computes permanent marks for the bytes of {@code sourceId}: reserved fields and findings by severity. */
    public static byte[] marksFor(Dissection d, String sourceId, int length) {
        byte[] m = new byte[length];
        if (d == null) return m;
        for (Layer l : d.layers()) {
            for (Field f : l.fields()) markReserved(f, sourceId, m);
        }
        for (Finding f : d.findings()) {
            if (!sourceId.equals(f.source())) continue;
            byte v = switch (f.severity()) {
                case VIOLATION -> MARK_VIOLATION;
                case RISK -> MARK_RISK;
                case INFO -> MARK_INFO;
            };
            int len = Math.max(1, f.length());
            for (int i = Math.max(0, f.offset()); i < Math.min(length, f.offset() + len); i++) {
                if (m[i] < v) m[i] = v;
            }
        }
        return m;
    }

    private static void markReserved(Field f, String sourceId, byte[] m) {
        if (f.kind() == FieldKind.RESERVED && sourceId.equals(f.source())) {
            for (int i = Math.max(0, f.offset()); i < Math.min(m.length, f.end()); i++) {
                if (m[i] < MARK_RESERVED) m[i] = MARK_RESERVED;
            }
        }
        for (Field c : f.children()) markReserved(c, sourceId, m);
    }

    // --- Scrollable ---

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        HexLayout lo = hexLayout();
        return new Dimension(lo.preferredWidth(), Math.min(lo.preferredHeight(), lo.lineHeight() * 12));
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visibleRect, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? hexLayout().lineHeight() : hexLayout().charWidth();
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visibleRect, int orientation, int direction) {
        int unit = getScrollableUnitIncrement(visibleRect, orientation, direction);
        int span = orientation == SwingConstants.VERTICAL ? visibleRect.height : visibleRect.width;
        return Math.max(unit, span - unit);
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return getParent() != null && getParent().getWidth() > getPreferredSize().width;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() != null && getParent().getHeight() > getPreferredSize().height;
    }

    /** Theme colours looked up once per paint. */
    static final class Colors {
        final Color offset = Theme.color("FrameInspector.hex.offsetForeground", Color.GRAY);
        final Color ascii = Theme.color("FrameInspector.hex.asciiForeground", Color.DARK_GRAY);
        final Color separator = Theme.color("FrameInspector.hex.separator", Color.LIGHT_GRAY);
        final Color selBg = Theme.color("FrameInspector.hex.selectionBackground", new Color(0x2675bf));
        final Color selFg = Theme.color("FrameInspector.hex.selectionForeground", Color.WHITE);
        final Color hover = Theme.color("FrameInspector.hex.hoverBackground", new Color(0xe8eef7));
        final Color note = Theme.color("FrameInspector.note.foreground", new Color(0x2e7d32));

        Color markBg(byte mark) {
            return switch (mark) {
                case MARK_RESERVED -> Theme.color("FrameInspector.mark.reserved", new Color(0xdcd2f0));
                case MARK_INFO -> Theme.color("FrameInspector.mark.info", new Color(0xd5ebf7));
                case MARK_RISK -> Theme.color("FrameInspector.mark.risk", new Color(0xffd98a));
                case MARK_DIFF_MASKED -> Theme.color("FrameInspector.diff.masked", new Color(0xe6e6e6));
                case MARK_DIFF -> Theme.color("FrameInspector.diff.changed", new Color(0xffc7a8));
                case MARK_DIFF_ONLY -> Theme.color("FrameInspector.diff.only", new Color(0xc8ecc4));
                default -> Theme.color("FrameInspector.mark.violation", new Color(0xf7b8b8));
            };
        }

        Color markFg(byte mark) {
            return switch (mark) {
                case MARK_RESERVED -> Theme.color("FrameInspector.mark.reservedForeground", new Color(0x6a3fb5));
                case MARK_INFO -> Theme.color("FrameInspector.mark.infoForeground", new Color(0x1f6fa8));
                case MARK_RISK -> Theme.color("FrameInspector.mark.riskForeground", new Color(0xb06a00));
                case MARK_DIFF_MASKED -> Theme.color("FrameInspector.diff.maskedForeground", new Color(0x8c8c8c));
                case MARK_DIFF -> Theme.color("FrameInspector.diff.changedForeground", new Color(0xb5400e));
                case MARK_DIFF_ONLY -> Theme.color("FrameInspector.diff.onlyForeground", new Color(0x2e7d32));
                default -> Theme.color("FrameInspector.mark.violationForeground", new Color(0xc0292f));
            };
        }
    }
}
