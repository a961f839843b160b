package org.frameinspector.gui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import com.formdev.flatlaf.extras.FlatAnimatedLafChange;
import com.formdev.flatlaf.fonts.jetbrains_mono.FlatJetBrainsMonoFont;
import java.awt.Color;
import java.awt.Font;
import javax.swing.UIManager;

/** Look and feel: FlatLaf light/dark, our colour keys (themes/*.properties), JetBrains Mono for bytes. */
public final class Theme {
    private static boolean initialised;

    private Theme() {
    }

    /** Installs fonts and our defaults source and applies the saved theme. Call on the EDT before building windows. */
    public static void setup() {
        if (!initialised) {
            initialised = true;
            FlatJetBrainsMonoFont.install();
            FlatLaf.setPreferredMonospacedFontFamily(FlatJetBrainsMonoFont.FAMILY);
            FlatLaf.registerCustomDefaultsSource("org.frameinspector.gui.themes");
        }
        apply(AppPrefs.darkTheme());
    }

    public static boolean isDark() {
        return FlatLaf.isLafDark();
    }

    private static void apply(boolean dark) {
        if (dark) FlatDarkLaf.setup();
        else FlatLightLaf.setup();
    }

    /** Switches theme (animated when windows are showing) and remembers the choice. */
    public static void switchTo(boolean dark, boolean animate) {
        if (animate) FlatAnimatedLafChange.showSnapshot();
        apply(dark);
        FlatLaf.updateUI();
        AppPrefs.setDarkTheme(dark);
        if (animate) FlatAnimatedLafChange.hideSnapshotWithAnimation();
    }

    /** JetBrains Mono at the size of the UI's default font (which already carries the UI scale). */
    public static Font monoFont() {
        Font base = UIManager.getFont("defaultFont");
        if (base == null) base = UIManager.getFont("Label.font");
        int size = base == null ? 13 : base.getSize();
        return new Font(FlatJetBrainsMonoFont.FAMILY, Font.PLAIN, size);
    }

    /** A colour from the theme, with a fallback when the key is missing (another look and feel). */
    public static Color color(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c != null ? c : fallback;
    }
}
