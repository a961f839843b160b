package org.frameinspector.gui;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Layer;

/**
 * The field tree of the shown frame, and the frame shown: selecting a field, a layer, a finding or a byte keeps the
 * tree, the byte view and the findings in step (tree ↔ hex ↔ findings), and names the selection in the status bar.
 */
final class FieldTreePart {
    final FieldTree tree = new FieldTree();
    private final JScrollPane scroll = new JScrollPane(tree);
    private final ByteViewPart bytes;
    private final FindingsPart findings;
    private final StatusBarPart status;
    private Dissection current;
    private boolean syncing;
    /** Runs after a frame or a data source is shown (the notes part marks the noted bytes). */
    private Runnable afterShow = () -> { };

    FieldTreePart(ByteViewPart bytes, FindingsPart findings, StatusBarPart status) {
        this.bytes = bytes;
        this.findings = findings;
        this.status = status;
        tree.addTreeSelectionListener(e -> onTreeSelection());
        findings.onSelect(this::selectFinding);
        bytes.onTabPicked(this::showSource);
        bytes.hex.setListener(new HexPane.Listener() {
            @Override
            public void byteClicked(int offset) {
                selectByte(offset);
            }

            @Override
            public void byteHovered(int offset) {
                if (offset < 0 || current == null) {
                    updateFieldStatus();
                    return;
                }
                Field f = current.deepestFieldAt(bytes.source(), offset);
                status.field.setText(String.format("0x%02X  %s", offset,
                        f == null ? "" : f.name() + "  (" + f.abbrev() + ")"));
            }
        });
    }

    JComponent component() { return scroll; }

    void afterShow(Runnable r) { afterShow = r; }

    /** The frame shown, or null. */
    Dissection current() { return current; }

    /** Shows one frame's dissection (or nothing) and selects its worst finding. */
    void show(Dissection d) {
        current = d;
        syncing = true;
        long t0 = System.nanoTime();
        try {
            tree.setDissection(d);
            GuiTrace.since("  tree", t0);
            findings.show(d);
            bytes.setDissection(d);
            GuiTrace.since("  tabs", t0);
            showSource(DataSource.FRAME);
            GuiTrace.since("  hex", t0);
            bytes.showFieldDetail(null);
        } finally {
            syncing = false;
        }
        // point at the worst problem straight away
        if (d != null && !d.findings().isEmpty()) findings.selectRow(0, true);
        updateFieldStatus();
    }

    /** Shows a data source of the shown frame (the frame, or a reassembled buffer). */
    void showSource(String id) {
        if (bytes.showSource(id)) afterShow.run();
    }

    private void onTreeSelection() {
        Field f = tree.selectedField();
        Layer l = tree.selectedLayer();
        if (f != null) {
            if (f.length() > 0 || f.children().isEmpty()) {
                showSource(f.source());
                bytes.select(f.offset(), Math.max(f.length(), 0));
            }
            bytes.showFieldDetail(f);
            if (!syncing && f.findings().isEmpty()) findings.clearSelection();
            if (!syncing && !f.findings().isEmpty()) {
                Finding x = f.findings().get(0);
                findings.selectQuietly(x);
                findings.showExplanation(x);
            }
        } else if (l != null) {
            if (!syncing) findings.clearSelection();
            showSource(l.source());
            bytes.select(l.offset(), l.length());
            bytes.showLayerDetail(l.name(), l.protocol() + " · " + Texts.range(l.offset(), l.length()));
        } else {
            bytes.select(-1, 0);
            bytes.showFieldDetail(null);
        }
        updateFieldStatus();
    }

    /** Selects the finding's field in the tree and its bytes in the hex pane; shows its explanation. */
    void selectFinding(Finding x) {
        syncing = true;
        try {
            Field f = x.field();
            if (f == null && current != null) f = current.deepestFieldAt(x.source(), x.offset());
            if (f != null) tree.selectField(f);
            else tree.clearSelection();
            showSource(x.source());
            bytes.select(x.offset(), Math.max(1, x.length()));
            findings.showExplanation(x);
        } finally {
            syncing = false;
        }
        updateFieldStatus();
    }

    /** Names the deepest field covering a byte, selecting it (or just the byte when no field covers it). */
    void selectByte(int offset) {
        if (current == null) return;
        Field f = current.deepestFieldAt(bytes.source(), offset);
        if (f != null) {
            if (!tree.selectField(f)) bytes.select(offset, 1);
        } else {
            tree.clearSelection();
            bytes.select(offset, 1);
        }
        updateFieldStatus();
    }

    /** Selects a field of the shown frame; false when the tree does not show it. */
    boolean selectField(Field f) { return tree.selectField(f); }

    /** Selects bytes of a data source, no field. */
    void selectBytes(String source, int offset, int length) {
        tree.clearSelection();
        showSource(source);
        bytes.select(offset, length);
        bytes.reveal(offset);
        updateFieldStatus();
    }

    void updateFieldStatus() {
        Field f = tree.selectedField();
        HexPane hex = bytes.hex;
        if (f != null) {
            status.field.setText(f.abbrev() + " · " + Texts.range(f.offset(), f.length()));
        } else if (hex.selectionStart() >= 0) {
            status.field.setText(Texts.range(hex.selectionStart(), hex.selectionLength()));
        } else {
            status.field.setText(" ");
        }
    }
}
