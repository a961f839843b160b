package org.frameinspector.gui;

import java.awt.Rectangle;

/**
 * Geometry of the hex pane, kept apart from painting so it can be unit-tested: which row and column a byte sits at,
 * where its hex and ASCII cells are, and which byte a point hits. All positions are in pixels of the component,
 * derived from a monospaced font's character width and line height, so the same code is right at any UI scale.
 *
 * <pre>
 * 0030  22 09 60 73 00 00 03 11  00 2C 27 D0 01 CA 00 29  ".`s.....,'....)
 * ^off  ^hex (3 chars a byte, one extra space after 8)      ^ASCII (1 char a byte)
 * </pre>
 */
public final class HexLayout {
    /** Which part of a row a point is in. */
    public enum Area { NONE, OFFSET, HEX, ASCII }

    public static final int BYTES_PER_ROW = 16;
    private static final int GAP_AFTER_OFFSET = 2, GAP_BEFORE_ASCII = 2;

    private final int length;
    private final int charWidth;
    private final int lineHeight;
    private final int insetLeft, insetTop;
    private final int offsetDigits;

    public HexLayout(int length, int charWidth, int lineHeight, int insetLeft, int insetTop) {
        if (charWidth <= 0 || lineHeight <= 0) throw new IllegalArgumentException("font metrics must be positive");
        this.length = Math.max(0, length);
        this.charWidth = charWidth;
        this.lineHeight = lineHeight;
        this.insetLeft = insetLeft;
        this.insetTop = insetTop;
        this.offsetDigits = this.length > 0x10000 ? 8 : 4;
    }

    public int length() { return length; }
    public int charWidth() { return charWidth; }
    public int lineHeight() { return lineHeight; }
    public int offsetDigits() { return offsetDigits; }

    public int rows() {
        return (length + BYTES_PER_ROW - 1) / BYTES_PER_ROW;
    }

    public int rowOf(int offset) { return offset / BYTES_PER_ROW; }
    public int colOf(int offset) { return offset % BYTES_PER_ROW; }
    public int offsetOf(int row, int col) { return row * BYTES_PER_ROW + col; }

    /** Character column where the hex digits of byte column {@code col} start. */
    public int hexCharColumn(int col) {
        return offsetDigits + GAP_AFTER_OFFSET + col * 3 + (col >= 8 ? 1 : 0);
    }

    /** Character column of byte column {@code col} in the ASCII part. */
    public int asciiCharColumn(int col) {
        return hexCharColumn(BYTES_PER_ROW - 1) + 2 + GAP_BEFORE_ASCII + col;
    }

    public int totalChars() {
        return asciiCharColumn(BYTES_PER_ROW - 1) + 1;
    }

    public int x(int charColumn) { return insetLeft + charColumn * charWidth; }
    public int rowY(int row) { return insetTop + row * lineHeight; }

    /** The two hex digits of a byte. */
    public Rectangle hexCell(int offset) {
        return new Rectangle(x(hexCharColumn(colOf(offset))), rowY(rowOf(offset)), 2 * charWidth, lineHeight);
    }

    public Rectangle asciiCell(int offset) {
        return new Rectangle(x(asciiCharColumn(colOf(offset))), rowY(rowOf(offset)), charWidth, lineHeight);
    }

    /** Size the component needs to show everything (insets on both sides). */
    public int preferredWidth() { return 2 * insetLeft + totalChars() * charWidth; }
    public int preferredHeight() { return 2 * insetTop + Math.max(1, rows()) * lineHeight; }

    /** First row touching the vertical range [y, y+h), clamped to the rows that exist. */
    public int firstVisibleRow(int y) {
        return Math.max(0, Math.min(rows() - 1, (y - insetTop) / lineHeight));
    }

    public int lastVisibleRow(int y, int h) {
        return Math.max(0, Math.min(rows() - 1, (y + h - 1 - insetTop) / lineHeight));
    }

    /** The row a y coordinate is in, or -1 outside the rows. */
    public int rowAt(int y) {
        if (y < insetTop) return -1;
        int r = (y - insetTop) / lineHeight;
        return r < rows() ? r : -1;
    }

    public Area areaAt(int x) {
        int c = Math.floorDiv(x - insetLeft, charWidth);
        if (c < 0) return Area.NONE;
        if (c < offsetDigits + GAP_AFTER_OFFSET - 1) return Area.OFFSET;
        if (c < hexCharColumn(BYTES_PER_ROW - 1) + 3) return Area.HEX;
        if (c >= asciiCharColumn(0) - 1 && c <= asciiCharColumn(BYTES_PER_ROW - 1)) return Area.ASCII;
        return Area.NONE;
    }

    /**
     * The byte under a point, or -1. In the hex part a byte owns its two digits and the space after them (the
     * extra middle space belongs to byte 7), so every point between the first and last digit hits a byte.
     */
    public int offsetAt(int x, int y) {
        int row = rowAt(y);
        if (row < 0) return -1;
        int c = Math.floorDiv(x - insetLeft, charWidth);
        int col = -1;
        switch (areaAt(x)) {
            case HEX -> {
                int rel = c - (offsetDigits + GAP_AFTER_OFFSET);
                if (rel < 0) return -1;
                if (rel >= 8 * 3) {
                    rel -= 1;
                    if (rel < 8 * 3) rel = 8 * 3 - 1; // the extra middle space: byte 7
                }
                col = Math.min(BYTES_PER_ROW - 1, rel / 3);
            }
            case ASCII -> col = Math.max(0, Math.min(BYTES_PER_ROW - 1, c - asciiCharColumn(0)));
            default -> {
                return -1;
            }
        }
        int off = offsetOf(row, col);
        return off < length ? off : -1;
    }
}
