package org.frameinspector.gui;

import java.util.List;

/** Starts the desktop app. (Stub until the GUI lands.) */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    public static int launch(List<String> files) {
        System.err.println("frame-inspector: the desktop app is not built yet; try 'frame-inspector help'");
        return 2;
    }
}
