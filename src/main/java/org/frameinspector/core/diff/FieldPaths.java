package org.frameinspector.core.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Layer;

/**
 * Stable names for the fields of a dissection, independent of byte offsets: the layer's protocol (with its
 * occurrence, {@code ip[1]} for the inner header of a tunnel), then the chain of abbreviations from the top of the
 * layer down to the field, each with its occurrence among siblings of the same key. A TREE node that starts with a
 * code/type child is keyed by that code too ({@code cotp.parameter{c1}}), so an inserted parameter does not shift
 * the others. Occurrence 0 is not written: {@code tcp/tcp.flags/tcp.flags.ack}, {@code cotp/cotp.parameter{c2}/cotp.dst-tsap}.
 */
public final class FieldPaths {
    private FieldPaths() {
    }

    /** One field with its path and the layer it belongs to. */
    public record Entry(String path, Field field, Layer layer, int depth, int layerIndex) {
    }

    /** Every field of the dissection, depth first in tree order, keyed by path. */
    public static LinkedHashMap<String, Entry> of(Dissection d) {
        LinkedHashMap<String, Entry> out = new LinkedHashMap<>();
        Map<String, Integer> layerCount = new HashMap<>();
        int li = 0;
        for (Layer l : d.layers()) {
            int k = layerCount.merge(l.protocol(), 1, Integer::sum) - 1;
            String lp = k == 0 ? l.protocol() : l.protocol() + "[" + k + "]";
            walk(out, lp, l.fields(), l, 1, li);
            li++;
        }
        return out;
    }

    /** The path of one field of the dissection, or null if it is not part of it. */
    public static String pathOf(Dissection d, Field f) {
        for (Entry e : of(d).values()) if (e.field() == f) return e.path();
        return null;
    }

    /** The field at a path, or null. */
    public static Field find(Dissection d, String path) {
        Entry e = of(d).get(path);
        return e == null ? null : e.field();
    }

    private static void walk(Map<String, Entry> out, String prefix, List<Field> fields, Layer l, int depth, int li) {
        Map<String, Integer> seen = new HashMap<>();
        for (Field f : fields) {
            String key = key(f);
            int k = seen.merge(key, 1, Integer::sum) - 1;
            String p = prefix + "/" + (k == 0 ? key : key + "[" + k + "]");
            out.put(p, new Entry(p, f, l, depth, li));
            if (!f.children().isEmpty()) walk(out, p, f.children(), l, depth + 1, li);
        }
    }

    static String key(Field f) {
        String a = f.abbrev() == null ? "?" : f.abbrev();
        if (f.kind() == FieldKind.TREE && !f.children().isEmpty()) {
            Field c = f.children().get(0);
            String ca = c.abbrev() == null ? "" : c.abbrev();
            if (ca.endsWith("code") || ca.endsWith("type") || ca.endsWith("kind")) {
                Object v = c.value();
                if (v instanceof Long n) return a + "{" + Long.toHexString(n) + "}";
                if (v instanceof Integer n) return a + "{" + Integer.toHexString(n) + "}";
            }
        }
        return a;
    }

    /** All entries as a list (same order as {@link #of}). */
    public static List<Entry> list(Dissection d) {
        return new ArrayList<>(of(d).values());
    }
}
