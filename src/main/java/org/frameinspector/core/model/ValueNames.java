package org.frameinspector.core.model;

import java.util.HashMap;
import java.util.Map;

/** Small value-name tables and display helpers shared by the upper-layer dissectors. */
public final class ValueNames {
    private final Map<Long, String> m = new HashMap<>();

    private ValueNames() {
    }

    /** Pairs of (Integer code, String name). */
    public static ValueNames of(Object... kv) {
        ValueNames v = new ValueNames();
        for (int i = 0; i + 1 < kv.length; i += 2) v.m.put(((Number) kv[i]).longValue(), (String) kv[i + 1]);
        return v;
    }

    public String name(long v) {
        return m.get(v);
    }

    public String nameOr(long v, String dflt) {
        String s = m.get(v);
        return s == null ? dflt : s;
    }

    /** "Name (0x0f)" like Wireshark's hex value-string display; "Unknown (0x0f)" when not in the table. */
    public String hexed(long v, int digits) {
        return nameOr(v, "Unknown") + " (" + Fmt.hex(v, digits) + ")";
    }

    /** "Name (15)" like Wireshark's decimal value-string display. */
    public String dec(long v) {
        return nameOr(v, "Unknown") + " (" + v + ")";
    }

    public static String bool(long v) {
        return v != 0 ? "True" : "False";
    }
}
