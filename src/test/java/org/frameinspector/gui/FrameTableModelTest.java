package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The frame list's Time column is formatted without a Formatter per cell, with the same text as before. */
class FrameTableModelTest {
    @Test
    void secondsReadLikePercentPointSixF() {
        long[] nanos = {0, 1, 499, 500, 999, 1000, 1500, 125_000, 999_999_499, 999_999_500, 1_000_000_000L,
            86_400_123_456_789L, -1, -500, -1500, -2_000_000_000L, 3_600_000_000_001L};
        for (long n : nanos) {
            assertThat(FrameTableModel.seconds(n, '.')).as("%d ns", n)
                    .isEqualTo(String.format(Locale.ROOT, "%.6f", n / 1e9));
        }
        assertThat(FrameTableModel.seconds(1_500_000_000L, ',')).isEqualTo("1,500000");
    }
}
