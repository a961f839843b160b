package org.frameinspector.core.findings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.frameinspector.core.model.Severity;

/**
 * The findings catalogue (PROTOCOLS.md §9 plus the inspector's own ids), loaded once from {@code catalog.txt} next to
 * this class. Each entry is a block of {@code key: value} lines separated by a blank line; a line starting with
 * whitespace continues the previous value.
 */
public final class Catalog {
    /** The catalogue files: §9 of PROTOCOLS.md, then the ids each area adds beyond it. */
    static final String[] FILES = {"catalog.txt", "catalog-core.txt", "catalog-link.txt", "catalog-stream.txt",
            "catalog-upper.txt"};

    private static final Map<String, FindingDef> DEFS = load();

    private Catalog() {
    }

    public static FindingDef get(String id) {
        FindingDef d = DEFS.get(id);
        if (d == null) throw new IllegalArgumentException("unknown finding id " + id);
        return d;
    }

    public static boolean has(String id) {
        return DEFS.containsKey(id);
    }

    public static Collection<FindingDef> all() {
        return Collections.unmodifiableCollection(DEFS.values());
    }

    private static Map<String, FindingDef> load() {
        Map<String, FindingDef> out = new LinkedHashMap<>();
        for (String file : FILES) load(file, out);
        return out;
    }

    private static void load(String file, Map<String, FindingDef> out) {
        try (InputStream in = Catalog.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException("findings catalogue file " + file + " missing from the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> block = new LinkedHashMap<>();
            String last = null;
            String line;
            int no = 0;
            while (true) {
                line = r.readLine();
                no++;
                if (line == null || line.isBlank()) {
                    if (!block.isEmpty()) {
                        FindingDef d = toDef(block, no);
                        if (out.put(d.id(), d) != null) {
                            throw new IllegalStateException(file + ": duplicate finding id " + d.id());
                        }
                        block.clear();
                    }
                    last = null;
                    if (line == null) break;
                    continue;
                }
                if (line.startsWith("#")) continue;
                if (Character.isWhitespace(line.charAt(0)) && last != null) {
                    block.put(last, block.get(last) + " " + line.strip());
                    continue;
                }
                int c = line.indexOf(':');
                if (c < 0) throw new IllegalStateException(file + " line " + no + ": expected 'key: value'");
                last = line.substring(0, c).strip();
                block.put(last, line.substring(c + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FindingDef toDef(Map<String, String> b, int line) {
        String id = b.get("id");
        if (id == null) throw new IllegalStateException("catalog.txt block before line " + line + " has no id");
        String sev = b.getOrDefault("severity", "INFO");
        return new FindingDef(id, Severity.valueOf(sev), b.getOrDefault("layer", ""),
                b.getOrDefault("title", id), b.getOrDefault("explanation", ""), b.getOrDefault("reference", ""),
                Boolean.parseBoolean(b.getOrDefault("context", "false")));
    }
}
