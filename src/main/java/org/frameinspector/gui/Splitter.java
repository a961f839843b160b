package org.frameinspector.gui;

import java.awt.Component;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.JSplitPane;
import javax.swing.plaf.basic.BasicSplitPaneUI;

/**
 * A split pane whose divider the user drags and the app remembers across restarts ({@link AppPrefs}, as a fraction
 * of the split's size, like the theme). The remembered fraction is also the resize weight, so the parts grow
 * together with the window.
 */
final class Splitter extends JSplitPane {
    private final String key;
    private final double byDefault;
    private boolean remembering = true;

    Splitter(String name, int orientation, Component a, Component b, double byDefault) {
        super(orientation, true, a, b);
        this.key = name;
        this.byDefault = byDefault;
        setName(name);
        setBorder(null);
        setResizeWeight(fraction());
    }

    /** The remembered fraction, or the default. */
    double fraction() {
        return AppPrefs.splitter(key, byDefault);
    }

    /** Puts the divider at the remembered fraction (once the split has its size). */
    void restore() {
        setResizeWeight(fraction());
        if (extent() > 0) setDividerLocation((int) Math.round(fraction() * extent()));
    }

    /** Whether a drag is remembered (off while the split shows a layout of its own, e.g. a lone frame). */
    void remember(boolean on) {
        remembering = on;
    }

    private int extent() {
        return (getOrientation() == VERTICAL_SPLIT ? getHeight() : getWidth()) - getDividerSize();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (getUI() instanceof BasicSplitPaneUI ui && ui.getDivider() != null) {
            ui.getDivider().addMouseListener(new MouseAdapter() {
                @Override
                public void mouseReleased(MouseEvent e) {
                    if (!remembering || extent() <= 0) return;
                    double f = (double) getDividerLocation() / extent();
                    AppPrefs.setSplitter(key, f);
                    setResizeWeight(fraction());
                }
            });
        }
    }
}
