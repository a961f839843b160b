package org.frameinspector;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What tests need from outside the repository, and what happens when it is missing.
 *
 * <p>The shared corpora and captures live in {@code ../shared} beside the repository (surefire passes the path as
 * {@code fi.shared}); GUI tests need a display; some tests run real tools (tshark, xxd, tcpdump …). Someone who
 * clones the repository has none of that: there each such test is skipped with one line saying what is missing, and
 * the tests on the repository's own data still run. CI has all of it and requires it: with {@code CI=true} (or
 * {@code FI_REQUIRE_GUI_TESTS=true}, or {@code -Dfi.require=true}) a missing piece fails the test instead.
 */
public final class TestFiles {
    private TestFiles() {
    }

    /** True where every test must run (CI): a missing folder, display or tool is then a failure, not a skip. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getenv("FI_REQUIRE_GUI_TESTS"))
                || Boolean.getBoolean("fi.require") || Boolean.getBoolean("fi.requireGui");
    }

    /** Skips the calling test (one line) or, where everything is required, fails it. */
    public static void missing(String what) {
        if (required()) Assertions.fail(what + " (required here: CI)");
        Assumptions.abort(what);
    }

    /** The shared folder; skips the calling test when it is absent (see the class comment). */
    public static Path shared() {
        String p = System.getProperty("fi.shared");
        Path dir = p != null ? Path.of(p) : Path.of("..", "shared");
        if (!Files.isDirectory(dir)) missing("needs ../shared (shared corpora and captures), not found at " + dir.toAbsolutePath().normalize());
        return dir;
    }

    /** Whether the shared folder is there (for tests that add shared cases to their own). */
    public static boolean hasShared() {
        String p = System.getProperty("fi.shared");
        return Files.isDirectory(p != null ? Path.of(p) : Path.of("..", "shared"));
    }

    public static Path captures() {
        return shared().resolve("captures");
    }

    public static Path corpus(String name) {
        return shared().resolve("corpus").resolve(name);
    }

    public static Path seed() {
        return shared().resolve("seeds").resolve("000_5ae82d45415df77c.txt");
    }

    /** The KB article's frame as bundled in samples/ (the same 98 bytes as the seed article's dump). */
    public static Path kbSample() {
        return Path.of("samples", "kb-q151626-connect-confirm.txt");
    }

    /** Whether GUI tests are required (CI): then a headless environment is a failure, not a skip. */
    public static boolean guiRequired() {
        return required();
    }

    /** Skips the calling GUI test without a display (fails it where GUI tests are required). */
    public static void requireDisplay() {
        if (GraphicsEnvironment.isHeadless()) missing("needs a display (run under xvfb-run)");
    }

    /** Skips the calling test when {@code tool} is not on the PATH (fails it where everything is required). */
    public static void requireTool(String tool) {
        if (!onPath(tool)) missing("needs " + tool + " on the PATH");
    }

    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
