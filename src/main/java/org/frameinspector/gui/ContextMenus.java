package org.frameinspector.gui;

import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;

/**
 * The right-click menus: Copy as … on a field, a finding or a hex selection (with the note items), and the frame
 * list's menu (notes, compare, fix).
 */
final class ContextMenus {
    private final MainWindow w;

    ContextMenus(MainWindow w) {
        this.w = w;
    }

    void install() {
        FieldTree tree = w.fieldTree.tree;
        tree.addMouseListener(popup(e -> {
            int r = tree.getRowForLocation(e.getX(), e.getY());
            if (r >= 0) tree.setSelectionRow(r);
            Field f = tree.selectedField();
            Dissection d = w.fieldTree.current();
            if (f == null) {
                var l = tree.selectedLayer();
                if (l == null) return null;
                JPopupMenu m = new JPopupMenu();
                m.setName("layerMenu");
                filterItems(m, FilterExpressions.of(l), null);
                return m;
            }
            JPopupMenu m = w.notes.fieldItems(copyMenu(f.abbrev(), () -> CopyFormats.bytes(d, f),
                    () -> CopyFormats.annotated(d, f), () -> CopyFormats.value(f)), f);
            filterItems(m, FilterExpressions.of(f), f.abbrev());
            return m;
        }));
        var table = w.findings.table;
        table.addMouseListener(popup(e -> {
            int r = table.rowAtPoint(e.getPoint());
            if (r >= 0) table.setRowSelectionInterval(r, r);
            int s = table.getSelectedRow();
            if (s < 0) return null;
            Finding x = w.findings.model.at(s);
            Dissection d = w.fieldTree.current();
            JPopupMenu m = copyMenu(x.fieldAbbrev() == null ? x.id() : x.fieldAbbrev(), () -> CopyFormats.bytes(d, x),
                    () -> CopyFormats.annotated(d, x), () -> x.observed() == null ? x.message() : x.observed());
            filterItems(m, FilterExpressions.of(x), null);
            return m;
        }));
        HexPane hex = w.byteView.hex;
        hex.addMouseListener(popup(e -> {
            Dissection d = w.fieldTree.current();
            if (d == null || hex.selectionStart() < 0) return null;
            Field f = tree.selectedField();
            String source = w.byteView.source();
            int start = hex.selectionStart(), length = hex.selectionLength();
            Supplier<byte[]> bytes = () -> CopyFormats.slice(d, source, start, length);
            return w.notes.bytesItems(copyMenu(f == null ? "bytes" : f.abbrev(), bytes,
                    () -> f != null ? CopyFormats.annotated(d, f) : CopyFormats.hexBytes(bytes.get()),
                    () -> f != null ? CopyFormats.value(f) : CopyFormats.hexBytes(bytes.get())));
        }));
        var connections = w.session.connectionsTable;
        connections.addMouseListener(popup(e -> {
            int r = connections.rowAtPoint(e.getPoint());
            if (r < 0) return null;
            connections.setRowSelectionInterval(r, r);
            var c = w.session.connectionsModel.at(connections.convertRowIndexToModel(r));
            return StatisticsConversations.menu(w, c, w.actions.statistics::filterOf);
        }));
        var frames = w.frameList.table;
        frames.addMouseListener(popup(e -> {
            int r = frames.rowAtPoint(e.getPoint());
            if (r >= 0 && !frames.isRowSelected(r)) frames.setRowSelectionInterval(r, r);
            if (frames.getSelectedRow() < 0) return null;
            JPopupMenu m = new JPopupMenu();
            m.setName("frameMenuPopup");
            m.add(w.actions.frameNote).setName("addFrameNote");
            w.notes.frameItems(m);
            m.addSeparator();
            m.add(w.actions.compare).setName("compareFramesItem");
            m.add(w.actions.compareWith);
            m.add(w.actions.fix).setName("fixFrameItem");
            Dissection d = w.frameList.model.dissection(w.frameList.shownRow());
            String conv = FilterExpressions.conversation(d);
            m.addSeparator();
            JMenuItem c = new JMenuItem("Conversation Filter");
            c.setName("conversationFilterItem");
            c.setToolTipText(conv);
            c.setEnabled(conv != null);
            c.addActionListener(a -> w.useFilter(conv, true));
            m.add(c);
            JMenu follow = new JMenu("Follow");
            follow.setName("followFrameMenu");
            follow.setEnabled(conv != null && d.layer("tcp") != null);
            follow.add(w.actions.followTcp).setName("followTcpItem");
            follow.add(w.actions.followCotp).setName("followCotpItem");
            m.add(follow);
            if (!d.findings().isEmpty()) {
                Finding x = d.findings().get(0);
                JMenuItem fi = new JMenuItem("Filter on " + x.id());
                fi.setName("findingFilterItem");
                fi.addActionListener(a -> w.useFilter(FilterExpressions.of(x), true));
                m.add(fi);
            }
            return m;
        }));
    }

    /** Apply as Filter, Prepare as Filter and (for a field) Apply as Column, at the top of a menu. */
    private void filterItems(JPopupMenu m, String expr, String column) {
        int at = 0;
        JMenuItem apply = new JMenuItem("Apply as Filter");
        apply.setName("applyAsFilter");
        apply.setToolTipText(expr);
        apply.addActionListener(a -> w.useFilter(expr, true));
        m.insert(apply, at++);
        JMenuItem prepare = new JMenuItem("Prepare as Filter");
        prepare.setName("prepareAsFilter");
        prepare.setToolTipText(expr);
        prepare.addActionListener(a -> w.useFilter(expr, false));
        m.insert(prepare, at++);
        if (column != null) {
            JMenuItem col = new JMenuItem("Apply as Column");
            col.setName("applyAsColumn");
            col.setEnabled(!CustomColumns.get().contains(column));
            col.addActionListener(a -> {
                if (CustomColumns.add(column)) w.columnsChanged();
            });
            m.insert(col, at++);
        }
        if (m.getComponentCount() > at) m.insert(new JPopupMenu.Separator(), at);
    }

    private static MouseAdapter popup(Function<MouseEvent, JPopupMenu> menu) {
        return new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) { maybe(e); }

            @Override
            public void mouseReleased(MouseEvent e) { maybe(e); }

            private void maybe(MouseEvent e) {
                if (!e.isPopupTrigger()) return;
                JPopupMenu m = menu.apply(e);
                if (m != null) m.show(e.getComponent(), e.getX(), e.getY());
            }
        };
    }

    /** Copy as → hex stream, C array, escaped string, annotated text; Copy value; Copy bytes. */
    static JPopupMenu copyMenu(String name, Supplier<byte[]> bytes, Supplier<String> annotated, Supplier<String> value) {
        JPopupMenu m = new JPopupMenu();
        m.setName("copyMenu");
        JMenu as = new JMenu("Copy as");
        as.setName("copyAs");
        as.add(copyItem("Hex stream", "copyHexStream", () -> CopyFormats.hexStream(bytes.get())));
        as.add(copyItem("C array", "copyCArray", () -> CopyFormats.cArray(name, bytes.get())));
        as.add(copyItem("Escaped string (\"\\x03\\x11…\")", "copyEscaped", () -> CopyFormats.escaped(bytes.get())));
        as.add(copyItem("Annotated text", "copyAnnotated", annotated));
        m.add(as);
        m.add(copyItem("Copy value", "copyValue", value));
        m.add(copyItem("Copy bytes", "copyBytes", () -> CopyFormats.hexBytes(bytes.get())));
        return m;
    }

    private static JMenuItem copyItem(String label, String name, Supplier<String> text) {
        JMenuItem it = new JMenuItem(label);
        it.setName(name);
        it.addActionListener(e -> copyToClipboard(text.get()));
        return it;
    }

    static void copyToClipboard(String s) {
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(s), null);
    }
}
