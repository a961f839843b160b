package org.frameinspector.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.hexdump.HexDump;
import org.frameinspector.core.input.hexdump.HexDumpParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Measures the hex-dump parser on a large {@code od -Ax -tx1} dump (generated in memory, or read from a file). */
@Command(name = "bench-dump", description = "Benchmark the hex-dump parser on an od -Ax -tx1 dump and print MB/s of dump text.")
public final class BenchDumpCommand implements Callable<Integer> {
    @Option(names = "--size-mb", description = "Size of the generated dump text in MB (default ${DEFAULT-VALUE}).", defaultValue = "100")
    int sizeMb;

    @Option(names = "--runs", description = "Timed runs after one warm-up run (default ${DEFAULT-VALUE}).", defaultValue = "5")
    int runs;

    @Option(names = "--file", paramLabel = "FILE", description = "Parse this dump file instead of a generated one.")
    Path file;

    @Option(names = "--write", paramLabel = "FILE", description = "Also write the generated dump to FILE.")
    Path write;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (sizeMb < 1 || sizeMb > 400 || runs < 1 || runs > 50) {
            err.println("frame-inspector: --size-mb must be 1..400 and --runs 1..50");
            return 2;
        }
        byte[] text;
        long expected = -1;
        if (file != null) {
            text = Files.readAllBytes(file);
        } else {
            long target = sizeMb * 1_000_000L;
            long rows = target / 55;
            expected = rows * 16;
            text = odDump(expected, 42);
            if (write != null) Files.write(write, text);
        }
        String s = new String(text, StandardCharsets.ISO_8859_1);
        double mb = text.length / 1e6;
        out.printf("dump: %.1f MB of text%s%n", mb, file != null ? " from " + file : " (od -Ax -tx1, generated)");
        double[] rates = new double[runs];
        double[] cpuRates = new double[runs];
        java.lang.management.ThreadMXBean tmx = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = tmx.isCurrentThreadCpuTimeSupported();
        HexDump d = null;
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            long c0 = cpu ? tmx.getCurrentThreadCpuTime() : 0;
            try {
                d = HexDumpParser.parse(s);
            } catch (InputException e) {
                err.println("frame-inspector: " + e.getMessage());
                return 2;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuSecs = cpu ? (tmx.getCurrentThreadCpuTime() - c0) / 1e9 : secs;
            if (r >= 0) {
                rates[r] = mb / secs;
                cpuRates[r] = mb / Math.max(cpuSecs, 1e-9);
            }
        }
        long bytes = 0;
        for (byte[] f : d.frames()) bytes += f.length;
        if (expected >= 0 && (d.frames().size() != 1 || bytes != expected)) {
            err.println("frame-inspector: parser recovered " + bytes + " bytes in " + d.frames().size()
                    + " frame(s), expected " + expected + " in 1");
            return 2;
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        out.printf("layout: %s; %d frame(s), %d bytes%n", d.layout(), d.frames().size(), bytes);
        out.printf("parse: median %.0f MB/s, best %.0f MB/s over %d runs (wall clock)%n", rates[runs / 2], rates[runs - 1], runs);
        out.printf("parse: median %.0f MB/s, best %.0f MB/s per CPU second of the parsing thread%n",
                cpuRates[runs / 2], cpuRates[runs - 1]);
        return 0;
    }

    /** Writes {@code n} pseudo-random bytes the way {@code od -Ax -tx1 -v} prints them (offsets widen past 6 digits). */
    static byte[] odDump(long n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int rows = (int) ((n + 15) / 16);
        byte[] out = new byte[(int) Math.min(Integer.MAX_VALUE - 16, rows * 58L + 16)];
        int p = 0;
        byte[] hex = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        for (long off = 0; off < n; off += 16) {
            p = offset(out, p, off, hex);
            long left = Math.min(16, n - off);
            for (int i = 0; i < left; i++) {
                int v = rnd.nextInt(256);
                out[p++] = ' ';
                out[p++] = hex[v >> 4];
                out[p++] = hex[v & 15];
            }
            out[p++] = '\n';
        }
        p = offset(out, p, n, hex);
        out[p++] = '\n';
        return Arrays.copyOf(out, p);
    }

    private static int offset(byte[] out, int p, long off, byte[] hex) {
        int digits = Math.max(6, (64 - Long.numberOfLeadingZeros(off) + 3) / 4);
        for (int k = digits - 1; k >= 0; k--) out[p++] = hex[(int) (off >>> (4 * k)) & 15];
        return p;
    }
}
