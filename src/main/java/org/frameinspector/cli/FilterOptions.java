package org.frameinspector.cli;

import java.io.PrintWriter;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.filter.FilterSyntaxException;
import picocli.CommandLine.Option;

/** The {@code -Y} display filter shared by dissect, check and export. */
public final class FilterOptions {
    @Option(names = {"-Y", "--display-filter"}, paramLabel = "FILTER",
            description = "Only frames matching this Wireshark-style display filter, e.g. \"tpkt.reserved != 0\".")
    String displayFilter;

    /** The compiled filter (matching everything when none was given), or null after printing the error. */
    public DisplayFilter compileOrReport(PrintWriter err) {
        try {
            return DisplayFilter.compile(displayFilter);
        } catch (FilterSyntaxException e) {
            err.println("frame-inspector: display filter: " + e.getMessage());
            return null;
        }
    }
}
