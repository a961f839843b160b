package org.frameinspector.core.input.hexdump;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Found by the fuzz long run (DUMP #70, seed 0x77): the annotated export of one frame of 24,000 DTs is 39 MB of text,
 * and re-importing it ran out of memory at -Xmx256m. A '§' of a citation (or any character from 0x80 up) sent the
 * whole text through the character cleaner, which copies it with a map of 4 bytes per character, although nothing
 * in it was to be cleaned. Now only text holding a character the cleaner changes is copied.
 */
class CleanerMemoryTest {
    private static long allocated(Runnable r) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        r.run();
        return mx.getThreadAllocatedBytes(tid) - before;
    }

    private static String rows(String comment) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 4_000_000; i++) {
            sb.append(String.format("%04x  03 00 00 07 02 f0 80 03  00 00 07 02 f0 80 03 00   ................", i * 16))
                    .append(i % 8 == 0 ? comment : "").append('\n');
        }
        return sb.toString();
    }

    @Test
    void textWithNothingToCleanIsNotCopied() {
        for (String c : new String[] {"  # COTP-LI-MISMATCH, ISO 8073 § 13.2", "  # caf\u00e9 \u2192 \u00b5s"}) {
            String text = rows(c);
            TextCleaner[] out = new TextCleaner[1];
            long bytes = allocated(() -> out[0] = TextCleaner.clean(text));
            assertThat(out[0].changed()).isFalse();
            // the one-byte-per-character view of the text (plus slack); the copy with its map was over 6 bytes a char
            assertThat(bytes).as("bytes allocated cleaning %,d chars with \"%s\"", text.length(), c)
                    .isLessThan(2L * text.length());
        }
    }

    @Test
    void textWithSomethingToCleanIsStillCleaned() {
        for (String c : new String[] {"\u001b[0m", "\u202e", "\u2009", "\ud83d\udce6", "\u2764"}) {
            String text = c + "0000  03 00 00 07 02 f0 80\n";
            TextCleaner t = TextCleaner.clean(text);
            assertThat(t.changed()).as("U+%04X", (int) c.charAt(0)).isTrue();
        }
    }
}
