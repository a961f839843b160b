package org.frameinspector.cli;

import java.nio.file.Path;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input every command takes: a file, or '-' for standard input, and an optional start layer. */
public final class InputOptions {
    @Parameters(index = "0", paramLabel = "FILE|-", description = "pcap, pcapng or hex dump text; '-' reads stdin.")
    String file;

    @Option(names = "--starts-at", paramLabel = "LAYER",
            description = "Where a dump starts: eth, llc, ip, ipv6, tpkt, cotp (default: detected).")
    String startsAt;

    /** The user's notes on this input (sidecar file or pcapng comments); an empty store for stdin. */
    public org.frameinspector.core.notes.NotesStore notes(Loaded in) throws java.io.IOException {
        if ("-".equals(file)) return new org.frameinspector.core.notes.NotesStore();
        return org.frameinspector.core.notes.NotesFiles.load(Path.of(file), in);
    }

    /** Loads the input, or prints the one-line reason on err and returns null (the command then exits 2). */
    public Loaded loadOrReport(java.io.PrintWriter err) {
        return loadOrReport(err, false);
    }

    /** Same; {@code onePass}: the frames will be read once, in order (a capture is read, not mapped). */
    public Loaded loadOrReport(java.io.PrintWriter err, boolean onePass) {
        try {
            return load(onePass);
        } catch (InputException | IllegalArgumentException e) {
            String m = e.getMessage();
            err.println("frame-inspector: " + (m == null ? "unreadable input" : m.replace('\r', ' ').replace('\n', ' ')));
            return null;
        }
    }

    public Loaded load() throws InputException {
        return load(false);
    }

    public Loaded load(boolean onePass) throws InputException {
        if (startsAt != null) org.frameinspector.core.protocols.Protocols.linkTypeFor(startsAt);
        if ("-".equals(file)) return Inputs.read("stdin", System.in, startsAt);
        return Inputs.open(Path.of(file), startsAt, onePass);
    }
}
