package org.frameinspector.fuzz;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The long run: {@code FuzzLong N_FRAMES N_DUMPS N_CAPTURES [seed] [threads] [failDir]}. Streams, filters and the
 * CLI get a share proportional to the others (N_FRAMES/100 stream windows, N_DUMPS/10 filters, N_CAPTURES/10 CLI
 * runs). Prints progress, the figures, every failure; exits 1 on any failure or hang.
 */
public final class FuzzLong {
    private FuzzLong() {
    }

    public static void main(String[] a) throws Exception {
        if (a.length > 0 && a[0].equals("one")) { // one TARGET INDEX SEED: re-run a single input alone, timed
            Campaign.Target t = Campaign.Target.valueOf(a[1].toUpperCase(java.util.Locale.ROOT));
            long i = Long.parseLong(a[2]);
            Campaign c = new Campaign(Long.decode(a[3]), Path.of("target/fuzz-failures"), 60_000);
            for (int k = 0; k < 3; k++) {
                long t0 = System.nanoTime();
                c.run(t, i, i + 1, 1);
                System.out.printf("%s #%d: %d ms%n", t, i, (System.nanoTime() - t0) / 1_000_000);
            }
            for (Campaign.Failure f : c.failures) System.out.println("FAILURE " + f);
            System.exit(c.failures.isEmpty() ? 0 : 1);
        }
        long frames = a.length > 0 ? Long.parseLong(a[0]) : 1_000_000;
        long dumps = a.length > 1 ? Long.parseLong(a[1]) : 10_000;
        long caps = a.length > 2 ? Long.parseLong(a[2]) : 1_000;
        long seed = a.length > 3 ? Long.decode(a[3]) : 0x5EEDL;
        int threads = a.length > 4 ? Integer.parseInt(a[4]) : 2;
        Path failDir = Path.of(a.length > 5 ? a[5] : "target/fuzz-failures");
        long start = System.nanoTime();
        Campaign c = new Campaign(seed, failDir, 2000);
        System.out.printf("seed 0x%x, %d threads, %d frame seeds, %d dump seeds, %d capture seeds, max heap %d MiB%n",
                seed, threads, c.seeds.frames.size(), c.seeds.dumps.size(), c.seeds.captures.size(),
                Runtime.getRuntime().maxMemory() >> 20);
        boolean ok = true;
        long chunk = 250_000;
        for (long at = 0; at < frames && ok; at += chunk) {
            ok = c.run(Campaign.Target.FRAME, at, Math.min(frames, at + chunk), threads);
            progress(c, start, "frames " + Math.min(frames, at + chunk) + "/" + frames);
        }
        ok = ok && step(c, Campaign.Target.STREAM, frames / 100, threads, start);
        ok = ok && step(c, Campaign.Target.DUMP, dumps, threads, start);
        ok = ok && step(c, Campaign.Target.CAPTURE, caps, threads, start);
        ok = ok && step(c, Campaign.Target.FILTER, dumps / 10, threads, start);
        ok = ok && step(c, Campaign.Target.CLI, caps / 10, threads, start);
        System.out.println("---- figures");
        System.out.print(c.summary());
        System.out.println("wall " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
        for (Campaign.Failure f : c.failures) System.out.println("FAILURE " + f);
        System.out.flush();
        System.exit(c.failures.isEmpty() && ok ? 0 : 1);
    }

    private static boolean step(Campaign c, Campaign.Target t, long n, int threads, long start) throws InterruptedException {
        long chunk = 20_000;
        for (long at = 0; at < n; at += chunk) {
            if (!c.run(t, at, Math.min(n, at + chunk), threads)) return false;
            progress(c, start, t + " " + Math.min(n, at + chunk) + "/" + n);
        }
        return true;
    }

    private static void progress(Campaign c, long start, String what) {
        long s = Math.max(1, (System.nanoTime() - start) / 1_000_000_000L);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("[%5d s] %s, failures %d, heap used %d MiB%n", s, what, c.failures.size(),
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
