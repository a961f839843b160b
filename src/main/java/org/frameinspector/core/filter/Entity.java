package org.frameinspector.core.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;

/** Something a filter names: a protocol or field, a pseudo-field, or a slice of one. */
abstract class Entity {
    /** True when at least one occurrence exists. */
    abstract boolean exists(Eval e);

    /** Every occurrence's value (a {@link Field}, Long, String, byte[] or {@link Values.Rank}). */
    abstract List<Object> values(Eval e);

    /** Abbreviations of real fields this entity reads (for the per-dissection index). */
    abstract List<String> abbrevs();

    /** A protocol name (layer presence, layer bytes) and/or field abbreviation, plus alias targets. */
    static final class Named extends Entity {
        final String name;
        final boolean protocol;
        final List<String> abbrevs;

        Named(String name, List<String> aliasTargets, boolean protocol) {
            this.name = name;
            this.protocol = protocol;
            List<String> a = new ArrayList<>(1 + aliasTargets.size());
            a.add(name);
            a.addAll(aliasTargets);
            this.abbrevs = List.copyOf(a);
        }

        @Override
        boolean exists(Eval e) {
            if (protocol && e.d.layer(name) != null) return true;
            for (String a : abbrevs) if (!e.fields(a).isEmpty()) return true;
            return false;
        }

        @Override
        List<Object> values(Eval e) {
            List<Object> out = new ArrayList<>(2);
            if (protocol) {
                for (Layer l : e.d.layers()) {
                    if (!l.protocol().equals(name)) continue;
                    byte[] b = range(e, l.source(), l.offset(), l.length());
                    if (b != null) out.add(b);
                }
            }
            for (String a : abbrevs) out.addAll(e.fields(a));
            return out;
        }

        @Override
        List<String> abbrevs() { return abbrevs; }

        @Override
        public String toString() { return name; }
    }

    /** frame, frame.number, frame.len, frame.cap_len, frame.comment, frame.protocols, frame.link_type. */
    static final class FrameAttr extends Entity {
        final String attr;

        FrameAttr(String attr) {
            this.attr = attr;
        }

        @Override
        boolean exists(Eval e) {
            return !values(e).isEmpty();
        }

        @Override
        List<Object> values(Eval e) {
            Frame f = e.d.frame();
            Object v = switch (attr) {
                case "frame" -> f.data();
                case "frame.number" -> (long) f.number();
                case "frame.len" -> (long) f.originalLength();
                case "frame.cap_len" -> (long) f.capturedLength();
                case "frame.comment" -> f.comment();
                case "frame.link_type" -> (long) f.linkType();
                case "frame.protocols" -> {
                    StringBuilder sb = new StringBuilder();
                    for (Layer l : e.d.layers()) {
                        if (sb.length() > 0) sb.append(':');
                        sb.append(l.protocol());
                    }
                    yield sb.toString();
                }
                default -> null;
            };
            List<Object> out = new ArrayList<>(1);
            if (v != null) out.add(v);
            List<Field> real = e.fields(attr);
            out.addAll(real);
            return out;
        }

        @Override
        List<String> abbrevs() { return List.of(attr); }

        @Override
        public String toString() { return attr; }
    }

    /** finding (any finding), finding.id, .severity, .layer, .field, .offset, .length, .observed, .expected, .context. */
    static final class FindingAttr extends Entity {
        final String attr;

        FindingAttr(String attr) {
            this.attr = attr;
        }

        @Override
        boolean exists(Eval e) {
            if (attr.equals("finding")) return !e.d.findings().isEmpty();
            return !values(e).isEmpty();
        }

        @Override
        List<Object> values(Eval e) {
            List<Finding> fs = e.d.findings();
            List<Object> out = new ArrayList<>(fs.size());
            for (Finding f : fs) {
                Object v = switch (attr) {
                    case "finding.id" -> f.id();
                    case "finding.severity" -> f.severity() == null ? null
                            : new Values.Rank(Literal.rank(f.severity()), f.severity().name());
                    case "finding.layer" -> f.layer();
                    case "finding.field" -> f.fieldAbbrev();
                    case "finding.offset" -> (long) f.offset();
                    case "finding.length" -> (long) f.length();
                    case "finding.observed" -> f.observed();
                    case "finding.expected" -> f.expected();
                    case "finding.context" -> f.needsContext() ? 1L : 0L;
                    default -> null;
                };
                if (v != null) out.add(v);
            }
            return out;
        }

        @Override
        List<String> abbrevs() { return List.of(); }

        @Override
        public String toString() { return attr; }
    }

    /**
     * Bytes of each occurrence, cut by ranges in Wireshark's forms: [i] one byte, [i:n] n bytes from i, [i-j] i to j
     * inclusive, [i:] to the end, [:n] the first n; negative i counts from the end. Several ranges are joined.
     */
    static final class Slice extends Entity {
        final Entity inner;
        /** Pairs of (start, spec): see {@link #cut}. */
        final int[][] ranges;
        final String text;

        Slice(Entity inner, int[][] ranges, String text) {
            this.inner = inner;
            this.ranges = ranges;
            this.text = text;
        }

        @Override
        boolean exists(Eval e) {
            return !values(e).isEmpty();
        }

        @Override
        List<Object> values(Eval e) {
            List<Object> out = new ArrayList<>(1);
            for (Object v : inner.values(e)) {
                byte[] b = bytesOf(e, v);
                if (b == null) continue;
                byte[] cut = cut(b);
                if (cut != null) out.add(cut);
            }
            return out;
        }

        /** ranges[k] = {start, length}; length -1 = to the end. Null when a range falls outside. */
        private byte[] cut(byte[] b) {
            byte[][] parts = new byte[ranges.length][];
            int total = 0;
            for (int k = 0; k < ranges.length; k++) {
                int start = ranges[k][0], len = ranges[k][1];
                if (start < 0) start += b.length;
                if (start < 0 || start > b.length) return null;
                int end = len < 0 ? b.length : start + len;
                if (end > b.length || (len >= 0 && start >= b.length && len > 0)) return null;
                parts[k] = Arrays.copyOfRange(b, start, end);
                total += parts[k].length;
            }
            if (parts.length == 1) return parts[0];
            byte[] out = new byte[total];
            int o = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, o, p.length);
                o += p.length;
            }
            return out;
        }

        @Override
        List<String> abbrevs() { return inner.abbrevs(); }

        @Override
        public String toString() { return text; }
    }

    /** The bytes an occurrence covers: a field's range in its data source, byte values, strings as UTF-8. */
    static byte[] bytesOf(Eval e, Object v) {
        if (v instanceof Field f) return range(e, f.source(), f.offset(), f.length());
        if (v instanceof byte[] b) return b;
        if (v instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        return null;
    }

    static byte[] range(Eval e, String source, int off, int len) {
        DataSource s = e.d.source(source);
        if (s == null || off < 0 || len < 0 || off + len > s.bytes().length) return null;
        return Arrays.copyOfRange(s.bytes(), off, off + len);
    }
}
