package org.frameinspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.capture.CaptureFiles;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.stream.Conversations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", description = "Measure frames/s on a capture: indexing (open), the one-pass read of "
        + "every frame's bytes without an index (what check reads), full dissection with "
        + "findings per frame, dissection with TCP/TPKT/COTP reassembly, and the check pass (findings with "
        + "reassembly). Dissections are not kept.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "pcap or pcapng file (e.g. from generate-bench).")
    Path file;

    @Option(names = "--only", paramLabel = "STAGE", description = "Run one stage: index, read, dissect, reassembly or check.")
    String only;

    @Option(names = "--repeat", defaultValue = "1", description = "Run each stage this many times (the JIT warms up "
            + "over the first); every run is reported.")
    int repeat;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file)) {
            err.println("frame-inspector: cannot read " + file);
            return 2;
        }
        try {
            long size = Files.size(file);
            out.printf("%s: %.1f MB%n", file, size / 1e6);
            for (int r = 0; r < Math.max(1, repeat); r++) {
                if (only == null || only.equals("index")) {
                    long t0 = System.nanoTime();
                    int n;
                    try (FrameSource fs = CaptureFiles.open(file)) {
                        n = fs.size();
                    }
                    report(out, "index", n, System.nanoTime() - t0, "");
                }
                if (only == null || only.equals("read")) read(out);
                if (only == null || only.equals("dissect")) run(out, false);
                if (only == null || only.equals("reassembly")) run(out, true);
                if (only == null || only.equals("check")) check(out);
            }
        } catch (InputException | IOException e) {
            err.println("frame-inspector: " + e.getMessage());
            return 2;
        }
        out.printf("peak RSS %s, heap used now %.0f MB (max %.0f MB)%n", rss(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        return 0;
    }

    private void run(PrintWriter out, boolean reassembly) throws InputException {
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        long t0 = System.nanoTime();
        long findings = 0;
        int n;
        Conversations conv = reassembly ? new Conversations() : null;
        try (FrameSource fs = CaptureFiles.open(file)) {
            n = fs.size();
            for (int i = 0; i < n; i++) {
                Dissection d = fd.dissect(fs.frame(i), null, conv);
                if (conv != null) conv.record(d);
                findings += d.findings().size();
            }
        }
        if (conv != null) conv.finish();
        report(out, reassembly ? "reassembly" : "dissect", n, System.nanoTime() - t0,
                findings + " findings" + (conv != null ? ", " + conv.rows().size() + " connections" : ""));
    }

    /** What the one-pass commands read: the capture opened without an index and every frame's bytes in order. */
    private void read(PrintWriter out) throws InputException {
        long t0 = System.nanoTime();
        int n = 0;
        long bytes = 0;
        try (FrameSource fs = org.frameinspector.core.input.capture.CaptureStream.open(file);
             org.frameinspector.core.source.FrameCursor c = fs.cursor()) {
            while (c.next()) {
                n++;
                bytes += c.length();
            }
        }
        report(out, "read", n, System.nanoTime() - t0, bytes + " captured bytes");
    }

    /** What check does after loading: one in-order pass for findings with connection state. */
    private void check(PrintWriter out) throws InputException {
        long t0 = System.nanoTime();
        long[] findings = {0, 0};
        org.frameinspector.core.stream.Conversations conv;
        try (FrameSource fs = org.frameinspector.core.input.capture.CaptureStream.open(file)) {
            conv = org.frameinspector.core.stream.InOrder.dissect(fs, null, d -> {
                findings[0] += d.findings().size();
                findings[1]++;
            });
        }
        report(out, "check", (int) findings[1], System.nanoTime() - t0, String.format("%d findings, %d connections",
                findings[0], conv.rows().size()));
    }

    private static void report(PrintWriter out, String stage, int frames, long nanos, String extra) {
        double s = nanos / 1e9;
        out.printf("%-10s %,10d frames in %7.3f s = %,12.0f frames/s%s%n", stage, frames, s, frames / Math.max(s, 1e-9),
                extra.isEmpty() ? "" : "  (" + extra + ")");
        out.flush();
    }

    /** VmHWM from /proc/self/status (Linux), else "n/a". */
    static String rss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) return l.substring(6).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "n/a";
    }
}
