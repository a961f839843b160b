package org.frameinspector.gui;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;

/**
 * The frame list's custom columns (Apply as Column): field abbreviations shown after the fixed columns, each cell
 * the field's value in that frame (every occurrence, comma-separated). Kept in the preferences.
 */
final class CustomColumns {
    private static volatile List<String> current;

    private CustomColumns() {
    }

    static List<String> get() {
        List<String> c = current;
        if (c == null) {
            String s = AppPrefs.node().get("columns.custom", "");
            List<String> out = new ArrayList<>();
            for (String a : s.split(",")) if (!a.isBlank()) out.add(a.strip());
            current = c = List.copyOf(out);
        }
        return c;
    }

    /** Forgets what was read (tests switch the preferences node). */
    static void reset() { current = null; }

    static void set(List<String> columns) {
        current = List.copyOf(columns);
        AppPrefs.node().put("columns.custom", String.join(",", columns));
        AppPrefs.flush();
    }

    static boolean add(String abbrev) {
        List<String> c = new ArrayList<>(get());
        if (c.contains(abbrev)) return false;
        c.add(abbrev);
        set(c);
        return true;
    }

    static void remove(String abbrev) {
        List<String> c = new ArrayList<>(get());
        c.remove(abbrev);
        set(c);
    }

    /** The cells of one frame, in column order. */
    static String[] values(Dissection d, List<String> columns) {
        String[] out = new String[columns.size()];
        for (int k = 0; k < out.length; k++) {
            StringBuilder b = new StringBuilder();
            for (Field f : d.fields(columns.get(k))) {
                if (b.length() > 0) b.append(',');
                String v = f.display();
                b.append(v == null ? "" : v);
            }
            out[k] = b.toString();
        }
        return out;
    }
}
