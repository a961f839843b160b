package org.frameinspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.frameinspector.capture.BenchCaptureGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate-bench", description = "Write the benchmark capture: Ethernet/IPv4/TCP/TPKT/COTP frames "
        + "(100-300 bytes, correct checksums, CR/CC/DT incl. segmented DTs), deterministic for a seed.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--frames", defaultValue = "1000000", description = "Number of frames (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.pcap", description = "Output pcap file.")
    Path output;

    @Option(names = "--seed", defaultValue = "1006", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--connections", defaultValue = "8", description = "Connections open at a time (default ${DEFAULT-VALUE}).")
    int connections;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (frames <= 0) {
            err.println("frame-inspector: --frames must be positive");
            return 2;
        }
        long t0 = System.nanoTime();
        BenchCaptureGenerator g = new BenchCaptureGenerator(seed, connections);
        try {
            g.write(output, frames);
        } catch (IOException e) {
            err.println("frame-inspector: cannot write " + output + ": " + e.getMessage());
            return 2;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf("wrote %d frames of %d connections to %s in %.2f s%n", g.written(), g.connections(), output, s);
        return 0;
    }
}
