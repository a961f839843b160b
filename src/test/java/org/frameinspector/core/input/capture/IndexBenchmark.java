package org.frameinspector.core.input.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.PcapWriter;
import org.frameinspector.core.output.PcapngWriter;

/**
 * Measures indexing speed on a synthetic pcap (JUnit-free; not part of the test run):
 * {@code java -cp target/classes:target/test-classes org.frameinspector.core.input.capture.IndexBenchmark [frames] [runs]}.
 * Writes 1M frames of 200 bytes (≈216 MB as pcap; {@code -Dfi.bench.format=pcapng} for pcapng) to a temp dir
 * (or to {@code -Dfi.bench.file=PATH}, kept for later runs), indexes it several times and prints frames/s per run.
 * With {@code -Dfi.bench.stream=true} each run is what a one-pass command does instead: {@link CaptureStream#open}
 * and a cursor over every frame's bytes.
 */
public final class IndexBenchmark {
    private IndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String keep = System.getProperty("fi.bench.file"); // keep (and reuse) the file there
        Path dir = keep != null ? null : Files.createTempDirectory("fi-bench");
        boolean ng = "pcapng".equals(System.getProperty("fi.bench.format"));
        Path file = keep != null ? Path.of(keep) : dir.resolve(ng ? "bench.pcapng" : "bench.pcap");
        try {
            if (keep == null || !Files.exists(file)) write(file, frames, ng);
            System.out.printf("file: %d frames, %d bytes%n", frames, Files.size(file));
            double best = Double.MAX_VALUE;
            double[] times = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                int n;
                long check = 0;
                if (Boolean.getBoolean("fi.bench.stream")) {
                    try (CaptureStream cs = CaptureStream.open(file);
                         org.frameinspector.core.source.FrameCursor c = cs.cursor()) {
                        n = 0;
                        while (c.next()) {
                            n++;
                            check += c.length() + c.bytes()[c.length() / 2] + c.timestampNanos();
                        }
                    }
                } else {
                    try (CaptureIndex idx = CaptureIndex.open(file)) {
                        n = idx.size();
                        check += idx.timestampNanos(n - 1) + idx.capturedLength(n / 2);
                    }
                }
                double s = (System.nanoTime() - t0) / 1e9;
                times[r] = s;
                best = Math.min(best, s);
                if (n != frames) throw new IllegalStateException("indexed " + n + " of " + frames);
                System.out.printf("run %d: %.3f s, %.2f M frames/s (check %d)%n", r + 1, s, n / s / 1e6, check);
            }
            java.util.Arrays.sort(times);
            double median = times[runs / 2];
            System.out.printf("median %.3f s = %.2f M frames/s; best %.3f s = %.2f M frames/s%n",
                    median, frames / median / 1e6, best, frames / best / 1e6);
            if (Boolean.getBoolean("fi.bench.skipRead")) return;
            try (CaptureIndex idx = CaptureIndex.open(file)) {
                long t0 = System.nanoTime();
                long sum = 0;
                for (int i = 0; i < idx.size(); i++) sum += idx.frame(i).data()[14];
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("reading every frame's bytes: %.3f s = %.2f M frames/s (sum %d)%n",
                        s, idx.size() / s / 1e6, sum);
            }
        } finally {
            if (keep == null) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        }
    }

    static void write(Path file, int frames, boolean pcapng) throws IOException {
        byte[] data = new byte[200];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            PcapWriter pw = pcapng ? null : new PcapWriter(os, Frame.LINK_ETHERNET, false);
            PcapngWriter nw = pcapng ? new PcapngWriter(os) : null;
            for (int i = 0; i < frames; i++) {
                data[20] = (byte) i;
                Frame f = new Frame(i + 1, data, data.length, 1_700_000_000_000_000_000L + i * 1_000L,
                        Frame.LINK_ETHERNET, 0, null);
                if (pw != null) pw.write(f);
                else nw.write(f);
            }
            if (pw != null) pw.flush();
            else nw.flush();
        }
    }
}
