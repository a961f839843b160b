package org.frameinspector.gui;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.swing.JComponent;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.frameinspector.core.source.ListFrameSource;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Severity;

/**
 * First-time costs of showing a frame, paid once when the first window opens instead of on the EDT with the first
 * file (where they added up to a 200 ms stall: class loading, linking of string concatenations and record methods,
 * interpreted first runs of the tree / hex pane / table code, SVG and glyph rasterisation).
 *
 * <ol>
 *   <li>On a background thread: dissect two small Ethernet / IPv4 / TCP / TPKT / COTP frames (one with a finding),
 *       validate a display filter, compute what the hex pane and the frame list derive from a dissection, rasterise
 *       the cell icons and render the UI and monospaced fonts into an image.</li>
 *   <li>Then on the EDT, one small event at a time while the app is idle: fill and paint detached copies of the
 *       field tree, the hex pane, the findings table and the frame list (never shown) into an image. Each step is
 *       a separate event so none blocks the EDT for long.</li>
 * </ol>
 * Runs once per JVM.
 */
final class WarmUp {
    private static final byte[] FRAME = HexFormat.of().parseHex(
            "0200000000020200000000010800450000340000400040060000c0000201c0000202044e00660000000100000001"
                    + "50180000000000000300000c0702f080320100000000");
    private static final int TPKT = 54;
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean done;

    private WarmUp() {
    }

    /** Whether the warm-up (background and EDT steps) has finished; for tests and diagnostics. */
    static boolean isDone() { return done; }

    static void start() {
        if (!STARTED.compareAndSet(false, true)) return;
        Function<Frame, Dissection> dissector = org.frameinspector.core.protocols.Protocols.dissector()::dissect;
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            List<Frame> frames = new ArrayList<>();
            List<Dissection> ds = new ArrayList<>();
            try {
                byte[] marked = FRAME.clone();
                if (marked[TPKT] == 3) marked[TPKT + 1] = 0x11; // TPKT reserved byte set: a finding
                for (int i = 0; i < 20; i++) dissector.apply(Frame.of(1, FRAME, Frame.LINK_ETHERNET));
                frames.add(new Frame(1, FRAME, FRAME.length, 1_700_000_000_000_000_000L, Frame.LINK_ETHERNET, 0,
                        null));
                frames.add(new Frame(2, marked, marked.length, 1_700_000_000_000_125_000L, Frame.LINK_ETHERNET, 0,
                        null));
                for (Frame f : frames) ds.add(dissector.apply(f));
                org.frameinspector.core.filter.DisplayFilter.validate("tpkt.reserved != 0");
                for (Dissection d : ds) {
                    HexPane.marksFor(d, DataSource.FRAME, d.frame().data().length);
                    RowSummaries.Summary.of(d).hashCode();
                    for (var l : d.layers()) for (var f : l.fields()) Texts.fieldTooltip(f);
                }
                FrameTableModel.seconds(125_000L, '.');
                GuiTrace.since("warm-up: dissected", t0);
                if (!GraphicsEnvironment.isHeadless()) {
                    Icons.prerenderCells();
                    fonts();
                }
                GuiTrace.since("warm-up: background done", t0);
            } catch (RuntimeException | LinkageError ignored) {
                // only a warm-up: the real work reports its own problems
            }
            if (ds.size() == frames.size() && !GraphicsEnvironment.isHeadless()) {
                SwingUtilities.invokeLater(new EdtSteps(frames, ds));
            } else {
                done = true;
            }
        }, "dissector-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Renders the characters the UI shows in the UI font and the hex pane's font, plain and bold. */
    private static void fonts() {
        BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            Object hints = java.awt.Toolkit.getDefaultToolkit().getDesktopProperty("awt.font.desktophints");
            if (hints instanceof java.util.Map<?, ?> m) g.addRenderingHints(m);
            Object aa = UIManager.getDefaults().get(RenderingHints.KEY_TEXT_ANTIALIASING);
            StringBuilder text = new StringBuilder();
            for (char c = 32; c < 127; c++) text.append(c);
            text.append("…·–");
            Font ui = UIManager.getFont("Table.font");
            if (ui == null) ui = UIManager.getFont("Label.font");
            List<Font> fonts = new ArrayList<>(List.of(Theme.monoFont(), Theme.monoFont().deriveFont(Font.BOLD)));
            if (ui != null) {
                fonts.add(ui);
                fonts.add(ui.deriveFont(Font.BOLD));
            }
            for (Font f : fonts) {
                g.setFont(f);
                g.getFontMetrics().stringWidth(text.toString());
                g.drawString(text.toString(), 0, 20);
                if (aa != null) {
                    Object was = g.getRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING);
                    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, aa);
                    g.drawString(text.toString(), 0, 20);
                    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, was);
                }
            }
        } finally {
            g.dispose();
        }
    }

    /** The EDT part: one step per event, each re-posting the next. */
    private static final class EdtSteps implements Runnable {
        private final List<Frame> frames;
        private final List<Dissection> ds;
        private java.awt.Image img;
        private int step;
        private FieldTree tree;
        private HexPane hex;
        private JTable list;
        /** Rounds of painting the tree, hex pane and frame list again (one component per event), so the code
         *  that paints cells is compiled by the JIT before a file is opened rather than while it is shown. */
        private static final int ROUNDS = 4;

        EdtSteps(List<Frame> frames, List<Dissection> ds) {
            this.frames = frames;
            this.ds = ds;
        }

        @Override
        public void run() {
            long t0 = System.nanoTime();
            Dissection d = ds.get(ds.size() - 1);
            boolean more = true;
            try {
                switch (step++) {
                    case 0 -> {
                        tree = new FieldTree();
                        tree.setDissection(d);
                        tree.setNotes(null);
                        paint(tree, 360, 420);
                    }
                    case 1 -> {
                        hex = new HexPane();
                        hex.setData(d.frame().data(), HexPane.marksFor(d, DataSource.FRAME,
                                d.frame().data().length));
                        hex.setSelection(TPKT, 4);
                        java.awt.Dimension p = hex.getPreferredSize();
                        paint(hex, Math.min(p.width, 700), Math.min(p.height, 500));
                    }
                    case 2 -> {
                        FindingsTableModel m = new FindingsTableModel();
                        JTable t = new JTable(m);
                        t.setDefaultRenderer(Severity.class, new FindingsPart.SeverityRenderer());
                        m.setFindings(d.findings());
                        paint(t, 600, 120);
                        JTextArea text = new JTextArea();
                        text.setLineWrap(true);
                        text.setWrapStyleWord(true);
                        text.setText(d.findings().isEmpty() ? "warm-up" : d.findings().get(0).message());
                        text.setCaretPosition(0);
                        paint(text, 300, 100);
                    }
                    case 3 -> {
                        FrameTableModel m = new FrameTableModel();
                        list = new JTable(m);
                        list.setDefaultRenderer(RowSummaries.Summary.class, new FrameListPart.WorstFindingRenderer());
                        List<Frame> rows = new ArrayList<>();
                        for (int i = 0; i < 40; i++) {
                            Frame f = frames.get(i % frames.size());
                            rows.add(new Frame(i + 1, f.data(), f.originalLength(), f.timestampNanos() + i * 1000L,
                                    f.linkType(), 0, null));
                        }
                        DissectionCache cache = new DissectionCache(org.frameinspector.core.session.Session.of(
                                new org.frameinspector.core.input.Loaded("warm-up", "warm-up", null, null,
                                        new ListFrameSource(rows)), null), 64);
                        for (int i = 0; i < rows.size(); i++) cache.put(i, ds.get(i % ds.size())); // no EDT dissection
                        m.setDissections(cache);
                        list.setRowSelectionInterval(0, 0);
                        paint(list, 700, 12 * list.getRowHeight()); // a list pane's worth of rows
                        more = true;
                    }
                    default -> {
                        int k = step - 5; // 0, 1, 2, … after the four steps above
                        JComponent c = k % 3 == 0 ? list : k % 3 == 1 ? tree : hex;
                        if (c == hex) hex.setSelection(k % 16, 2);
                        paint(c, c.getWidth(), c.getHeight());
                        more = k < ROUNDS * 3 - 1;
                    }
                }
            } catch (RuntimeException | LinkageError ignored) {
                more = false;
            }
            GuiTrace.since("warm-up: EDT step " + (step - 1), t0);
            if (more) SwingUtilities.invokeLater(this);
            else done = true;
        }

        private void paint(JComponent c, int w, int h) {
            c.setSize(w, h);
            c.doLayout();
            if (img == null) {
                // an image of the screen's kind (on X11 a pixmap drawn through XRender), so the glyphs and
                // rendering loops the window needs are set up, not just those of an in-memory image
                java.awt.GraphicsConfiguration gc = GraphicsEnvironment.getLocalGraphicsEnvironment()
                        .getDefaultScreenDevice().getDefaultConfiguration();
                java.awt.image.VolatileImage v = gc.createCompatibleVolatileImage(700, 500);
                v.validate(gc);
                img = v;
            }
            Graphics2D g = (Graphics2D) img.getGraphics();
            try {
                g.setClip(0, 0, w, h);
                c.paint(g);
            } finally {
                g.dispose();
            }
        }
    }
}
