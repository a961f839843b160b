package org.frameinspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
import org.frameinspector.core.output.OutputFile;
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
        try {
            fmt = format != null ? FixOutput.Format.parse(format) : FixOutput.Format.forFileName(out);
            sel = FrameSelection.parse(frames);
        } catch (IllegalArgumentException e) {
            err.println("frame-inspector: " + e.getMessage());
            return 2;
        }
        // refused before anything is read when it names the input ("the original is never changed")
        try (OutputFile target = input.output(out, err)) {
            if (target == null) return 2;
            Loaded in;
            try {
                in = input.load();
            } catch (InputException | IllegalArgumentException e) {
                err.println("frame-inspector: " + e.getMessage());
                return 2;
            }
            FrameFixer fixer = new FrameFixer(org.frameinspector.core.protocols.Protocols.dissector(),
                    new FrameFixer.Options(allReserved));
            FixOutput w = FixOutput.open(fmt, in.name(), target.stream());
            int[] totals = new int[3]; // frames, changed frames, changes
            boolean[] left = {false};
            try (FrameSource fs = in.frames()) {
                // written and reported frame by frame as the fixer produces them
                fixer.fixEach(fs, input.startsAt, sel::contains, r -> {
                    try {
                        w.write(r);
                    } catch (IOException e) {
                        throw new WriteFailed(e);
                    }
                    totals[0]++;
                    if (r.changed()) totals[1]++;
                    totals[2] += r.changes().size();
                    left[0] |= report(report, r);
                });
            }
            if (totals[0] == 0) {
                err.println("frame-inspector: no frames selected" + (frames == null ? "" : " by --frames " + frames)
                        + "; nothing was written");
                return 2;
            }
            w.end();
            target.commit();
            int changes = totals[2];
            report.println(totals[0] + " frame" + (totals[0] == 1 ? "" : "s") + " written as "
                    + fmt.name().toLowerCase(java.util.Locale.ROOT) + ", " + totals[1] + " changed (" + changes + " change"
                    + (changes == 1 ? "" : "s") + ")");
            report.flush();
            return left[0] ? 1 : 0;
        } catch (IOException | WriteFailed | UncheckedIOException e) {
            return input.failed(err, out, e);
        }
    }

    /** What changed in one frame; true when something fixable was left. */
    private static boolean report(PrintWriter report, FixResult r) {
        if (!r.changed() && r.notFixed().isEmpty()) return false;
        boolean left = false;
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
        return left;
    }
}
