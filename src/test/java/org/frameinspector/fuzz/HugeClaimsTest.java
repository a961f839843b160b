package org.frameinspector.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.capture.CaptureFiles;
import org.junit.jupiter.api.Test;

/**
 * A capture whose headers claim huge lengths allocates nothing of the kind: every length word of every shared capture
 * (snaplen, incl_len, orig_len, link type, pcapng block lengths, EPB lengths, IDB snaplen) is set in turn to values up
 * to 4 GiB, and reading the file, in memory and from disk, plus all its frames, must allocate no more than a small
 * multiple of the file's size.
 */
class HugeClaimsTest {
    private static final long[] CLAIMS = {0x7FFFFFFFL, 0xFFFFFFFFL, 0x04000000L, 0x03FFFFF0L};

    @Test
    void lengthWordsClaimingGigabytesAllocateLittle() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        Path tmp = Files.createTempFile("huge-claim", ".bin");
        int tried = 0;
        try {
            for (Seeds.CaptureSeed c : Seeds.get().captures) {
                List<int[]> words = Mutators.captureLengthWords(c.data());
                // the first few words (headers, first records) and the last one
                for (int k = 0; k < words.size(); k++) {
                    if (k > 8 && k != words.size() - 1) continue;
                    int[] w = words.get(k);
                    if (w[0] + 4 > c.data().length) continue;
                    for (long v : CLAIMS) {
                        byte[] f = c.data().clone();
                        Mutators.put(f, w[0], 4, v, w[1] == 1);
                        Files.write(tmp, f);
                        long before = mx.getThreadAllocatedBytes(tid);
                        readAll(f, null);
                        readAll(null, tmp);
                        long used = mx.getThreadAllocatedBytes(tid) - before;
                        assertThat(used).as("%s: word at %d set to 0x%x allocates", c.name(), w[0], v)
                                .isLessThan(16L * 1024 * 1024 + 16L * f.length);
                        tried++;
                    }
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        assertThat(tried).isGreaterThan(700);
    }

    private static void readAll(byte[] mem, Path p) {
        try (FrameSource fs = mem != null ? CaptureFiles.read(mem) : CaptureFiles.open(p)) {
            for (int i = 0; i < fs.size(); i++) fs.frame(i);
        } catch (InputException e) {
            // refused with a reason: fine
        }
    }
}
