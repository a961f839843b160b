package org.frameinspector.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.frameinspector.core.dissect.Fmt;
import org.frameinspector.core.input.FrameSource;
import org.frameinspector.core.input.InputException;
import org.frameinspector.core.input.Loaded;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bytes", description = "Print each recovered frame as lowercase hex, one line per frame.")
public final class BytesCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Loaded in;
        try {
            in = input.load();
        } catch (InputException | IllegalArgumentException e) {
            err.println("frame-inspector: " + e.getMessage());
            return 2;
        }
        try (FrameSource fs = in.frames()) {
            for (int i = 0; i < fs.size(); i++) out.println(Fmt.hex(fs.frame(i).data()));
        }
        return 0;
    }
}
