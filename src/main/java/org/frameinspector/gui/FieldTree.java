package org.frameinspector.gui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.event.MouseEvent;
import java.util.Enumeration;
import javax.swing.Icon;
import javax.swing.JTree;
import javax.swing.ToolTipManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeCellRenderer;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import javax.swing.tree.TreeSelectionModel;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;

/** Layers → fields of one dissection. Reserved fields and fields with findings carry a colour and an icon. */
public final class FieldTree extends JTree {
    private Dissection dissection;
    private java.util.Map<Object, String> notes = new java.util.IdentityHashMap<>();

    public FieldTree() {
        super(new DefaultTreeModel(new DefaultMutableTreeNode("(no frame)")));
        setName("fieldTree");
        setRootVisible(false);
        setShowsRootHandles(true);
        getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
        setCellRenderer(new Renderer());
        ToolTipManager.sharedInstance().registerComponent(this);
    }

    public Dissection dissection() { return dissection; }

    /** Note texts by field or layer (identity); shown with a note icon after the label. */
    public void setNotes(java.util.Map<Object, String> byNode) {
        notes = byNode == null ? new java.util.IdentityHashMap<>() : byNode;
        repaint();
        // rows change width: a new renderer makes the UI measure every row again (selection and expansion stay)
        setCellRenderer(new Renderer());
    }

    /** The note shown on a field or layer, or null. */
    public String noteOn(Object fieldOrLayer) { return notes.get(fieldOrLayer); }

    public void setDissection(Dissection d) {
        this.dissection = d;
        DefaultMutableTreeNode root = new DefaultMutableTreeNode(d);
        if (d != null) {
            for (Layer l : d.layers()) {
                DefaultMutableTreeNode ln = new DefaultMutableTreeNode(l);
                for (Field f : l.fields()) ln.add(node(f));
                root.add(ln);
            }
        }
        setModel(new DefaultTreeModel(root));
        if (d == null) return;
        // open the layers that need attention; otherwise the innermost one
        boolean any = false;
        for (int i = 0; i < root.getChildCount(); i++) {
            DefaultMutableTreeNode ln = (DefaultMutableTreeNode) root.getChildAt(i);
            if (layerWorst((Layer) ln.getUserObject()) != null || hasReserved(ln)) {
                expandPath(new TreePath(ln.getPath()));
                any = true;
            }
        }
        if (!any && root.getChildCount() > 0) {
            expandPath(new TreePath(((DefaultMutableTreeNode) root.getLastChild()).getPath()));
        }
    }

    private static DefaultMutableTreeNode node(Field f) {
        DefaultMutableTreeNode n = new DefaultMutableTreeNode(f);
        for (Field c : f.children()) n.add(node(c));
        return n;
    }

    private static boolean hasReserved(DefaultMutableTreeNode n) {
        Enumeration<?> e = n.depthFirstEnumeration();
        while (e.hasMoreElements()) {
            Object o = ((DefaultMutableTreeNode) e.nextElement()).getUserObject();
            if (o instanceof Field f && f.kind() == FieldKind.RESERVED) return true;
        }
        return false;
    }

    /** The most severe finding on a layer's fields, or null. */
    static Severity layerWorst(Layer l) {
        Severity[] w = {null};
        for (Field f : l.fields()) worst(f, w);
        return w[0];
    }

    private static void worst(Field f, Severity[] w) {
        for (Finding x : f.findings()) if (w[0] == null || x.severity().atLeast(w[0])) w[0] = x.severity();
        for (Field c : f.children()) worst(c, w);
    }

    static Severity fieldWorst(Field f) {
        Severity w = null;
        for (Finding x : f.findings()) if (w == null || x.severity().atLeast(w)) w = x.severity();
        return w;
    }

    /** The selected field, or null (nothing or a layer selected). */
    public Field selectedField() {
        TreePath p = getSelectionPath();
        if (p == null) return null;
        Object o = ((DefaultMutableTreeNode) p.getLastPathComponent()).getUserObject();
        return o instanceof Field f ? f : null;
    }

    public Layer selectedLayer() {
        TreePath p = getSelectionPath();
        if (p == null) return null;
        Object o = ((DefaultMutableTreeNode) p.getLastPathComponent()).getUserObject();
        return o instanceof Layer l ? l : null;
    }

    /** Selects (and reveals) the node of a field, by identity. Returns false if it is not in the tree. */
    public boolean selectField(Field f) {
        TreePath p = pathOf(f);
        if (p == null) return false;
        setSelectionPath(p);
        scrollPathToVisible(p);
        return true;
    }

    public TreePath pathOf(Object userObject) {
        DefaultMutableTreeNode root = (DefaultMutableTreeNode) getModel().getRoot();
        Enumeration<?> e = root.depthFirstEnumeration();
        while (e.hasMoreElements()) {
            DefaultMutableTreeNode n = (DefaultMutableTreeNode) e.nextElement();
            if (n.getUserObject() == userObject) return new TreePath(n.getPath());
        }
        return null;
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        TreePath p = getPathForLocation(e.getX(), e.getY());
        if (p == null) return null;
        Object o = ((DefaultMutableTreeNode) p.getLastPathComponent()).getUserObject();
        String note = notes.get(o);
        if (o instanceof Field f) {
            String t = Texts.fieldTooltip(f);
            return note == null ? t : t.replace("</div></html>", "<hr><b>Note</b><br>" + Texts.esc(note)
                    .replace("\n", "<br>") + "</div></html>");
        }
        if (o instanceof Layer l) return Texts.html(l.name() + "<br>" + Texts.range(l.offset(), l.length()));
        return null;
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Two icons side by side (the node's own icon, then the note icon). */
    private record Pair(Icon first, Icon second) implements Icon {
        @Override
        public void paintIcon(Component c, java.awt.Graphics g, int x, int y) {
            int w = 0;
            if (first != null) {
                first.paintIcon(c, g, x, y + (getIconHeight() - first.getIconHeight()) / 2);
                w = first.getIconWidth() + 2;
            }
            second.paintIcon(c, g, x + w, y + (getIconHeight() - second.getIconHeight()) / 2);
        }

        @Override
        public int getIconWidth() { return (first == null ? 0 : first.getIconWidth() + 2) + second.getIconWidth(); }

        @Override
        public int getIconHeight() { return Math.max(first == null ? 0 : first.getIconHeight(), second.getIconHeight()); }
    }

    /** Layers in bold; reserved fields and fields with findings coloured and with an icon. */
    private static final class Renderer extends DefaultTreeCellRenderer {
        private Font plain, bold;

        @Override
        public Component getTreeCellRendererComponent(JTree tree, Object value, boolean sel, boolean expanded,
                                                      boolean leaf, int row, boolean hasFocus) {
            super.getTreeCellRendererComponent(tree, value, sel, expanded, leaf, row, hasFocus);
            if (plain == null || !plain.equals(tree.getFont())) {
                plain = tree.getFont();
                bold = plain.deriveFont(Font.BOLD);
            }
            Object o = ((DefaultMutableTreeNode) value).getUserObject();
            Icon icon = null;
            Color fg = null;
            setFont(plain);
            if (o instanceof Layer l) {
                setText(l.name());
                setFont(bold);
                Severity w = layerWorst(l);
                icon = w != null ? Icons.severityCell(w) : Icons.cell("layer");
            } else if (o instanceof Field f) {
                setText(f.treeLabel());
                Severity w = fieldWorst(f);
                if (w != null) {
                    icon = Icons.severityCell(w);
                    fg = Theme.color(switch (w) {
                        case VIOLATION -> "FrameInspector.mark.violationForeground";
                        case RISK -> "FrameInspector.mark.riskForeground";
                        case INFO -> "FrameInspector.mark.infoForeground";
                    }, Color.RED);
                    setFont(bold);
                } else if (f.kind() == FieldKind.RESERVED) {
                    icon = Icons.cell("reserved");
                    fg = Theme.color("FrameInspector.mark.reservedForeground", Color.MAGENTA);
                } else if (f.kind() == FieldKind.UNDECODED || f.kind() == FieldKind.GENERATED) {
                    fg = Theme.color("Label.disabledForeground", Color.GRAY);
                }
            }
            String note = ((FieldTree) tree).notes.get(o);
            if (note != null) {
                String first = note.lines().findFirst().orElse("");
                if (first.length() > 80) first = first.substring(0, 79) + "…";
                String col = sel ? "" : " color='" + hex(Theme.color("FrameInspector.note.foreground", Color.GREEN.darker())) + "'";
                String base = fg != null && !sel ? " color='" + hex(fg) + "'" : "";
                setText("<html><span" + base + ">" + Texts.esc(getText()) + "</span>&nbsp;&nbsp;<span" + col + ">"
                        + Texts.esc(first) + "</span></html>");
                icon = new Pair(icon, Icons.cell("note"));
            }
            setIcon(icon);
            if (fg != null && !sel) setForeground(fg);
            return this;
        }
    }
}
