package org.frameinspector.core.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Field abbreviations whose differences are expected between two captures of "the same" frame (TTL, IP ID,
 * checksums, sequence numbers, timestamps …). A pattern is an exact abbreviation ({@code ip.ttl}) or a prefix when it
 * ends with {@code *} ({@code ip.checksum*} matches {@code ip.checksum}, {@code ip.checksum.status} and
 * {@code ip.checksum_calculated}). Mutable; not thread-safe.
 */
public final class MaskSet {
    /** The default patterns, in the order they are listed to users. */
    public static final List<String> DEFAULTS = List.of(
            "frame.time*", "ip.ttl", "ip.id", "ip.checksum*", "tcp.checksum*", "tcp.seq_raw", "tcp.ack_raw",
            "tcp.seq", "tcp.ack", "tcp.nxtseq", "tcp.options.timestamp.*", "tcp.window_size_value", "tcp.window_size");

    private final Set<String> patterns = new LinkedHashSet<>();

    /** An empty set: every difference counts. */
    public static MaskSet none() {
        return new MaskSet();
    }

    /** The default set (see {@link #DEFAULTS}). */
    public static MaskSet defaults() {
        MaskSet m = new MaskSet();
        m.patterns.addAll(DEFAULTS);
        return m;
    }

    public MaskSet add(String pattern) {
        if (pattern == null || pattern.isBlank()) throw new IllegalArgumentException("empty mask pattern");
        patterns.add(pattern.trim());
        return this;
    }

    /**
     * Removes a pattern. Removing an exact abbreviation that is covered by a prefix pattern (say {@code ip.checksum}
     * under {@code ip.checksum*}) adds an exception, so the field is no longer masked.
     */
    public MaskSet remove(String pattern) {
        String p = pattern.trim();
        if (!patterns.remove(p) && !p.endsWith("*") && matches(p)) patterns.add("!" + p);
        // removing a prefix also removes the exact patterns it covers
        if (p.endsWith("*")) patterns.removeIf(q -> !q.startsWith("!") && !q.endsWith("*") && q.startsWith(stem(p)));
        return this;
    }

    public List<String> patterns() {
        return Collections.unmodifiableList(new ArrayList<>(patterns));
    }

    public boolean matches(String abbrev) {
        if (abbrev == null) return false;
        if (patterns.contains("!" + abbrev)) return false;
        for (String p : patterns) {
            if (p.startsWith("!")) continue;
            if (p.endsWith("*") ? abbrev.startsWith(stem(p)) : abbrev.equals(p)) return true;
        }
        return false;
    }

    private static String stem(String p) {
        return p.substring(0, p.length() - 1);
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
