package org.frameinspector.core.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The names a display filter may use. Field abbreviations are only known once frames are dissected, so a name is
 * accepted when its first dot-separated part is a known protocol; only for the protocols listed as
 * <em>complete</em> (those whose every field abbreviation is registered: TPKT, COTP and the {@code frame} and
 * {@code finding} pseudo-protocols) is an unregistered field an error. Unknown names get a "did you mean" hint.
 * Immutable; the {@code with…} methods return a new registry.
 */
public final class FieldRegistry {
    private static final List<String> PROTOCOLS = List.of("eth", "vlan", "llc", "sll", "null", "ip", "ipv6", "tcp",
            "tpkt", "cotp", "rdp", "s7comm", "s7comm-plus", "ses", "pres", "ber", "data", "frame", "finding", "_ws",
            "undecoded", "arp", "udp", "icmp", "icmpv6");

    private static final List<String> TPKT = List.of("tpkt.version", "tpkt.reserved", "tpkt.length",
            "tpkt.continuation_data", "tpkt.segment_cut");

    private static final List<String> COTP = List.of("cotp.li", "cotp.type", "cotp.destref", "cotp.srcref",
            "cotp.class", "cotp.conn.class", "cotp.opts.extended_formats", "cotp.opts.no_explicit_flow_control",
            "cotp.opts.reserved", "cotp.cause", "cotp.cdt", "cotp.credit", "cotp.eot", "cotp.tpdu_size",
            "cotp.sequence_number", "cotp.lower_window_edge", "cotp.reject_cause", "cotp.er.invalid_tpdu",
            "cotp.invalid_tpdu", "cotp.parameter", "cotp.parameter_code", "cotp.parameter_length",
            "cotp.parameter_value", "cotp.payload", "cotp.segment_data", "cotp.undecoded", "cotp.checksum",
            "cotp.crcc", "cotp.dt.low_nibble", "cotp.ack_time", "cotp.inactivity_timer", "cotp.reassignment_time",
            "cotp.network_expedited_data", "cotp.preferred_maximum_tpdu_size",
            "cotp.transport_expedited_data_transfer", "cotp.use_16_bit_checksum", "cotp.vp_opt_sel_class1_use",
            "cotp.vp_priority", "cotp.vp_version_nr", "cotp.src-tsap", "cotp.dst-tsap", "cotp.src-tsap-bytes",
            "cotp.dst-tsap-bytes", "cotp.tpdu-number", "cotp.next-tpdu-number");

    /** Common Wireshark names of the lower layers, for suggestions only (those protocols stay open). */
    private static final List<String> COMMON = List.of("eth.src", "eth.dst", "eth.addr", "eth.type", "eth.len",
            "eth.padding", "eth.trailer", "eth.fcs", "vlan.id", "vlan.priority", "vlan.etype", "llc.dsap", "llc.ssap",
            "llc.control", "ip.version", "ip.hdr_len", "ip.dsfield", "ip.len", "ip.id", "ip.flags", "ip.flags.rb",
            "ip.flags.df", "ip.flags.mf", "ip.frag_offset", "ip.ttl", "ip.proto", "ip.checksum", "ip.src", "ip.dst",
            "ip.addr", "ipv6.version", "ipv6.tclass", "ipv6.flow", "ipv6.plen", "ipv6.nxt", "ipv6.hlim", "ipv6.src",
            "ipv6.dst", "ipv6.addr", "tcp.srcport", "tcp.dstport", "tcp.port", "tcp.seq", "tcp.ack", "tcp.hdr_len",
            "tcp.flags", "tcp.flags.res", "tcp.flags.ae", "tcp.flags.cwr", "tcp.flags.ece", "tcp.flags.urg",
            "tcp.flags.ack", "tcp.flags.push", "tcp.flags.reset", "tcp.flags.syn", "tcp.flags.fin", "tcp.window_size",
            "tcp.window_size_value", "tcp.checksum", "tcp.urgent_pointer", "tcp.options", "tcp.len", "tcp.payload",
            "tcp.stream", "data.data", "data.len", "_ws.undecoded", "_ws.malformed", "_ws.expert");

    /** Pseudo-fields computed from the frame and its findings (see {@link DisplayFilter}). */
    static final List<String> FRAME = List.of("frame.number", "frame.len", "frame.cap_len", "frame.comment",
            "frame.protocols", "frame.link_type");
    static final List<String> FINDING = List.of("finding.id", "finding.severity", "finding.layer", "finding.field",
            "finding.offset", "finding.length", "finding.observed", "finding.expected", "finding.context");

    /** Either-direction pseudo-fields: the name matches when any of the listed fields does. */
    static final Map<String, List<String>> ALIASES = Map.of(
            "ip.addr", List.of("ip.src", "ip.dst"),
            "ipv6.addr", List.of("ipv6.src", "ipv6.dst"),
            "eth.addr", List.of("eth.src", "eth.dst"),
            "tcp.port", List.of("tcp.srcport", "tcp.dstport"));

    private static final FieldRegistry STANDARD;

    static {
        Map<String, Set<String>> complete = new TreeMap<>();
        complete.put("tpkt", new TreeSet<>(TPKT));
        complete.put("cotp", new TreeSet<>(COTP));
        complete.put("frame", new TreeSet<>(FRAME));
        complete.put("finding", new TreeSet<>(FINDING));
        STANDARD = new FieldRegistry(new TreeSet<>(PROTOCOLS), complete, new TreeSet<>(COMMON));
    }

    private final Set<String> protocols;
    private final Map<String, Set<String>> complete;
    private final Set<String> hints;

    private FieldRegistry(Set<String> protocols, Map<String, Set<String>> complete, Set<String> hints) {
        this.protocols = Collections.unmodifiableSet(protocols);
        this.complete = Collections.unmodifiableMap(complete);
        this.hints = Collections.unmodifiableSet(hints);
    }

    /** The protocols and fields of this build. */
    public static FieldRegistry standard() {
        return STANDARD;
    }

    /** A registry that also accepts these protocol names (their fields stay unchecked). */
    public FieldRegistry withProtocols(Collection<String> names) {
        Set<String> p = new TreeSet<>(protocols);
        p.addAll(names);
        return new FieldRegistry(p, complete, hints);
    }

    /**
     * A registry that knows these field abbreviations: their protocols become known, and fields of protocols
     * already complete are added to the complete list. Use it to feed names seen in dissections to suggestions.
     */
    public FieldRegistry withFields(Collection<String> abbrevs) {
        Set<String> p = new TreeSet<>(protocols);
        Map<String, Set<String>> c = new TreeMap<>();
        complete.forEach((k, v) -> c.put(k, new TreeSet<>(v)));
        Set<String> h = new TreeSet<>(hints);
        for (String a : abbrevs) {
            String proto = protocolOf(a);
            p.add(proto);
            if (c.containsKey(proto)) c.get(proto).add(a);
            else h.add(a);
        }
        return new FieldRegistry(p, c, h);
    }

    public Set<String> protocols() { return protocols; }

    /** True for a protocol whose every field is registered (an unregistered field of it is an error). */
    public boolean isComplete(String protocol) { return complete.containsKey(protocol); }

    /** Every registered field name, sorted (for completion in a filter bar). */
    public List<String> fields() {
        TreeSet<String> all = new TreeSet<>(hints);
        complete.values().forEach(all::addAll);
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

    /** Null when the name may be used, else the reason (with a suggestion when one is close). */
    String check(String name) {
        String proto = protocolOf(name);
        if (!protocols.contains(proto)) {
            String best = closest(proto, protocols);
            String hint = "";
            if (best != null) hint = " \u2014 did you mean '" + best + name.substring(proto.length()) + "'?";
            return (name.equals(proto) ? "unknown protocol '" : "unknown field '") + name + "'"
                    + (name.equals(proto) ? "" : " (no protocol '" + proto + "')") + hint;
        }
        Set<String> known = complete.get(proto);
        if (known == null || name.equals(proto) || known.contains(name) || ALIASES.containsKey(name)) return null;
        String best = closest(name, known);
        return "unknown field '" + name + "'" + (best != null ? " \u2014 did you mean '" + best + "'?" : "");
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
