package org.frameinspector.gui;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.util.UIScale;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;
import net.miginfocom.swing.MigLayout;

/**
 * The actions of the window with their keys, and where they are offered: the menu bar, the toolbar, Open Recent;
 * plus the small ones that belong to no other part (Go to Frame, theme, zoom, About).
 */
final class ActionsPart {
    final Action open, paste, pasteDialog, export, find, findNext, goTo, theme, captureStart, captureStop, compare,
            compareWith, fix, frameNote, saveNotes, saveNotesAs, expertInfo, followTcp, followCotp, conversations,
            protocolHierarchy;
    final FollowStream follow;
    final StatisticsPart statistics;
    final JMenu recentMenu = new JMenu("Open Recent");
    final JCheckBoxMenuItem darkItem = new JCheckBoxMenuItem("Dark Theme");
    final JCheckBoxMenuItem colourItem = new JCheckBoxMenuItem("Colourize Frame List");
    private final MainWindow w;
    private boolean recentStale;

    ActionsPart(MainWindow w) {
        this.w = w;
        open = action("Open…", "open", key(KeyEvent.VK_O, menuMask()), "Open a pcap, pcapng or text dump",
                e -> w.session.chooseFile());
        paste = action("Paste Dump", "paste", key(KeyEvent.VK_V, menuMask()), "Open the hex dump on the clipboard",
                e -> w.session.pasteFromClipboard());
        pasteDialog = action("Paste Dump…", null, key(KeyEvent.VK_V, menuMask() | KeyEvent.SHIFT_DOWN_MASK),
                "Paste or type a dump with a live preview", e -> w.session.showPasteDialog());
        export = action("Export…", "export", key(KeyEvent.VK_E, menuMask()),
                "Export frames as text, HTML, Markdown, JSON, pcap or pcapng", e -> w.export.showDialog());
        findNext = action("Find Next", null, key(KeyEvent.VK_F3, 0), "Find the next match", e -> w.find.find());
        captureStart = action("Start…", null, key(KeyEvent.VK_K, menuMask()),
                "Capture live from a network interface", e -> w.capture.start());
        captureStop = action("Stop", null, key(KeyEvent.VK_E, menuMask() | KeyEvent.SHIFT_DOWN_MASK),
                "Stop the live capture", e -> w.capture.stop());
        find = action("Find…", "find", key(KeyEvent.VK_F, menuMask()), "Find bytes, text or a field",
                e -> w.find.show());
        goTo = action("Go to Frame…", "goto", key(KeyEvent.VK_G, menuMask()), "Jump to a frame number",
                e -> goToFrame());
        compare = action("Compare Selected Frames", "compare", key(KeyEvent.VK_D, menuMask()),
                "Compare the two selected frames field by field", e -> w.compare.compareSelected());
        compare.setEnabled(false);
        compareWith = action("Compare With…", null, null,
                "Compare the shown frame with a frame of another file or a pasted dump", e -> w.compare.compareWith());
        fix = action("Make Conformant", "fix", key(KeyEvent.VK_M, menuMask()),
                "Build a corrected copy of the frame and show what changed", e -> w.compare.makeConformant());
        frameNote = action("Add Note on Frame…", "note", null, "Attach a note to the shown frame",
                e -> w.notes.addOnFrame());
        saveNotes = action("Save Notes", null, key(KeyEvent.VK_S, menuMask()),
                "Save the notes (next to a dump, or in a pcapng copy of a capture)", e -> w.notes.save());
        saveNotesAs = action("Save Notes As…", null, key(KeyEvent.VK_S, menuMask() | KeyEvent.SHIFT_DOWN_MASK),
                "Save the notes in a new file", e -> w.notes.saveAs());
        expertInfo = action("Expert Info", null, key(KeyEvent.VK_E, menuMask() | KeyEvent.ALT_DOWN_MASK),
                "The findings of the whole input, by severity and id", e -> w.expert.showOnly(null));
        follow = new FollowStream(w);
        statistics = new StatisticsPart(w);
        followTcp = action("TCP Stream", null, key(KeyEvent.VK_T,
                menuMask() | KeyEvent.ALT_DOWN_MASK | KeyEvent.SHIFT_DOWN_MASK),
                "The payload of the shown frame's TCP connection, both directions", e -> follow.followSelected(false));
        followCotp = action("TPKT/COTP Stream", null, key(KeyEvent.VK_K,
                menuMask() | KeyEvent.ALT_DOWN_MASK | KeyEvent.SHIFT_DOWN_MASK),
                "The shown frame's connection with its TPDUs listed", e -> follow.followSelected(true));
        conversations = action("Conversations", null, null,
                "The connections: endpoints, frames, bytes each way, duration, TSAPs, how each ended",
                e -> statistics.showConversations());
        protocolHierarchy = action("Protocol Hierarchy", null, null,
                "Frames and bytes per protocol by layer path", e -> statistics.showProtocolHierarchy());
        theme = action("Toggle Theme", "theme", key(KeyEvent.VK_T, menuMask() | KeyEvent.SHIFT_DOWN_MASK),
                "Switch between light and dark (Ctrl+Shift+T)", e -> switchTheme(!Theme.isDark()));
    }

    private static KeyStroke key(int code, int modifiers) {
        return KeyStroke.getKeyStroke(code, modifiers);
    }

    static int menuMask() {
        return Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
    }

    static Action action(String name, String icon, KeyStroke key, String tip, Consumer<ActionEvent> body) {
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

    JMenuBar menuBar() {
        JMenuBar mb = new JMenuBar();
        JMenu file = new JMenu("File");
        file.setMnemonic('F');
        file.add(open);
        file.add(recentMenu);
        recentMenu.setName("recentMenu");
        rebuildRecentMenu();
        // the submenu is brought up to date when the File menu opens, not while a file is being shown
        file.addMenuListener(new MenuListener() {
            @Override public void menuSelected(MenuEvent e) {
                if (recentStale) {
                    recentStale = false;
                    rebuildRecentMenu();
                }
            }
            @Override public void menuDeselected(MenuEvent e) { }
            @Override public void menuCanceled(MenuEvent e) { }
        });
        file.addSeparator();
        file.add(paste).setName("pasteMenuItem");
        file.add(pasteDialog).setName("pasteDialogMenuItem");
        file.addSeparator();
        file.add(export).setName("exportMenuItem");
        file.add(saveNotes).setName("saveNotesMenuItem");
        file.add(saveNotesAs).setName("saveNotesAsMenuItem");
        file.addSeparator();
        JMenuItem exit = new JMenuItem("Exit");
        exit.addActionListener(e -> w.closeWindow());
        file.add(exit);

        JMenu go = new JMenu("Go");
        go.setMnemonic('G');
        go.add(find);
        go.add(findNext);
        go.add(goTo);
        go.add(action("Display Filter", null, key(KeyEvent.VK_SLASH, menuMask()), "Type a display filter",
                e -> w.filter.bar.focus()));
        go.addSeparator();
        go.add(action("Next Frame", null, key(KeyEvent.VK_DOWN, KeyEvent.ALT_DOWN_MASK), null,
                e -> w.frameList.selectFrame(w.frameList.table.getSelectedRow() + 1)));
        go.add(action("Previous Frame", null, key(KeyEvent.VK_UP, KeyEvent.ALT_DOWN_MASK), null,
                e -> w.frameList.selectFrame(w.frameList.table.getSelectedRow() - 1)));
        go.add(action("Next Finding", null, key(KeyEvent.VK_F8, 0), null, e -> w.findings.next()));

        JMenu frameMenu = new JMenu("Frame");
        frameMenu.setName("frameMenu");
        frameMenu.setMnemonic('R');
        frameMenu.add(compare).setName("compareMenuItem");
        frameMenu.add(compareWith).setName("compareWithMenuItem");
        frameMenu.addSeparator();
        frameMenu.add(fix).setName("fixMenuItem");
        frameMenu.addSeparator();
        frameMenu.add(frameNote).setName("frameNoteMenuItem");

        JMenu view = new JMenu("View");
        view.setMnemonic('V');
        darkItem.setName("darkThemeItem");
        darkItem.setSelected(Theme.isDark());
        // the menu item carries the theme's key, so Ctrl+Shift+T works wherever the focus is
        darkItem.setAccelerator((KeyStroke) theme.getValue(Action.ACCELERATOR_KEY));
        darkItem.addActionListener(e -> switchTheme(darkItem.isSelected()));
        view.add(darkItem);
        view.addSeparator();
        colourItem.setName("colourizeItem");
        colourItem.setSelected(Colouring.enabled());
        colourItem.setToolTipText("Colour the rows of the frame list by the colouring rules");
        colourItem.addActionListener(e -> {
            Colouring.setEnabled(colourItem.isSelected());
            w.frameList.table.repaint();
        });
        view.add(colourItem);
        JMenuItem rules = new JMenuItem("Colouring Rules…");
        rules.setName("colouringRulesItem");
        rules.addActionListener(e -> editColouringRules());
        view.add(rules);
        view.addSeparator();
        view.add(action("Zoom In", null, key(KeyEvent.VK_EQUALS, menuMask()), null, e -> zoom(UIScale::zoomIn)));
        view.add(action("Zoom Out", null, key(KeyEvent.VK_MINUS, menuMask()), null, e -> zoom(UIScale::zoomOut)));
        view.add(action("Actual Size", null, key(KeyEvent.VK_0, menuMask()), null, e -> zoom(UIScale::zoomReset)));

        JMenu analyze = new JMenu("Analyze");
        analyze.setName("analyzeMenu");
        analyze.setMnemonic('A');
        analyze.add(expertInfo).setName("expertInfoItem");
        JMenu followMenu = new JMenu("Follow");
        followMenu.setName("followMenu");
        followMenu.add(followTcp).setName("followTcpMenuItem");
        followMenu.add(followCotp).setName("followCotpMenuItem");
        analyze.add(followMenu);

        JMenu statisticsMenu = new JMenu("Statistics");
        statisticsMenu.setName("statisticsMenu");
        statisticsMenu.setMnemonic('S');
        statisticsMenu.add(conversations).setName("conversationsItem");
        statisticsMenu.add(protocolHierarchy).setName("protocolHierarchyItem");

        JMenu capture = new JMenu("Capture");
        capture.setMnemonic('C');
        capture.add(captureStart).setName("captureStartItem");
        capture.add(captureStop).setName("captureStopItem");

        JMenu help = new JMenu("Help");
        help.setMnemonic('H');
        JMenu samples = new JMenu("Samples");
        samples.setName("samplesMenu");
        samples.setIcon(Icons.get("samples"));
        for (Samples.Sample s : Samples.list()) {
            JMenuItem it = new JMenuItem(s.title());
            it.setToolTipText(s.file());
            it.addActionListener(e -> w.session.openSample(s));
            samples.add(it);
        }
        help.add(samples);
        help.addSeparator();
        JMenuItem about = new JMenuItem("About Frame Inspector");
        about.addActionListener(e -> JOptionPane.showMessageDialog(w,
                "Frame Inspector 0.1\nExplains every byte of Ethernet/IP/TCP/TPKT/COTP frames\n"
                        + "and points at the bytes that break or bend the standards.",
                "About", JOptionPane.INFORMATION_MESSAGE, Icons.get("app", 48)));
        help.add(about);

        mb.add(file);
        mb.add(go);
        mb.add(frameMenu);
        mb.add(view);
        mb.add(analyze);
        mb.add(statisticsMenu);
        mb.add(capture);
        mb.add(help);
        return mb;
    }

    JComponent toolBar() {
        JToolBar tb = new JToolBar();
        tb.setName("toolBar");
        tb.setFloatable(false);
        tb.setLayout(new MigLayout("insets 2 4 2 4, gap 2, aligny center", "", "[center]"));
        // short labels (the tooltips say the rest), so the toolbar fits 1024 pixels at any UI scale
        tb.add(toolButton(open, "openButton", "Open…"));
        tb.add(toolButton(paste, "pasteButton", "Paste"));
        tb.add(toolButton(export, "exportButton", "Export…"));
        tb.add(new JToolBar.Separator(), "gapx 4 4");
        tb.add(toolButton(find, "findButton", "Find…"));
        tb.add(toolButton(goTo, "goToButton", "Go To…"));
        tb.add(new JToolBar.Separator(), "gapx 4 4");
        tb.add(toolButton(compare, "compareButton", "Compare"));
        tb.add(toolButton(fix, "fixButton", "Make Conformant"));
        tb.add(new JLabel(), "pushx, growx");
        tb.add(toolButton(theme, "themeButton", "Theme"));
        return tb;
    }

    private static JButton toolButton(Action a, String name, String label) {
        JButton b = new JButton(a);
        b.setHideActionText(true);
        b.setText(label);
        b.setName(name);
        b.setFocusable(false);
        b.setHorizontalTextPosition(SwingConstants.RIGHT);
        b.setToolTipText((String) a.getValue(Action.SHORT_DESCRIPTION));
        b.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        return b;
    }

    /** Open Recent is rebuilt when the File menu next opens. */
    void recentChanged() { recentStale = true; }

    private void rebuildRecentMenu() {
        recentMenu.removeAll();
        List<String> r = AppPrefs.recentFiles();
        for (String s : r) {
            JMenuItem it = new JMenuItem(Path.of(s).getFileName().toString());
            it.setToolTipText(s);
            it.addActionListener(e -> w.session.openFile(Path.of(s)));
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

    /** Go → Go to Frame…: asks for a number (one Enter goes, one Escape closes). */
    void goToFrame() {
        FrameTableModel m = w.frameList.model;
        if (m.getRowCount() == 0) return;
        int sel = w.frameList.selectedFrameIndex();
        GoToDialog d = new GoToDialog(w, sel < 0 ? 1 : sel + 1, m.frameCount());
        d.setVisible(true);
        if (d.result() > 0) w.goToFrameNumber(d.result());
    }

    /** View → Colouring Rules…: the dialog; after OK the rows are coloured again. */
    void editColouringRules() {
        ColouringDialog d = new ColouringDialog(w);
        d.setVisible(true);
        if (d.accepted()) w.frameList.model.coloursChanged();
    }

    void switchTheme(boolean dark) {
        Theme.switchTo(dark, w.isShowing());
        darkItem.setSelected(dark);
    }

    private void zoom(BooleanSupplier change) {
        if (change.getAsBoolean()) {
            FlatLaf.updateUI();
            w.sizeColumns();
            w.placeHexDivider();
        }
    }
}
