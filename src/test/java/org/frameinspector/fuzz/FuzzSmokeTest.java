package org.frameinspector.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CI-sized fuzz run: fixed seeds, a few seconds per target on one thread, part of the default suite. The long
 * run is {@code tools/fuzz-long.sh} (docs/FUZZING.md).
 */
class FuzzSmokeTest {
    private static final long SEED = 0xF1A3E;

    private static void campaign(Campaign.Target t, long n) throws Exception {
        Campaign c = new Campaign(SEED, Path.of("target", "fuzz-failures"), 5000);
        boolean finished = c.run(t, 0, n, 1);
        assertThat(c.failures).as(t + " failures (inputs saved under target/fuzz-failures)").isEmpty();
        assertThat(finished).as(t + " hang").isTrue();
        assertThat(c.inputs(t)).isEqualTo(n);
    }

    @Test
    void frames() throws Exception {
        campaign(Campaign.Target.FRAME, 20_000);
    }

    @Test
    void streams() throws Exception {
        campaign(Campaign.Target.STREAM, 300);
    }

    @Test
    void dumps() throws Exception {
        campaign(Campaign.Target.DUMP, 1_500);
    }

    @Test
    void captures() throws Exception {
        campaign(Campaign.Target.CAPTURE, 200);
    }

    @Test
    void filters() throws Exception {
        campaign(Campaign.Target.FILTER, 3_000);
    }

    @Test
    void cli() throws Exception {
        campaign(Campaign.Target.CLI, 100);
    }
}
