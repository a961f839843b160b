package org.frameinspector;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared corpora and captures live (../shared beside the repo; surefire passes it as fi.shared). */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path shared() {
        String p = System.getProperty("fi.shared");
        Path dir = p != null ? Path.of(p) : Path.of("..", "shared");
        if (!Files.isDirectory(dir)) throw new IllegalStateException("shared folder not found at " + dir.toAbsolutePath());
        return dir;
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

    /** Whether GUI tests are required (CI): then a headless environment is a failure, not a skip. */
    public static boolean guiRequired() {
        return "true".equalsIgnoreCase(System.getenv("FI_REQUIRE_GUI_TESTS"))
                || Boolean.getBoolean("fi.requireGui");
    }
}
