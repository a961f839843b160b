package org.frameinspector.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.frameinspector.core.output.SafeText;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar frame-inspector.jar [FILE…]} opens the GUI; the subcommands are the scripting contract.
 * Exit codes: 0 fine, 1 findings of severity RISK or worse (check), 2 input that cannot be read or a usage error.
 */
@Command(name = "frame-inspector", mixinStandardHelpOptions = true, version = "Frame Inspector 0.1",
        description = "Explains every byte of Ethernet/IP/TCP/TPKT/COTP frames and points at what breaks the standards.",
        subcommands = {DissectCommand.class, CheckCommand.class, BytesCommand.class, ExportCommand.class,
                ConversationsCommand.class, CaptureCommand.class, BenchCommand.class, BenchDumpCommand.class,
                GenerateCommand.class, DiffCommand.class, FixCommand.class, FieldsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Capture or dump files to open in the GUI.")
    java.util.List<String> files = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        return org.frameinspector.gui.GuiLauncher.launch(files);
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale says, so names and text outside ASCII are never garbled
        System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /**
     * Runs the CLI with the given streams; never throws (a bug becomes a one-line message and exit code 2). What a
     * command prints on either stream is made safe for a terminal ({@link SafeText}): control characters and
     * bidirectional overrides from packets, comments, notes or pasted input are shown escaped, never acted on.
     */
    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        PrintWriter out = new PrintWriter(SafeText.writer(rawOut), true);
        PrintWriter err = new PrintWriter(SafeText.writer(rawErr), true);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("frame-inspector: internal error: " + ex);
            return 2;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("frame-inspector: " + ex.getMessage());
            err.println("Try 'frame-inspector help' for usage.");
            return 2;
        });
        int rc;
        try {
            rc = cl.execute(args);
        } catch (Throwable t) { // never a stack trace: one line and exit code 2
            err.println("frame-inspector: internal error: " + t);
            rc = 2;
        }
        out.flush();
        err.flush();
        return rc;
    }
}
