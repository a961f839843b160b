package org.frameinspector.gui;

import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.KeyStroke;
import net.miginfocom.swing.MigLayout;
import org.frameinspector.core.export.Exporter;

/** File → Export…: which format and which frames. The file is chosen afterwards. */
final class ExportDialog extends JDialog {
    enum Scope {
        SELECTED("Selected frame"), ALL("All frames"), FINDINGS("Only frames with findings"),
        DISPLAYED("Displayed frames (after the display filter)");

        final String label;

        Scope(String label) { this.label = label; }
    }

    record Choice(Exporter.Format format, Scope scope) {
    }

    private final JComboBox<Exporter.Format> format = new JComboBox<>(Exporter.Format.values());
    private final JRadioButton[] scopes = new JRadioButton[Scope.values().length];
    private Choice result;

    ExportDialog(Window owner, Scope preset, Exporter.Format presetFormat, int selected, int all, int displayed) {
        super(owner, "Export", ModalityType.APPLICATION_MODAL);
        setName("exportDialog");
        JPanel p = new JPanel(new MigLayout("insets dialog, gap 8 4", "[][grow,fill]", ""));
        format.setName("exportFormat");
        format.setSelectedItem(presetFormat == null ? Exporter.Format.TEXT : presetFormat);
        format.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> l, Object v, int i,
                                                                   boolean s, boolean f) {
                super.getListCellRendererComponent(l, v, i, s, f);
                if (v instanceof Exporter.Format x) setText(describe(x));
                return this;
            }
        });
        p.add(new JLabel("Format:"));
        p.add(format, "wrap");
        p.add(new JLabel("Frames:"), "aligny top");
        ButtonGroup g = new ButtonGroup();
        JPanel sp = new JPanel(new MigLayout("insets 0, gap 0 2, wrap 1"));
        for (Scope s : Scope.values()) {
            String count = switch (s) {
                case SELECTED -> selected >= 0 ? " (frame " + Texts.count(selected + 1) + ")" : "";
                case ALL -> " (" + Texts.count(all) + ")";
                case DISPLAYED -> " (" + Texts.count(displayed) + ")";
                case FINDINGS -> "";
            };
            JRadioButton b = new JRadioButton(s.label + count);
            b.setName("scope" + s.name());
            b.setEnabled(s != Scope.SELECTED || selected >= 0);
            g.add(b);
            sp.add(b);
            scopes[s.ordinal()] = b;
        }
        scopes[(preset == null ? Scope.SELECTED : preset).ordinal()].setSelected(true);
        p.add(sp, "wrap");
        JButton ok = new JButton("Export…");
        ok.setName("exportOk");
        ok.addActionListener(e -> {
            result = new Choice((Exporter.Format) format.getSelectedItem(), scope());
            dispose();
        });
        JButton cancel = new JButton("Cancel");
        cancel.addActionListener(e -> dispose());
        p.add(ok, "span, split 2, tag ok, gaptop 8");
        p.add(cancel, "tag cancel");
        setContentPane(p);
        getRootPane().setDefaultButton(ok);
        getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "fi-close");
        getRootPane().getActionMap().put("fi-close", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                dispose();
            }
        });
        pack();
        setLocationRelativeTo(owner);
    }

    private Scope scope() {
        for (Scope s : Scope.values()) if (scopes[s.ordinal()].isSelected()) return s;
        return Scope.SELECTED;
    }

    Choice result() { return result; }

    static String describe(Exporter.Format f) {
        return switch (f) {
            case TEXT -> "Annotated text (.txt)";
            case HTML -> "HTML report (.html)";
            case MD -> "Markdown (.md)";
            case JSON -> "JSON (.json)";
            case PCAP -> "pcap capture (.pcap; holds no comments or notes)";
            case PCAPNG -> "pcapng capture, findings and notes as comments (.pcapng)";
        };
    }
}
