package org.frameinspector.gui;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.util.UIScale;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Point;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.SwingWorker;
import javax.swing.TransferHandler;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableColumn;
import net.miginfocom.swing.MigLayout;
import org.frameinspector.core.export.Exporter;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.filter.FilterSyntaxException;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.input.capture.CaptureFiles;
import org.frameinspector.core.input.capture.CaptureIndex;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.fix.FixResult;
import org.frameinspector.core.fix.FrameFixer;
import org.frameinspector.core.notes.FrameNotes;
import org.frameinspector.core.notes.Note;
import org.frameinspector.core.notes.NotesFiles;
import org.frameinspector.core.notes.NotesJson;
import org.frameinspector.core.notes.NotesListener;
import org.frameinspector.core.notes.NotesStore;

/**
 * The main window: frame list on top; field tree beside the hex pane; findings with their findings.explanation below; a
 * status bar. Selections are kept in step: tree ↔ hex ↔ findings.
 */
public final class MainWindow extends JFrame {
    static final String APP = "Frame Inspector";
    static final int CACHE_SIZE = 512;

    private final Function<Frame, Dissection> dissector;
    private final PasteDialog.Parser parser;
    private final PasteDialog.Draft pasteDraft = new PasteDialog.Draft();

    final StatusBarPart statusBar = new StatusBarPart(this::cancelLoading);
    final FindingsPart findings = new FindingsPart();
    final ByteViewPart byteView = new ByteViewPart();
    final FieldTreePart fieldTree = new FieldTreePart(byteView, findings, statusBar);
    private final FilterBar filterBar = new FilterBar(this::applyFilter);
    final FrameListPart frameList = new FrameListPart(filterBar);
    private final JPanel findBar = new JPanel();
    private final JTextField findText = new JTextField(24);
    private final JComboBox<String> findMode = new JComboBox<>(new String[] {"Field name", "Field text", "Hex bytes", "Text"});
    private final JLabel findStatus = new JLabel(" ");
    private final JMenu recentMenu = new JMenu("Open Recent");
    private boolean recentStale;
    private final JCheckBoxMenuItem darkItem = new JCheckBoxMenuItem("Dark Theme");
    private JSplitPane mainSplit, centerSplit, findingsSplit;
    private ByteViewPart.HexSplit upperSplit;
    private boolean dividersPlaced;

    private Action openAction, pasteAction, pasteDialogAction, exportAction, findAction, findNextAction,
            goToAction, themeAction, captureStartAction, captureStopAction;

    private Loaded loaded;
    private final FrameTableModel frameModel = frameList.model;
    private final JTable frameTable = frameList.table;
    private final FieldTree tree = fieldTree.tree;
    private final HexPane hex = byteView.hex;
    private SwingWorker<Loaded, Void> loadWorker;
    private LiveCapture live;
    private javax.swing.Timer liveTimer;
    private NotesStore notes = new NotesStore();
    private final NotesListener notesListener = (k, n) -> notesChanged();
    private final NotesPanel notesPanel = new NotesPanel(this::goToNote, this::editNote);
    private final javax.swing.JTabbedPane lowerTabs = new javax.swing.JTabbedPane();
    private Path inputFile;
    private Action compareAction, compareWithAction, fixAction, frameNoteAction, saveNotesAction;
    private CompareWindow lastCompare;
    private List<FrameNotes.Item> frameNotes = List.of();

    public MainWindow(Function<Frame, Dissection> dissector) {
        this(dissector, Inputs::fromText);
    }

    public MainWindow(Function<Frame, Dissection> dissector, PasteDialog.Parser parser) {
        super(APP);
        this.dissector = dissector;
        this.parser = parser;
        setName("mainWindow");
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosing(java.awt.event.WindowEvent e) {
                closeWindow();
            }
        });
        setIconImages(Icons.appImages());
        createActions();
        compareAction.setEnabled(false);
        setJMenuBar(createMenuBar());
        JPanel north = new JPanel(new BorderLayout());
        north.add(createToolBar(), BorderLayout.NORTH);
        north.add(createFindBar(), BorderLayout.SOUTH);
        getContentPane().add(north, BorderLayout.NORTH);
        getContentPane().add(createCenter(), BorderLayout.CENTER);
        getContentPane().add(statusBar.component(), BorderLayout.SOUTH);
        wireSelections();
        installTransfer();
        installCopyMenus();
        installNoteMenus();
        notes.addListener(notesListener);
        notesPanel.setStore(notes);
        WarmUp.start(dissector);
        showDissection(null);
        Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
        setSize(Math.min(screen.width - 40, UIScale.scale(1400)), Math.min(screen.height - 60, UIScale.scale(900)));
        setLocationRelativeTo(null);
        sizeFrameColumns();
        addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                if (!dividersPlaced && upperSplit.getWidth() > 0) {
                    dividersPlaced = true;
                    findingsSplit.setDividerLocation(0.55);
                }
            }
        });
    }

    /** Puts the divider back so the hex pane has exactly its natural width (also after zooming). */
    void placeHexDivider() {
        upperSplit.natural();
    }

    // ------------------------------------------------------------------ construction

    private void createActions() {
        openAction = action("Open…", "open", KeyStroke.getKeyStroke(KeyEvent.VK_O, menuMask()),
                "Open a pcap, pcapng or text dump", e -> chooseFile());
        pasteAction = action("Paste Dump", "paste", KeyStroke.getKeyStroke(KeyEvent.VK_V, menuMask()),
                "Open the hex dump on the clipboard", e -> pasteFromClipboard());
        pasteDialogAction = action("Paste Dump…", null,
                KeyStroke.getKeyStroke(KeyEvent.VK_V, menuMask() | KeyEvent.SHIFT_DOWN_MASK),
                "Paste or type a dump with a live preview", e -> showPasteDialog());
        exportAction = action("Export…", "export", KeyStroke.getKeyStroke(KeyEvent.VK_E, menuMask()),
                "Export frames as text, HTML, Markdown, JSON, pcap or pcapng", e -> showExportDialog());
        findNextAction = action("Find Next", null, KeyStroke.getKeyStroke(KeyEvent.VK_F3, 0), "Find the next match",
                e -> find());
        captureStartAction = action("Start…", null, KeyStroke.getKeyStroke(KeyEvent.VK_K, menuMask()),
                "Capture live from a network interface", e -> startCapture());
        captureStopAction = action("Stop", null, KeyStroke.getKeyStroke(KeyEvent.VK_E,
                menuMask() | KeyEvent.SHIFT_DOWN_MASK), "Stop the live capture", e -> stopCapture());
        captureStopAction.setEnabled(false);
        findAction = action("Find…", "find", KeyStroke.getKeyStroke(KeyEvent.VK_F, menuMask()),
                "Find field text or bytes", e -> showFindBar());
        goToAction = action("Go to Frame…", "goto", KeyStroke.getKeyStroke(KeyEvent.VK_G, menuMask()),
                "Jump to a frame number", e -> goToFrame());
        compareAction = action("Compare Selected Frames", "compare", KeyStroke.getKeyStroke(KeyEvent.VK_D, menuMask()),
                "Compare the two selected frames field by field", e -> compareSelected());
        compareWithAction = action("Compare With…", null, null,
                "Compare the shown frame with a frame of another file or a pasted dump", e -> compareWith());
        fixAction = action("Make Conformant", "fix", KeyStroke.getKeyStroke(KeyEvent.VK_M, menuMask()),
                "Build a corrected copy of the frame and show what changed", e -> makeConformant());
        frameNoteAction = action("Add Note on Frame…", "note", null, "Attach a note to the shown frame",
                e -> addFrameNote());
        saveNotesAction = action("Save Notes", null, KeyStroke.getKeyStroke(KeyEvent.VK_S, menuMask()),
                "Save the notes (next to a dump, or in a pcapng copy of a capture)", e -> saveNotes());
        themeAction = action("Toggle Theme", "theme",
                KeyStroke.getKeyStroke(KeyEvent.VK_T, menuMask() | KeyEvent.SHIFT_DOWN_MASK),
                "Switch between light and dark", e -> toggleTheme());
    }

    private static int menuMask() {
        return Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
    }

    private static Action action(String name, String icon, KeyStroke key, String tip,
                                 java.util.function.Consumer<ActionEvent> body) {
        AbstractAction a = new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                body.accept(e);
            }
        };
        if (icon != null) a.putValue(Action.SMALL_ICON, Icons.get(icon));
        if (key != null) a.putValue(Action.ACCELERATOR_KEY, key);
        a.putValue(Action.SHORT_DESCRIPTION, tip);
        return a;
    }

    private JMenuBar createMenuBar() {
        JMenuBar mb = new JMenuBar();
        JMenu file = new JMenu("File");
        file.setMnemonic('F');
        file.add(openAction);
        file.add(recentMenu);
        recentMenu.setName("recentMenu");
        rebuildRecentMenu();
        // the submenu is brought up to date when the File menu opens, not while a file is being shown
        file.addMenuListener(new javax.swing.event.MenuListener() {
            @Override public void menuSelected(javax.swing.event.MenuEvent e) {
                if (recentStale) {
                    recentStale = false;
                    rebuildRecentMenu();
                }
            }
            @Override public void menuDeselected(javax.swing.event.MenuEvent e) { }
            @Override public void menuCanceled(javax.swing.event.MenuEvent e) { }
        });
        file.addSeparator();
        file.add(pasteAction).setName("pasteMenuItem");
        file.add(pasteDialogAction).setName("pasteDialogMenuItem");
        file.addSeparator();
        file.add(exportAction).setName("exportMenuItem");
        file.add(saveNotesAction).setName("saveNotesMenuItem");
        file.addSeparator();
        JMenuItem exit = new JMenuItem("Exit");
        exit.addActionListener(e -> closeWindow());
        file.add(exit);

        JMenu go = new JMenu("Go");
        go.setMnemonic('G');
        go.add(findAction);
        go.add(findNextAction);
        go.add(goToAction);
        go.add(action("Display Filter", null, KeyStroke.getKeyStroke(KeyEvent.VK_SLASH, menuMask()),
                "Type a display filter", e -> filterBar.focus()));
        go.addSeparator();
        go.add(action("Next Frame", null, KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, KeyEvent.ALT_DOWN_MASK), null,
                e -> selectFrame(frameTable.getSelectedRow() + 1)));
        go.add(action("Previous Frame", null, KeyStroke.getKeyStroke(KeyEvent.VK_UP, KeyEvent.ALT_DOWN_MASK), null,
                e -> selectFrame(frameTable.getSelectedRow() - 1)));
        go.add(action("Next Finding", null, KeyStroke.getKeyStroke(KeyEvent.VK_F8, 0), null, e -> findings.next()));

        JMenu frameMenu = new JMenu("Frame");
        frameMenu.setName("frameMenu");
        frameMenu.setMnemonic('R');
        frameMenu.add(compareAction).setName("compareMenuItem");
        frameMenu.add(compareWithAction).setName("compareWithMenuItem");
        frameMenu.addSeparator();
        frameMenu.add(fixAction).setName("fixMenuItem");
        frameMenu.addSeparator();
        frameMenu.add(frameNoteAction).setName("frameNoteMenuItem");

        JMenu view = new JMenu("View");
        view.setMnemonic('V');
        darkItem.setName("darkThemeItem");
        darkItem.setSelected(Theme.isDark());
        darkItem.addActionListener(e -> switchTheme(darkItem.isSelected()));
        view.add(darkItem);
        view.addSeparator();
        view.add(action("Zoom In", null, KeyStroke.getKeyStroke(KeyEvent.VK_EQUALS, menuMask()), null,
                e -> zoom(UIScale::zoomIn)));
        view.add(action("Zoom Out", null, KeyStroke.getKeyStroke(KeyEvent.VK_MINUS, menuMask()), null,
                e -> zoom(UIScale::zoomOut)));
        view.add(action("Actual Size", null, KeyStroke.getKeyStroke(KeyEvent.VK_0, menuMask()), null,
                e -> zoom(UIScale::zoomReset)));

        JMenu help = new JMenu("Help");
        help.setMnemonic('H');
        JMenu samples = new JMenu("Samples");
        samples.setName("samplesMenu");
        samples.setIcon(Icons.get("samples"));
        for (Samples.Sample s : Samples.list()) {
            JMenuItem it = new JMenuItem(s.title());
            it.setToolTipText(s.file());
            it.addActionListener(e -> openSample(s));
            samples.add(it);
        }
        help.add(samples);
        help.addSeparator();
        JMenuItem about = new JMenuItem("About Frame Inspector");
        about.addActionListener(e -> JOptionPane.showMessageDialog(this,
                "Frame Inspector 0.1\nExplains every byte of Ethernet/IP/TCP/TPKT/COTP frames\n"
                        + "and points at the bytes that break or bend the standards.",
                "About", JOptionPane.INFORMATION_MESSAGE, Icons.get("app", 48)));
        help.add(about);

        mb.add(file);
        mb.add(go);
        mb.add(frameMenu);
        mb.add(view);
        JMenu capture = new JMenu("Capture");
        capture.setMnemonic('C');
        capture.add(captureStartAction).setName("captureStartItem");
        capture.add(captureStopAction).setName("captureStopItem");
        mb.add(capture);
        mb.add(help);
        return mb;
    }

    private JToolBar createToolBar() {
        JToolBar tb = new JToolBar();
        tb.setName("toolBar");
        tb.setFloatable(false);
        tb.setLayout(new MigLayout("insets 2 4 2 4, gap 2, aligny center", "", "[center]"));
        tb.add(toolButton(openAction, "openButton"));
        tb.add(toolButton(pasteAction, "pasteButton"));
        JButton export = toolButton(exportAction, "exportButton");
        tb.add(export);
        tb.add(new JToolBar.Separator(), "gapx 4 4");
        tb.add(toolButton(findAction, "findButton"));
        tb.add(toolButton(goToAction, "goToButton"));
        tb.add(new JToolBar.Separator(), "gapx 4 4");
        tb.add(toolButton(compareAction, "compareButton"));
        tb.add(toolButton(fixAction, "fixButton"));
        tb.add(new JLabel(), "pushx, growx");
        tb.add(toolButton(themeAction, "themeButton"));
        return tb;
    }

    private static JButton toolButton(Action a, String name) {
        JButton b = new JButton(a);
        b.setName(name);
        b.setFocusable(false);
        b.setHorizontalTextPosition(SwingConstants.RIGHT);
        b.setToolTipText((String) a.getValue(Action.SHORT_DESCRIPTION));
        b.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        return b;
    }

    private JComponent createFindBar() {
        findBar.setName("findBar");
        findBar.setLayout(new MigLayout("insets 2 8 2 8, gap 6", "[][][][][][grow]", "[center]"));
        findText.setName("findText");
        findText.putClientProperty(FlatClientProperties.TEXT_FIELD_LEADING_ICON, Icons.get("find"));
        findText.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "e.g. reserved, tpkt.length or 03 11");
        findText.addActionListener(e -> find());
        findMode.setName("findMode");
        JButton next = new JButton("Find Next");
        next.setName("findNext");
        next.setToolTipText("Find the next match (F3 or Enter)");
        next.addActionListener(e -> find());
        JButton close = new JButton(Icons.get("close"));
        close.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        close.setToolTipText("Close (Esc)");
        close.addActionListener(e -> findBar.setVisible(false));
        findText.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "fi-close");
        findText.getActionMap().put("fi-close", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                findBar.setVisible(false);
            }
        });
        findBar.add(new JLabel("Find:"));
        findBar.add(findText, "wmin 12sp");
        findBar.add(findMode);
        findBar.add(next);
        findBar.add(close);
        findBar.add(findStatus, "wmin 0");
        findBar.setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0,
                Theme.color("Component.borderColor", java.awt.Color.GRAY)));
        findBar.setVisible(false);
        return findBar;
    }

    private JComponent createCenter() {
        lowerTabs.setName("lowerTabs");
        lowerTabs.addTab("Findings", findings.tableComponent());
        lowerTabs.addTab("Notes", notesPanel);
        connectionsTable.setName("connectionsTable");
        connectionsTable.setAutoCreateRowSorter(true);
        connectionsTable.setFillsViewportHeight(true);
        // wide text columns: scroll sideways rather than cut every cell to a few characters
        connectionsTable.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        // a small preferred viewport, like the findings table's: the tab must not make a packed window taller
        connectionsTable.setPreferredScrollableViewportSize(new Dimension(UIScale.scale(300), UIScale.scale(60)));
        int[] widths = {30, 170, 170, 90, 260, 70, 50, 170, 200, 420};
        for (int c = 0; c < widths.length; c++) {
            connectionsTable.getColumnModel().getColumn(c).setPreferredWidth(UIScale.scale(widths[c]));
        }
        connectionsTable.getSelectionModel().addListSelectionListener(e -> {
            if (e.getValueIsAdjusting()) return;
            int r = connectionsTable.getSelectedRow();
            if (r < 0) return;
            int first = connectionsModel.at(connectionsTable.convertRowIndexToModel(r)).firstFrame();
            if (first >= 1 && frameModel.getRowCount() == (loaded == null ? 0 : loaded.frames().size())) {
                selectFrame(first - 1);
            }
        });
        lowerTabs.addTab("Connections", connectionsPane);
        upperSplit = byteView.new HexSplit(fieldTree.component());
        upperSplit.setName("upperSplit");
        upperSplit.setBorder(null);
        upperSplit.setResizeWeight(1.0);
        findingsSplit = split(JSplitPane.HORIZONTAL_SPLIT, lowerTabs, findings.explanationComponent(), 0.55,
                "findingsSplit");
        centerSplit = split(JSplitPane.VERTICAL_SPLIT, upperSplit, findingsSplit, 0.72, "centerSplit");
        mainSplit = split(JSplitPane.VERTICAL_SPLIT, frameList.component(), centerSplit, 0.0, "mainSplit");
        return mainSplit;
    }

    private static JSplitPane split(int orientation, Component a, Component b, double weight, String name) {
        JSplitPane s = new JSplitPane(orientation, true, a, b);
        s.setResizeWeight(weight);
        s.setName(name);
        s.setBorder(null);
        return s;
    }

    private void installTransfer() {
        for (JComponent c : new JComponent[] {frameTable, tree, hex, findings.table, findings.explanation,
            (JComponent) getContentPane()}) {
            AppTransferHandler.install(this, c);
        }
        // with nothing focused Ctrl+V still pastes (the menu accelerator); focused tables/trees route their own
        // "paste" action through the transfer handler above
        findings.explanation.getActionMap().put("paste", TransferHandler.getPasteAction());
    }

    private void wireSelections() {
        frameTable.getSelectionModel().addListSelectionListener(e -> {
            if (e.getValueIsAdjusting()) return;
            int r = frameList.shownRow();
            compareAction.setEnabled(frameTable.getSelectedRowCount() == 2);
            long t0 = System.nanoTime();
            Dissection d = r < 0 || frameModel.cache() == null ? null : frameModel.dissection(r);
            trace(" dissect", t0);
            showDissection(d);
            trace(" shown", t0);
        });
        fieldTree.afterShow(this::refreshNotes);
        hex.setTooltipProvider(off -> {
            if (current() == null) return null;
            Field f = current().deepestFieldAt(byteView.source(), off);
            String t = f == null ? String.format("0x%02X", off) : Texts.fieldTooltip(f);
            String n = notesAt(off);
            if (n == null) return t;
            String body = t.startsWith("<html>") ? t.substring(6, t.length() - 7) : Texts.esc(t);
            return "<html>" + body + "<hr><b>Note</b><br>" + n + "</html>";
        });
    }

    // ------------------------------------------------------------------ selection logic

    /** Shows one frame's dissection (or nothing). */
    void showDissection(Dissection d) {
        fieldTree.show(d);
    }

    void selectFrame(int row) {
        frameList.selectFrame(row);
    }

    /** Names the deepest field covering a byte, selecting it (or just the byte when no field covers it). */
    void selectByte(int offset) {
        fieldTree.selectByte(offset);
    }

    // ------------------------------------------------------------------ inputs

    /** Opens a capture or dump file in the background. */
    public void openFile(Path p) {
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        String name = p.getFileName().toString();
        load(() -> {
            byte[] head = new byte[4];
            int n = 0;
            if (Files.isRegularFile(p)) {
                try (InputStream in = Files.newInputStream(p)) {
                    n = in.readNBytes(head, 0, 4);
                }
            }
            if (n < 4 || !CaptureFiles.isCapture(head)) return Inputs.open(p, null);
            long size = Files.size(p);
            long[] last = {-1};
            CaptureIndex idx = CaptureIndex.open(p, done -> {
                int pct = size == 0 ? 100 : (int) (done * 100 / size);
                if (pct != last[0]) {
                    last[0] = pct;
                    javax.swing.SwingUtilities.invokeLater(() -> statusBar.loadProgress(pct));
                }
            }, cancelled::get);
            return new Loaded(name, CaptureFiles.formatName(head), null, null, idx);
        }, name, p);
        loadCancel = () -> cancelled.set(true);
    }

    private Runnable loadCancel;

    /** Opens dump text (clipboard, drop) in the background; a parse error opens the Paste dialog on the text. */
    public void openText(String name, String text) {
        load(() -> {
            try {
                return parser.parse(name, text, null);
            } catch (InputException e) {
                throw new PasteFailed(text, e);
            }
        }, name, null);
    }

    private void openSample(Samples.Sample s) {
        load(() -> s.file().matches("(?i).*\\.(pcap|pcapng|cap)") ? Inputs.read(s.file(),
                new java.io.ByteArrayInputStream(Samples.bytes(s)), null) : parser.parse(s.file(), Samples.read(s), null),
                s.file(), null);
    }

    private void chooseFile() {
        JFileChooser fc = new JFileChooser();
        List<String> recent = AppPrefs.recentFiles();
        if (!recent.isEmpty()) fc.setCurrentDirectory(Path.of(recent.get(0)).toAbsolutePath().getParent().toFile());
        fc.addChoosableFileFilter(new FileNameExtensionFilter("Captures and dumps (pcap, pcapng, txt)", "pcap",
                "pcapng", "cap", "txt", "log", "hex"));
        fc.setAcceptAllFileFilterUsed(true);
        if (fc.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) openFile(fc.getSelectedFile().toPath());
    }

    void pasteFromClipboard() {
        try {
            var cb = Toolkit.getDefaultToolkit().getSystemClipboard();
            if (cb.isDataFlavorAvailable(DataFlavor.stringFlavor)) {
                openText("clipboard", (String) cb.getData(DataFlavor.stringFlavor));
            } else {
                showPasteDialog();
            }
        } catch (Exception e) {
            showError("Cannot read the clipboard", e.getMessage());
        }
    }

    /** Shows the Paste dialog (modal); opens what it returns. */
    public void showPasteDialog() {
        if (!confirmNotes()) return;
        PasteDialog d = new PasteDialog(this, pasteDraft, parser);
        d.setVisible(true);
        if (d.result() != null) setLoaded(d.result(), null);
    }

    PasteDialog.Draft pasteDraft() { return pasteDraft; }

    /** Runs {@code r} on the event thread after {@code ms} milliseconds (once). */
    static void later(int ms, Runnable r) {
        javax.swing.Timer t = new javax.swing.Timer(ms, e -> r.run());
        t.setRepeats(false);
        t.start();
    }

    private void load(Callable<Loaded> job, String what, Path file) {
        if (!confirmNotes()) return;
        cancelLoading();
        cancelBusy();
        loadCancel = null;
        statusBar.loading(true);
        statusBar.setFrames("Opening " + what + "…");
        SwingWorker<Loaded, Void> w = new SwingWorker<>() {
            NotesStore loadedNotes;
            String notesError;
            Dissection first;

            @Override
            protected Loaded doInBackground() throws Exception {
                long t0 = System.nanoTime();
                try {
                    Loaded l = job.call();
                    // the frame shown first is dissected here, not on the EDT
                    first = dissectFirst(l);
                    if (file != null) {
                        try {
                            loadedNotes = loadNotes(file, l);
                        } catch (IOException | RuntimeException e) {
                            notesError = e.getMessage();
                        }
                    }
                    return l;
                } finally {
                    trace("load " + what, t0);
                }
            }

            @Override
            protected void done() {
                if (loadWorker != this) return;
                loadWorker = null;
                statusBar.loading(false);
                try {
                    Loaded l = get();
                    setLoaded(l, file, loadedNotes, first);
                    if (notesError != null) showError("Cannot read the notes of " + what, notesError);
                } catch (CancellationException e) {
                    statusBar.setFrames("Cancelled");
                } catch (ExecutionException e) {
                    statusBar.setFrames(" ");
                    Throwable c = e.getCause();
                    if (c instanceof PasteFailed pf) {
                        pasteDraft.text = pf.text;
                        showPasteDialog();
                    } else {
                        showError("Cannot open " + what, c instanceof InputException ? c.getMessage() : String.valueOf(c));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        loadWorker = w;
        w.execute();
    }

    private void cancelLoading() {
        SwingWorker<Loaded, Void> w = loadWorker;
        loadWorker = null;
        if (loadCancel != null) loadCancel.run();
        if (w != null) {
            w.cancel(true);
            statusBar.loading(false);
            statusBar.setFrames("Cancelled");
        }
    }

    /** Whether a load is running (for tests). */
    boolean isLoading() { return loadWorker != null; }

    /** Replaces the shown input (without notes, or with those of its sidecar when {@code file} has one). */
    public void setLoaded(Loaded l, Path file) {
        NotesStore ns = null;
        if (file != null) {
            try {
                ns = loadNotes(file, l);
            } catch (IOException | RuntimeException e) {
                showError("Cannot read the notes of " + file.getFileName(), e.getMessage());
            }
        }
        setLoaded(l, file, ns);
    }

    /** Replaces the shown input and its notes (null: none yet). */
    /** Inputs up to this many frames are also dissected in order with connection state (see startInOrderPass). */
    static final int IN_ORDER_MAX_FRAMES = 5_000;
    private boolean connectionState;
    private final ConnectionsModel connectionsModel = new ConnectionsModel();
    private final JTable connectionsTable = new JTable(connectionsModel);
    private final javax.swing.JScrollPane connectionsPane = new javax.swing.JScrollPane(connectionsTable);

    /** The rows of the Connections tab (filled by the in-order pass). */
    JTable connectionsTable() {
        return connectionsTable;
    }

    /**
     * Dissects every opened input of up to {@link #IN_ORDER_MAX_FRAMES} frames once more, in order, with connection
     * state (TCP reassembly, TPKT framing, COTP reassembly and state) in the background; when that is done the
     * frames show the reassembled buffers and the findings that need earlier frames (the CC's references, a DR on an
     * established class-0 connection, the peer hanging up right after a TPDU …). The desktop app turns it on.
     */
    public void enableConnectionState() {
        connectionState = true;
    }

    private void startInOrderPass(Loaded l) {
        new SwingWorker<List<Dissection>, Void>() {
            List<org.frameinspector.core.stream.Conversation> connections;

            @Override
            protected List<Dissection> doInBackground() {
                List<Dissection> all = new ArrayList<>(l.frames().size());
                connections = org.frameinspector.core.stream.InOrder.dissect(l.frames(), null, all::add).rows();
                return all;
            }

            @Override
            protected void done() {
                if (loaded != l || isCancelled()) return;
                List<Dissection> all;
                try {
                    all = get();
                } catch (Exception e) {
                    return; // the frames stay dissected one by one, as before
                }
                connectionsModel.setRows(connections);
                int tab = lowerTabs.indexOfComponent(connectionsPane);
                if (tab >= 0) lowerTabs.setTitleAt(tab, "Connections (" + connections.size() + ")");
                // a display filter applied meanwhile shows fewer rows: keep that view rather than reset it
                if (all.size() != l.frames().size() || frameModel.getRowCount() != all.size()) return;
                Function<Frame, Dissection> inOrder = f -> {
                    int i = f.number() - 1;
                    return i >= 0 && i < all.size() ? all.get(i) : dissector.apply(f);
                };
                int row = frameTable.getSelectedRow();
                frameModel.setCache(new DissectionCache(l.frames(), inOrder, CACHE_SIZE), inOrder);
                selectFrame(row >= 0 ? row : 0);
            }
        }.execute();
    }

    public void setLoaded(Loaded l, Path file, NotesStore withNotes) {
        setLoaded(l, file, withNotes, null);
    }

    /** The first frame's dissection, computed off the EDT (null when it cannot be). */
    private Dissection dissectFirst(Loaded l) {
        try {
            return l.frames().size() > 0 ? dissector.apply(l.frames().frame(0)) : null;
        } catch (RuntimeException | LinkageError e) {
            return null; // dissected again (and the failure shown) when the frame is selected
        }
    }

    /**
     * Shows a new input in two EDT events: this one puts the rows in the list (they paint next); the first frame
     * is selected and shown in the event after that, with its dissection from {@code first} when the loader made
     * it, so neither event carries the whole first-show cost.
     */
    private void setLoaded(Loaded l, Path file, NotesStore withNotes, Dissection first) {
        inputFile = file;
        setNotes(withNotes == null ? new NotesStore() : withNotes);
        if (loaded != null && loaded != l) {
            try {
                loaded.frames().close();
            } catch (Exception ignored) {
                // closing a finished input cannot fail in a way the user can act on
            }
        }
        if (live != null && !(l.frames() instanceof GrowingFrameSource)) stopCapture();
        cancelBusy();
        loaded = l;
        long t0 = System.nanoTime();
        DissectionCache cache = new DissectionCache(l.frames(), dissector, CACHE_SIZE);
        if (first != null) cache.put(0, first);
        frameModel.setCache(cache, dissector);
        trace("setCache", t0);
        connectionsModel.setRows(null);
        int connTab = lowerTabs.indexOfComponent(connectionsPane);
        if (connTab >= 0) lowerTabs.setTitleAt(connTab, "Connections");
        if (connectionState && l.frames().size() > 1 && l.frames().size() <= IN_ORDER_MAX_FRAMES) startInOrderPass(l);
        filterBar.setShown(null);
        sizeFrameColumns();
        trace("sizeFrameColumns", t0);
        if (isShowing()) placeHexDivider();
        updateTitle();
        statusBar.source.setText(l.name());
        statusBar.source.setToolTipText(file == null ? l.name() : file.toAbsolutePath().toString());
        StringBuilder lay = new StringBuilder(l.format());
        if (l.layout() != null) lay.append(": ").append(l.layout());
        if (l.startLayer() != null) lay.append(" · starts at ").append(l.startLayer());
        statusBar.layout.setText(lay.toString());
        int n = l.frames().size();
        statusBar.setFrames(n + (n == 1 ? " frame" : " frames"));
        if (file != null) {
            // the Open Recent submenu follows when the File menu is next opened
            javax.swing.SwingUtilities.invokeLater(() -> {
                AppPrefs.addRecentFile(file.toAbsolutePath().toString());
                recentStale = true;
            });
        }
        trace("status", t0);
        if (n > 0) {
            // a little later, not in the next event: the rows are painted first and the event thread is free for
            // the user's input in between, instead of running the rows' paint, frame 1 and its paint back to back
            later(25, () -> {
                // not if another input came meanwhile or a row is already selected (a filter, a click)
                if (loaded != l || frameModel.cache() != cache || frameTable.getSelectedRow() >= 0) return;
                long t1 = System.nanoTime();
                selectFrame(0);
                trace("selectFrame (next event)", t1);
            });
        } else {
            showDissection(null);
        }
        if (!filterBar.field().getText().isBlank() && filterBar.state() == FilterBar.State.VALID && n > 0) {
            applyFilter(filterBar.field().getText().strip());
        }
        // a lone pasted frame needs no list
        int listHeight = filterBar.getPreferredSize().height + (n <= 1 ? rowsHeight(2) : rowsHeight(Math.min(n, 10)));
        frameList.component().setPreferredSize(new Dimension(frameList.component().getPreferredSize().width, listHeight));
        frameList.component().setMinimumSize(new Dimension(0, filterBar.getPreferredSize().height + rowsHeight(1)));
        mainSplit.setDividerLocation(listHeight);
        // before the first layout the location does not stick: put it again once the split has its size
        javax.swing.SwingUtilities.invokeLater(() -> mainSplit.setDividerLocation(listHeight));
    }

    private static void trace(String what, long t0) {
        GuiTrace.since(what, t0);
    }

    private int rowsHeight(int rows) {
        return frameList.rowsHeight(rows);
    }

    public Loaded loaded() { return loaded; }

    private void sizeFrameColumns() {
        FontMetrics fm = frameTable.getFontMetrics(frameTable.getFont());
        int pad = UIScale.scale(16);
        frameList.sizeColumns(fm, pad);
        findings.sizeColumns(fm, pad);
    }

    private void rebuildRecentMenu() {
        recentMenu.removeAll();
        List<String> r = AppPrefs.recentFiles();
        for (String s : r) {
            JMenuItem it = new JMenuItem(Path.of(s).getFileName().toString());
            it.setToolTipText(s);
            it.addActionListener(e -> openFile(Path.of(s)));
            recentMenu.add(it);
        }
        if (!r.isEmpty()) {
            recentMenu.addSeparator();
            JMenuItem clear = new JMenuItem("Clear Recent Files");
            clear.addActionListener(e -> {
                AppPrefs.clearRecentFiles();
                rebuildRecentMenu();
            });
            recentMenu.add(clear);
        }
        recentMenu.setEnabled(!r.isEmpty());
    }

    // ------------------------------------------------------------------ find, go to, export, theme

    private void showFindBar() {
        findBar.setVisible(true);
        findText.requestFocusInWindow();
        findText.selectAll();
    }

    /** What the find bar looks for. */
    enum FindMode { FIELD_NAME, FIELD_TEXT, HEX, TEXT }

    /** A match: frame index, and the field (field modes) or the byte offset and length (byte modes). */
    record Match(int frameIndex, String fieldAbbrev, int occurrence, int offset, int length) {
    }

    FindMode findMode() { return FindMode.values()[findMode.getSelectedIndex()]; }

    /**
     * Finds the next match after the current() selection: in the shown frame on the EDT, then in the following
     * displayed frames on a worker (dissecting them for the field modes), wrapping round. Bytes and text are looked
     * for in the frame's own bytes.
     */
    void find() {
        if (!findBar.isVisible()) showFindBar();
        String q = findText.getText().strip();
        if (q.isEmpty() || frameModel.cache() == null || frameModel.getRowCount() == 0) return;
        FindMode mode = findMode();
        byte[] pattern = null;
        if (mode == FindMode.HEX) {
            String h = q.replaceAll("(?i)0x|[\\s:.,-]", "");
            if (h.length() % 2 != 0 || !h.matches("(?i)[0-9a-f]+")) {
                findStatus.setText("Hex bytes, e.g. 03 11 or 0311");
                return;
            }
            pattern = java.util.HexFormat.of().parseHex(h);
        } else if (mode == FindMode.TEXT) {
            pattern = q.getBytes(StandardCharsets.ISO_8859_1);
        }
        int selRow = frameTable.getSelectedRow();
        // 1. the rest of the shown frame
        if (current() != null && selRow >= 0) {
            Match m = pattern != null ? bytesIn(current(), frameModel.frameIndex(selRow), pattern,
                    hex.selectionStart() + 1) : fieldIn(current(), frameModel.frameIndex(selRow), q, mode,
                    tree.selectedField());
            if (m != null) {
                showMatch(m);
                return;
            }
        }
        // 2. the other frames, off the EDT
        int rows = frameModel.getRowCount();
        int start = selRow < 0 ? 0 : selRow + 1;
        int[] order = new int[rows];
        for (int k = 0; k < rows; k++) order[k] = frameModel.frameIndex((start + k) % rows);
        FrameSource src = frameModel.cache().source();
        byte[] pat = pattern;
        String lower = q.toLowerCase();
        cancelBusy();
        findStatus.setText("Searching…");
        SwingWorker<Match, Void> w = new SwingWorker<>() {
            @Override
            protected Match doInBackground() {
                for (int k = 0; k < order.length; k++) {
                    if (isCancelled()) return null;
                    if ((k & 1023) == 0) setProgress((int) (100L * k / order.length));
                    int i = order[k];
                    if (pat != null) {
                        int at = indexOf(src.frame(i).data(), pat, 0);
                        if (at >= 0) return new Match(i, null, 0, at, pat.length);
                    } else {
                        Match m = fieldIn(dissector.apply(src.frame(i)), i, lower, mode, null);
                        if (m != null) return m;
                    }
                }
                return null;
            }

            @Override
            protected void done() {
                if (!statusBar.isCurrent(this)) return;
                statusBar.busyDone();
                if (isCancelled()) {
                    findStatus.setText("Search cancelled");
                    return;
                }
                try {
                    Match m = get();
                    if (m == null) findStatus.setText("Not found");
                    else showMatch(m);
                } catch (InterruptedException | ExecutionException e) {
                    findStatus.setText("Search failed: " + e.getMessage());
                }
            }
        };
        busy(w, "Searching");
    }

    private static Match bytesIn(Dissection d, int frameIndex, byte[] pattern, int from) {
        int at = indexOf(d.frame().data(), pattern, Math.max(0, from));
        return at < 0 ? null : new Match(frameIndex, null, 0, at, pattern.length);
    }

    /** The first field after {@code after} (null: from the start) whose name / label matches. */
    private static Match fieldIn(Dissection d, int frameIndex, String q, FindMode mode, Field after) {
        String lower = q.toLowerCase();
        List<Field> all = new ArrayList<>();
        d.forEachField(all::add);
        int from = after == null ? 0 : all.indexOf(after) + 1;
        for (int i = from; i < all.size(); i++) {
            Field f = all.get(i);
            boolean hit = mode == FindMode.FIELD_NAME
                    ? f.abbrev().toLowerCase().contains(lower) || f.name().toLowerCase().contains(lower)
                    : f.treeLabel().toLowerCase().contains(lower)
                            || (f.display() != null && f.display().toLowerCase().contains(lower));
            if (hit) {
                int occ = 0;
                for (int k = 0; k < i; k++) if (all.get(k).abbrev().equals(f.abbrev())) occ++;
                return new Match(frameIndex, f.abbrev(), occ, f.offset(), f.length());
            }
        }
        return null;
    }

    private void showMatch(Match m) {
        int row = frameModel.rowOf(m.frameIndex());
        if (row < 0) return;
        if (row != frameTable.getSelectedRow()) selectFrame(row);
        if (m.fieldAbbrev() != null && current() != null) {
            List<Field> same = current().fields(m.fieldAbbrev());
            if (m.occurrence() < same.size()) tree.selectField(same.get(m.occurrence()));
            findStatus.setText("Frame " + (m.frameIndex() + 1) + ": " + m.fieldAbbrev());
        } else {
            fieldTree.selectBytes(DataSource.FRAME, m.offset(), m.length());
            findStatus.setText("Frame " + (m.frameIndex() + 1) + String.format(", offset 0x%02X", m.offset()));
        }
    }

    private static int indexOf(byte[] data, byte[] p, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - p.length; i++) {
            for (int j = 0; j < p.length; j++) if (data[i + j] != p[j]) continue outer;
            return i;
        }
        return -1;
    }

    // ------------------------------------------------------------------ background work (filter, find, export)

    private void busy(SwingWorker<?, ?> w, String what) {
        statusBar.busy(w, what);
    }

    private void cancelBusy() {
        statusBar.cancelBusy();
    }

    /** Whether a filter, find or export runs (for tests). */
    boolean isBusy() { return statusBar.isBusy(); }

    // ------------------------------------------------------------------ display filter

    /**
     * Applies a display filter: an empty one shows every frame; otherwise every frame is dissected on a worker and
     * the matching indices become the rows of the frame list.
     */
    void applyFilter(String text) {
        if (frameModel.cache() == null) return;
        DisplayFilter f;
        try {
            f = DisplayFilter.compile(text);
        } catch (FilterSyntaxException e) {
            statusBar.setFrames("Filter: " + e.getMessage());
            return;
        }
        int keep = frameTable.getSelectedRow() < 0 ? -1 : frameModel.frameIndex(frameTable.getSelectedRow());
        cancelBusy();
        if (f.isEmpty()) {
            frameModel.setView(null);
            filterBar.setShown(null);
            restoreSelection(keep);
            return;
        }
        FrameSource src = frameModel.cache().source();
        int n = frameModel.frameCount();
        SwingWorker<int[], Void> w = new SwingWorker<>() {
            @Override
            protected int[] doInBackground() {
                // every core dissects a share of the frames; toArray keeps them in order
                java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
                try {
                    return java.util.stream.IntStream.range(0, n).parallel().filter(i -> {
                        if (isCancelled()) throw new CancellationException();
                        int k = done.incrementAndGet();
                        if ((k & 4095) == 0) setProgress((int) (100L * k / n));
                        try {
                            return f.matches(dissector.apply(src.frame(i)));
                        } catch (RuntimeException | LinkageError e) {
                            return false;
                        }
                    }).toArray();
                } catch (CancellationException e) {
                    return null;
                }
            }

            @Override
            protected void done() {
                if (!statusBar.isCurrent(this)) return;
                statusBar.busyDone();
                if (isCancelled()) {
                    statusBar.setFrames("Filter cancelled");
                    return;
                }
                try {
                    int[] hits = get();
                    frameModel.setView(hits);
                    filterBar.setShown("Displayed: " + hits.length + " of " + n);
                    restoreSelection(keep);
                } catch (InterruptedException | ExecutionException e) {
                    statusBar.setFrames("Filter failed: " + e.getMessage());
                }
            }
        };
        busy(w, "Filtering");
    }

    private void restoreSelection(int frameIndex) {
        int row = frameIndex < 0 ? -1 : frameModel.rowOf(frameIndex);
        if (row < 0 && frameModel.getRowCount() > 0) row = 0;
        if (row >= 0) selectFrame(row);
        else showDissection(null);
    }

    FilterBar filterBar() { return filterBar; }
    FrameTableModel frameModel() { return frameModel; }

    // ------------------------------------------------------------------ export

    private ExportDialog.Scope lastScope;
    private Exporter.Format lastFormat;

    private void showExportDialog() {
        if (frameModel.cache() == null || frameModel.frameCount() == 0) {
            showError("Nothing to export", "Open a capture or paste a dump first.");
            return;
        }
        int sel = frameTable.getSelectedRow();
        ExportDialog d = new ExportDialog(this, lastScope, lastFormat, sel < 0 ? -1 : frameModel.frameIndex(sel),
                frameModel.frameCount(), frameModel.getRowCount());
        d.setVisible(true);
        ExportDialog.Choice c = d.result();
        if (c == null) return;
        lastScope = c.scope();
        lastFormat = c.format();
        JFileChooser fc = new JFileChooser();
        List<String> recent = AppPrefs.recentFiles();
        if (!recent.isEmpty()) fc.setCurrentDirectory(Path.of(recent.get(0)).toAbsolutePath().getParent().toFile());
        String base = loaded == null ? "frames" : loaded.name().replaceAll("\\.[^.]*$", "");
        if (c.scope() == ExportDialog.Scope.SELECTED && sel >= 0) base += "-frame" + (frameModel.frameIndex(sel) + 1);
        fc.setSelectedFile(new java.io.File(base + "." + c.format().extension()));
        if (fc.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
        exportTo(fc.getSelectedFile().toPath(), c.format(), c.scope());
    }

    /** Exports in the background; the worker returns the number of frames written. */
    SwingWorker<Integer, Void> exportTo(Path out, Exporter.Format format, ExportDialog.Scope scope) {
        int[] indices;
        int sel = frameTable.getSelectedRow();
        switch (scope) {
            case SELECTED -> indices = sel < 0 ? new int[0] : new int[] {frameModel.frameIndex(sel)};
            case DISPLAYED -> {
                indices = new int[frameModel.getRowCount()];
                for (int r = 0; r < indices.length; r++) indices[r] = frameModel.frameIndex(r);
            }
            default -> indices = java.util.stream.IntStream.range(0, frameModel.frameCount()).toArray();
        }
        FrameSource src = frameModel.cache().source();
        Loaded in = loaded;
        NotesStore exportNotes = new NotesStore(notes.all());
        cancelBusy();
        SwingWorker<Integer, Void> w = new SwingWorker<>() {
            @Override
            protected Integer doInBackground() throws Exception {
                List<Dissection> ds = new ArrayList<>();
                for (int k = 0; k < indices.length; k++) {
                    if (isCancelled()) return 0;
                    if ((k & 255) == 0) setProgress((int) (90L * k / Math.max(1, indices.length)));
                    Dissection d = dissector.apply(src.frame(indices[k]));
                    if (scope != ExportDialog.Scope.FINDINGS || !d.findings().isEmpty()) ds.add(d);
                }
                Path tmp = out.resolveSibling(out.getFileName() + ".part");
                try (var os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                    Exporter.write(format, ds, in, new Exporter.Options(false), os, exportNotes);
                }
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return ds.size();
            }

            @Override
            protected void done() {
                if (statusBar.isCurrent(this)) statusBar.busyDone();
                if (isCancelled()) return;
                try {
                    int n = get();
                    statusBar.setFrames("Exported " + n + (n == 1 ? " frame" : " frames") + " to "
                            + out.getFileName());
                } catch (InterruptedException | ExecutionException e) {
                    Throwable c = e.getCause() == null ? e : e.getCause();
                    showError("Cannot export", String.valueOf(c.getMessage()));
                }
            }
        };
        busy(w, "Exporting");
        return w;
    }

    // ------------------------------------------------------------------ copy

    /** Right-click menu of the tree, the findings table and the hex pane. */
    private void installCopyMenus() {
        tree.addMouseListener(popup(e -> {
            int r = tree.getRowForLocation(e.getX(), e.getY());
            if (r >= 0) tree.setSelectionRow(r);
            Field f = tree.selectedField();
            return f == null ? null : fieldNoteItems(copyMenu(f.abbrev(), () -> CopyFormats.bytes(current(), f),
                    () -> CopyFormats.annotated(current(), f), () -> CopyFormats.value(f)), f);
        }));
        findings.table.addMouseListener(popup(e -> {
            int r = findings.table.rowAtPoint(e.getPoint());
            if (r >= 0) findings.table.setRowSelectionInterval(r, r);
            int s = findings.table.getSelectedRow();
            if (s < 0) return null;
            Finding x = findings.model.at(s);
            return copyMenu(x.fieldAbbrev() == null ? x.id() : x.fieldAbbrev(), () -> CopyFormats.bytes(current(), x),
                    () -> CopyFormats.annotated(current(), x), () -> x.observed() == null ? x.message() : x.observed());
        }));
        hex.addMouseListener(popup(e -> {
            if (current() == null || hex.selectionStart() < 0) return null;
            Field f = tree.selectedField();
            return bytesNoteItems(copyMenu(f == null ? "bytes" : f.abbrev(),
                    () -> CopyFormats.slice(current(), byteView.source(), hex.selectionStart(), hex.selectionLength()),
                    () -> f != null ? CopyFormats.annotated(current(), f) : CopyFormats.hexBytes(CopyFormats.slice(current(),
                            byteView.source(), hex.selectionStart(), hex.selectionLength())),
                    () -> f != null ? CopyFormats.value(f) : CopyFormats.hexBytes(CopyFormats.slice(current(),
                            byteView.source(), hex.selectionStart(), hex.selectionLength()))));
        }));
    }

    private static java.awt.event.MouseAdapter popup(Function<java.awt.event.MouseEvent, javax.swing.JPopupMenu> menu) {
        return new java.awt.event.MouseAdapter() {
            @Override
            public void mousePressed(java.awt.event.MouseEvent e) { maybe(e); }

            @Override
            public void mouseReleased(java.awt.event.MouseEvent e) { maybe(e); }

            private void maybe(java.awt.event.MouseEvent e) {
                if (!e.isPopupTrigger()) return;
                javax.swing.JPopupMenu m = menu.apply(e);
                if (m != null) m.show(e.getComponent(), e.getX(), e.getY());
            }
        };
    }

    /** Copy as → hex stream, C array, escaped string, annotated text; Copy value; Copy bytes. */
    javax.swing.JPopupMenu copyMenu(String name, java.util.function.Supplier<byte[]> bytes,
                                    java.util.function.Supplier<String> annotated,
                                    java.util.function.Supplier<String> value) {
        javax.swing.JPopupMenu m = new javax.swing.JPopupMenu();
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

    private static JMenuItem copyItem(String label, String name, java.util.function.Supplier<String> text) {
        JMenuItem it = new JMenuItem(label);
        it.setName(name);
        it.addActionListener(e -> copyToClipboard(text.get()));
        return it;
    }

    static void copyToClipboard(String s) {
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new java.awt.datatransfer.StringSelection(s), null);
    }

    // ------------------------------------------------------------------ notes

    /** Asks for a note's text (null: cancelled); tests may replace it. */
    interface NoteEditor {
        String ask(Component parent, String title, String where, String initial);
    }

    NoteEditor noteEditor = NoteDialog::ask;

    /** The notes of an opened file: its pcapng comments, then its sidecar. */
    static NotesStore loadNotes(Path file, Loaded l) throws IOException {
        java.util.Map<String, Note> m = new java.util.LinkedHashMap<>();
        if (l != null) {
            if (l.frames() instanceof CaptureIndex idx) {
                // the index keeps comments apart: no packet needs to be read
                for (int i = 0; i < idx.size(); i++) {
                    String c = idx.comment(i);
                    if (c == null || !c.contains(NotesFiles.PREFIX)) continue;
                    for (String line : c.split("\n")) {
                        if (!line.startsWith(NotesFiles.PREFIX)) continue;
                        try {
                            Note n = NotesJson.readOne(line.substring(NotesFiles.PREFIX.length()));
                            m.put(n.id(), n.frame() == i + 1 ? n : n.moved(i + 1, 0));
                        } catch (IllegalArgumentException e) {
                            // a damaged note line stays a plain comment
                        }
                    }
                }
            } else if (!(l.frames() instanceof GrowingFrameSource)) {
                for (Note n : NotesFiles.fromComments(l.frames())) m.put(n.id(), n);
            }
        }
        if (file != null) {
            try {
                for (Note n : NotesFiles.readSidecar(file)) m.put(n.id(), n);
            } catch (IllegalArgumentException e) {
                throw new IOException(NotesFiles.sidecar(file).getFileName() + ": " + e.getMessage(), e);
            }
        }
        return new NotesStore(m.values());
    }

    private void setNotes(NotesStore s) {
        notes.removeListener(notesListener);
        notes = s;
        notes.addListener(notesListener);
        notesPanel.setStore(notes);
        notesChanged();
    }

    private void notesChanged() {
        refreshNotes();
        updateTitle();
    }

    private void updateTitle() {
        if (loaded == null) {
            setTitle(APP);
            return;
        }
        setTitle((notes.dirty() ? "• " : "") + loaded.name() + " — " + APP);
    }

    /** Shows the notes of the shown frame in the tree and the hex pane; counts them on the Notes tab. */
    private void refreshNotes() {
        frameNotes = current() == null ? List.of() : FrameNotes.of(notes, current());
        java.util.Map<Object, String> byNode = new java.util.IdentityHashMap<>();
        for (FrameNotes.Item it : frameNotes) {
            if (it.location() == null || it.location().field() == null) continue;
            byNode.merge(it.location().field(), it.note().text(), (x, y) -> x + "\n" + y);
        }
        tree.setNotes(byNode);
        applyNoteMarks();
        int n = notes.size();
        lowerTabs.setTitleAt(1, n == 0 ? "Notes" : "Notes (" + n + ")");
        if (n > 0) lowerTabs.setIconAt(1, Icons.get("note"));
        else lowerTabs.setIconAt(1, null);
    }

    private void applyNoteMarks() {
        java.util.BitSet b = new java.util.BitSet();
        for (FrameNotes.Item it : frameNotes) {
            var loc = it.location();
            if (loc == null || !loc.source().equals(byteView.source()) || loc.offset() < 0) continue;
            b.set(loc.offset(), loc.offset() + Math.max(1, loc.length()));
        }
        hex.setNoted(b);
    }

    /** HTML of the notes covering a byte of the shown source, or null. */
    private String notesAt(int off) {
        StringBuilder sb = new StringBuilder();
        for (FrameNotes.Item it : frameNotes) {
            var loc = it.location();
            if (loc == null || !loc.source().equals(byteView.source())) continue;
            if (off < loc.offset() || off >= loc.offset() + Math.max(1, loc.length())) continue;
            if (sb.length() > 0) sb.append("<br>");
            sb.append(Texts.esc(it.label() + " (" + it.where() + "): " + it.note().text()).replace("\n", "<br>"));
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The notes on exactly this field (by the located field). */
    private List<Note> notesOn(Field f) {
        List<Note> out = new ArrayList<>();
        for (FrameNotes.Item it : frameNotes) {
            if (it.location() != null && it.location().field() == f) out.add(it.note());
        }
        return out;
    }

    private javax.swing.JPopupMenu fieldNoteItems(javax.swing.JPopupMenu m, Field f) {
        m.addSeparator();
        List<Note> on = notesOn(f);
        JMenuItem add = new JMenuItem(on.isEmpty() ? "Add Note…" : "Add Another Note…", Icons.get("note"));
        add.setName("addFieldNote");
        add.addActionListener(e -> addFieldNote(f));
        m.add(add);
        for (Note n : on) {
            JMenuItem ed = new JMenuItem("Edit Note “" + shorten(n.text()) + "”…");
            ed.setName("editFieldNote");
            ed.addActionListener(e -> editNote(n));
            m.add(ed);
            JMenuItem del = new JMenuItem("Delete Note “" + shorten(n.text()) + "”");
            del.setName("deleteFieldNote");
            del.addActionListener(e -> notes.remove(n.id()));
            m.add(del);
        }
        return m;
    }

    private javax.swing.JPopupMenu bytesNoteItems(javax.swing.JPopupMenu m) {
        m.addSeparator();
        int start = hex.selectionStart(), len = Math.max(1, hex.selectionLength());
        JMenuItem add = new JMenuItem("Add Note on Bytes…", Icons.get("note"));
        add.setName("addBytesNote");
        add.setEnabled(DataSource.FRAME.equals(byteView.source()));
        add.setToolTipText(add.isEnabled() ? null : "Notes on bytes go on the frame's own bytes");
        add.addActionListener(e -> addBytesNote(start, len));
        m.add(add);
        return m;
    }

    private void installNoteMenus() {
        frameTable.addMouseListener(popup(e -> {
            int r = frameTable.rowAtPoint(e.getPoint());
            if (r >= 0 && !frameTable.isRowSelected(r)) frameTable.setRowSelectionInterval(r, r);
            if (frameTable.getSelectedRow() < 0) return null;
            javax.swing.JPopupMenu m = new javax.swing.JPopupMenu();
            m.setName("frameMenuPopup");
            m.add(frameNoteAction).setName("addFrameNote");
            if (current() != null) {
                for (Note n : notes.forFrame(current().frame().number())) {
                    if (n.target() != Note.Target.FRAME) continue;
                    JMenuItem ed = new JMenuItem("Edit Note “" + shorten(n.text()) + "”…");
                    ed.addActionListener(x -> editNote(n));
                    m.add(ed);
                    JMenuItem del = new JMenuItem("Delete Note “" + shorten(n.text()) + "”");
                    del.addActionListener(x -> notes.remove(n.id()));
                    m.add(del);
                }
            }
            m.addSeparator();
            m.add(compareAction).setName("compareFramesItem");
            m.add(compareWithAction);
            m.add(fixAction).setName("fixFrameItem");
            return m;
        }));
    }

    private static String shorten(String t) {
        String first = t.lines().findFirst().orElse("");
        return first.length() > 30 ? first.substring(0, 29) + "…" : first;
    }

    /** Asks for a note and attaches it to a field of the shown frame. */
    void addFieldNote(Field f) {
        if (current() == null || f == null) return;
        String t = noteEditor.ask(this, "Add Note", "On field " + f.name() + " (" + f.abbrev() + "), "
                + Texts.range(f.offset(), f.length()) + ", frame " + current().frame().number(), "");
        if (t != null) notes.add(Note.onField(current(), f, t));
    }

    void addBytesNote(int start, int length) {
        if (current() == null || start < 0) return;
        String t = noteEditor.ask(this, "Add Note", "On bytes " + Texts.range(start, length) + ", frame "
                + current().frame().number(), "");
        if (t != null) notes.add(Note.onBytes(current().frame().number(), start, length, t));
    }

    void addFrameNote() {
        if (current() == null) {
            showError("No frame", "Select a frame first.");
            return;
        }
        String t = noteEditor.ask(this, "Add Note", "On frame " + current().frame().number(), "");
        if (t != null) notes.add(Note.onFrame(current().frame().number(), t));
    }

    void editNote(Note n) {
        String t = noteEditor.ask(this, "Edit Note", "On " + n.where() + ", frame " + n.frame(), n.text());
        if (t != null) notes.edit(n.id(), t);
    }

    /** Shows the frame of a note and selects what it is on. */
    void goToNote(Note n) {
        if (!goToFrameNumber(n.frame())) return;
        if (current() == null) return;
        var loc = org.frameinspector.core.notes.NoteLocator.locate(current(), n);
        if (loc == null) return;
        if (loc.field() != null && tree.selectField(loc.field())) return;
        fieldTree.selectBytes(loc.source(), loc.offset(), Math.max(1, loc.length()));
    }

    private boolean isCaptureInput() {
        return loaded != null && !"hex dump".equals(loaded.format());
    }

    /** File → Save Notes: the sidecar next to a dump; a pcapng copy (with the notes as comments) for anything else. */
    boolean saveNotes() {
        if (loaded == null) return true;
        if (inputFile != null && !isCaptureInput()) {
            try {
                NotesFiles.saveSidecar(inputFile, notes);
                statusBar.setFrames("Notes saved to " + NotesFiles.sidecar(inputFile).getFileName());
                return true;
            } catch (IOException e) {
                showError("Cannot save the notes", e.getMessage());
                return false;
            }
        }
        JFileChooser fc = new JFileChooser();
        if (inputFile != null) fc.setCurrentDirectory(inputFile.toAbsolutePath().getParent().toFile());
        fc.setFileFilter(new FileNameExtensionFilter("pcapng capture with the notes as comments", "pcapng"));
        String base = loaded.name().replaceAll("^live: ", "").replaceAll("\\.[^.]*$", "");
        fc.setSelectedFile(new java.io.File(base + "-notes.pcapng"));
        fc.setDialogTitle("Save Notes in a pcapng Copy");
        if (fc.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return false;
        Path out = fc.getSelectedFile().toPath();
        if (!out.getFileName().toString().contains(".")) out = out.resolveSibling(out.getFileName() + ".pcapng");
        try {
            saveNotesAsCapture(out);
            return true;
        } catch (IOException e) {
            showError("Cannot save the notes", e.getMessage());
            return false;
        }
    }

    /** Writes every frame as pcapng with the notes in the frame comments; the notes count as saved. */
    void saveNotesAsCapture(Path out) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (var os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
            NotesFiles.writeCapture(loaded.frames(), notes, os);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        notes.markSaved();
        notesChanged();
        statusBar.setFrames("Notes saved in " + out.getFileName());
    }

    /** True when there are no unsaved notes, or the user saved or discarded them; false to stay. */
    boolean confirmNotes() {
        if (loaded == null || !notes.dirty()) return true;
        Object[] options = {"Save", "Discard", "Cancel"};
        int r = JOptionPane.showOptionDialog(this, "The notes on " + loaded.name() + " have changed. Save them?",
                "Unsaved Notes", JOptionPane.YES_NO_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE, null, options,
                options[0]);
        if (r == 0) return saveNotes();
        return r == 1;
    }

    /** File → Exit and the close box: offers to save notes first. */
    void closeWindow() {
        if (confirmNotes()) dispose();
    }

    public NotesStore notes() { return notes; }
    NotesPanel notesPanel() { return notesPanel; }
    javax.swing.JTabbedPane lowerTabs() { return lowerTabs; }

    // ------------------------------------------------------------------ compare and fix

    /** Frame → Compare Selected Frames: the two selected rows, lower frame as A. */
    CompareWindow compareSelected() {
        int[] rows = frameTable.getSelectedRows();
        if (rows.length != 2 || frameModel.cache() == null) {
            showError("Compare", "Select two frames in the list (Ctrl+click the second one).");
            return null;
        }
        Dissection da = frameModel.dissection(rows[0]), db = frameModel.dissection(rows[1]);
        String name = loaded == null ? "" : loaded.name() + " ";
        return openCompare(new CompareWindow(da, "A: " + name + "frame " + da.frame().number(), db,
                "B: " + name + "frame " + db.frame().number()));
    }

    /** Frame → Compare With…: the shown frame against a frame of another file or a pasted dump. */
    private void compareWith() {
        if (current() == null) {
            showError("Compare", "Select a frame first.");
            return;
        }
        Object[] options = {"A File…", "A Pasted Dump…", "Cancel"};
        int r = JOptionPane.showOptionDialog(this, "Compare frame " + current().frame().number() + " with a frame of:",
                "Compare With", JOptionPane.DEFAULT_OPTION, JOptionPane.QUESTION_MESSAGE, null, options, options[0]);
        Loaded other = null;
        if (r == 0) {
            JFileChooser fc = new JFileChooser();
            if (inputFile != null) fc.setCurrentDirectory(inputFile.toAbsolutePath().getParent().toFile());
            if (fc.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) return;
            try {
                other = Inputs.open(fc.getSelectedFile().toPath(), null);
            } catch (Exception e) {
                showError("Cannot open " + fc.getSelectedFile().getName(), e.getMessage());
                return;
            }
        } else if (r == 1) {
            PasteDialog d = new PasteDialog(this, new PasteDialog.Draft(), parser);
            d.setVisible(true);
            other = d.result();
        }
        if (other == null) return;
        int n = other.frames().size();
        int index = 0;
        if (n == 0) {
            showError("Compare", other.name() + " holds no frame.");
            return;
        }
        if (n > 1) {
            String s = JOptionPane.showInputDialog(this, other.name() + " has " + n + " frames. Which one (1–" + n + ")?",
                    "1");
            if (s == null) return;
            try {
                index = Integer.parseInt(s.strip()) - 1;
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (index < 0 || index >= n) {
                showError("Compare", "There is no frame " + s.strip() + ".");
                return;
            }
        }
        compareWith(other, index);
    }

    /** Compares the shown frame (A) with frame {@code index} of another input (B). */
    CompareWindow compareWith(Loaded other, int index) {
        if (current() == null) return null;
        Dissection db = dissector.apply(other.frames().frame(index));
        String name = loaded == null ? "" : loaded.name() + " ";
        return openCompare(new CompareWindow(current(), "A: " + name + "frame " + current().frame().number(), db,
                "B: " + other.name() + " frame " + db.frame().number()));
    }

    /** Frame → Make Conformant: a corrected copy of the shown frame, as a diff against the original. */
    CompareWindow makeConformant() {
        if (current() == null) {
            showError("Make Conformant", "Select a frame first.");
            return null;
        }
        FixResult r = FrameFixer.standard().fix(current().frame());
        if (!r.changed()) {
            JOptionPane.showMessageDialog(this, "Nothing to change: frame " + current().frame().number()
                    + " has no finding Frame Inspector knows how to correct."
                    + (r.notFixed().isEmpty() ? "" : "\n\nNot fixed:\n" + String.join("\n", r.notFixed())),
                    "Make Conformant", JOptionPane.INFORMATION_MESSAGE);
            return null;
        }
        return openCompare(new CompareWindow(r, loaded == null ? null : loaded.name()));
    }

    private CompareWindow openCompare(CompareWindow w) {
        lastCompare = w;
        if (isShowing()) {
            Point p = getLocation();
            w.setLocation(p.x + UIScale.scale(30), p.y + UIScale.scale(30));
        }
        w.setVisible(true);
        return w;
    }

    /** The compare window opened last (for tests). */
    CompareWindow lastCompareWindow() { return lastCompare; }

    // ------------------------------------------------------------------ live capture

    /** The Start dialog's interface source; tests replace it. */
    CaptureDialog.DeviceLister deviceLister = LiveCapture::devices;

    private void startCapture() {
        if (live != null) return;
        CaptureDialog d = new CaptureDialog(this, deviceLister);
        d.setVisible(true);
        CaptureDialog.Choice c = d.result();
        if (c == null) return;
        try {
            LiveCapture lc = LiveCapture.open(c.device(), c.bpf());
            GrowingFrameSource src = new GrowingFrameSource();
            startLive(lc, src, c.device() + (c.bpf().isEmpty() ? "" : " [" + c.bpf() + "]"));
        } catch (LiveCapture.CaptureException e) {
            showError("Cannot capture", e.getMessage());
        }
    }

    /** Shows a growing source and appends its frames as they arrive (lc may be null in tests). */
    void startLive(LiveCapture lc, GrowingFrameSource src, String name) {
        setLoaded(new Loaded("live: " + name, "live capture", null, null, src), null);
        live = lc;
        if (lc != null) lc.start(src, msg -> javax.swing.SwingUtilities.invokeLater(() -> {
            stopCapture();
            showError("Capture stopped", msg);
        }));
        captureStartAction.setEnabled(false);
        captureStopAction.setEnabled(true);
        liveTimer = new javax.swing.Timer(200, e -> {
            int before = frameModel.getRowCount();
            int added = frameModel.sourceGrew();
            if (added > 0) {
                statusBar.setFrames(frameModel.frameCount() + " frames (capturing)");
                if (before == 0) selectFrame(0);
                // follow the end of the list unless the user scrolled away from it
                java.awt.Rectangle vis = frameTable.getVisibleRect();
                if (vis.y + vis.height >= frameTable.getCellRect(before - 1, 0, true).y) {
                    frameTable.scrollRectToVisible(frameTable.getCellRect(frameModel.getRowCount() - 1, 0, true));
                }
            }
        });
        liveTimer.start();
        statusBar.setFrames("Capturing on " + name + "…");
    }

    void stopCapture() {
        if (liveTimer != null) {
            liveTimer.stop();
            liveTimer = null;
            frameModel.sourceGrew();
        }
        if (live != null) {
            live.close();
            live = null;
        }
        captureStartAction.setEnabled(true);
        captureStopAction.setEnabled(false);
        if (frameModel.cache() != null) statusBar.setFrames(frameModel.frameCount() + " frames (stopped)");
    }

    boolean isCapturing() { return liveTimer != null; }

    private void goToFrame() {
        if (frameModel.getRowCount() == 0) return;
        int sel = frameTable.getSelectedRow();
        GoToDialog d = new GoToDialog(this, sel < 0 ? 1 : frameModel.frameIndex(sel) + 1, frameModel.frameCount());
        d.setVisible(true);
        if (d.result() > 0) goToFrameNumber(d.result());
    }

    /** Selects frame number n (1-based); says so when the display filter hides it. */
    boolean goToFrameNumber(int n) {
        int row = frameModel.rowOf(n - 1);
        if (row < 0) {
            statusBar.setFrames("Frame " + n + " is hidden by the display filter");
            return false;
        }
        selectFrame(row);
        return true;
    }

    private void toggleTheme() {
        switchTheme(!Theme.isDark());
    }

    void switchTheme(boolean dark) {
        Theme.switchTo(dark, isShowing());
        darkItem.setSelected(dark);
    }

    private void zoom(java.util.function.BooleanSupplier change) {
        if (change.getAsBoolean()) {
            com.formdev.flatlaf.FlatLaf.updateUI();
            sizeFrameColumns();
            placeHexDivider();
        }
    }

    void showError(String title, String message) {
        JOptionPane.showMessageDialog(this, message, title, JOptionPane.ERROR_MESSAGE);
    }

    // ------------------------------------------------------------------ accessors for tests

    public JTable frameTable() { return frameTable; }
    javax.swing.JTabbedPane sourceTabs() { return byteView.sourceTabs; }
    JTextField findTextField() { return findText; }
    JComboBox<String> findModeBox() { return findMode; }
    JLabel findStatusLabel() { return findStatus; }
    JLabel statusFramesLabel() { return statusBar.frames; }
    public FieldTree fieldTree() { return tree; }
    public HexPane hexPane() { return hex; }
    public JTable findingsTable() { return findings.table; }
    public JTextArea explanationArea() { return findings.explanation; }
    public BitStrip bitStrip() { return byteView.bits; }
    public Dissection currentDissection() { return current(); }
    private Dissection current() { return fieldTree.current(); }
    public JLabel statusFieldLabel() { return statusBar.field; }
    public JLabel statusLayoutLabel() { return statusBar.layout; }

    /** A clipboard text that is not a dump: carried back to the EDT to open the Paste dialog on it. */
    private static final class PasteFailed extends Exception {
        final String text;

        PasteFailed(String text, InputException cause) {
            super(cause.getMessage(), cause);
            this.text = text;
        }
    }

}
