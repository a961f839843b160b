package org.frameinspector.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The "how long ago" text of IP4-ID-REUSE-FRAGMENTABLE reads as {@code %.3f s} of the seconds always did. */
class IpFragmentsSecondsTest {
    @Test
    void sameTextAsTheFormatter() {
        long[] edges = {0, 1, 499_999, 500_000, 999_999, 1_000_000, 1_234_500_000L, 9_999_500_000L, 59_999_999_999L,
            120_000_000_000L, 86_400_000_000_000L};
        for (long n : edges) assertThat(IpFragments.seconds(n)).isEqualTo(formatted(n));
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long n = r.nextLong(200_000_000_000L);
            assertThat(IpFragments.seconds(n)).as("%d ns", n).isEqualTo(formatted(n));
        }
    }

    private static String formatted(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
