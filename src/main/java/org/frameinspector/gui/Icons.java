package org.frameinspector.gui;

import com.formdev.flatlaf.extras.FlatSVGIcon;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
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
        return s == null ? null : get(name(s));
    }

    private static String name(Severity s) {
        return switch (s) {
            case VIOLATION -> "violation";
            case RISK -> "risk";
            case INFO -> "info";
        };
    }

    /**
     * The icon for cell renderers (frame list, field tree, findings table): the same SVG, rasterised once per
     * device scale and theme and then drawn as an image, so painting a list does not render SVG paths per cell.
     */
    public static Icon cell(String name) {
        return CELLS.computeIfAbsent(name, n -> new RasterIcon(get(n), n));
    }

    /** {@link #severity} for cell renderers. */
    public static Icon severityCell(Severity s) {
        return s == null ? null : cell(name(s));
    }

    /** Names of the icons cell renderers use; {@link WarmUp} rasterises them before the first file is shown. */
    static final List<String> CELL_ICONS = List.of("violation", "risk", "info", "layer", "reserved", "note");

    /**
     * Rasterises the cell icons at the default screen's scale for the current theme. Safe off the EDT: it paints
     * fresh {@link FlatSVGIcon}s (whose document loading is synchronized) into private images.
     */
    static void prerenderCells() {
        AffineTransform t = java.awt.GraphicsEnvironment.isHeadless() ? new AffineTransform()
                : java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getDefaultTransform();
        for (String n : CELL_ICONS) {
            RasterIcon r = (RasterIcon) cell(n);
            r.prerender(new FlatSVGIcon(BASE + n + ".svg", 16, 16, Icons.class.getClassLoader()), t.getScaleX(),
                    t.getScaleY());
        }
    }

    private static final Map<String, Icon> CELLS = new ConcurrentHashMap<>();

    /** An SVG icon drawn from images cached per (device scale, look and feel). */
    static final class RasterIcon implements Icon {
        private record Key(double sx, double sy, String laf) {
        }

        private final FlatSVGIcon svg;
        private final String name;
        private final Map<Key, BufferedImage> images = new ConcurrentHashMap<>();

        RasterIcon(FlatSVGIcon svg, String name) {
            this.svg = svg;
            this.name = name;
        }

        String name() { return name; }

        private static String laf() {
            javax.swing.LookAndFeel l = javax.swing.UIManager.getLookAndFeel();
            return l == null ? "" : l.getClass().getName();
        }

        private BufferedImage render(Icon icon, Component c, double sx, double sy) {
            int w = (int) Math.ceil(getIconWidth() * sx), h = (int) Math.ceil(getIconHeight() * sy);
            BufferedImage img = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = img.createGraphics();
            try {
                g.scale(sx, sy);
                icon.paintIcon(c, g, 0, 0);
            } finally {
                g.dispose();
            }
            return img;
        }

        void prerender(FlatSVGIcon fresh, double sx, double sy) {
            images.computeIfAbsent(new Key(sx, sy, laf()), k -> render(fresh, null, sx, sy));
        }

        @Override
        public void paintIcon(Component c, Graphics g0, int x, int y) {
            Graphics2D g = (Graphics2D) g0;
            AffineTransform t = g.getTransform();
            double sx = t.getScaleX(), sy = t.getScaleY();
            if (t.getShearX() != 0 || t.getShearY() != 0 || sx <= 0 || sy <= 0) {
                svg.paintIcon(c, g, x, y);
                return;
            }
            BufferedImage img = images.computeIfAbsent(new Key(sx, sy, laf()), k -> render(svg, c, sx, sy));
            Graphics2D d = (Graphics2D) g.create();
            try {
                // draw at device resolution: one image pixel per device pixel
                double dx = t.getTranslateX() + x * sx, dy = t.getTranslateY() + y * sy;
                d.setTransform(AffineTransform.getTranslateInstance(Math.floor(dx), Math.floor(dy)));
                d.drawImage(img, 0, 0, null);
            } finally {
                d.dispose();
            }
        }

        @Override
        public int getIconWidth() { return svg.getIconWidth(); }

        @Override
        public int getIconHeight() { return svg.getIconHeight(); }
    }

    /** The window icon in several sizes, for the title bar and the task switcher. */
    public static List<Image> appImages() {
        return com.formdev.flatlaf.extras.FlatSVGUtils.createWindowIconImages(Icons.class.getResource("/" + BASE + "app.svg"));
    }
}
