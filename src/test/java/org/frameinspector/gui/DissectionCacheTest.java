package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

/** The frame list over a million frames dissects only the rows asked for, and caches them (LRU). */
class DissectionCacheTest {
    private static FrameSource million() {
        return new FrameSource() {
            @Override public int size() { return 1_000_000; }
            @Override public Frame frame(int i) { return Frame.of(i + 1, new byte[] {3, 0, 0, 7, 2, (byte) 0xF0, (byte) 0x80}, Frame.LINK_TPKT); }
        };
    }

    @Test
    void onlyVisibleRowsAreDissected() {
        AtomicInteger calls = new AtomicInteger();
        DissectionCache c = new DissectionCache(million(), f -> {
            calls.incrementAndGet();
            Dissection d = new Dissection(f);
            d.setProtocol("T");
            return d;
        }, 64);
        FrameTableModel m = new FrameTableModel();
        m.setDissections(c);
        assertThat(m.getRowCount()).isEqualTo(1_000_000);
        long t0 = System.nanoTime();
        for (int row = 500_000; row < 500_040; row++) {
            for (int col = 0; col < m.getColumnCount(); col++) m.getValueAt(row, col);
        }
        assertThat(calls.get()).isEqualTo(40);
        for (int row = 500_000; row < 500_040; row++) m.getValueAt(row, FrameTableModel.INFO);
        assertThat(calls.get()).as("cached").isEqualTo(40);
        for (int row = 0; row < 100; row++) m.getValueAt(row, FrameTableModel.INFO);
        m.getValueAt(500_000, FrameTableModel.INFO);
        assertThat(calls.get()).as("evicted after 100 other rows").isEqualTo(141);
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }

    @Test
    void aThrowingDissectorStillGivesARow() {
        DissectionCache c = new DissectionCache(million(), f -> {
            throw new IllegalStateException("boom");
        }, 8);
        assertThat(c.get(3).protocol()).isEqualTo("ERROR");
        assertThat(c.get(3).frame().number()).isEqualTo(4);
    }
}
