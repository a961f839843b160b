package org.frameinspector.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.frameinspector.core.stream.Conversations;
import org.frameinspector.core.stream.EndFinding;
import org.frameinspector.core.stream.InOrder;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.filter.FilterSyntaxException;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", description = "Print the findings only. Exit 0: no VIOLATION or RISK; 1: some; 2: unreadable input.")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary line.")
    boolean quiet;

    @Mixin
    FilterOptions filterOptions;

    @Option(names = "--strict-checksums", description = "Report every unfinished TCP checksum as a bad checksum, "
            + "also when the capture shows checksum offload on the sending host (normally one INFO per direction).")
    boolean strictChecksums;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        InOrder.warmUpInBackground();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DisplayFilter filter = filterOptions.compileOrReport(err);
        if (filter == null) return 2;
        Loaded in = input.loadOrReport(err, true);
        if (in == null) return 2;
        for (String w : in.warnings()) err.println("frame-inspector: warning: " + w);
        int[] n = new int[4]; // bad, total, frames, all
        // the frames shown, for the findings the end of the input raises about earlier frames (only with a filter)
        java.util.BitSet shown = new java.util.BitSet();
        try (FrameSource fs = in.frames()) {
            Conversations conv = InOrder.dissect(fs, input.startsAt, strictChecksums, filter.isEmpty(), d -> {
                int number = d.frame().number();
                java.util.List<Finding> findings = d.findings();
                n[3]++;
                if (!filter.isEmpty() && !filter.matches(d)) return;
                n[2]++;
                if (!filter.isEmpty()) shown.set(number);
                for (Finding f : findings) print(out, n, number, f);
            });
            // a TPKT or a segmented message the input ended inside of: a finding of the frame where it began
            for (EndFinding e : EndFinding.about(conv.endFindings(), i -> filter.isEmpty() || shown.get(i))) {
                print(out, n, e.frame(), e.finding());
            }
        }
        int bad = n[0], total = n[1], frames = n[2], all = n[3];
        if (filter.isEmpty()) {
            out.printf("%d frame(s), %d finding(s), %d of severity RISK or VIOLATION%n", frames, total, bad);
        } else {
            out.printf("%d frame(s) of %d matching the display filter, %d finding(s), %d of severity RISK or VIOLATION%n",
                    frames, all, total, bad);
        }
        return bad > 0 ? 1 : 0;
    }

    /** Counts one finding of frame {@code number} and prints it (unless --quiet). */
    private void print(PrintWriter out, int[] n, int number, Finding f) {
        n[1]++;
        if (f.severity() != Severity.INFO) n[0]++;
        if (quiet) return;
        out.printf("frame %d  %-9s %-28s %-6s offset 0x%04x len %d%s%s%n", number,
                f.severity(), f.id(), f.layer(), f.offset(), f.length(),
                f.observed() == null ? "" : "  observed " + f.observed(),
                f.expected() == null ? "" : "  expected " + f.expected());
        out.println("    " + f.explanation());
        out.println("    Reference: " + f.reference());
    }
}
