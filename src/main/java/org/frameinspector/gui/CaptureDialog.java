package org.frameinspector.gui;

import java.awt.Window;
import java.util.List;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import net.miginfocom.swing.MigLayout;
import org.frameinspector.capture.CaptureException;
import org.frameinspector.capture.LiveCapture;

/** Capture → Start…: pick an interface, optionally a BPF filter. */
final class CaptureDialog extends JDialog {
    /** Where the dialog gets its interfaces (pcap4j, or a stub in tests). */
    interface DeviceLister {
        List<LiveCapture.Device> devices() throws CaptureException;
    }

    record Choice(String device, String bpf) {
    }

    private final DefaultListModel<LiveCapture.Device> model = new DefaultListModel<>();
    private final JList<LiveCapture.Device> list = new JList<>(model);
    private final JTextField bpf = new JTextField("tcp port 102 or tcp port 3389", 30);
    private final JLabel message = new JLabel(" ");
    private Choice result;

    CaptureDialog(Window owner, DeviceLister lister) {
        super(owner, "Start Capture", ModalityType.APPLICATION_MODAL);
        setName("captureDialog");
        list.setName("captureDevices");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setVisibleRowCount(8);
        list.setCellRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> l, Object v, int i, boolean s, boolean f) {
                super.getListCellRendererComponent(l, v, i, s, f);
                if (v instanceof LiveCapture.Device d) setText(d.label());
                return this;
            }
        });
        bpf.setName("captureFilter");
        message.setName("captureMessage");
        JButton start = new JButton("Start");
        start.setName("captureStart");
        JButton cancel = new JButton("Cancel");
        start.addActionListener(e -> {
            LiveCapture.Device d = list.getSelectedValue();
            if (d == null) return;
            result = new Choice(d.name(), bpf.getText().strip());
            dispose();
        });
        cancel.addActionListener(e -> dispose());
        JPanel p = new JPanel(new MigLayout("insets dialog, gap 6", "[grow,fill]", "[][grow,fill][][][][]"));
        p.add(new JLabel("Interface:"), "wrap");
        p.add(new JScrollPane(list), "wmin 40sp, hmin 8sp, wrap");
        p.add(new JLabel("Capture filter (BPF):"), "wrap");
        p.add(bpf, "wrap");
        p.add(message, "wmin 0, wrap");
        p.add(start, "split 2, tag ok, growx 0");
        p.add(cancel, "tag cancel, growx 0");
        setContentPane(p);
        getRootPane().setDefaultButton(start);
        try {
            List<LiveCapture.Device> ds = lister.devices();
            ds.forEach(model::addElement);
            if (ds.isEmpty()) {
                message.setText("No interfaces found (capturing needs root or the cap_net_raw capability)");
            } else {
                list.setSelectedIndex(0);
            }
        } catch (CaptureException e) {
            message.setText(e.getMessage());
            message.setIcon(Icons.get("violation"));
        }
        start.setEnabled(!model.isEmpty());
        pack();
        setLocationRelativeTo(owner);
    }

    Choice result() { return result; }
    String message() { return message.getText(); }
}
