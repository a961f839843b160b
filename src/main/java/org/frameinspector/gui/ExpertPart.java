package org.frameinspector.gui;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Cursor;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JToggleButton;
import javax.swing.JTree;
import javax.swing.event.TreeModelListener;
import javax.swing.tree.DefaultTreeCellRenderer;
import javax.swing.tree.TreeModel;
import javax.swing.tree.TreePath;
import javax.swing.tree.TreeSelectionModel;
import net.miginfocom.swing.MigLayout;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.output.OutputFile;

/**
 * Expert Info: the findings of the whole input (filled by the in-order pass) grouped by severity and id with their
 * counts; a group expands to its frames, and selecting a frame shows it with that finding selected. Toggles keep
 * severities out, Export writes the list as text; the status bar shows the counts per severity, and a click on one
 * opens this view with only that severity.
 */
final class ExpertPart {
    /** A frame under a group in the tree. */
    record FrameNode(CaptureFindings.Group group, int frame) {
        @Override
        public String toString() {
            return "Frame " + Texts.count(frame + 1);
        }
    }

    final JTree tree = new JTree();
    final Map<Severity, JToggleButton> shown = new EnumMap<>(Severity.class);
    final JLabel summary = new JLabel(" ");
    private final JPanel panel = new JPanel(new BorderLayout());
    private final MainWindow window;
    private Dissections dissections;
    private List<CaptureFindings.Group> groups = List.of();
    private long lastRefresh;

    ExpertPart(MainWindow window) {
        this.window = window;
        panel.setName("expertPanel");
        tree.setName("expertTree");
        tree.setRootVisible(false);
        tree.setShowsRootHandles(true);
        tree.getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
        tree.setCellRenderer(new Renderer());
        tree.addTreeSelectionListener(e -> selected(e.getPath() == null ? null : e.getPath().getLastPathComponent()));
        JPanel top = new JPanel(new MigLayout("insets 2 6 2 6, gap 6", "[][][][][grow][]", "[center]"));
        for (Severity s : Severity.values()) {
            String name = s == Severity.INFO ? "Info" : s.name().charAt(0) + Texts.plural(label(s)).substring(1);
            JToggleButton b = new JToggleButton(name, Icons.severityCell(s), true);
            b.setName("expertShow" + s.name());
            b.setToolTipText("Show the " + label(s) + " findings");
            b.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
            b.addActionListener(e -> rebuild());
            shown.put(s, b);
            top.add(b);
        }
        top.add(new JLabel());
        summary.setName("expertSummary");
        top.add(summary, "wmin 0, growx");
        JButton export = new JButton("Export…", Icons.get("export"));
        export.setName("expertExport");
        export.setToolTipText("Save this list (the severities shown) as text");
        export.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        export.addActionListener(e -> chooseExport());
        top.add(export);
        panel.add(top, BorderLayout.NORTH);
        panel.add(new JScrollPane(tree), BorderLayout.CENTER);
        rebuild();
    }

    JComponent component() { return panel; }

    private static String label(Severity s) {
        return s == Severity.INFO ? "info" : s.name().toLowerCase();
    }

    /** "3 violations", "1 risk", "2 info". */
    static String count(Severity s, int n) {
        return s == Severity.INFO ? Texts.count(n) + " info" : Texts.count(n, label(s));
    }

    // ------------------------------------------------------------------ filling

    /** A new input: nothing yet (the in-order pass fills it). */
    void inputChanged(Dissections d) {
        dissections = d;
        groups = List.of();
        lastRefresh = 0;
        rebuild();
        statusCounts();
    }

    /** The pass went on: the view follows, at most once a second. */
    void progress(Dissections d) {
        if (d != dissections) return;
        long now = System.nanoTime();
        if (now - lastRefresh < 1_000_000_000L) return;
        refresh();
    }

    /** The pass ended (complete or stopped). */
    void passed(Dissections d, boolean complete) {
        if (d != dissections) return;
        refresh();
    }

    private void refresh() {
        lastRefresh = System.nanoTime();
        groups = dissections == null ? List.of() : dissections.findings().groups();
        rebuild();
        statusCounts();
    }

    /** The groups of the severities shown. */
    List<CaptureFindings.Group> visibleGroups() {
        List<CaptureFindings.Group> out = new ArrayList<>();
        for (CaptureFindings.Group g : groups) if (shown.get(g.severity()).isSelected()) out.add(g);
        return out;
    }

    private void rebuild() {
        Set<String> open = new java.util.HashSet<>();
        for (int r = 0; r < tree.getRowCount(); r++) {
            if (tree.isExpanded(r)) open.add(key(tree.getPathForRow(r).getLastPathComponent()));
        }
        List<CaptureFindings.Group> vis = visibleGroups();
        tree.setModel(new Model(vis));
        for (int r = 0; r < tree.getRowCount(); r++) {
            Object o = tree.getPathForRow(r).getLastPathComponent();
            // severities open; groups open as the user left them
            if (o instanceof Severity || open.contains(key(o))) tree.expandRow(r);
        }
        int frames = dissections == null ? 0 : dissections.indexed();
        int total = dissections == null ? 0 : dissections.size();
        int n = 0;
        for (CaptureFindings.Group g : vis) n += g.count();
        summary.setText(dissections == null ? " " : Texts.count(n, "finding") + " in " + Texts.count(vis.size(), "group")
                + (frames < total ? " · " + Texts.count(frames) + " of " + Texts.count(total, "frame") + " so far"
                : ""));
    }

    private static String key(Object o) {
        return o instanceof CaptureFindings.Group g ? g.severity() + " " + g.id() : String.valueOf(o);
    }

    /** The status bar's counts per severity; a click opens Expert Info with that severity only. */
    private void statusCounts() {
        JPanel c = window.statusBar.counts;
        c.removeAll();
        Map<Severity, Integer> counts = dissections == null ? Map.of() : dissections.findings().counts();
        for (Severity s : Severity.values()) {
            int n = counts.getOrDefault(s, 0);
            if (n == 0) continue;
            JLabel l = new JLabel(count(s, n), Icons.severityCell(s), JLabel.LEADING);
            l.setName("count" + s.name());
            l.setToolTipText("Show the " + label(s) + " findings of the whole input (Expert Info)");
            l.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
            l.addMouseListener(new MouseAdapter() {
                @Override
                public void mouseClicked(MouseEvent e) {
                    showOnly(s);
                }
            });
            c.add(l);
        }
        c.setVisible(c.getComponentCount() > 0);
        c.revalidate();
        c.repaint();
    }

    /** Opens the view with only {@code s} shown (null: every severity). */
    void showOnly(Severity s) {
        for (Map.Entry<Severity, JToggleButton> e : shown.entrySet()) e.getValue().setSelected(s == null || e.getKey() == s);
        rebuild();
        open();
    }

    /** Brings the Expert Info tab to the front. */
    void open() {
        window.lowerTabs.setSelectedComponent(panel);
        tree.requestFocusInWindow();
    }

    // ------------------------------------------------------------------ selecting

    private void selected(Object o) {
        if (o instanceof FrameNode f) {
            jump(f);
        } else if (o instanceof CaptureFindings.Group g) {
            window.findings.explanation.setText(g.severity() + "  " + g.id() + "  (" + Texts.count(g.count(), "finding")
                    + " in " + Texts.count(g.frames().length, "frame") + ")\n"
                    + (g.reference() == null ? "" : "Reference: " + g.reference() + "\n") + "\n"
                    + (g.explanation() == null ? g.message() : g.explanation().strip()) + "\n");
            window.findings.explanation.setCaretPosition(0);
        }
    }

    /** Shows the frame and selects the group's finding in it. */
    private void jump(FrameNode f) {
        if (!window.goToFrameNumber(f.frame() + 1)) return;
        Dissection d = window.fieldTree.current();
        if (d == null) return;
        for (Finding x : d.findings()) {
            if (x.id().equals(f.group().id()) && x.severity() == f.group().severity()) {
                window.findings.selectQuietly(x);
                window.fieldTree.selectFinding(x);
                return;
            }
        }
    }

    // ------------------------------------------------------------------ export

    private void chooseExport() {
        if (dissections == null) return;
        JFileChooser fc = new JFileChooser();
        var l = window.loaded();
        fc.setSelectedFile(new java.io.File((l == null ? "findings" : l.name().replaceAll("\\.[^.]*$", ""))
                + "-expert-info.txt"));
        if (fc.showSaveDialog(window) != JFileChooser.APPROVE_OPTION) return;
        try {
            exportTo(fc.getSelectedFile().toPath());
            window.statusBar.setFrames("Expert Info saved to " + fc.getSelectedFile().getName());
        } catch (IOException e) {
            window.showError("Cannot save Expert Info", e.getMessage());
        }
    }

    /** Writes the groups of the severities shown: one line a group, then its frames. */
    void exportTo(Path out) throws IOException {
        List<CaptureFindings.Group> vis = visibleGroups();
        try (OutputFile of = OutputFile.create(out, Collections.singleton(window.inputFile()))) {
            Writer w = new OutputStreamWriter(of.stream(), StandardCharsets.UTF_8);
            var l = window.loaded();
            w.write("Expert Info: " + (l == null ? "" : l.name()) + "\n");
            int frames = dissections == null ? 0 : dissections.indexed();
            int total = dissections == null ? 0 : dissections.size();
            w.write("Frames: " + Texts.count(total) + (frames < total ? " (" + Texts.count(frames) + " dissected in order)"
                    : "") + "\n\n");
            w.write("Severity\tId\tCount\tFrames\tLayer\tMessage\n");
            for (CaptureFindings.Group g : vis) {
                int[] fs = g.frames();
                StringBuilder list = new StringBuilder();
                for (int i = 0; i < fs.length; i++) {
                    if (i > 0) list.append(',');
                    list.append(fs[i] + 1);
                }
                w.write(g.severity() + "\t" + g.id() + "\t" + g.count() + "\t" + list + "\t" + g.layer() + "\t"
                        + oneLine(g.message()) + "\n");
            }
            w.flush();
            of.commit();
        }
    }

    /** The message without the id it starts with ("TPKT-RESERVED-NONZERO: observed …" → "observed …"). */
    private static String withoutId(CaptureFindings.Group g) {
        String m = g.message() == null ? "" : g.message();
        return m.startsWith(g.id() + ": ") ? m.substring(g.id().length() + 2) : m;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    // ------------------------------------------------------------------ tree

    /** Root → severities → groups → frames; frames are made as the tree asks for them. */
    private static final class Model implements TreeModel {
        private final Object root = "Expert Info";
        private final List<Severity> severities = new ArrayList<>();
        private final Map<Severity, List<CaptureFindings.Group>> bySeverity = new EnumMap<>(Severity.class);

        Model(List<CaptureFindings.Group> groups) {
            Set<Severity> present = EnumSet.noneOf(Severity.class);
            for (CaptureFindings.Group g : groups) {
                present.add(g.severity());
                bySeverity.computeIfAbsent(g.severity(), k -> new ArrayList<>()).add(g);
            }
            severities.addAll(present);
        }

        private static int[] framesOf(CaptureFindings.Group g) {
            return g.frames();
        }

        int count(Severity s) {
            int n = 0;
            for (CaptureFindings.Group g : bySeverity.get(s)) n += g.count();
            return n;
        }

        @Override
        public Object getRoot() { return root; }

        @Override
        public Object getChild(Object parent, int index) {
            if (parent == root) return severities.get(index);
            if (parent instanceof Severity s) return bySeverity.get(s).get(index);
            CaptureFindings.Group g = (CaptureFindings.Group) parent;
            return new FrameNode(g, framesOf(g)[index]);
        }

        @Override
        public int getChildCount(Object parent) {
            if (parent == root) return severities.size();
            if (parent instanceof Severity s) return bySeverity.get(s).size();
            if (parent instanceof CaptureFindings.Group g) return framesOf(g).length;
            return 0;
        }

        @Override
        public boolean isLeaf(Object node) { return node instanceof FrameNode; }

        @Override
        public void valueForPathChanged(TreePath path, Object newValue) { }

        @Override
        public int getIndexOfChild(Object parent, Object child) {
            for (int i = 0; i < getChildCount(parent); i++) if (getChild(parent, i).equals(child)) return i;
            return -1;
        }

        @Override
        public void addTreeModelListener(TreeModelListener l) { }

        @Override
        public void removeTreeModelListener(TreeModelListener l) { }
    }

    /** Severity rows with their icon and count, groups with id, count and message. */
    private static final class Renderer extends DefaultTreeCellRenderer {
        @Override
        public Component getTreeCellRendererComponent(JTree t, Object v, boolean sel, boolean exp, boolean leaf,
                                                      int row, boolean focus) {
            String text;
            javax.swing.Icon icon = null;
            if (v instanceof Severity s) {
                int n = ((Model) t.getModel()).count(s);
                text = s.name() + " (" + Texts.count(n) + ")";
                icon = Icons.severityCell(s);
            } else if (v instanceof CaptureFindings.Group g) {
                int frames = g.frames().length;
                text = g.id() + " — " + Texts.count(g.count()) + (frames == g.count() ? ""
                        : " in " + Texts.count(frames, "frame")) + " — " + oneLine(withoutId(g));
            } else {
                text = String.valueOf(v);
            }
            super.getTreeCellRendererComponent(t, text, sel, exp, leaf, row, focus);
            setIcon(icon);
            return this;
        }
    }
}
