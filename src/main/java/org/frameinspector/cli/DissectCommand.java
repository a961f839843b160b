package org.frameinspector.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frameinspector.core.stream.InOrder;
import org.frameinspector.core.export.JsonExport;
import org.frameinspector.core.export.TreeText;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.filter.FilterSyntaxException;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
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

    @Mixin
    FilterOptions filterOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DisplayFilter filter = filterOptions.compileOrReport(err);
        if (filter == null) return 2;
        Loaded in = input.loadOrReport(err);
        if (in == null) return 2;
        for (String w : in.warnings()) err.println("frame-inspector: warning: " + w);
        try (FrameSource fs = in.frames()) {
            if (json) {
                List<Dissection> all = new ArrayList<>();
                InOrder.dissect(fs, input.startsAt, d -> {
                    if (filter.matches(d)) all.add(d);
                });
                org.frameinspector.core.notes.NotesStore notes;
                try {
                    notes = input.notes(in);
                } catch (java.io.IOException e) {
                    err.println("frame-inspector: cannot read the notes of " + input.file + ": " + e.getMessage());
                    return 2;
                }
                out.println(JsonExport.document(new JsonExport.InputInfo(in.name(), in.format(), in.layout(),
                        in.startLayer(), in.warnings()), all, notes));
            } else {
                if (in.layout() != null) out.println("Input: " + in.name() + " (" + in.format() + ", layout: "
                        + in.layout() + ", starts at: " + in.startLayer() + ")");
                else out.println("Input: " + in.name() + " (" + in.format() + ")");
                InOrder.dissect(fs, input.startsAt, d -> {
                    if (!filter.matches(d)) return;
                    out.println();
                    out.print(TreeText.render(d));
                });
            }
        }
        return 0;
    }
}
