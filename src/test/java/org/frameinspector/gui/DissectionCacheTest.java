package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.frameinspector.core.dissect.TcpInfo;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.session.Session;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.stream.ShortTpktFindingsTest;
import org.junit.jupiter.api.Test;

/**
 * The frame list over a million frames dissects only the rows asked for, and keeps them (LRU); a frame kept from
 * before the in-order pass reached it is dissected again with its connection state.
 */
class DissectionCacheTest {
    private static FrameSource frames(int n) {
        return new FrameSource() {
            @Override public int size() { return n; }
            @Override public Frame frame(int i) { return Frame.of(i + 1, new byte[] {3, 0, 0, 7, 2, (byte) 0xF0, (byte) 0x80}, Frame.LINK_TPKT); }
        };
    }

    private static DissectionCache cache(int n, int capacity) {
        return new DissectionCache(Session.of(new Loaded("test", "test", null, null, frames(n)), null), capacity);
    }

    @Test
    void onlyVisibleRowsAreDissected() {
        DissectionCache c = cache(1_000_000, 64);
        FrameTableModel m = new FrameTableModel();
        m.setDissections(c);
        assertThat(m.getRowCount()).isEqualTo(1_000_000);
        long t0 = System.nanoTime();
        for (int row = 500_000; row < 500_040; row++) {
            for (int col = 0; col < m.getColumnCount(); col++) m.getValueAt(row, col);
        }
        assertThat(c.misses()).isEqualTo(40);
        for (int row = 500_000; row < 500_040; row++) m.getValueAt(row, FrameTableModel.INFO);
        assertThat(c.misses()).as("cached").isEqualTo(40);
        for (int row = 0; row < 100; row++) m.getValueAt(row, FrameTableModel.INFO);
        m.getValueAt(500_000, FrameTableModel.INFO);
        assertThat(c.misses()).as("evicted after 100 other rows").isEqualTo(141);
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }

    @Test
    void aFrameKeptFromBeforeThePassIsDissectedAgainOnceThePassIsPastIt() {
        DissectionCache c = cache(10, 64);
        var alone = c.get(3);
        assertThat(c.get(3)).isSameAs(alone);
        assertThat(c.index(done -> false)).isTrue();
        assertThat(c.indexed()).isEqualTo(10);
        var inOrder = c.get(3);
        assertThat(inOrder).isNotSameAs(alone);
        assertThat(c.get(3)).isSameAs(inOrder);
        assertThat(c.misses()).isEqualTo(2);
        // every frame's findings are in the capture-wide list once
        assertThat(c.findings().frames()).isEqualTo(10);
        assertThat(c.index(done -> false)).isTrue();
        assertThat(c.findings().frames()).isEqualTo(10);
    }

    @Test
    void aStoppedPassGoesOnFromWhereItStopped() {
        DissectionCache c = cache(5000, 64);
        assertThat(c.index(done -> done >= 1024)).isFalse();
        assertThat(c.indexed()).isBetween(1024, 4999);
        assertThat(c.index(done -> false)).isTrue();
        assertThat(c.indexed()).isEqualTo(5000);
        assertThat(c.findings().frames()).isEqualTo(5000);
    }

    /**
     * Issue 18 item 9: a TPKT (length 100, 22 bytes sent) that the capture ends inside of. Once the pass is done, the
     * frame's dissection lists the end-of-input finding after its own (the kept one, made before the end, is made
     * again), Expert Info has it under frame 1, and the frame list's severity counts it.
     */
    @Test
    void theFindingOfAPduLeftUnfinishedAtTheEndIsListedUnderItsFrame() {
        Frame f = ShortTpktFindingsTest.frame(ShortTpktFindingsTest.segment(100, 2), 1,
                TcpInfo.ACK | TcpInfo.PSH, 40001, 1000);
        FrameSource one = new FrameSource() {
            @Override public int size() { return 1; }
            @Override public Frame frame(int i) { return f; }
        };
        DissectionCache c = new DissectionCache(Session.of(new Loaded("test", "test", null, null, one), null), 16);
        String id = "STREAM-TPKT-UNFINISHED-AT-END";
        assertThat(c.get(0).findings()).extracting(x -> x.id()).doesNotContain(id);
        assertThat(c.index(done -> false)).isTrue();
        var d = c.get(0);
        assertThat(d.findings()).extracting(x -> x.id()).contains(id);
        assertThat(c.get(0)).isSameAs(d);
        assertThat(c.session().worst(0)).isEqualTo(org.frameinspector.core.model.Severity.INFO);
        assertThat(c.findings().groups()).filteredOn(g -> g.id().equals(id)).singleElement()
                .satisfies(g -> assertThat(g.frames()).containsExactly(0));
    }
}
