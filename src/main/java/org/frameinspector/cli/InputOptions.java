package org.frameinspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.notes.NotesFiles;
import org.frameinspector.core.notes.NotesStore;
import org.frameinspector.core.output.OutputFile;
import org.frameinspector.core.source.InputException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input every command takes: a file, or '-' for standard input, and an optional start layer. */
public final class InputOptions {
    @Parameters(index = "0", paramLabel = "FILE|-", description = "pcap, pcapng or hex dump text; '-' reads stdin.")
    String file;

    @Option(names = "--starts-at", paramLabel = "LAYER",
            description = "Where a dump starts: eth, llc, ip, ipv6, tpkt, cotp (default: detected).")
    String startsAt;

    boolean stdin() {
        return "-".equals(file);
    }

    /**
     * The user's notes on this input (its sidecar file and its pcapng comments); what cannot be read is reported to
     * {@code warn} and left out (the files are not touched).
     */
    public NotesStore notes(Loaded in, Consumer<String> warn) {
        return NotesFiles.load(stdin() ? null : Path.of(file), in, warn);
    }

    /** The files this command reads, which no output may replace: the input and its notes sidecar. */
    List<Path> protectedFiles() {
        if (stdin()) return List.of();
        Path p = Path.of(file);
        return List.of(p, NotesFiles.sidecar(p));
    }

    /**
     * The output of a command: standard output for '-', else a file that replaces {@code out} only when complete and
     * never replaces the input ({@link OutputFile}); null after printing why not.
     */
    OutputFile output(String out, PrintWriter err) {
        if ("-".equals(out)) return OutputFile.stdout(System.out);
        try {
            return OutputFile.create(Path.of(out), protectedFiles());
        } catch (IOException | java.nio.file.InvalidPathException e) {
            err.println("frame-inspector: cannot write " + out + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Reports a failure of a command's pass in one line and returns exit code 2: writing {@code out} failed
     * ({@link WriteFailed}, an IOException), or reading the input did (an {@link java.io.UncheckedIOException}).
     */
    int failed(PrintWriter err, String out, Exception e) {
        if (e instanceof java.io.UncheckedIOException u) {
            err.println("frame-inspector: cannot read " + file + ": " + u.getCause().getMessage());
        } else {
            Exception io = e instanceof WriteFailed w ? w.io() : e;
            err.println("frame-inspector: cannot write " + out + ": " + io.getMessage());
        }
        return 2;
    }

    /** Loads the input, or prints the one-line reason on err and returns null (the command then exits 2). */
    public Loaded loadOrReport(PrintWriter err) {
        return loadOrReport(err, false);
    }

    /** Same; {@code onePass}: the frames will be read once, in order (a capture is not indexed, see {@link Inputs#open(Path, String, boolean)}). */
    public Loaded loadOrReport(PrintWriter err, boolean onePass) {
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
        if (stdin()) return Inputs.readStream("stdin", System.in, startsAt, onePass);
        return Inputs.open(Path.of(file), startsAt, onePass);
    }

    /** Prints the input's warnings and the notes' on err; returns the notes' (for a document that lists them). */
    static List<String> warn(PrintWriter err, Loaded in, List<String> noteWarnings) {
        for (String w : in.warnings()) err.println("frame-inspector: warning: " + w);
        for (String w : noteWarnings) err.println("frame-inspector: warning: " + w);
        return noteWarnings;
    }
}
