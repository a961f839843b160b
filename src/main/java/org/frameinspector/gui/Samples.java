package org.frameinspector.gui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The sample dumps bundled with the app (samples/ in the repository, listed in samples/index.txt). */
public final class Samples {
    static final String BASE = "/org/frameinspector/gui/samples/";

    /** A bundled sample: file name and menu title. */
    public record Sample(String file, String title) {
    }

    private Samples() {
    }

    public static List<Sample> list() {
        List<Sample> out = new ArrayList<>();
        try (InputStream in = Samples.class.getResourceAsStream(BASE + "index.txt")) {
            if (in == null) return out;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int bar = line.indexOf('|');
                String file = (bar < 0 ? line : line.substring(0, bar)).strip();
                String title = bar < 0 ? file : line.substring(bar + 1).strip();
                out.add(new Sample(file, title));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The sample's bytes (captures are binary). */
    public static byte[] bytes(Sample s) throws IOException {
        try (InputStream in = Samples.class.getResourceAsStream(BASE + s.file())) {
            if (in == null) throw new IOException("sample " + s.file() + " is missing from the build");
            return in.readAllBytes();
        }
    }

    public static String read(Sample s) throws IOException {
        try (InputStream in = Samples.class.getResourceAsStream(BASE + s.file())) {
            if (in == null) throw new IOException("sample " + s.file() + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
