package org.frameinspector.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.frameinspector.core.export.FrameSelection;
import org.frameinspector.core.fix.Change;
import org.frameinspector.core.fix.FixOutput;
import org.frameinspector.core.fix.FixResult;
import org.frameinspector.core.fix.FrameFixer;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fix", description = {
        "Write a conformant copy of frames: reserved fields zeroed, inconsistent lengths and COTP LI recomputed,",
        "IPv4/TCP checksums recomputed. The input is not changed. Prints what changed per frame.",
        "Exit 0: written, no fixable finding left; 1: written, some could not be fixed; 2: unreadable input or usage error."})
public final class FixCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Option(names = "--frames", paramLabel = "LIST", description = "Frames to fix and write, e.g. 1,3-5 (default: all).")
    String frames;

    @Option(names = "--format", paramLabel = "FORMAT", description = "hex, pcap or pcapng (default: by the extension of OUT, else hex).")
    String format;

    @Option(names = "--all-reserved", description = "Zero RESERVED fields of every layer, not just link/IP/TCP/TPKT/COTP.")
    boolean allReserved;

    @Option(names = "-o", required = true, paramLabel = "OUT", description = "Output file; '-' writes to stdout (the report then goes to stderr).")
    String out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter report = "-".equals(out) ? err : spec.commandLine().getOut();
        FixOutput.Format fmt;
        FrameSelection sel;
        Loaded in;
        try {
            fmt = format != null ? FixOutput.Format.parse(format) : FixOutput.Format.forFileName(out);
            sel = FrameSelection.parse(frames);
            in = input.load();
        } catch (InputException | IllegalArgumentException e) {
            err.println("frame-inspector: " + e.getMessage());
            return 2;
        }
        FrameFixer fixer = new FrameFixer(org.frameinspector.core.protocols.Protocols.dissector(),
                new FrameFixer.Options(allReserved));
        List<FixResult> results;
        try (FrameSource fs = in.frames()) {
            results = fixer.fixAll(fs, input.startsAt, sel::contains).results();
        }
        if (results.isEmpty()) {
            err.println("frame-inspector: no frames selected");
            return 2;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            FixOutput.write(fmt, results, in.name(), buf);
            if ("-".equals(out)) {
                System.out.write(buf.toByteArray());
                System.out.flush();
            } else {
                try (OutputStream os = Files.newOutputStream(Path.of(out))) {
                    buf.writeTo(os);
                }
            }
        } catch (IOException e) {
            err.println("frame-inspector: cannot write " + out + ": " + e.getMessage());
            return 2;
        }
        boolean left = false;
        int changed = 0, changes = 0;
        for (FixResult r : results) {
            if (r.changed()) changed++;
            changes += r.changes().size();
            if (!r.changed() && r.notFixed().isEmpty()) continue;
            report.println("Frame " + r.original().number() + ": " + r.changes().size() + " change"
                    + (r.changes().size() == 1 ? "" : "s"));
            for (Change c : r.changes()) report.println("  " + c.describe().replace("\u2192", "->"));
            for (String s : r.notFixed()) {
                report.println("  not fixed: " + s);
                left = true;
            }
            StringBuilder rem = new StringBuilder();
            for (Finding f : r.remaining()) rem.append(rem.length() == 0 ? "" : ", ").append(f.id());
            report.println("  findings left: " + (rem.length() == 0 ? "none" : rem));
        }
        report.println(results.size() + " frame" + (results.size() == 1 ? "" : "s") + " written as " + fmt.name().toLowerCase()
                + ", " + changed + " changed (" + changes + " change" + (changes == 1 ? "" : "s") + ")");
        report.flush();
        return left ? 1 : 0;
    }
}
