package org.frameinspector.core.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.ProtocolDef;
import org.frameinspector.core.protocols.Protocols;

/**
 * The names a display filter may use: the protocols and fields the dissectors declare (each protocol's
 * {@link ProtocolDef}, registered with the standard dissector set), the {@code finding} pseudo-protocol of this tool
 * and a few either-direction aliases. A name that is none of these is an error with a "did you mean" hint, so a typo
 * never silently matches nothing. Immutable; the {@code with…} methods return a new registry.
 */
public final class FieldRegistry {
    /** The findings of a frame, as a pseudo-protocol (see {@link DisplayFilter}). */
    public static final ProtocolDef FINDING = ProtocolDef.of("finding", "Findings of Frame Inspector");

    static {
        FINDING.string("finding.id", "Finding id").blurb("The catalogue id, e.g. TPKT-RESERVED-NONZERO").add();
        FINDING.string("finding.severity", "Severity").blurb("INFO < RISK < VIOLATION").add();
        FINDING.string("finding.layer", "Layer").blurb("The protocol the finding concerns").add();
        FINDING.string("finding.field", "Field").blurb("The abbreviation of the field it points at").add();
        FINDING.uint("finding.offset", "Offset").add();
        FINDING.uint("finding.length", "Length").add();
        FINDING.string("finding.observed", "Observed").add();
        FINDING.string("finding.expected", "Expected").add();
        FINDING.field("finding.context", "Needs context", FieldDef.Type.BOOLEAN)
                .blurb("1 when the check used earlier frames of the connection").add();
    }

    /** Pseudo-fields computed from the frame (see {@link DisplayFilter}); the first is the frame's bytes. */
    static final List<String> FRAME = List.of("frame", "frame.number", "frame.len", "frame.cap_len", "frame.comment",
            "frame.protocols", "frame.link_type");
    static final List<String> FINDING_FIELDS;

    static {
        List<String> f = new ArrayList<>();
        for (FieldDef d : FINDING.fields()) f.add(d.abbrev());
        FINDING_FIELDS = List.copyOf(f);
    }

    /** Either-direction pseudo-fields: the name matches when any of the listed fields does. */
    static final Map<String, List<String>> ALIASES = Map.of(
            "ip.addr", List.of("ip.src", "ip.dst"),
            "ipv6.addr", List.of("ipv6.src", "ipv6.dst"),
            "eth.addr", List.of("eth.src", "eth.dst"),
            "tcp.port", List.of("tcp.srcport", "tcp.dstport"));

    private static volatile FieldRegistry standard;

    private final Set<String> protocols;
    private final Map<String, FieldDef> fields;
    private final Set<String> extra;

    private FieldRegistry(Set<String> protocols, Map<String, FieldDef> fields, Set<String> extra) {
        this.protocols = Collections.unmodifiableSet(protocols);
        this.fields = Collections.unmodifiableMap(fields);
        this.extra = Collections.unmodifiableSet(extra);
    }

    /** The protocols and fields of this build: what the standard dissectors declare, plus the findings. */
    public static FieldRegistry standard() {
        FieldRegistry r = standard;
        if (r == null) {
            List<ProtocolDef> all = new ArrayList<>(Protocols.standard().declarations());
            all.add(FINDING);
            standard = r = of(all);
        }
        return r;
    }

    /** A registry of exactly these declarations (and the aliases). */
    public static FieldRegistry of(Collection<ProtocolDef> declarations) {
        Set<String> p = new TreeSet<>();
        Map<String, FieldDef> f = new TreeMap<>();
        for (ProtocolDef d : declarations) {
            p.add(d.filterName());
            for (FieldDef x : d.fields()) f.putIfAbsent(x.abbrev(), x);
        }
        return new FieldRegistry(p, f, new TreeSet<>());
    }

    /** A registry that also accepts these protocol names. */
    public FieldRegistry withProtocols(Collection<String> names) {
        Set<String> p = new TreeSet<>(protocols);
        p.addAll(names);
        return new FieldRegistry(p, fields, extra);
    }

    /** A registry that also accepts these field names (tests of hand-built dissections). */
    public FieldRegistry withFields(Collection<String> abbrevs) {
        Set<String> p = new TreeSet<>(protocols);
        Set<String> x = new TreeSet<>(extra);
        for (String a : abbrevs) {
            p.add(protocolOf(a));
            x.add(a);
        }
        return new FieldRegistry(p, fields, x);
    }

    public Set<String> protocols() { return protocols; }

    /** The declaration of a field, or null (pseudo-fields and aliases have none). */
    public FieldDef field(String abbrev) {
        return fields.get(abbrev);
    }

    /** True when {@code name} is a protocol (its presence is a layer's presence). */
    public boolean isProtocol(String name) {
        return protocols.contains(name);
    }

    /** Every field name, sorted (for completion in a filter bar). */
    public List<String> fields() {
        TreeSet<String> all = new TreeSet<>(fields.keySet());
        all.addAll(extra);
        all.addAll(FRAME);
        all.addAll(ALIASES.keySet());
        return new ArrayList<>(all);
    }

    /** Protocols and fields starting with {@code prefix}, sorted. */
    public List<String> completions(String prefix) {
        TreeSet<String> all = new TreeSet<>(protocols);
        all.addAll(fields());
        List<String> out = new ArrayList<>();
        for (String s : all.tailSet(prefix)) {
            if (!s.startsWith(prefix)) break;
            out.add(s);
        }
        return out;
    }

    static String protocolOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private boolean known(String name) {
        return protocols.contains(name) || fields.containsKey(name) || extra.contains(name) || FRAME.contains(name)
                || ALIASES.containsKey(name);
    }

    /** Null when the name may be used, else the reason (with a suggestion when one is close). */
    String check(String name) {
        if (known(name)) return null;
        String proto = protocolOf(name);
        boolean field = !name.equals(proto);
        if (!protocols.contains(proto)) {
            String best = closest(name, field ? fields() : protocols);
            if (best == null && field) {
                String p = closest(proto, protocols);
                if (p != null) best = p + name.substring(proto.length());
            }
            return (field ? "unknown field '" : "unknown protocol '") + name + "'"
                    + (field ? " (no protocol '" + proto + "')" : "")
                    + (best != null ? " \u2014 did you mean '" + best + "'?" : "");
        }
        String best = closest(name, fields());
        return "unknown field '" + name + "'" + (best != null ? " \u2014 did you mean '" + best + "'?"
                : " \u2014 protocol '" + proto + "' has no such field (see docs/FIELDS.md)");
    }

    private static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        for (String c : candidates) {
            if (Math.abs(c.length() - word.length()) > limit) continue;
            int d = distance(word, c);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return bestD <= limit ? best : null;
    }

    /** Levenshtein distance with adjacent transpositions. */
    static int distance(String a, String b) {
        int n = a.length(), m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
