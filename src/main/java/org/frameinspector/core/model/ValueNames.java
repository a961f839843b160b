package org.frameinspector.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** A table of value names (a field declaration's value_string, in Wireshark's terms) and display helpers. */
public final class ValueNames {
    private final Map<Long, String> m = new LinkedHashMap<>();

    private ValueNames() {
    }

    /** Pairs of (Integer code, String name). */
    public static ValueNames of(Object... kv) {
        ValueNames v = new ValueNames();
        for (int i = 0; i + 1 < kv.length; i += 2) v.m.put(((Number) kv[i]).longValue(), (String) kv[i + 1]);
        return v;
    }

    /** "0 = Name, 1 = Other, …" for the field reference. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Long, String> e : m.entrySet()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.getKey()).append(" = ").append(e.getValue());
        }
        return sb.toString();
    }

    /** The value whose name is {@code name} (ignoring case), or null. */
    public Long valueOf(String name) {
        for (Map.Entry<Long, String> e : m.entrySet()) if (e.getValue().equalsIgnoreCase(name)) return e.getKey();
        return null;
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
