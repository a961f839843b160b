package org.frameinspector.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The desktop app's persistent settings (theme, recent files) in {@link Preferences}. Tests point it at a throw-away
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

    private static void flush() {
        try {
            node().flush();
        } catch (BackingStoreException e) {
            // settings are a convenience; losing them is not worth bothering the user
        }
    }
}
