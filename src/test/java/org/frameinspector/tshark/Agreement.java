package org.frameinspector.tshark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares tshark's fields of one frame with ours. A tshark field counts when its protocol is in the chosen set, it
 * has a byte range in the frame itself, and it is not excluded (see {@link #counts}); it is <em>agreed</em> when we
 * have a field with the same abbreviation, offset, length and value.
 */
public final class Agreement {
    /** Link, IP, TCP, TPKT and COTP: the protocols the ≥ 99 % target is about. */
    public static final Set<String> CORE = Set.of("eth", "vlan", "llc", "sll", "ip", "ipv6", "tcp", "tpkt", "cotp");

    /**
     * Fields never compared: relative sequence numbers (tcp.seq_raw / tcp.ack_raw are compared instead), values
     * tshark computes rather than reads (calculated checksums and windows, stream and analysis data, timing, lengths
     * it derives) – in 4.0 PDML these do not all have a "[" showname, so they are listed by name.
     */
    static final Set<String> EXCLUDED = Set.of("tcp.seq", "tcp.ack", "tcp.nxtseq",
            // SACK edges are shown relative to the initial sequence number, like tcp.seq
            "tcp.options.sack_le", "tcp.options.sack_re", "tcp.stream", "tcp.len",
            "tcp.completeness", "tcp.window_size", "tcp.window_size_scalefactor", "tcp.checksum_calculated",
            "tcp.checksum.status", "ip.checksum_calculated", "ip.checksum.status", "tcp.segment_data",
            "tcp.reassembled_in", "tcp.time_relative", "tcp.time_delta", "tcp.pdu.size", "tcp.segments",
            "tcp.segment", "tcp.segment.count", "tcp.reassembled.length", "tcp.reassembled.data",
            "cotp.reassembled_in", "cotp.segments", "cotp.segment", "cotp.segment.count", "cotp.reassembled.length",
            "tcp.analysis");
    static final String[] EXCLUDED_PREFIXES = {"tcp.analysis.", "tcp.time_", "tcp.completeness.", "tcp.stream."};

    /** Outcome of one tshark field. */
    public enum Kind { AGREED, MISSING, POSITION, VALUE }

    public record Outcome(int frame, PdmlField tshark, Kind kind, String ours) {
    }

    private final Set<String> protocols;

    public Agreement(Set<String> protocols) {
        this.protocols = Set.copyOf(protocols);
    }

    public Set<String> protocols() {
        return protocols;
    }

    /** Whether a tshark field takes part in the comparison at all (before the in-frame test). */
    public boolean counts(PdmlField f) {
        if (f.hidden() || f.size() <= 0 || f.pos() < 0 || f.name().isEmpty()) return false;
        if (!protocols.contains(f.proto()) || !protocols.contains(f.namePrefix())) return false;
        if (f.showname() != null && f.showname().startsWith("[")) return false;
        if (EXCLUDED.contains(f.name())) return false;
        for (String p : EXCLUDED_PREFIXES) if (f.name().startsWith(p)) return false;
        return true;
    }

    /** Compares one packet; {@code frame} are the frame's bytes (to tell frame fields from reassembled ones). */
    public List<Outcome> compare(PdmlPacket p, byte[] frame, List<OurField> ours) {
        Map<String, List<OurField>> byAbbrev = new HashMap<>();
        for (OurField o : ours) byAbbrev.computeIfAbsent(o.abbrev(), k -> new ArrayList<>(2)).add(o);
        Map<Integer, Boolean> protoVerdicts = protoVerdicts(p, frame);
        List<Outcome> out = new ArrayList<>();
        int protoIndex = -1;
        String lastProto = null;
        for (PdmlField f : p.fields()) {
            if (!f.proto().equals(lastProto)) {
                protoIndex++;
                lastProto = f.proto();
            }
            if (!counts(f)) continue;
            if (!PdmlPacket.inFrame(f, frame, protoVerdicts.getOrDefault(protoIndex, false))) continue;
            out.add(judge(p.number(), f, byAbbrev.getOrDefault(f.name(), List.of())));
        }
        return out;
    }

    private static Outcome judge(int frame, PdmlField f, List<OurField> same) {
        OurField atPos = null, samePlace = null;
        for (OurField o : same) {
            if (o.offset() == f.pos() && o.length() == f.size()) {
                if (Values.agree(f, o.value(), o.display())) return new Outcome(frame, f, Kind.AGREED, o.toString());
                samePlace = o;
            } else if (o.offset() == f.pos() || atPos == null) {
                atPos = o;
            }
        }
        if (samePlace != null) return new Outcome(frame, f, Kind.VALUE, samePlace.toString());
        if (atPos != null) return new Outcome(frame, f, Kind.POSITION, atPos.toString());
        return new Outcome(frame, f, Kind.MISSING, "none");
    }

    /**
     * For each {@code <proto>} element (by index in document order): true when its fields that carry hex all match
     * the frame bytes and at least one does. Used for fields without hex of their own.
     */
    private static Map<Integer, Boolean> protoVerdicts(PdmlPacket p, byte[] frame) {
        Map<Integer, int[]> tally = new LinkedHashMap<>();
        int idx = -1;
        String last = null;
        for (PdmlField f : p.fields()) {
            if (!f.proto().equals(last)) {
                idx++;
                last = f.proto();
            }
            if (f.size() <= 0 || f.bytesHex() == null) continue;
            int[] t = tally.computeIfAbsent(idx, k -> new int[2]);
            t[PdmlPacket.inFrame(f, frame, false) ? 0 : 1]++;
        }
        Map<Integer, Boolean> out = new HashMap<>();
        tally.forEach((k, t) -> out.put(k, t[0] > 0 && t[1] == 0));
        return out;
    }

    /** Per-capture (or overall) tally with the most frequent disagreements and one example each. */
    public static final class Tally {
        private long compared, agreed;
        private final Map<String, Long> byAbbrev = new HashMap<>();
        private final Map<String, Outcome> example = new HashMap<>();
        private final Set<String> notes = new LinkedHashSet<>();

        public void add(Outcome o) {
            compared++;
            if (o.kind() == Kind.AGREED) {
                agreed++;
                return;
            }
            String key = o.tshark().name() + " (" + o.kind().name().toLowerCase() + ")";
            byAbbrev.merge(key, 1L, Long::sum);
            example.putIfAbsent(key, o);
        }

        public void addAll(Tally t) {
            compared += t.compared;
            agreed += t.agreed;
            t.byAbbrev.forEach((k, v) -> byAbbrev.merge(k, v, Long::sum));
            t.example.forEach(example::putIfAbsent);
            notes.addAll(t.notes);
        }

        public void note(String s) {
            notes.add(s);
        }

        public long compared() { return compared; }
        public long agreed() { return agreed; }
        public Set<String> notes() { return notes; }

        public double percent() {
            return compared == 0 ? 100.0 : 100.0 * agreed / compared;
        }

        /** The {@code n} most frequent disagreements: "abbrev (kind)" → count, most frequent first. */
        public List<Map.Entry<String, Long>> top(int n) {
            List<Map.Entry<String, Long>> l = new ArrayList<>(byAbbrev.entrySet());
            l.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            return l.subList(0, Math.min(n, l.size()));
        }

        public Outcome example(String key) {
            return example.get(key);
        }
    }
}
