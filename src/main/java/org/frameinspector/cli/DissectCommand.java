package org.frameinspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frameinspector.core.stream.Conversations;
import org.frameinspector.core.stream.EndFinding;
import org.frameinspector.core.stream.InOrder;
import org.frameinspector.core.export.JsonExport;
import org.frameinspector.core.export.TreeText;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.notes.NotesStore;
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
        List<String> noteWarnings = new ArrayList<>();
        NotesStore notes = json ? input.notes(in, noteWarnings::add) : null;
        InputOptions.warn(err, in, noteWarnings);
        // the frames shown, for the findings the end of the input raises about earlier frames
        java.util.BitSet shown = new java.util.BitSet();
        try (FrameSource fs = in.frames()) {
            if (json) {
                // the document is written as the frames are dissected: nothing is kept from frame to frame
                JsonExport w = new JsonExport(out, notes);
                w.begin(JsonExport.InputInfo.of(in, noteWarnings));
                Conversations conv = InOrder.dissect(fs, input.startsAt, d -> {
                    if (!filter.matches(d)) return;
                    shown.set(d.frame().number());
                    try {
                        w.frame(d);
                    } catch (IOException e) {
                        throw new WriteFailed(e);
                    }
                });
                w.endFindings(EndFinding.about(conv.endFindings(), shown::get));
                w.end();
            } else {
                if (in.layout() != null) out.println("Input: " + in.name() + " (" + in.format() + ", layout: "
                        + in.layout() + ", starts at: " + in.startLayer() + ")");
                else out.println("Input: " + in.name() + " (" + in.format() + ")");
                Conversations conv = InOrder.dissect(fs, input.startsAt, d -> {
                    if (!filter.matches(d)) return;
                    shown.set(d.frame().number());
                    out.println();
                    try {
                        TreeText.write(d, out);
                    } catch (IOException e) {
                        throw new WriteFailed(e);
                    }
                });
                TreeText.writeEnd(EndFinding.about(conv.endFindings(), shown::get), out);
            }
        } catch (IOException | WriteFailed | UncheckedIOException e) {
            return input.failed(err, "the output", e);
        }
        return 0;
    }
}
