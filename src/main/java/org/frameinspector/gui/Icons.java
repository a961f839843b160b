package org.frameinspector.gui;

import com.formdev.flatlaf.extras.FlatSVGIcon;
import java.awt.Image;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.swing.Icon;
import org.frameinspector.core.model.Severity;

/** SVG icons from the repository's {@code icons/} folder (bundled under {@code org/frameinspector/gui/icons}). */
public final class Icons {
    private static final String BASE = "org/frameinspector/gui/icons/";
    private static final Map<String, FlatSVGIcon> CACHE = new ConcurrentHashMap<>();

    private Icons() {
    }

    /** A 16×16 (scaled with the UI) icon. */
    public static FlatSVGIcon get(String name) {
        return get(name, 16);
    }

    public static FlatSVGIcon get(String name, int size) {
        return CACHE.computeIfAbsent(name + "@" + size,
                k -> new FlatSVGIcon(BASE + name + ".svg", size, size, Icons.class.getClassLoader()));
    }

    public static Icon severity(Severity s) {
        if (s == null) return null;
        return switch (s) {
            case VIOLATION -> get("violation");
            case RISK -> get("risk");
            case INFO -> get("info");
        };
    }

    /** The window icon in several sizes, for the title bar and the task switcher. */
    public static List<Image> appImages() {
        return com.formdev.flatlaf.extras.FlatSVGUtils.createWindowIconImages(Icons.class.getResource("/" + BASE + "app.svg"));
    }
}
