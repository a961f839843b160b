package org.frameinspector.gui;

import com.formdev.flatlaf.util.UIScale;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import net.miginfocom.swing.MigLayout;
import org.frameinspector.core.diff.ByteDiff;
import org.frameinspector.core.diff.Difference;
import org.frameinspector.core.diff.FrameDiff;
import org.frameinspector.core.diff.FrameDiffer;
import org.frameinspector.core.diff.MaskSet;
import org.frameinspector.core.fix.Change;
import org.frameinspector.core.fix.FixOutput;
import org.frameinspector.core.fix.FixResult;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;

/**
 * Two frames side by side: the field-level differences (masked ones greyed, hidden unless asked for), both byte
 * views with the differing bytes marked, and next / previous difference (F7 / Shift+F7) moving the selection in both
 * byte views. Opened on a {@link FixResult} it compares the original with its conformant copy, lists the changes and
 * exports the copy; the original is never touched.
 */
public final class CompareWindow extends JFrame {
    private final Dissection a, b;
    private final String labelA, labelB;
    private final FixResult fix;
    private final String inputName;
    private MaskSet masks;
    private FrameDiff diff;
    private int current = -1;
    private boolean syncing;

    private final DiffModel model = new DiffModel();
    private final JTable table = new JTable(model);
    private final HexPane hexA = new HexPane(), hexB = new HexPane();
    private final JCheckBox showMasked = new JCheckBox("Show masked");
    private final JLabel summary = new JLabel(" ");
    private final JLabel position = new JLabel(" ");
    private final JButton prev = new JButton("Previous"), next = new JButton("Next");
    private final DefaultListModel<String> maskModel = new DefaultListModel<>();
    private final JList<String> maskList = new JList<>(maskModel);
    private final JTextField maskField = new JTextField(18);
    private final JTabbedPane tabs = new JTabbedPane();
    private JTable changesTable;

    /** Compares two dissected frames with the default masks. */
    public CompareWindow(Dissection a, String labelA, Dissection b, String labelB) {
        this(a, labelA, b, labelB, null, null, MaskSet.defaults());
    }

    /** The original and its conformant copy; no masks, so every changed byte shows (checksums included). */
    public CompareWindow(FixResult fix, String inputName) {
        this(fix.before(), "A: original frame " + fix.original().number(), fix.after(),
                "B: conformant copy (" + fix.changes().size() + (fix.changes().size() == 1 ? " change)" : " changes)"),
                fix, inputName, MaskSet.none());
    }

    private CompareWindow(Dissection a, String labelA, Dissection b, String labelB, FixResult fix, String inputName,
                          MaskSet masks) {
        super(fix != null ? "Make Conformant — " + MainWindow.APP : "Compare — " + MainWindow.APP);
        this.a = a;
        this.b = b;
        this.labelA = labelA;
        this.labelB = labelB;
        this.fix = fix;
        this.inputName = inputName;
        this.masks = masks;
        setName(fix != null ? "fixWindow" : "compareWindow");
        setIconImages(Icons.appImages());
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        getContentPane().add(createTop(), BorderLayout.NORTH);
        getContentPane().add(createCenter(), BorderLayout.CENTER);
        installKeys();
        recompute();
        Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
        int w = hexWidth() * 2 + UIScale.scale(60);
        setSize(Math.min(screen.width - 40, Math.max(UIScale.scale(1100), w)),
                Math.min(screen.height - 60, UIScale.scale(820)));
        setLocationRelativeTo(null);
        if (!model.rows.isEmpty()) javax.swing.SwingUtilities.invokeLater(() -> {
            if (current < 0) goTo(diff.next(-1));
        });
    }

    private int hexWidth() {
        return Math.max(hexA.hexLayout().preferredWidth(), hexB.hexLayout().preferredWidth()) + UIScale.scale(24);
    }

    // ------------------------------------------------------------------ construction

    private JComponent createTop() {
        JPanel p = new JPanel(new MigLayout("insets 6 8 4 8, gap 6, aligny center", "[][][]12[grow,fill][]", "[center]"));
        prev.setName("prevDifference");
        next.setName("nextDifference");
        prev.setIcon(arrow(true));
        next.setIcon(arrow(false));
        prev.setToolTipText("Previous difference (Shift+F7)");
        next.setToolTipText("Next difference (F7)");
        prev.addActionListener(e -> previousDifference());
        next.addActionListener(e -> nextDifference());
        position.setName("diffPosition");
        summary.setName("diffSummary");
        summary.putClientProperty("FlatLaf.styleClass", "h4");
        showMasked.setName("showMasked");
        showMasked.setToolTipText("List the differences the masks hide (TTL, checksums, sequence numbers …)");
        showMasked.addActionListener(e -> refill());
        p.add(prev);
        p.add(next);
        p.add(position, "wmin 0");
        p.add(summary, "wmin 0");
        p.add(showMasked);
        if (fix != null) {
            JButton export = new JButton("Export Fixed Frame…", Icons.get("export"));
            export.setName("exportFixed");
            export.setToolTipText("Write the conformant copy as a hex dump, pcap or pcapng");
            export.addActionListener(e -> chooseExport());
            p.add(export, "gapleft 12");
        }
        return p;
    }

    private static javax.swing.Icon arrow(boolean up) {
        return new javax.swing.Icon() {
            @Override
            public void paintIcon(Component c, java.awt.Graphics g, int x, int y) {
                int s = getIconWidth();
                java.awt.Graphics2D g2 = (java.awt.Graphics2D) g.create();
                g2.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
                g2.setColor(c.isEnabled() ? c.getForeground() : Theme.color("Label.disabledForeground", Color.GRAY));
                int[] xs = {x + 2, x + s - 2, x + s / 2};
                int[] ys = up ? new int[] {y + s - 4, y + s - 4, y + 3} : new int[] {y + 4, y + 4, y + s - 3};
                g2.fillPolygon(xs, ys, 3);
                g2.dispose();
            }

            @Override
            public int getIconWidth() { return UIScale.scale(12); }

            @Override
            public int getIconHeight() { return UIScale.scale(12); }
        };
    }

    private JComponent createCenter() {
        hexA.setName("hexA");
        hexB.setName("hexB");
        hexA.setData(a.frame().data(), null);
        hexB.setData(b.frame().data(), null);
        hexA.setListener(off -> byteClicked('A', off));
        hexB.setListener(off -> byteClicked('B', off));
        hexA.setTooltipProvider(off -> tooltip('A', off));
        hexB.setTooltipProvider(off -> tooltip('B', off));
        JPanel sides = new JPanel(new MigLayout("insets 4 8 4 8, gap 10 2", "[grow,fill,sg h][grow,fill,sg h]", "[][grow,fill]"));
        sides.add(sideLabel(labelA, a, "labelA"));
        sides.add(sideLabel(labelB, b, "labelB"), "wrap");
        JScrollPane sa = new JScrollPane(hexA), sb = new JScrollPane(hexB);
        sa.getVerticalScrollBar().setUnitIncrement(hexA.hexLayout().lineHeight());
        sb.getVerticalScrollBar().setUnitIncrement(hexB.hexLayout().lineHeight());
        int minW = hexWidth();
        sides.add(sa, "wmin " + minW);
        sides.add(sb, "wmin " + minW);
        JPanel legend = new JPanel(new MigLayout("insets 0 8 0 8, gap 12", "", "[]"));
        legend.add(swatch("Different", HexPane.MARK_DIFF));
        legend.add(swatch("Only on this side", HexPane.MARK_DIFF_ONLY));
        legend.add(swatch("Masked difference", HexPane.MARK_DIFF_MASKED));
        legend.add(swatch("Selected difference", (byte) -1));
        JPanel top = new JPanel(new BorderLayout());
        top.add(sides, BorderLayout.CENTER);
        top.add(legend, BorderLayout.SOUTH);

        table.setName("diffTable");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setShowHorizontalLines(false);
        table.getTableHeader().setReorderingAllowed(false);
        table.setDefaultRenderer(Object.class, new DiffRenderer());
        table.getSelectionModel().addListSelectionListener(e -> {
            if (e.getValueIsAdjusting() || syncing) return;
            int r = table.getSelectedRow();
            if (r >= 0) select(model.rows.get(r).index());
        });
        int[] widths = {40, 300, 240, 240, 90};
        for (int i = 0; i < widths.length; i++) table.getColumnModel().getColumn(i).setPreferredWidth(UIScale.scale(widths[i]));
        table.getColumnModel().getColumn(0).setMaxWidth(UIScale.scale(60));
        tabs.setName("compareTabs");
        if (fix == null) {
            tabs.addTab("Differences", new JScrollPane(table));
        } else {
            // the differences and the list of changes, both in view
            JPanel changes = new JPanel(new BorderLayout());
            JLabel h = new JLabel("Changes made to the copy (" + fix.changes().size() + ")");
            h.putClientProperty("FlatLaf.styleClass", "h4");
            h.setBorder(javax.swing.BorderFactory.createEmptyBorder(UIScale.scale(4), UIScale.scale(6), UIScale.scale(4), 0));
            changes.add(h, BorderLayout.NORTH);
            changes.add(createChanges(), BorderLayout.CENTER);
            JSplitPane both = new JSplitPane(JSplitPane.VERTICAL_SPLIT, true, new JScrollPane(table), changes);
            both.setName("differencesAndChanges");
            both.setResizeWeight(0.5);
            both.setBorder(null);
            tabs.addTab("Differences", both);
            tabs.addTab("Remaining findings (" + fix.remaining().size() + ")", createRemaining());
        }
        tabs.addTab("Masks", createMaskEditor());
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, true, top, tabs);
        split.setName("compareSplit");
        split.setResizeWeight(0.55);
        split.setBorder(null);
        return split;
    }

    private static JLabel sideLabel(String label, Dissection d, String name) {
        JLabel l = new JLabel("<html><b>" + Texts.esc(label) + "</b> &nbsp;" + Texts.esc(
                d.frame().capturedLength() + " bytes" + (d.protocol() == null ? "" : " · " + d.protocol())
                        + (d.info() == null ? "" : " · " + d.info())) + "</html>");
        l.setName(name);
        return l;
    }

    private static JLabel swatch(String text, byte mark) {
        HexPane.Colors c = new HexPane.Colors();
        JLabel l = new JLabel(text, new javax.swing.Icon() {
            @Override
            public void paintIcon(Component comp, java.awt.Graphics g, int x, int y) {
                int s = getIconWidth();
                HexPane.Colors cc = new HexPane.Colors();
                g.setColor(mark < 0 ? cc.selBg : cc.markBg(mark));
                g.fillRect(x, y, s, s);
                g.setColor(mark < 0 ? cc.selBg : cc.markFg(mark));
                g.drawRect(x, y, s - 1, s - 1);
            }

            @Override
            public int getIconWidth() { return UIScale.scale(11); }

            @Override
            public int getIconHeight() { return UIScale.scale(11); }
        }, JLabel.LEADING);
        l.putClientProperty("FlatLaf.styleClass", "small");
        return l;
    }

    private JComponent createChanges() {
        List<Change> cs = fix.changes();
        HexFormat h = HexFormat.ofDelimiter(" ").withUpperCase();
        String[] cols = {"Finding", "Offset", "Field", "Old → new", "Why"};
        Object[][] rows = new Object[cs.size()][];
        for (int i = 0; i < cs.size(); i++) {
            Change c = cs.get(i);
            rows[i] = new Object[] {c.findingId() == null ? "(consequence)" : c.findingId(), offsetText(c), c.field(),
                h.formatHex(c.oldBytes()) + " → " + h.formatHex(c.newBytes()), c.reason()};
        }
        changesTable = new JTable(new javax.swing.table.DefaultTableModel(rows, cols) {
            @Override
            public boolean isCellEditable(int r, int c) {
                return false;
            }
        });
        changesTable.setName("changesTable");
        changesTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        changesTable.setFillsViewportHeight(true);
        changesTable.setShowHorizontalLines(false);
        int[] widths = {200, 110, 160, 130, 500};
        for (int i = 0; i < widths.length; i++) {
            changesTable.getColumnModel().getColumn(i).setPreferredWidth(UIScale.scale(widths[i]));
        }
        changesTable.getSelectionModel().addListSelectionListener(e -> {
            int r = changesTable.getSelectedRow();
            if (e.getValueIsAdjusting() || r < 0) return;
            Change c = cs.get(r);
            int i = diff.indexAt('A', c.offset());
            if (i >= 0) select(i);
            hexA.setSelection(c.offset(), c.length());
            hexB.setSelection(c.offset(), c.length());
        });
        return new JScrollPane(changesTable);
    }

    static String offsetText(Change c) {
        return c.length() <= 1 ? String.format("0x%04X", c.offset())
                : String.format("0x%04X–0x%04X", c.offset(), c.offset() + c.length() - 1);
    }

    private JComponent createRemaining() {
        DefaultListModel<String> m = new DefaultListModel<>();
        for (Finding f : fix.remaining()) {
            m.addElement(f.severity() + "  " + f.id() + "  at " + String.format("0x%04X", f.offset()) + ": "
                    + (f.message() == null ? "" : f.message()));
        }
        for (String s : fix.notFixed()) m.addElement("not fixed: " + s);
        if (m.isEmpty()) m.addElement("None: the copy has no findings.");
        JList<String> l = new JList<>(m);
        l.setName("remainingList");
        return new JScrollPane(l);
    }

    private JComponent createMaskEditor() {
        JPanel p = new JPanel(new MigLayout("insets 8, gap 6 4", "[grow,fill][]", "[][grow,fill][]"));
        JLabel help = new JLabel("Differences in these fields are expected and do not count. An abbreviation "
                + "(ip.ttl) or a prefix ending in * (tcp.options.*).");
        help.putClientProperty("FlatLaf.styleClass", "small");
        p.add(help, "span, wmin 0, wrap");
        maskList.setName("maskList");
        maskList.setVisibleRowCount(5);
        p.add(new JScrollPane(maskList), "spany 2, hmin 60");
        JButton remove = new JButton("Remove");
        remove.setName("maskRemove");
        remove.addActionListener(e -> {
            for (String s : maskList.getSelectedValuesList()) masks.remove(s);
            recompute();
        });
        JButton reset = new JButton("Reset to Defaults");
        reset.setName("maskReset");
        reset.addActionListener(e -> {
            masks = MaskSet.defaults();
            recompute();
        });
        p.add(remove, "growx, aligny top, split 2, flowy");
        p.add(reset, "growx, aligny top, wrap");
        maskField.setName("maskField");
        JButton add = new JButton("Add");
        add.setName("maskAdd");
        add.addActionListener(e -> addMask(maskField.getText()));
        maskField.addActionListener(e -> addMask(maskField.getText()));
        p.add(maskField, "newline, split 2, growx");
        p.add(add);
        return p;
    }

    private void installKeys() {
        JComponent root = getRootPane();
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_F7, 0), "fi-next");
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_F7, KeyEvent.SHIFT_DOWN_MASK), "fi-prev");
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "fi-close");
        root.getActionMap().put("fi-next", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                nextDifference();
            }
        });
        root.getActionMap().put("fi-prev", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                previousDifference();
            }
        });
        root.getActionMap().put("fi-close", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                dispose();
            }
        });
        // the tables bind F-keys of their own only for editing; make sure F7 reaches us from them too
        table.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_F7, 0), "none");
    }

    // ------------------------------------------------------------------ state

    void addMask(String pattern) {
        if (pattern == null || pattern.isBlank()) return;
        masks.add(pattern.strip());
        maskField.setText("");
        recompute();
    }

    void removeMask(String pattern) {
        masks.remove(pattern);
        recompute();
    }

    void resetMasks() {
        masks = MaskSet.defaults();
        recompute();
    }

    /** Diffs again (after a mask change) and refreshes everything, keeping the selected path when it still differs. */
    private void recompute() {
        String keep = current >= 0 && diff != null ? diff.differences().get(current).path() : null;
        diff = new FrameDiffer(masks).diff(a, b);
        maskModel.clear();
        for (String p : diff.maskPatterns()) maskModel.addElement(p);
        ByteDiff bd = diff.bytes();
        hexA.setData(a.frame().data(), marks(bd, true));
        hexB.setData(b.frame().data(), marks(bd, false));
        current = -1;
        refill();
        if (keep != null) {
            for (Difference d : diff.differences()) if (d.path().equals(keep)) select(d.index());
        }
        updateButtons();
    }

    private static byte[] marks(ByteDiff bd, boolean sideA) {
        int n = sideA ? bd.lengthA() : bd.lengthB();
        byte[] m = new byte[n];
        for (int i = 0; i < n; i++) {
            ByteDiff.State s = sideA ? bd.stateA(i) : bd.stateB(i);
            m[i] = switch (s) {
                case EQUAL -> HexPane.MARK_NONE;
                case MASKED -> HexPane.MARK_DIFF_MASKED;
                case DIFFERENT -> HexPane.MARK_DIFF;
                case ONLY_HERE -> HexPane.MARK_DIFF_ONLY;
            };
        }
        return m;
    }

    /** Refills the list (masked rows shown or not). */
    private void refill() {
        List<Difference> rows = new ArrayList<>();
        for (Difference d : diff.differences()) if (!d.masked() || showMasked.isSelected()) rows.add(d);
        syncing = true;
        try {
            model.set(rows);
            int r = rowOf(current);
            if (r >= 0) table.setRowSelectionInterval(r, r);
        } finally {
            syncing = false;
        }
        String s = diff.summary();
        if (fix != null) s = Texts.count(fix.changes().size(), "change")
                + ", " + Texts.count(fix.resolvedIds().size(), "finding") + " resolved, " + fix.remaining().size()
                + " remaining · " + s;
        summary.setText(s);
        summary.setToolTipText(s);
        tabs.setTitleAt(0, "Differences (" + diff.unmasked().size() + (diff.maskedCount() > 0 ? " + "
                + diff.maskedCount() + " masked" : "") + ")");
        updateButtons();
    }

    private int rowOf(int index) {
        for (int r = 0; r < model.rows.size(); r++) if (model.rows.get(r).index() == index) return r;
        return -1;
    }

    /** Makes difference {@code index} current: its row selected, its bytes selected in both byte views. */
    void select(int index) {
        if (index < 0 || index >= diff.differences().size()) return;
        current = index;
        Difference d = diff.differences().get(index);
        if (d.masked() && !showMasked.isSelected()) {
            showMasked.setSelected(true);
            refill();
        }
        int r = rowOf(index);
        syncing = true;
        try {
            if (r >= 0) {
                table.setRowSelectionInterval(r, r);
                table.scrollRectToVisible(table.getCellRect(r, 0, true));
            }
        } finally {
            syncing = false;
        }
        selectBytes(hexA, d.aSource(), d.aOffset(), d.aLength(), d.bSource(), d.bOffset(), d.bLength(), true);
        selectBytes(hexB, d.bSource(), d.bOffset(), d.bLength(), d.aSource(), d.aOffset(), d.aLength(), false);
        updateButtons();
    }

    /**
     * Selects a difference's range in one byte view; a side that lacks the field (or has it in a reassembled
     * buffer) shows the bytes at the counterpart of the other side's range when there is one.
     */
    private void selectBytes(HexPane h, String src, int off, int len, String otherSrc, int otherOff, int otherLen,
                             boolean sideA) {
        if (DataSource.FRAME.equals(src) && off >= 0) {
            h.setSelection(off, Math.max(1, len));
            return;
        }
        if (DataSource.FRAME.equals(otherSrc) && otherOff >= 0) {
            ByteDiff bd = diff.bytes();
            int other = sideA ? bd.counterpartInA(otherOff) : bd.counterpartInB(otherOff);
            if (other >= 0) {
                h.setSelection(other, 1);
                return;
            }
        }
        h.setSelection(-1, 0);
    }

    void nextDifference() {
        int i = diff.next(current);
        if (i >= 0) select(i);
        else Toolkit.getDefaultToolkit().beep();
    }

    void previousDifference() {
        int i = diff.previous(current < 0 ? diff.differences().size() : current);
        if (i >= 0) select(i);
        else Toolkit.getDefaultToolkit().beep();
    }

    private void goTo(int i) {
        if (i >= 0) select(i);
        else updateButtons();
    }

    private void updateButtons() {
        if (diff == null) return;
        prev.setEnabled(diff.previous(current < 0 ? diff.differences().size() : current) >= 0);
        next.setEnabled(diff.next(current) >= 0);
        int n = diff.unmasked().size();
        if (current >= 0 && !diff.differences().get(current).masked()) {
            position.setText((diff.unmasked().indexOf(diff.differences().get(current)) + 1) + " of " + n);
        } else {
            position.setText(n == 0 ? "no differences" : n + (n == 1 ? " difference" : " differences"));
        }
    }

    private void byteClicked(char side, int off) {
        int i = diff.indexAt(side, off);
        if (i >= 0) {
            select(i);
        } else {
            (side == 'A' ? hexA : hexB).setSelection(off, 1);
        }
    }

    private String tooltip(char side, int off) {
        Dissection d = side == 'A' ? a : b;
        Field f = d.deepestFieldAt(DataSource.FRAME, off);
        StringBuilder sb = new StringBuilder("<html><b>").append(String.format("0x%04X", off)).append("</b>");
        if (f != null) sb.append(" ").append(Texts.esc(f.name())).append(" <code>").append(Texts.esc(f.abbrev())).append("</code>");
        int i = diff.indexAt(side, off);
        if (i >= 0) sb.append("<br>").append(Texts.esc(diff.differences().get(i).describe()));
        return sb.append("</html>").toString();
    }

    // ------------------------------------------------------------------ export

    private void chooseExport() {
        JFileChooser fc = new JFileChooser();
        List<String> recent = AppPrefs.recentFiles();
        if (!recent.isEmpty()) fc.setCurrentDirectory(Path.of(recent.get(0)).toAbsolutePath().getParent().toFile());
        FileNameExtensionFilter hex = new FileNameExtensionFilter("Hex dump (.txt)", "txt");
        FileNameExtensionFilter pcap = new FileNameExtensionFilter("pcap capture (.pcap)", "pcap");
        FileNameExtensionFilter pcapng = new FileNameExtensionFilter("pcapng capture with the changes as comments (.pcapng)",
                "pcapng");
        fc.addChoosableFileFilter(hex);
        fc.addChoosableFileFilter(pcap);
        fc.addChoosableFileFilter(pcapng);
        fc.setFileFilter(hex);
        String base = inputName == null ? "frame" : inputName.replaceAll("\\.[^.]*$", "");
        fc.setSelectedFile(new java.io.File(base + "-conformant.txt"));
        if (fc.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path out = fc.getSelectedFile().toPath();
        String n = out.getFileName().toString();
        if (!n.contains(".")) {
            out = out.resolveSibling(n + (fc.getFileFilter() == pcap ? ".pcap" : fc.getFileFilter() == pcapng ? ".pcapng" : ".txt"));
        }
        try {
            exportFixed(out);
        } catch (IOException e) {
            JOptionPane.showMessageDialog(this, e.getMessage(), "Cannot export", JOptionPane.ERROR_MESSAGE);
        }
    }

    /** Writes the fixed frame; the format follows the file name (.pcap, .pcapng, anything else a hex dump). */
    public void exportFixed(Path out) throws IOException {
        if (fix == null) throw new IllegalStateException("not a Make Conformant window");
        FixOutput.Format f = FixOutput.Format.forFileName(out.getFileName().toString());
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
            FixOutput.write(f, List.of(fix), inputName, os);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    // ------------------------------------------------------------------ for tests

    public FrameDiff diff() { return diff; }
    public int currentDifference() { return current; }
    public HexPane hexA() { return hexA; }
    public HexPane hexB() { return hexB; }
    public JTable diffTable() { return table; }
    public JTable changesTable() { return changesTable; }
    public FixResult fixResult() { return fix; }
    public List<String> maskPatterns() { return masks.patterns(); }

    // ------------------------------------------------------------------ table

    private static final class DiffModel extends AbstractTableModel {
        private static final String[] COLS = {"#", "Field", "A", "B", "Kind"};
        List<Difference> rows = new ArrayList<>();

        void set(List<Difference> r) {
            rows = r;
            fireTableDataChanged();
        }

        @Override
        public int getRowCount() { return rows.size(); }

        @Override
        public int getColumnCount() { return COLS.length; }

        @Override
        public String getColumnName(int c) { return COLS[c]; }

        @Override
        public Object getValueAt(int r, int c) {
            Difference d = rows.get(r);
            return switch (c) {
                case 0 -> d.index() + 1;
                case 1 -> d.path();
                case 2 -> side(d.aDisplay(), d.aSource(), d.aOffset(), d.kind() == Difference.Kind.ONLY_IN_B);
                case 3 -> side(d.bDisplay(), d.bSource(), d.bOffset(), d.kind() == Difference.Kind.ONLY_IN_A);
                default -> d.kind().label() + (d.masked() ? ", masked" : "");
            };
        }

        private static String side(String display, String src, int off, boolean absent) {
            if (absent) return "—";
            String at = off < 0 ? "" : (DataSource.FRAME.equals(src) ? "" : src + " ") + String.format("@0x%04X ", off);
            return at + (display == null ? "" : display);
        }
    }

    /** Masked rows greyed and italic; the kind column coloured like the byte marks. */
    private final class DiffRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean sel, boolean focus, int row, int col) {
            setForeground(null); // setForeground sticks in this renderer: start from the table's colour every time
            super.getTableCellRendererComponent(t, v, sel, focus, row, col);
            Difference d = model.rows.get(row);
            setFont(t.getFont());
            setHorizontalAlignment(col == 0 ? RIGHT : LEFT);
            setToolTipText(d.describe());
            if (d.masked()) {
                setFont(t.getFont().deriveFont(Font.ITALIC));
                if (!sel) setForeground(Theme.color("Label.disabledForeground", Color.GRAY));
            } else if (col == 4 && !sel) {
                HexPane.Colors c = new HexPane.Colors();
                setForeground(c.markFg(d.kind() == Difference.Kind.CHANGED ? HexPane.MARK_DIFF : HexPane.MARK_DIFF_ONLY));
            }
            return this;
        }
    }
}
