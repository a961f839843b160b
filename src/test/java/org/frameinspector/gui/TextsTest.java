package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.frameinspector.core.model.Severity;
import org.junit.jupiter.api.Test;

/** Counts in the app's words: digit grouping and the right number ("1 violation", "2 violations", "1 finding"). */
class TextsTest {
    @Test
    void countsAreGroupedAndInTheRightNumber() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(Texts.count(1_000_000)).isEqualTo("1,000,000");
            assertThat(Texts.count(1, "frame")).isEqualTo("1 frame");
            assertThat(Texts.count(1_000_000, "frame")).isEqualTo("1,000,000 frames");
            assertThat(Texts.count(1, "finding")).isEqualTo("1 finding");
            assertThat(Texts.count(2, "violation")).isEqualTo("2 violations");
            assertThat(Texts.count(0, "part")).isEqualTo("0 parts");
            Locale.setDefault(Locale.GERMANY);
            assertThat(Texts.count(1_000_000)).isEqualTo("1.000.000");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theFindingsColumnCountsTheWorstSeverityOrFindings() {
        assertThat(text(Severity.VIOLATION, 1, 1)).isEqualTo("1 violation");
        assertThat(text(Severity.VIOLATION, 2, 2)).isEqualTo("2 violations");
        assertThat(text(Severity.RISK, 3, 1)).isEqualTo("3 findings"); // one RISK, two INFO
        assertThat(text(Severity.INFO, 2, 2)).isEqualTo("2 info");
    }

    private static String text(Severity worst, int findings, int worstCount) {
        return FrameListPart.WorstFindingRenderer.text(new RowSummaries.Summary("a", "b", "P", "i", worst, findings,
                worstCount, -1));
    }
}
