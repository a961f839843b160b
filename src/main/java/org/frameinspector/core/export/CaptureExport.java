package org.frameinspector.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.frameinspector.core.model.Dissection;

/** pcap / pcapng export; findings become pcapng frame comments. (Wired to the writers when they land.) */
final class CaptureExport {
    private CaptureExport() {
    }

    static void write(boolean ng, List<Dissection> ds, OutputStream os) throws IOException {
        throw new IOException("pcap export is not available in this build yet");
    }
}
