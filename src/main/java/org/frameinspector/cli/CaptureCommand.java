package org.frameinspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.frameinspector.capture.CaptureException;
import org.frameinspector.capture.CaptureSession;
import org.frameinspector.capture.LiveCapture;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "capture", description = "Capture live (libpcap) and dissect each frame as it arrives: one summary "
        + "line per frame plus its findings. Needs root or capture capabilities.")
public final class CaptureCommand implements Callable<Integer> {
    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE", description = "Interface to capture on (e.g. eth0, lo).")
    String iface;

    @Option(names = {"-f", "--filter"}, paramLabel = "BPF", description = "Capture filter, e.g. 'tcp port 102'.")
    String filter;

    @Option(names = {"-c", "--count"}, paramLabel = "N", defaultValue = "0", description = "Stop after N frames (0: until Ctrl-C).")
    int count;

    @Option(names = {"-w", "--write"}, paramLabel = "FILE.pcapng", description = "Also write the frames to a pcapng file.")
    Path write;

    @Option(names = "--list", description = "List the capture interfaces and exit.")
    boolean list;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            if (!LiveCapture.available()) {
                err.println("frame-inspector: " + LiveCapture.INSTALL_HINT);
                return 2;
            }
            out.println(LiveCapture.interfaces());
            return 0;
        }
        if (iface == null) {
            err.println("frame-inspector: capture needs -i IFACE (see --list)");
            return 2;
        }
        LiveCapture cap;
        try {
            cap = LiveCapture.open(iface, filter, 65535, 200);
        } catch (CaptureException e) {
            err.println("frame-inspector: " + e.getMessage());
            return 2;
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        CaptureSession s = new CaptureSession(cap, org.frameinspector.core.protocols.Protocols.dissector());
        long[] t0 = {0};
        try (cap) {
            s.run(count, write, stop::get, d -> {
                if (t0[0] == 0) t0[0] = d.frame().timestampNanos();
                print(out, d, t0[0]);
            });
        } catch (CaptureException | IOException e) {
            err.println("frame-inspector: " + e.getMessage());
            return 2;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        out.printf("%d frame(s) captured on %s%s%n", s.frames(), iface, write == null ? "" : ", written to " + write);
        return 0;
    }

    static void print(PrintWriter out, Dissection d, long t0) {
        out.printf("%6d %10.6f  %-22s %-22s %-6s %4d  %s%n", d.frame().number(), (d.frame().timestampNanos() - t0) / 1e9,
                d.src(), d.dst(), d.protocol(), d.frame().capturedLength(), d.info());
        for (Finding f : d.findings()) {
            out.printf("         %-9s %s at offset 0x%04x%s%n", f.severity(), f.message(), f.offset(),
                    f.source().equals("frame") ? "" : " of " + f.source());
        }
        out.flush();
    }
}
