package org.frameinspector.tshark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.SourcePart;

/**
 * Compares tshark's fields of one frame with ours. A tshark field counts when its protocol is in the chosen set, it
 * has a byte range in the frame itself or in a reassembled buffer tshark declares in the same packet, and it is not
 * excluded (see {@link #counts}); it is <em>agreed</em> when we have a field with the same abbreviation, offset,
 * length and value in the same data source (the frame, or our buffer holding the same bytes from the same frames).
 */
public final class Agreement {
    /** Link, IP, TCP, TPKT and COTP: the protocols the ≥ 99 % target is about. */
    public static final Set<String> CORE = Set.of("eth", "vlan", "llc", "sll", "ip", "ipv6", "tcp", "tpkt", "cotp");

    /**
     * Fields never compared: values
     * tshark computes rather than reads (calculated checksums and windows, stream and analysis data, timing, lengths
     * it derives) – in 4.0 PDML these do not all have a "[" showname, so they are listed by name.
     */
    static final Set<String> EXCLUDED = Set.of("tcp.nxtseq",
            // SACK edges are shown relative to the initial sequence number, like tcp.seq
            "tcp.options.sack_le", "tcp.options.sack_re", "tcp.stream", "tcp.len",
            "tcp.completeness", "tcp.window_size", "tcp.window_size_scalefactor", "tcp.checksum_calculated",
            "tcp.checksum.status", "ip.checksum_calculated", "ip.checksum.status", "tcp.segment_data",
            "tcp.reassembled_in", "tcp.time_relative", "tcp.time_delta", "tcp.pdu.size", "tcp.segments",
            "tcp.segment", "tcp.segment.count", "tcp.reassembled.length", "tcp.reassembled.data",
            "cotp.reassembled_in", "cotp.segments", "cotp.segment", "cotp.segment.count", "cotp.reassembled.length",
            "tcp.analysis");
    static final String[] EXCLUDED_PREFIXES = {"tcp.analysis.", "tcp.time_", "tcp.completeness.", "tcp.stream."};

    /** Outcome of one tshark field. {@code NO_BUFFER}: a reassembled field for whose buffer we have no counterpart. */
    public enum Kind { AGREED, MISSING, POSITION, VALUE, NO_BUFFER }

    /** {@code reassembled}: the field lies in a reassembled buffer (TCP or COTP reassembly), not in the frame. */
    public record Outcome(int frame, PdmlField tshark, Kind kind, String ours, boolean reassembled, int decodedIn) {
        public Outcome(int frame, PdmlField tshark, Kind kind, String ours, boolean reassembled) {
            this(frame, tshark, kind, ours, reassembled, frame);
        }

        public Outcome(int frame, PdmlField tshark, Kind kind, String ours) {
            this(frame, tshark, kind, ours, false);
        }
    }

    /**
     * A field of ours in a reassembled buffer of frame {@code decodedIn}, with {@code field.offset()} mapped to the
     * frame its bytes came from (the whole field lies in one piece).
     */
    public record Placed(OurField field, int decodedIn) {
    }

    /** Our fields by the frame byte they start at: (frame, frame offset, abbreviation) to candidates. */
    public interface Elsewhere {
        List<Placed> at(int frame, int frameOffset, String abbrev);
    }

    private final Set<String> protocols;

    public Agreement(Set<String> protocols) {
        this.protocols = Set.copyOf(protocols);
    }

    public Set<String> protocols() {
        return protocols;
    }

    /** Whether a tshark field takes part in the comparison at all (before the data-source test). */
    public boolean counts(PdmlField f) {
        if (f.hidden() || f.size() <= 0 || f.pos() < 0 || f.name().isEmpty()) return false;
        if (!protocols.contains(f.proto()) || !protocols.contains(f.namePrefix())) return false;
        if (f.showname() != null && f.showname().startsWith("[")) return false;
        if (EXCLUDED.contains(f.name())) return false;
        for (String p : EXCLUDED_PREFIXES) if (f.name().startsWith(p)) return false;
        if (f.name().equals("tpkt.continuation_data") && tlsRecord(f.value())) return false;
        return true;
    }

    /**
     * True when the bytes start like a TLS record (content type 20-23, version 3.x). tshark 4.0 labels TLS that
     * follows the RDP X.224 exchange on port 3389 as "tpkt.continuation_data"; it is not TPKT (TSHARK-DIFFERENCES.md).
     */
    static boolean tlsRecord(String hex) {
        if (hex == null || hex.length() < 6) return false;
        String h = hex.replace(":", "").toLowerCase(java.util.Locale.ROOT);
        return h.length() >= 6 && h.matches("^1[4-7]03.*") && h.charAt(4) == '0';
    }

    /** Compares one packet's frame fields only (no reassembled buffers on our side). */
    public List<Outcome> compare(PdmlPacket p, byte[] frame, List<OurField> ours) {
        return compare(p, frame, ours, List.of());
    }

    /**
     * Compares one packet. {@code frame} are the frame's bytes; {@code ours} our fields of this frame in any data
     * source, {@code ourBuffers} the reassembled data sources of our dissection of this frame (those completed here).
     * Every counted tshark field is attributed to the frame or to one of the reassembled buffers tshark declares in
     * this packet ({@link PdmlBuffers}); buffer fields are matched in the buffer of ours that holds the same bytes
     * from the same frames.
     */
    public List<Outcome> compare(PdmlPacket p, byte[] frame, List<OurField> ours, List<DataSource> ourBuffers) {
        return compare(p, frame, ours, ourBuffers, (f, o, a) -> List.of());
    }

    /**
     * As above; a frame field we do not have in this frame's dissection is also looked up in {@code elsewhere}: the
     * same bytes decoded as the same field (abbreviation, length, value) from a reassembled buffer of a later frame
     * (segments held after a hole in the sequence numbers, decoded when the hole is given up).
     */
    public List<Outcome> compare(PdmlPacket p, byte[] frame, List<OurField> ours, List<DataSource> ourBuffers,
                                 Elsewhere elsewhere) {
        Map<String, List<OurField>> byKey = new HashMap<>();
        for (OurField o : ours) byKey.computeIfAbsent(o.source() + "\u0000" + o.abbrev(), k -> new ArrayList<>(2)).add(o);
        List<PdmlBuffers.Buffer> buffers = PdmlBuffers.of(p);
        Map<Integer, Integer> verdicts = PdmlBuffers.protoVerdicts(p, frame, buffers);
        Map<Integer, List<Mapping>> mappings = new HashMap<>();
        List<Outcome> out = new ArrayList<>();
        for (PdmlField f : p.fields()) {
            if (!counts(f)) continue;
            int src = PdmlBuffers.sourceOf(f, frame, buffers, verdicts.get(f.protoIndex()));
            if (src < 0) continue;
            if (src == 0) {
                Outcome o = judge(p.number(), f, byKey.getOrDefault(DataSource.FRAME + "\u0000" + f.name(), List.of()),
                        0, false);
                if (o.kind() != Kind.AGREED) {
                    for (Placed pl : elsewhere.at(p.number(), f.pos(), f.name())) {
                        OurField x = pl.field();
                        if (x.length() == f.size() && Values.agree(f, x.value(), x.display())) {
                            // decoded, but only in a later frame: a miss for this frame (issue 15)
                            o = new Outcome(p.number(), f, Kind.MISSING, x + " (decoded only in frame " + pl.decodedIn()
                                    + ")", false, pl.decodedIn());
                            break;
                        }
                    }
                }
                out.add(o);
                continue;
            }
            PdmlBuffers.Buffer b = buffers.get(src - 1);
            List<Mapping> ms = mappings.computeIfAbsent(src, k -> {
                List<Mapping> r = mapAll(b, ourBuffers);
                if (!r.isEmpty()) return r;
                Mapping fr = mapToFrame(b, frame, p.number());
                return fr != null ? List.of(fr) : List.of();
            });
            if (ms.isEmpty()) {
                out.add(new Outcome(p.number(), f, Kind.NO_BUFFER, "no buffer of ours with these bytes from frames "
                        + b.frames(), true));
                continue;
            }
            // several buffers of ours may hold these bytes (a reassembled IP datagram and the TPKT cut from it):
            // the field agrees when one of them has it
            Outcome best = null;
            for (Mapping m : ms) {
                Outcome o = judge(p.number(), f, byKey.getOrDefault(m.source + "\u0000" + f.name(), List.of()), m.delta,
                        true);
                if (best == null || o.kind() == Kind.AGREED) best = o;
                if (o.kind() == Kind.AGREED) break;
            }
            out.add(best);
        }
        return out;
    }

    /**
     * tshark "reassembles" a TSDU whose bytes all come from this one frame (e.g. a DT with EOT = 0 and no data, then
     * a DT with EOT = 1 carrying everything): we decode such a TSDU in place, on the frame. Map tshark's buffer onto
     * the frame bytes it came from.
     */
    static Mapping mapToFrame(PdmlBuffers.Buffer t, byte[] frame, int packet) {
        if (!t.frames().equals(java.util.Set.of(packet))) return null;
        int tl = t.bytes().length;
        for (int d = 0; d + tl <= frame.length; d++) {
            if (t.sameBytes(frame, d, 0, tl)) return new Mapping(DataSource.FRAME, d);
        }
        return null;
    }

    /** Our buffer {@code source} holds tshark's buffer at offset {@code delta} (ours = tshark pos + delta). */
    record Mapping(String source, int delta) {
    }

    /**
     * Finds our buffer holding the same bytes as tshark's (one inside the other, byte for byte) whose frame pieces
     * agree: every tshark piece (the frame tshark took those bytes from) overlaps a piece of ours from that frame.
     */
    static Mapping map(PdmlBuffers.Buffer t, List<DataSource> ourBuffers) {
        for (DataSource o : ourBuffers) {
            if (o.isFrame()) continue;
            byte[] ob = o.bytes();
            int tl = t.bytes().length, ol = ob.length;
            for (int d = -(tl - 1); d < ol; d++) {
                int lo = Math.max(0, -d), hi = Math.min(tl, ol - d); // overlap in tshark coordinates
                if (hi - lo < Math.min(tl, ol)) continue;             // one must lie inside the other
                if (!t.sameBytes(ob, d, lo, hi)) continue;
                if (piecesAgree(t, o, d)) return new Mapping(o.id(), d);
            }
        }
        return null;
    }

    /** Every buffer of ours that {@link #map} would accept, in order. */
    static List<Mapping> mapAll(PdmlBuffers.Buffer t, List<DataSource> ourBuffers) {
        List<Mapping> out = new ArrayList<>(1);
        for (DataSource o : ourBuffers) {
            Mapping m = map(t, List.of(o));
            if (m != null) out.add(m);
        }
        return out;
    }

    private static boolean piecesAgree(PdmlBuffers.Buffer t, DataSource o, int d) {
        int checked = 0;
        for (PdmlBuffers.Piece pc : t.pieces()) {
            int a = Math.max(0, pc.pos() + d), z = Math.min(o.bytes().length, pc.pos() + pc.size() + d);
            if (a >= z) continue;
            boolean found = false;
            for (SourcePart sp : o.parts()) {
                if (sp.frame() == pc.frame() && sp.bufferOffset() < z && sp.bufferOffset() + sp.length() > a) {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
            checked++;
        }
        return checked > 0 || t.pieces().isEmpty();
    }

    private static Outcome judge(int frame, PdmlField f, List<OurField> same, int delta, boolean re) {
        OurField atPos = null, samePlace = null;
        int want = f.pos() + delta;
        for (OurField o : same) {
            if (o.offset() == want && o.length() == f.size()) {
                if (Values.agree(f, o.value(), o.display())) return new Outcome(frame, f, Kind.AGREED, o.toString(), re);
                samePlace = o;
            } else if (o.offset() == want || atPos == null) {
                atPos = o;
            }
        }
        if (samePlace != null) return new Outcome(frame, f, Kind.VALUE, samePlace.toString(), re);
        if (atPos != null) return new Outcome(frame, f, Kind.POSITION, atPos.toString(), re);
        return new Outcome(frame, f, Kind.MISSING, "none", re);
    }

    /** Per-capture (or overall) tally with the most frequent disagreements and one example each. */
    public static final class Tally {
        private long compared, agreed, reCompared, reAgreed, laterAgreed;
        private final Map<String, Long> byAbbrev = new HashMap<>();
        private final Map<String, Outcome> example = new HashMap<>();
        private final Set<String> notes = new LinkedHashSet<>();

        public void add(Outcome o) {
            compared++;
            if (o.reassembled()) reCompared++;
            if (o.decodedIn() != o.frame()) laterAgreed++;
            if (o.kind() == Kind.AGREED) {
                agreed++;
                if (o.reassembled()) reAgreed++;
                return;
            }
            String key = o.tshark().name() + " (" + o.kind().name().toLowerCase().replace('_', ' ')
                    + (o.reassembled() ? ", reassembled" : "") + ")";
            byAbbrev.merge(key, 1L, Long::sum);
            example.putIfAbsent(key, o);
        }

        public void addAll(Tally t) {
            compared += t.compared;
            agreed += t.agreed;
            reCompared += t.reCompared;
            reAgreed += t.reAgreed;
            laterAgreed += t.laterAgreed;
            t.byAbbrev.forEach((k, v) -> byAbbrev.merge(k, v, Long::sum));
            t.example.forEach(example::putIfAbsent);
            notes.addAll(t.notes);
        }

        public void note(String s) {
            notes.add(s);
        }

        /** All counted fields, in the frame and in reassembled buffers. */
        public long compared() { return compared; }
        public long agreed() { return agreed; }
        public long frameCompared() { return compared - reCompared; }
        public long frameAgreed() { return agreed - reAgreed; }
        public long reassembledCompared() { return reCompared; }
        public long reassembledAgreed() { return reAgreed; }
        /** Frame fields missed here but decoded from the same bytes in a later frame (counted as misses). */
        public long agreedInLaterFrame() { return laterAgreed; }

        public double framePercent() {
            return pct(frameAgreed(), frameCompared());
        }

        public double reassembledPercent() {
            return pct(reAgreed, reCompared);
        }

        private static double pct(long a, long c) {
            return c == 0 ? 100.0 : 100.0 * a / c;
        }
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
