package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The hex pane's geometry: offset ↔ row/column and point → offset, at several font sizes (UI scales). */
class HexLayoutTest {

    @Test
    void offsetsMapToRowsAndColumns() {
        HexLayout lo = new HexLayout(98, 8, 18, 4, 4);
        assertThat(lo.rows()).isEqualTo(7);
        assertThat(lo.rowOf(0x37)).isEqualTo(3);
        assertThat(lo.colOf(0x37)).isEqualTo(7);
        assertThat(lo.offsetOf(3, 7)).isEqualTo(0x37);
        assertThat(lo.rowOf(0x61)).isEqualTo(6);
        assertThat(lo.colOf(0x61)).isEqualTo(1);
        // "0030  22 09 60 73 00 00 03 11  00 2C ..." : byte 7 at char 4+2+21, byte 8 after the extra space
        assertThat(lo.hexCharColumn(0)).isEqualTo(6);
        assertThat(lo.hexCharColumn(7)).isEqualTo(27);
        assertThat(lo.hexCharColumn(8)).isEqualTo(31);
        assertThat(lo.hexCharColumn(15)).isEqualTo(52);
        assertThat(lo.asciiCharColumn(0)).isEqualTo(56);
        assertThat(lo.totalChars()).isEqualTo(72);
    }

    @Test
    void longInputsGetEightDigitOffsets() {
        assertThat(new HexLayout(0x10000, 8, 18, 0, 0).offsetDigits()).isEqualTo(4);
        assertThat(new HexLayout(0x10001, 8, 18, 0, 0).offsetDigits()).isEqualTo(8);
    }

    /** Every byte's hex and ASCII cell hits that byte, at 100 %, 125 %, 150 % and 200 % sized fonts. */
    @ParameterizedTest
    @CsvSource({"7,16,3", "9,20,4", "11,25,5", "14,32,7"})
    void everyCellHitsItsByte(int cw, int lh, int inset) {
        HexLayout lo = new HexLayout(98, cw, lh, inset, inset);
        for (int off = 0; off < 98; off++) {
            Rectangle h = lo.hexCell(off);
            assertThat(lo.offsetAt(h.x, h.y)).as("hex top-left of %d", off).isEqualTo(off);
            assertThat(lo.offsetAt(h.x + h.width - 1, h.y + h.height - 1)).as("hex bottom-right of %d", off)
                    .isEqualTo(off);
            // the space after the digits belongs to the byte too
            assertThat(lo.offsetAt(h.x + h.width + cw / 2, h.y + lh / 2)).isEqualTo(off);
            Rectangle a = lo.asciiCell(off);
            assertThat(lo.offsetAt(a.x + a.width / 2, a.y + a.height / 2)).as("ascii of %d", off).isEqualTo(off);
        }
        assertThat(lo.preferredWidth()).isEqualTo(2 * inset + 72 * cw);
        assertThat(lo.preferredHeight()).isEqualTo(2 * inset + 7 * lh);
    }

    @Test
    void pointsOutsideBytesHitNothing() {
        HexLayout lo = new HexLayout(98, 8, 18, 4, 4);
        assertThat(lo.offsetAt(4 + 8, 4 + 5)).as("offset column").isEqualTo(-1);
        assertThat(lo.offsetAt(100, 2)).as("top inset").isEqualTo(-1);
        assertThat(lo.offsetAt(100, 4 + 7 * 18 + 1)).as("below the last row").isEqualTo(-1);
        // last row has two bytes: column 5 of row 6 is past the end
        Rectangle r = lo.hexCell(0x60);
        assertThat(lo.offsetAt(lo.x(lo.hexCharColumn(5)), r.y + 1)).isEqualTo(-1);
        assertThat(lo.offsetAt(lo.x(lo.asciiCharColumn(5)), r.y + 1)).isEqualTo(-1);
        // the gap between hex and ASCII splits between the last hex byte and the first ASCII byte
        assertThat(lo.offsetAt(lo.x(lo.asciiCharColumn(0) - 2), 10)).isEqualTo(15);
        assertThat(lo.offsetAt(lo.x(lo.asciiCharColumn(0) - 1), 10)).isEqualTo(0);
        assertThat(lo.offsetAt(lo.x(lo.totalChars()) + 30, 10)).as("right of ASCII").isEqualTo(-1);
    }

    @Test
    void theExtraMiddleSpaceBelongsToByteSeven() {
        HexLayout lo = new HexLayout(16, 10, 20, 0, 0);
        int middle = lo.x(lo.hexCharColumn(8)) - 5;
        assertThat(lo.offsetAt(middle, 5)).isEqualTo(7);
        assertThat(lo.offsetAt(lo.x(lo.hexCharColumn(8)), 5)).isEqualTo(8);
    }

    @Test
    void visibleRowsAreClamped() {
        HexLayout lo = new HexLayout(16 * 1000, 8, 20, 0, 0);
        assertThat(lo.firstVisibleRow(400)).isEqualTo(20);
        assertThat(lo.lastVisibleRow(400, 200)).isEqualTo(29);
        assertThat(lo.lastVisibleRow(19_990, 500)).isEqualTo(999);
        assertThat(lo.firstVisibleRow(-50)).isEqualTo(0);
    }
}
