package org.frameinspector.gui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.JComponent;
import javax.swing.UIManager;
import org.frameinspector.core.model.Field;

/**
 * The bits of the selected field's bytes, grouped by four ("0100 0000"), with the bits under the field's mask drawn
 * strong and the others dimmed — so a flag or a 4-bit header length is visible at a glance.
 */
public final class BitStrip extends JComponent {
    /** Longest field shown bit by bit. */
    public static final int MAX_BYTES = 4;
    private String bits = "";
    private String mask = "";

    public BitStrip() {
        setName("bitStrip");
        updateUI();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setFont(Theme.monoFont());
    }

    /** Shows the field's bytes from {@code data}; clears for fields that are too long or outside the data. */
    public void show(Field f, byte[] data) {
        bits = "";
        mask = "";
        if (f != null && f.length() > 0 && f.length() <= MAX_BYTES && f.offset() >= 0 && f.end() <= data.length) {
            int n = f.length() * 8;
            long v = 0;
            for (int i = 0; i < f.length(); i++) v = (v << 8) | (data[f.offset() + i] & 0xFF);
            long m = f.bitmask() == 0 ? (n == 64 ? -1L : (1L << n) - 1) : f.bitmask();
            StringBuilder b = new StringBuilder(), k = new StringBuilder();
            for (int i = n - 1; i >= 0; i--) {
                b.append(((v >>> i) & 1) == 1 ? '1' : '0');
                k.append(((m >>> i) & 1) == 1 ? '^' : ' ');
                if (i % 4 == 0 && i != 0) {
                    b.append(' ');
                    k.append(' ');
                }
            }
            bits = b.toString();
            mask = k.toString();
        }
        revalidate();
        repaint();
    }

    /** The bits as text, e.g. "0001 0001". */
    public String bitsText() { return bits; }

    /** '^' under each bit that belongs to the field, ' ' elsewhere. */
    public String maskText() { return mask; }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics fm = getFontMetrics(getFont().deriveFont(Font.BOLD));
        return new Dimension(fm.charWidth('0') * Math.max(9, bits.length()) + 4, fm.getHeight() + 2);
    }

    @Override
    protected void paintComponent(Graphics g0) {
        if (bits.isEmpty()) return;
        Graphics2D g = (Graphics2D) g0.create();
        Object aa = UIManager.getDefaults().get(RenderingHints.KEY_TEXT_ANTIALIASING);
        if (aa != null) g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, aa);
        Font strong = getFont().deriveFont(Font.BOLD);
        FontMetrics fm = g.getFontMetrics(strong);
        int cw = fm.charWidth('0');
        int y = (getHeight() - fm.getHeight()) / 2 + fm.getAscent();
        Color on = Theme.color("FrameInspector.bits.masked", Color.BLUE);
        Color off = Theme.color("FrameInspector.bits.dim", Color.GRAY);
        for (int i = 0; i < bits.length(); i++) {
            char c = bits.charAt(i);
            if (c == ' ') continue;
            boolean in = mask.charAt(i) == '^';
            g.setFont(in ? strong : getFont());
            g.setColor(in ? on : off);
            g.drawString(String.valueOf(c), 2 + i * cw, y);
            if (in) g.fillRect(2 + i * cw, getHeight() - 2, cw - 1, 2);
        }
        g.dispose();
    }
}
