package org.frameinspector.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a JVM of its own, for what a test cannot see from inside its own JVM: a small heap, a
 * hard kill, standard input and the locale. The child has the test's class path; {@link #main} runs one or more
 * command lines (separated by {@code ";;"}) and exits with the first non-zero status.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** What a finished child did. */
    record Result(int exit, String out, String err) {
    }

    /** Starts {@code java <jvmArgs> ChildJvm <args>} in {@code dir}, stdin from {@code stdin} (null: none). */
    static Process start(List<String> jvmArgs, List<String> args, Path dir, Map<String, String> env, Path stdin)
            throws IOException {
        return start(jvmArgs, args, dir, env, stdin, null);
    }

    /** As above, standard output to {@code stdout} when not null. */
    static Process start(List<String> jvmArgs, List<String> args, Path dir, Map<String, String> env, Path stdin,
                         Path stdout) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildJvm.class.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        if (env != null) pb.environment().putAll(env);
        if (stdin != null) pb.redirectInput(stdin.toFile());
        if (stdout != null) pb.redirectOutput(stdout.toFile());
        return pb.start();
    }

    /** Runs to the end (at most {@code seconds}), collecting standard output and error as bytes decoded as UTF-8. */
    static Result run(List<String> jvmArgs, List<String> args, Path dir, Map<String, String> env, Path stdin,
                      int seconds) throws Exception {
        return run(jvmArgs, args, dir, env, stdin, null, seconds);
    }

    /** As above, standard output to {@code stdout} (the result's {@code out} is then empty). */
    static Result run(List<String> jvmArgs, List<String> args, Path dir, Map<String, String> env, Path stdin,
                      Path stdout, int seconds) throws Exception {
        Process p = start(jvmArgs, args, dir, env, stdin, stdout);
        byte[][] out = finish(p, args, seconds);
        return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8), new String(out[1], StandardCharsets.UTF_8));
    }

    /** The raw bytes a child wrote on standard output and error (for encoding checks). */
    static byte[][] runBytes(List<String> jvmArgs, List<String> args, Path dir, Map<String, String> env, int seconds)
            throws Exception {
        return finish(start(jvmArgs, args, dir, env, null), args, seconds);
    }

    private static byte[][] finish(Process p, List<String> args, int seconds) throws Exception {
        byte[][] out = new byte[2][];
        Thread o = drain(p.getInputStream(), out, 0), e = drain(p.getErrorStream(), out, 1);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("child JVM did not finish in " + seconds + " s: " + args);
        }
        o.join();
        e.join();
        return out;
    }

    private static Thread drain(InputStream in, byte[][] into, int k) {
        Thread t = new Thread(() -> {
            try {
                into[k] = in.readAllBytes();
            } catch (IOException ex) {
                into[k] = new byte[0];
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    public static void main(String[] args) {
        List<List<String>> runs = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String a : args) {
            if (a.equals(";;")) {
                runs.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(a);
            }
        }
        runs.add(cur);
        PrintWriter out = new PrintWriter(System.out, true), err = new PrintWriter(System.err, true);
        if (runs.size() == 1) {
            Main.main(args); // exactly as the jar runs it (its own stream setup, System.exit)
            return;
        }
        for (List<String> r : runs) {
            int rc = Main.run(r.toArray(new String[0]), out, err);
            if (rc != 0) {
                err.println("child: " + Arrays.toString(r.toArray()) + " exited " + rc);
                System.exit(rc);
            }
        }
        System.exit(0);
    }
}
