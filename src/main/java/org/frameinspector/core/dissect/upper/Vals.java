package org.frameinspector.core.dissect.upper;

import java.util.HashMap;
import java.util.Map;
import org.frameinspector.core.dissect.Fmt;

/** Small value-name tables and display helpers shared by the upper-layer dissectors. */
final class Vals {
    private final Map<Long, String> m = new HashMap<>();

    private Vals() {
    }

    /** Pairs of (Integer code, String name). */
    static Vals of(Object... kv) {
        Vals v = new Vals();
        for (int i = 0; i + 1 < kv.length; i += 2) v.m.put(((Number) kv[i]).longValue(), (String) kv[i + 1]);
        return v;
    }

    String name(long v) {
        return m.get(v);
    }

    String nameOr(long v, String dflt) {
        String s = m.get(v);
        return s == null ? dflt : s;
    }

    /** "Name (0x0f)" like Wireshark's hex value-string display; "Unknown (0x0f)" when not in the table. */
    String hexed(long v, int digits) {
        return nameOr(v, "Unknown") + " (" + Fmt.hex(v, digits) + ")";
    }

    /** "Name (15)" like Wireshark's decimal value-string display. */
    String dec(long v) {
        return nameOr(v, "Unknown") + " (" + v + ")";
    }

    static String bool(long v) {
        return v != 0 ? "True" : "False";
    }
}
