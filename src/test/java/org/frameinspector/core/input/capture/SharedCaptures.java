package org.frameinspector.core.input.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.TestFiles;

/** The table of /shared/captures/SOURCES.md: file, format and frame count as capinfos reported them. */
public final class SharedCaptures {
    /** One table row. */
    public record Entry(String file, long bytes, String linkType, String format, int frames) {
        public Path path() {
            return TestFiles.captures().resolve(file);
        }
    }

    private SharedCaptures() {
    }

    public static List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(TestFiles.captures().resolve("SOURCES.md"))) {
            if (!line.startsWith("| ")) continue;
            String[] c = line.split("\\|");
            if (c.length < 5) continue;
            String file = c[1].trim();
            if (!file.endsWith(".pcap") && !file.endsWith(".pcapng")) continue;
            String lt = c[3].trim();
            int open = lt.lastIndexOf('(');
            out.add(new Entry(file, Long.parseLong(c[2].trim()), lt.substring(0, open).trim(),
                    lt.substring(open + 1, lt.length() - 1), Integer.parseInt(c[4].trim())));
        }
        return out;
    }

    public static int linkTypeValue(String name) {
        return switch (name) {
            case "Ethernet" -> 1;
            case "Linux cooked-mode capture v1" -> 113;
            case "Linux cooked-mode capture v2" -> 276;
            case "NULL/Loopback" -> 0;
            default -> throw new IllegalArgumentException("unknown link type in SOURCES.md: " + name);
        };
    }
}
