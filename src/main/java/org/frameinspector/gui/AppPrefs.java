package org.frameinspector.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The desktop app's persistent settings (theme, recent files, splitter positions) in {@link Preferences}. Tests point it at a throw-away
 * node with the system property {@code fi.gui.prefs} so they never touch a user's settings.
 */
public final class AppPrefs {
    static final String THEME = "theme";
    static final int MAX_RECENT = 10;

    private AppPrefs() {
    }

    public static Preferences node() {
        String override = System.getProperty("fi.gui.prefs");
        return Preferences.userRoot().node(override != null ? override : "org/frameinspector/gui");
    }

    public static boolean darkTheme() {
        return "dark".equals(node().get(THEME, "light"));
    }

    public static void setDarkTheme(boolean dark) {
        node().put(THEME, dark ? "dark" : "light");
        flush();
    }

    public static List<String> recentFiles() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String s = node().get("recent." + i, null);
            if (s != null && !s.isBlank()) out.add(s);
        }
        return out;
    }

    public static void addRecentFile(String path) {
        List<String> l = recentFiles();
        l.remove(path);
        l.add(0, path);
        Preferences n = node();
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < l.size()) n.put("recent." + i, l.get(i));
            else n.remove("recent." + i);
        }
        flush();
    }

    public static void clearRecentFiles() {
        for (int i = 0; i < MAX_RECENT; i++) node().remove("recent." + i);
        flush();
    }

    /** A splitter's divider as a fraction of the split's size (remembered across restarts), or {@code def}. */
    public static double splitter(String name, double def) {
        double v = node().getDouble("split." + name, def);
        return v > 0 && v < 1 ? v : def;
    }

    public static void setSplitter(String name, double fraction) {
        if (!(fraction > 0 && fraction < 1)) return;
        node().putDouble("split." + name, fraction);
        flush();
    }

    /** Width of the hex pane the user dragged it to; -1: its natural width. */
    public static int hexWidth() {
        return node().getInt("split.hexWidth", -1);
    }

    public static void setHexWidth(int px) {
        if (px > 0) node().putInt("split.hexWidth", px);
        else node().remove("split.hexWidth");
        flush();
    }

    static void flush() {
        try {
            node().flush();
        } catch (BackingStoreException e) {
            // settings are a convenience; losing them is not worth bothering the user
        }
    }
}
