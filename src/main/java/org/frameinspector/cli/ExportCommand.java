package org.frameinspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frameinspector.core.stream.InOrder;
import org.frameinspector.core.export.ExportWriter;
import org.frameinspector.core.export.Exporter;
import org.frameinspector.core.export.FrameSelection;
import org.frameinspector.core.export.JsonExport;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.notes.NotesStore;
import org.frameinspector.core.output.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", description = "Write frames as an annotated dump (text), HTML, Markdown, JSON, pcap or pcapng.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "text, html, md, json, pcap or pcapng.")
    String format;

    @Option(names = "--frames", paramLabel = "LIST", description = "Frames to include, e.g. 1,3-5 (default: all).")
    String frames;

    @Mixin
    FilterOptions filterOptions;

    @Option(names = "--only-findings", description = "Only frames that have findings.")
    boolean onlyFindings;

    @Option(names = "--ascii", description = "Plain ASCII (text and md).")
    boolean ascii;

    @Option(names = "-o", required = true, paramLabel = "OUT", description = "Output file; '-' writes to stdout.")
    String out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Exporter.Format fmt;
        FrameSelection sel;
        DisplayFilter filter = filterOptions.compileOrReport(err);
        if (filter == null) return 2;
        try {
            fmt = Exporter.Format.parse(format);
            sel = FrameSelection.parse(frames);
        } catch (IllegalArgumentException e) {
            err.println("frame-inspector: " + e.getMessage());
            return 2;
        }
        // refused before anything is read when it names the input; replaced only when the export is complete
        try (OutputFile target = input.output(out, err)) {
            if (target == null) return 2;
            Loaded in = input.loadOrReport(err);
            if (in == null) return 2;
            // notes saved next to a dump (or in a pcapng's comments) go into every export
            List<String> noteWarnings = new ArrayList<>();
            NotesStore notes = input.notes(in, noteWarnings::add);
            ExportWriter w = Exporter.open(fmt, target.stream(), new Exporter.Options(ascii), notes);
            int[] written = {0, 0};
            java.util.BitSet shown = new java.util.BitSet(); // the frames written, for the end-of-input findings
            org.frameinspector.core.stream.Conversations conv;
            try (FrameSource fs = in.frames()) {
                // every frame is dissected in order (connection state); the selected ones are written as they come
                conv = InOrder.dissect(fs, input.startsAt, d -> {
                    written[1]++;
                    if (!sel.contains(d.frame().number())) return;
                    if (onlyFindings && d.findings().isEmpty()) return;
                    if (!filter.matches(d)) return;
                    try {
                        if (written[0]++ == 0) w.begin(JsonExport.InputInfo.of(in, noteWarnings));
                        shown.set(d.frame().number());
                        w.frame(d);
                    } catch (IOException e) {
                        throw new WriteFailed(e);
                    }
                });
            }
            if (written[0] == 0) {
                err.println("frame-inspector: no frame matched" + what() + " (the input has " + written[1] + " frame"
                        + (written[1] == 1 ? "" : "s") + "); nothing was written");
                return 2;
            }
            w.endFindings(org.frameinspector.core.stream.EndFinding.about(conv.endFindings(), shown::get));
            w.connections(conv.rows());
            w.end();
            target.commit();
            // after the export is in place: a failure is one line on its own (the warnings are in a JSON export too)
            InputOptions.warn(err, in, noteWarnings);
        } catch (IOException | WriteFailed | UncheckedIOException e) {
            return input.failed(err, out, e);
        }
        return 0;
    }

    /** The selection that matched nothing, as the user gave it. */
    private String what() {
        List<String> parts = new ArrayList<>();
        if (frames != null && !frames.isBlank()) parts.add("--frames " + frames);
        if (filterOptions.displayFilter != null && !filterOptions.displayFilter.isBlank()) {
            parts.add("-Y \"" + filterOptions.displayFilter + "\"");
        }
        if (onlyFindings) parts.add("--only-findings");
        return parts.isEmpty() ? "" : " " + String.join(" ", parts);
    }
}
