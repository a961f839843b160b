package org.frameinspector.tshark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The data sources of one PDML packet. PDML gives every field a {@code pos} relative to the tvb it was dissected
 * from but never names that tvb. The frame is one source; every reassembled buffer tshark adds is announced by a
 * {@code <proto name="fake-field-wrapper">} holding {@code tcp.segments} / {@code cotp.segments} (any
 * {@code X.segments}): its {@code X.segment} children give, for each piece, the frame it came from ({@code show}),
 * its place in the buffer ({@code pos}, {@code size}) and its bytes ({@code value}); {@code X.reassembled.data}, when
 * present, gives the whole buffer. Those pieces rebuild the buffer's bytes.
 *
 * <p>A field is then attributed by content: its hex must equal the bytes at {@code pos} of the source. Per
 * {@code <proto>} element we first look for one source that explains all of its hex fields ({@link #protoVerdicts}):
 * the frame if it does, else the most recently announced buffer that does (only buffers announced before the
 * element). Fields without hex (tree nodes) follow that verdict.
 */
final class PdmlBuffers {
    private PdmlBuffers() {
    }

    /** One piece of a tshark buffer: {@code size} bytes at {@code pos}, taken from frame {@code frame}. */
    record Piece(int frame, int pos, int size) {
    }

    /**
     * A reassembled buffer tshark declares; {@code protoIndex} is the index of the announcing wrapper element (only
     * later elements can be in it); {@code known[i]} tells whether byte i was given.
     */
    record Buffer(String kind, int protoIndex, byte[] bytes, boolean[] known, List<Piece> pieces) {
        Set<Integer> frames() {
            Set<Integer> s = new LinkedHashSet<>();
            for (Piece p : pieces) s.add(p.frame());
            return s;
        }

        /** Whether hex equals the bytes at pos..pos+size (all known). */
        boolean holds(String hex, int pos, int size) {
            if (pos < 0 || pos + size > bytes.length) return false;
            for (int i = pos; i < pos + size; i++) if (!known[i]) return false;
            return PdmlPacket.hexEquals(hex, bytes, pos, size);
        }

        /** Whether our bytes {@code o} equal ours at tshark positions lo..hi mapped by {@code d} (ours = pos + d). */
        boolean sameBytes(byte[] o, int d, int lo, int hi) {
            for (int i = lo; i < hi; i++) {
                if (known[i] && bytes[i] != o[i + d]) return false;
            }
            return true;
        }
    }

    /** The reassembled buffers announced in a packet, in document order. */
    static List<Buffer> of(PdmlPacket p) {
        List<Buffer> out = new ArrayList<>(1);
        List<PdmlField> fs = p.fields();
        for (int i = 0; i < fs.size(); i++) {
            PdmlField f = fs.get(i);
            // X.segments (TCP, COTP reassembly) or IP reassembly's ip.fragments / ipv6.fragments (X.fragment pieces)
            boolean ipFrags = f.name().equals("ip.fragments") || f.name().equals("ipv6.fragments");
            if (!f.name().endsWith(".segments") && !ipFrags) continue;
            String prefix = f.name().substring(0, f.name().length() - (ipFrags ? ".fragments" : ".segments").length());
            String piece = prefix + (ipFrags ? ".fragment" : ".segment");
            List<Piece> pieces = new ArrayList<>();
            List<String> hexes = new ArrayList<>();
            String whole = null;
            int length = 0;
            int j = i + 1;
            for (; j < fs.size() && fs.get(j).protoIndex() == f.protoIndex(); j++) {
                PdmlField c = fs.get(j);
                if (c.name().equals(piece)) {
                    int frame = parse(c.show());
                    if (frame > 0 && c.size() > 0) {
                        pieces.add(new Piece(frame, c.pos(), c.size()));
                        hexes.add(c.value());
                        length = Math.max(length, c.pos() + c.size());
                    }
                } else if (c.name().equals(prefix + ".reassembled.data") && c.value() != null) {
                    whole = c.value();
                    length = Math.max(length, c.size());
                } else if (c.name().equals(prefix + ".reassembled.length")) {
                    length = Math.max(length, parse(c.show()));
                }
            }
            byte[] bytes = new byte[Math.max(length, 0)];
            boolean[] known = new boolean[bytes.length];
            if (whole != null) fill(whole, 0, bytes, known);
            for (int k = 0; k < pieces.size(); k++) fill(hexes.get(k), pieces.get(k).pos(), bytes, known);
            out.add(new Buffer(prefix, f.protoIndex(), bytes, known, List.copyOf(pieces)));
            i = j - 1;
        }
        return out;
    }

    /**
     * For each {@code <proto>} element: 0 when the frame explains all its hex fields, k (1-based buffer number)
     * when the latest such buffer does, absent when no single source does.
     */
    static Map<Integer, Integer> protoVerdicts(PdmlPacket p, byte[] frame, List<Buffer> buffers) {
        Map<Integer, List<PdmlField>> byProto = new HashMap<>();
        for (PdmlField f : p.fields()) {
            if (f.size() > 0 && f.bytesHex() != null) byProto.computeIfAbsent(f.protoIndex(), k -> new ArrayList<>()).add(f);
        }
        Map<Integer, Integer> out = new HashMap<>();
        byProto.forEach((proto, fields) -> {
            if (fields.stream().allMatch(f -> PdmlPacket.inFrame(f, frame, false))) {
                out.put(proto, 0);
                return;
            }
            for (int b = buffers.size(); b >= 1; b--) {
                Buffer buf = buffers.get(b - 1);
                if (buf.protoIndex() >= proto) continue;
                if (fields.stream().allMatch(f -> buf.holds(f.bytesHex(), f.pos(), f.size()))) {
                    out.put(proto, b);
                    return;
                }
            }
        });
        return out;
    }

    /**
     * The source of one field: 0 = frame, k = buffer k, -1 = none (its hex is found nowhere, or it has no hex and
     * its element has no single source).
     */
    static int sourceOf(PdmlField f, byte[] frame, List<Buffer> buffers, Integer verdict) {
        String hex = f.bytesHex();
        if (hex == null) return verdict == null ? -1 : verdict;
        if (verdict != null && holds(verdict, f, frame, buffers)) return verdict;
        if (holds(0, f, frame, buffers)) return 0;
        for (int b = buffers.size(); b >= 1; b--) {
            if (buffers.get(b - 1).protoIndex() < f.protoIndex() && holds(b, f, frame, buffers)) return b;
        }
        return -1;
    }

    private static boolean holds(int src, PdmlField f, byte[] frame, List<Buffer> buffers) {
        if (src == 0) return PdmlPacket.inFrame(f, frame, false);
        return buffers.get(src - 1).holds(f.bytesHex(), f.pos(), f.size());
    }

    private static void fill(String hex, int pos, byte[] bytes, boolean[] known) {
        if (hex == null) return;
        String h = hex.replace(":", "").toLowerCase(Locale.ROOT);
        for (int i = 0; i + 1 < h.length() && pos + i / 2 < bytes.length; i += 2) {
            int hi = Character.digit(h.charAt(i), 16), lo = Character.digit(h.charAt(i + 1), 16);
            if (hi < 0 || lo < 0 || pos + i / 2 < 0) continue;
            bytes[pos + i / 2] = (byte) ((hi << 4) | lo);
            known[pos + i / 2] = true;
        }
    }

    private static int parse(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
