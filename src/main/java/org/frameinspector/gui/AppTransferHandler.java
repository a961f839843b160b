package org.frameinspector.gui;

import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.io.File;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.TransferHandler;

/**
 * Accepts dropped files (opened) and dropped or pasted text (read as a dump) anywhere in the main window. Copying
 * out of tables and trees is left to the component's own handler.
 */
final class AppTransferHandler extends TransferHandler {
    private final MainWindow window;
    private final TransferHandler delegate;

    AppTransferHandler(MainWindow window, TransferHandler delegate) {
        this.window = window;
        this.delegate = delegate;
    }

    static void install(MainWindow w, JComponent c) {
        c.setTransferHandler(new AppTransferHandler(w, c.getTransferHandler()));
    }

    @Override
    public boolean canImport(TransferSupport s) {
        return s.isDataFlavorSupported(DataFlavor.javaFileListFlavor) || s.isDataFlavorSupported(DataFlavor.stringFlavor);
    }

    @Override
    public boolean importData(TransferSupport s) {
        try {
            if (s.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
                @SuppressWarnings("unchecked")
                List<File> files = (List<File>) s.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
                if (files.isEmpty()) return false;
                window.openFile(files.get(0).toPath());
                return true;
            }
            if (s.isDataFlavorSupported(DataFlavor.stringFlavor)) {
                String text = (String) s.getTransferable().getTransferData(DataFlavor.stringFlavor);
                window.openText(s.isDrop() ? "dropped text" : "clipboard", text);
                return true;
            }
        } catch (Exception e) {
            window.showError("Cannot read what was " + (s.isDrop() ? "dropped" : "pasted"), e.getMessage());
        }
        return false;
    }

    @Override
    public int getSourceActions(JComponent c) {
        return delegate == null ? NONE : delegate.getSourceActions(c);
    }

    @Override
    public void exportToClipboard(JComponent comp, Clipboard clip, int action) {
        if (delegate != null) delegate.exportToClipboard(comp, clip, action);
    }

    @Override
    protected Transferable createTransferable(JComponent c) {
        return null;
    }
}
