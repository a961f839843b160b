package org.frameinspector.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frameinspector.core.stream.InOrder;
import org.frameinspector.core.export.AnnotatedText;
import org.frameinspector.core.export.Exporter;
import org.frameinspector.core.export.FrameSelection;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
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
        org.frameinspector.core.filter.DisplayFilter filter = filterOptions.compileOrReport(err);
        if (filter == null) return 2;
        try {
            fmt = Exporter.Format.parse(format);
            sel = FrameSelection.parse(frames);
        } catch (IllegalArgumentException e) {
            err.println("frame-inspector: " + e.getMessage());
            return 2;
        }
        Loaded in = input.loadOrReport(err);
        if (in == null) return 2;
        for (String w : in.warnings()) err.println("frame-inspector: warning: " + w);
        // notes saved next to a dump (or in a pcapng's comments) go into every export
        org.frameinspector.core.notes.NotesStore notes;
        try {
            notes = input.notes(in);
        } catch (IOException e) {
            err.println("frame-inspector: cannot read the notes of " + input.file + ": " + e.getMessage());
            return 2;
        }
        List<Dissection> ds = new ArrayList<>();
        try (FrameSource fs = in.frames()) {
            // every frame is dissected in order (connection state), only the selected ones are kept
            InOrder.dissect(fs, input.startsAt, d -> {
                if (!sel.contains(d.frame().number())) return;
                if (onlyFindings && d.findings().isEmpty()) return;
                if (filter.matches(d)) ds.add(d);
            });
        }
        try {
            if ("-".equals(out)) {
                OutputStream os = System.out;
                Exporter.write(fmt, ds, in, new Exporter.Options(ascii), os, notes);
                os.flush();
            } else {
                try (OutputStream os = Files.newOutputStream(Path.of(out))) {
                    Exporter.write(fmt, ds, in, new Exporter.Options(ascii), os, notes);
                }
            }
        } catch (IOException e) {
            err.println("frame-inspector: cannot write " + out + ": " + e.getMessage());
            return 2;
        }
        return 0;
    }
}
