package org.frameinspector.gui;

import com.formdev.flatlaf.util.UIScale;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.util.BitSet;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import net.miginfocom.swing.MigLayout;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;

/**
 * The byte view: the hex pane of the shown data source (the frame or a reassembled buffer, one tab each), the legend,
 * and the selected field's name, range and bits.
 */
final class ByteViewPart {
    final HexPane hex = new HexPane();
    final JTabbedPane sourceTabs = new JTabbedPane(JTabbedPane.BOTTOM);
    final BitStrip bits = new BitStrip();
    final JLabel fieldTitle = new JLabel(" ");
    final JLabel fieldInfo = new JLabel(" ");
    private final JScrollPane hexScroll = new JScrollPane(hex);
    private final JPanel panel = new JPanel(new BorderLayout());
    private Dissection shown;
    private String source = DataSource.FRAME;
    private boolean quiet;

    ByteViewPart() {
        sourceTabs.setName("sourceTabs");
        sourceTabs.setVisible(false);
        sourceTabs.putClientProperty("JTabbedPane.tabHeight", 26); // FlatLaf scales it
        hexScroll.getVerticalScrollBar().setUnitIncrement(hex.hexLayout().lineHeight());
        fieldTitle.setName("fieldTitle");
        fieldTitle.putClientProperty("FlatLaf.styleClass", "h4");
        fieldInfo.setName("fieldInfo");
        JPanel detail = new JPanel(new MigLayout("insets 4 6 4 6, gap 4 2, hidemode 3", "[grow,fill]", "[][][]"));
        detail.add(fieldTitle, "wmin 0, wrap");
        detail.add(fieldInfo, "wmin 0, wrap");
        detail.add(bits, "growx 0, wrap");
        JPanel south = new JPanel(new MigLayout("insets 0, gap 0, hidemode 3", "[grow,fill]", "[][][]"));
        south.add(sourceTabs, "wrap");
        south.add(new Legend(), "wrap");
        south.add(detail, "wmin 0");
        panel.add(hexScroll, BorderLayout.CENTER);
        panel.add(south, BorderLayout.SOUTH);
    }

    JComponent component() { return panel; }

    /** The data source shown (frame or a reassembled buffer id). */
    String source() { return source; }

    /** Calls {@code show} with a source id when the user picks its tab. */
    void onTabPicked(Consumer<String> show) {
        sourceTabs.addChangeListener(e -> {
            int i = sourceTabs.getSelectedIndex();
            if (quiet || shown == null || i < 0 || i >= shown.sources().size()) return;
            show.accept(shown.sources().get(i).id());
        });
    }

    /** A new frame: one tab per data source when there is more than the frame; nothing is shown yet. */
    void setDissection(Dissection d) {
        shown = d;
        quiet = true;
        try {
            boolean tabs = d != null && d.sources().size() > 1;
            if (sourceTabs.getTabCount() > 0 || tabs) sourceTabs.removeAll();
            if (tabs) {
                for (DataSource s : d.sources()) {
                    JPanel empty = new JPanel();
                    empty.setPreferredSize(new Dimension(0, 0));
                    sourceTabs.addTab(s.name(), empty);
                    sourceTabs.setToolTipTextAt(sourceTabs.getTabCount() - 1, s.isFrame() ? "The frame as captured"
                            : "Reassembled from " + Texts.count(s.parts().size(), "part"));
                }
            }
            sourceTabs.setVisible(tabs);
        } finally {
            quiet = false;
        }
        source = null;
    }

    /** Shows a data source of the frame (its bytes and marks); false when it already was shown. */
    boolean showSource(String id) {
        if (shown == null) {
            hex.setData(new byte[0], null);
            source = DataSource.FRAME;
            return true;
        }
        if (id.equals(source)) return false;
        DataSource s = shown.source(id);
        if (s == null) s = shown.sources().get(0);
        source = s.id();
        hex.setData(s.bytes(), HexPane.marksFor(shown, s.id(), s.bytes().length));
        quiet = true;
        try {
            int tab = shown.sources().indexOf(s);
            if (tab >= 0 && tab < sourceTabs.getTabCount()) sourceTabs.setSelectedIndex(tab);
        } finally {
            quiet = false;
        }
        return true;
    }

    void select(int offset, int length) { hex.setSelection(offset, length); }

    void setNoted(BitSet b) { hex.setNoted(b); }

    /** The field's name, abbreviation, range, value and bits under the hex pane (null: nothing). */
    void showFieldDetail(Field f) {
        if (f == null) {
            fieldTitle.setText(" ");
            fieldInfo.setText(" ");
            bits.show(null, new byte[0]);
            bits.setVisible(false);
            return;
        }
        fieldTitle.setText(f.name());
        StringBuilder info = new StringBuilder(f.abbrev()).append(" · ").append(Texts.range(f.offset(), f.length()));
        if (f.isBitField()) info.append(String.format(" · mask 0x%X", f.bitmask()));
        if (f.display() != null && !f.display().isEmpty()) info.append(" · ").append(f.display());
        if (f.kind() != FieldKind.NORMAL) info.append(" · ").append(f.kind().name().toLowerCase());
        fieldInfo.setText(info.toString());
        fieldInfo.setToolTipText(info.toString());
        DataSource s = shown == null ? null : shown.source(f.source());
        bits.show(f, s == null ? new byte[0] : s.bytes());
        bits.setVisible(!bits.bitsText().isEmpty());
    }

    /** A layer's name and range (no bits). */
    void showLayerDetail(String name, String info) {
        showFieldDetail(null);
        fieldTitle.setText(name);
        fieldInfo.setText(info);
    }

    /** Width the hex pane needs for 16 bytes a row, with its scroll bar. */
    int neededWidth() {
        // a few pixels of slack: without them a scaled UI (flatlaf.uiScale=2) showed a needless horizontal scroll bar
        return hex.hexLayout().preferredWidth() + hexScroll.getVerticalScrollBar().getPreferredSize().width
                + hexScroll.getInsets().left + hexScroll.getInsets().right + UIScale.scale(4);
    }

    /** Scrolls so that a byte of the shown source is visible. */
    void reveal(int offset) { hex.scrollRectToVisible(hex.hexLayout().hexCell(offset)); }

    /**
     * Tree | hex split that gives the hex pane its natural width (16 bytes a row; the tree takes the rest), or the
     * width the user dragged it to, which is remembered across restarts.
     */
    final class HexSplit extends JSplitPane {
        private boolean dragging;

        HexSplit(Component left) {
            super(JSplitPane.HORIZONTAL_SPLIT, true, left, panel);
        }

        @Override
        public void doLayout() {
            if (!dragging && getWidth() > 0) {
                int saved = AppPrefs.hexWidth();
                int want = saved > 0 ? Math.max(UIScale.scale(120), saved) : neededWidth();
                int loc = Math.max(getWidth() / 4, getWidth() - want - getDividerSize());
                if (loc != getDividerLocation()) setDividerLocation(loc);
            }
            super.doLayout();
        }

        @Override
        public void updateUI() {
            super.updateUI();
            if (getUI() instanceof javax.swing.plaf.basic.BasicSplitPaneUI ui && ui.getDivider() != null) {
                ui.getDivider().addMouseListener(new java.awt.event.MouseAdapter() {
                    @Override
                    public void mousePressed(java.awt.event.MouseEvent e) {
                        dragging = true;
                    }

                    @Override
                    public void mouseReleased(java.awt.event.MouseEvent e) {
                        dragging = false;
                        AppPrefs.setHexWidth(getWidth() - getDividerLocation() - getDividerSize());
                    }
                });
            }
        }

        /** Back to the natural width (zoom): forgets a dragged width. */
        void natural() {
            AppPrefs.setHexWidth(-1);
            revalidate();
        }
    }
}
