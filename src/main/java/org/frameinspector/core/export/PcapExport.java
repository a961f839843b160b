package org.frameinspector.core.export;

import java.io.IOException;
import java.io.OutputStream;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.output.Encapsulate;
import org.frameinspector.core.output.PcapWriter;

/**
 * The pcap export (nanosecond timestamps), so the frames open in Wireshark; frames pasted from above the link layer
 * are wrapped ({@link Encapsulate}). pcap holds one link type, the first frame's (Ethernet for no frame); a later
 * frame of another link type stops the export with a message that says to use pcapng. pcap has no comments, so
 * findings and notes are not in it.
 */
public final class PcapExport implements ExportWriter {
    private final PcapWriter w;

    /** Writes to {@code out} (flushed by {@link #end}, not closed). */
    public PcapExport(OutputStream out) {
        this.w = new PcapWriter(out, true);
    }

    @Override
    public void begin(JsonExport.InputInfo input) {
        // the file header needs the first frame's link type
    }

    @Override
    public void frame(Dissection d) throws IOException {
        try {
            w.write(Encapsulate.forCapture(d.frame()));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e); // another link type than the first frame's
        }
    }

    @Override
    public void end() throws IOException {
        w.flush();
    }
}
