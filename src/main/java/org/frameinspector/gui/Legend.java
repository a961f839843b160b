package org.frameinspector.gui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JPanel;
import com.formdev.flatlaf.util.UIScale;
import net.miginfocom.swing.MigLayout;

/** What the hex pane's colours mean. */
final class Legend extends JPanel {
    Legend() {
        super(new MigLayout("insets 2 4 2 4, gap 12", "", "[]"));
        setName("legend");
        add(entry("Selected field", "FrameInspector.hex.selectionBackground"));
        add(entry("Reserved", "FrameInspector.mark.reserved"));
        add(entry("Violation", "FrameInspector.mark.violation"));
        add(entry("Risk", "FrameInspector.mark.risk"));
        add(entry("Info", "FrameInspector.mark.info"));
    }

    private static JLabel entry(String text, String key) {
        JLabel l = new JLabel(text, new Swatch(key), JLabel.LEADING);
        l.putClientProperty("FlatLaf.styleClass", "small");
        return l;
    }

    /** A square in a theme colour (looked up at paint time, so it follows theme switches). */
    private record Swatch(String key) implements Icon {
        @Override
        public void paintIcon(Component c, Graphics g, int x, int y) {
            int s = getIconWidth();
            g.setColor(Theme.color(key, Color.GRAY));
            g.fillRect(x, y, s, s);
            g.setColor(Theme.color("Component.borderColor", Color.GRAY));
            g.drawRect(x, y, s - 1, s - 1);
        }

        @Override
        public int getIconWidth() { return UIScale.scale(11); }

        @Override
        public int getIconHeight() { return UIScale.scale(11); }
    }
}
