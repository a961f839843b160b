package org.frameinspector.gui;

import com.formdev.flatlaf.util.UIScale;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Toolkit;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JComboBox;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import javax.swing.TransferHandler;
import org.frameinspector.capture.LiveCapture;
import org.frameinspector.core.export.Exporter;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.notes.NotesStore;

/**
 * The main window: it assembles the parts and lays them out. Frame list (with the filter bar) on top; field tree
 * beside the byte view; findings, notes and connections with the explanation below; a status bar. Each part owns its
 * widgets and state:
 * <ul>
 * <li>{@link FrameListPart} frame list, {@link FilterPart} display filter, {@link FindPart} find bar;</li>
 * <li>{@link FieldTreePart} field tree and the frame shown, {@link ByteViewPart} hex pane, {@link FindingsPart}
 * findings and explanation;</li>
 * <li>{@link SessionPart} opening and loading (with the input's {@link Dissections}), {@link NotesPart} notes,
 * {@link ExportPart} export, {@link ComparePart} compare and fix, {@link CapturePart} live capture;</li>
 * <li>{@link ActionsPart} actions, menus and toolbar, {@link ContextMenus} right-click menus, {@link StatusBarPart}
 * status bar and background work.</li>
 * </ul>
 */
public final class MainWindow extends JFrame {
    static final String APP = "Frame Inspector";

    final StatusBarPart statusBar;
    final FindingsPart findings = new FindingsPart();
    final ByteViewPart byteView = new ByteViewPart();
    final FieldTreePart fieldTree;
    final FilterPart filter = new FilterPart();
    final FrameListPart frameList = new FrameListPart(filter.bar);
    final FindPart find;
    final JTabbedPane lowerTabs = new JTabbedPane();
    final SessionPart session;
    final NotesPart notes;
    final ExportPart export;
    final ComparePart compare;
    final CapturePart capture;
    final ExpertPart expert;
    final FrameSorting sorting;
    final ActionsPart actions;
    private final Splitter mainSplit, centerSplit, findingsSplit;
    private final ByteViewPart.HexSplit upperSplit;
    private boolean dividersPlaced;
    private boolean closing;

    /** The app's window: every input is dissected through its {@link org.frameinspector.core.session.Session}. */
    public MainWindow() {
        this(Inputs::fromText);
    }

    public MainWindow(PasteDialog.Parser parser) {
        this(SessionPart::sessionOf, parser);
    }

    /** With another maker of an input's {@link Dissections} (tests stand in their own dissections). */
    MainWindow(Function<Loaded, Dissections> dissectionsOf, PasteDialog.Parser parser) {
        super(APP);
        setName("mainWindow");
        session = new SessionPart(this, dissectionsOf, parser);
        statusBar = new StatusBarPart(session::cancelLoading);
        statusBar.onStopPass(session::stopPass);
        fieldTree = new FieldTreePart(byteView, findings, statusBar);
        find = new FindPart(frameList, fieldTree, byteView, statusBar);
        notes = new NotesPart(this, fieldTree, byteView, lowerTabs);
        export = new ExportPart(this, frameList, statusBar, notes::store, session.connectionsModel::rows);
        compare = new ComparePart(this, frameList, fieldTree);
        capture = new CapturePart(this, frameList, statusBar);
        expert = new ExpertPart(this);
        sorting = new FrameSorting(frameList, statusBar, this::columnsChanged);
        actions = new ActionsPart(this);
        capture.actions(actions.captureStart, actions.captureStop);
        filter.wire(frameList, statusBar, this::restoreSelection);
        notes.goToFrame(this::goToFrameNumber);

        // layout
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                closeWindow();
            }
        });
        setIconImages(Icons.appImages());
        setJMenuBar(actions.menuBar());
        JPanel north = new JPanel(new BorderLayout());
        north.add(actions.toolBar(), BorderLayout.NORTH);
        north.add(find.component(), BorderLayout.CENTER);
        north.add(notes.banner(), BorderLayout.SOUTH);
        getContentPane().add(north, BorderLayout.NORTH);
        lowerTabs.setName("lowerTabs");
        lowerTabs.addTab("Findings", findings.tableComponent());
        lowerTabs.addTab("Notes", notes.panel);
        lowerTabs.addTab("Connections", session.connectionsPane);
        lowerTabs.addTab("Expert Info", expert.component());
        upperSplit = byteView.new HexSplit(fieldTree.component());
        upperSplit.setName("upperSplit");
        upperSplit.setBorder(null);
        upperSplit.setResizeWeight(1.0);
        findingsSplit = new Splitter("findingsSplit", JSplitPane.HORIZONTAL_SPLIT, lowerTabs,
                findings.explanationComponent(), 0.55);
        centerSplit = new Splitter("centerSplit", JSplitPane.VERTICAL_SPLIT, upperSplit, findingsSplit, 0.68);
        mainSplit = new Splitter("mainSplit", JSplitPane.VERTICAL_SPLIT, frameList.component(), centerSplit, 0.36);
        // the explanation belongs to the findings: the Connections table gets the whole width instead
        lowerTabs.addChangeListener(e -> {
            boolean wide = lowerTabs.getSelectedComponent() == session.connectionsPane;
            if (findings.explanationComponent().isVisible() == !wide) return;
            findings.explanationComponent().setVisible(!wide);
            findingsSplit.revalidate();
        });
        getContentPane().add(mainSplit, BorderLayout.CENTER);
        getContentPane().add(statusBar.component(), BorderLayout.SOUTH);

        // wiring
        frameList.table.getSelectionModel().addListSelectionListener(e -> {
            if (e.getValueIsAdjusting()) return;
            int r = frameList.shownRow();
            actions.compare.setEnabled(frameList.table.getSelectedRowCount() == 2);
            long t0 = System.nanoTime();
            Dissection d = r < 0 || frameList.model.dissections() == null ? null : frameList.model.dissection(r);
            GuiTrace.since(" dissect", t0);
            fieldTree.show(d);
            GuiTrace.since(" shown", t0);
        });
        for (JComponent c : new JComponent[] {frameList.table, fieldTree.tree, byteView.hex, findings.table,
            findings.explanation, (JComponent) getContentPane()}) {
            AppTransferHandler.install(this, c);
        }
        // with nothing focused Ctrl+V still pastes (the menu accelerator); focused tables/trees route their own
        // "paste" action through the transfer handler above
        findings.explanation.getActionMap().put("paste", TransferHandler.getPasteAction());
        new ContextMenus(this).install();
        WarmUp.start();
        fieldTree.show(null);

        Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
        setSize(Math.min(screen.width - 40, UIScale.scale(1400)), Math.min(screen.height - 60, UIScale.scale(900)));
        setLocationRelativeTo(null);
        sizeColumns();
        addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                if (!dividersPlaced && mainSplit.getHeight() > 0) {
                    dividersPlaced = true;
                    findingsSplit.restore();
                    centerSplit.restore();
                    if (session.loaded() == null) mainSplit.restore();
                }
            }
        });
    }

    // ------------------------------------------------------------------ layout

    /** The frame list's share: a lone pasted frame needs two rows; more frames get the remembered share. */
    void fitFrameList(int frames) {
        JComponent list = frameList.component();
        int filterHeight = filter.bar.getPreferredSize().height;
        list.setMinimumSize(new Dimension(0, filterHeight + frameList.rowsHeight(1)));
        if (frames <= 1) {
            int h = filterHeight + frameList.rowsHeight(2);
            list.setPreferredSize(new Dimension(list.getPreferredSize().width, h));
            mainSplit.remember(false);
            mainSplit.setResizeWeight(0);
            mainSplit.setDividerLocation(h);
            // before the first layout the location does not stick: put it again once the split has its size
            SwingUtilities.invokeLater(() -> mainSplit.setDividerLocation(h));
        } else {
            list.setPreferredSize(null);
            mainSplit.remember(true);
            mainSplit.restore();
            SwingUtilities.invokeLater(mainSplit::restore);
        }
    }

    void sizeColumns() {
        FontMetrics fm = frameList.table.getFontMetrics(frameList.table.getFont());
        int pad = UIScale.scale(16);
        frameList.sizeColumns(fm, pad);
        findings.sizeColumns(fm, pad);
    }

    /** The custom columns changed: the list gets them (sized) and its rows are summarized again. */
    void columnsChanged() {
        frameList.model.columnsChanged();
        sizeColumns();
    }

    /**
     * Apply as Filter ({@code apply}) or Prepare as Filter: the expression goes into the filter bar; applied at once,
     * or left there with the caret at its end for the user to finish.
     */
    void useFilter(String expr, boolean apply) {
        if (expr == null) return;
        filter.bar.field().setText(expr);
        if (apply) {
            filter.apply(expr);
        } else {
            filter.bar.field().requestFocusInWindow();
            filter.bar.field().setCaretPosition(expr.length());
        }
    }

    /** Puts the divider back so the hex pane has exactly its natural width (also after zooming). */
    void placeHexDivider() {
        upperSplit.natural();
    }

    void updateTitle() {
        Loaded l = session.loaded();
        if (l == null) {
            setTitle(APP);
            return;
        }
        setTitle((notes.store().dirty() ? "• " : "") + l.name() + (notes.readOnly() ? " (notes read-only)" : "")
                + " — " + APP);
    }

    // ------------------------------------------------------------------ shared by the parts

    /** Runs {@code r} on the event thread after {@code ms} milliseconds (once). */
    static void later(int ms, Runnable r) {
        Timer t = new Timer(ms, e -> r.run());
        t.setRepeats(false);
        t.start();
    }

    void showError(String title, String message) {
        JOptionPane.showMessageDialog(this, message, title, JOptionPane.ERROR_MESSAGE);
    }

    /** Selects frame number n (1-based); says so when the display filter hides it. */
    boolean goToFrameNumber(int n) {
        int row = frameList.model.rowOf(n - 1);
        if (row < 0) {
            statusBar.setFrames("Frame " + Texts.count(n) + " is hidden by the display filter");
            return false;
        }
        frameList.selectFrame(row);
        return true;
    }

    /** After the rows changed: the frame index again if it is shown, else the first row, else nothing. */
    private void restoreSelection(int frameIndex) {
        int row = frameIndex < 0 ? -1 : frameList.model.rowOf(frameIndex);
        if (row < 0 && frameList.model.getRowCount() > 0) row = 0;
        if (row >= 0) frameList.selectFrame(row);
        else fieldTree.show(null);
    }

    /** File → Exit and the close box: offers to save notes first (one question at a time). */
    void closeWindow() {
        if (closing) return; // a second close request while the first one asks
        closing = true;
        try {
            if (notes.confirm()) dispose();
        } finally {
            closing = false;
        }
    }

    PasteDialog.Parser parser() { return session.parser; }

    Path inputFile() { return session.inputFile(); }

    // ------------------------------------------------------------------ API (launcher, drag and drop, tests)

    /** Opens a capture or dump file in the background. */
    public void openFile(Path p) { session.openFile(p); }

    /** Opens dump text (clipboard, drop) in the background; a parse error opens the Paste dialog on the text. */
    public void openText(String name, String text) { session.openText(name, text); }

    /** Shows the Paste dialog (modal); opens what it returns. */
    public void showPasteDialog() { session.showPasteDialog(); }

    /** Replaces the shown input, with the notes of the sidecar of {@code file} when it has one. */
    public void setLoaded(Loaded l, Path file) { session.setLoaded(l, file, null, null); }

    /** Replaces the shown input and its notes (null: none yet). */
    public void setLoaded(Loaded l, Path file, NotesStore withNotes) {
        session.setLoaded(l, file, new NotesPart.Read(withNotes == null ? new NotesStore() : withNotes, null, null),
                null);
    }

    public Loaded loaded() { return session.loaded(); }

    public NotesStore notes() { return notes.store(); }

    public JTable frameTable() { return frameList.table; }
    public FieldTree fieldTree() { return fieldTree.tree; }
    public HexPane hexPane() { return byteView.hex; }
    public JTable findingsTable() { return findings.table; }
    public JTextArea explanationArea() { return findings.explanation; }
    public BitStrip bitStrip() { return byteView.bits; }
    public Dissection currentDissection() { return fieldTree.current(); }
    public JLabel statusFieldLabel() { return statusBar.field; }
    public JLabel statusLayoutLabel() { return statusBar.layout; }

    // for the tests of this package
    boolean isLoading() { return session.isLoading(); }
    /** The in-order pass of the shown input has reached every frame. */
    boolean inOrderDone() {
        Dissections d = session.dissections();
        return d != null && !session.passRunning() && d.indexed() >= d.size();
    }
    Dissections dissections() { return session.dissections(); }
    boolean isBusy() { return statusBar.isBusy(); }
    boolean isCapturing() { return capture.isCapturing(); }
    void selectFrame(int row) { frameList.selectFrame(row); }
    void selectByte(int offset) { fieldTree.selectByte(offset); }
    void applyFilter(String text) { filter.apply(text); }
    FilterBar filterBar() { return filter.bar; }
    FrameTableModel frameModel() { return frameList.model; }
    JTabbedPane sourceTabs() { return byteView.sourceTabs; }
    JTabbedPane lowerTabs() { return lowerTabs; }
    JTable connectionsTable() { return session.connectionsTable; }
    JTextField findTextField() { return find.text; }
    JComboBox<String> findModeBox() { return find.mode; }
    JLabel findStatusLabel() { return find.status; }
    JLabel statusFramesLabel() { return statusBar.frames; }
    NotesPanel notesPanel() { return notes.panel; }
    CompareWindow lastCompareWindow() { return compare.last(); }
    CompareWindow compareWith(Loaded other, int index) { return compare.compareWith(other, index); }
    void startLive(LiveCapture lc, GrowingFrameSource src, String name) { capture.startLive(lc, src, name); }
    boolean saveNotes() { return notes.save(); }
    void saveNotesAsCapture(Path out) throws IOException { notes.saveAsCapture(out); }

    SwingWorker<Integer, Void> exportTo(Path out, Exporter.Format format, ExportDialog.Scope scope) {
        return export.exportTo(out, format, scope);
    }

    JPopupMenu copyMenu(String name, java.util.function.Supplier<byte[]> bytes,
                        java.util.function.Supplier<String> annotated, java.util.function.Supplier<String> value) {
        return ContextMenus.copyMenu(name, bytes, annotated, value);
    }
}
