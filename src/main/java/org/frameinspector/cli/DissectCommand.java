package org.frameinspector.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.export.JsonExport;
import org.frameinspector.core.export.TreeText;
import org.frameinspector.core.input.FrameSource;
import org.frameinspector.core.input.InputException;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "dissect", description = "Print the field tree of every frame (like tshark -V) with findings, or JSON.")
public final class DissectCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Option(names = "--json", description = "One JSON document (the documented contract).")
    boolean json;

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
            FrameDissector fd = FrameDissector.standard();
            if (json) {
                List<Dissection> all = new ArrayList<>();
                for (int i = 0; i < fs.size(); i++) all.add(fd.dissect(fs.frame(i), input.startsAt, null));
                out.println(JsonExport.document(new JsonExport.InputInfo(in.name(), in.format(), in.layout(),
                        in.startLayer()), all));
            } else {
                if (in.layout() != null) out.println("Input: " + in.name() + " (" + in.format() + ", layout: "
                        + in.layout() + ", starts at: " + in.startLayer() + ")");
                else out.println("Input: " + in.name() + " (" + in.format() + ")");
                for (int i = 0; i < fs.size(); i++) {
                    out.println();
                    out.print(TreeText.render(fd.dissect(fs.frame(i), input.startsAt, null)));
                }
            }
        }
        return 0;
    }
}
