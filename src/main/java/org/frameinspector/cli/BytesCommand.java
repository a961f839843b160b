package org.frameinspector.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Loaded;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bytes FILE|-}: each recovered frame as lowercase hex, one line per frame, nothing else on stdout. An input
 * that cannot be read exactly gives exit code 2 and one line on stderr (with line and column for a dump).
 */
@Command(name = "bytes", description = "Print each recovered frame as lowercase hex, one line per frame.")
public final class BytesCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Option(names = {"-v", "--verbose"}, description = "Also print the recognised layout and start layer on stderr.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Loaded in = input.loadOrReport(err);
        if (in == null) return 2;
        for (String w : in.warnings()) err.println("frame-inspector: warning: " + w);
        if (verbose) {
            err.println("format: " + in.format() + (in.layout() != null ? "; layout: " + in.layout() : "")
                    + (in.startLayer() != null ? "; starts at: " + in.startLayer() : ""));
        }
        try (FrameSource fs = in.frames()) {
            for (int i = 0; i < fs.size(); i++) out.println(Fmt.hex(fs.frame(i).data()));
        }
        return 0;
    }
}
