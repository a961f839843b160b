package org.frameinspector.core.export;

import java.io.IOException;
import java.io.OutputStream;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.notes.NotesFiles;
import org.frameinspector.core.notes.NotesStore;
import org.frameinspector.core.output.Encapsulate;
import org.frameinspector.core.output.PcapngWriter;

/**
 * The pcapng export, so the frames open in Wireshark with what we found: each frame's comment keeps the capture's
 * comment and adds one line per finding, and with notes one {@link NotesFiles#PREFIX} line per note (so reopening
 * the file restores them). Frames pasted from above the link layer are wrapped ({@link Encapsulate}); note offsets
 * move with their bytes.
 */
public final class PcapngExport implements ExportWriter {
    private final OutputStream out;
    private final NotesStore notes;
    private PcapngWriter w;

    /** Writes to {@code out} (flushed by {@link #end}, not closed); {@code notes} may be null. */
    public PcapngExport(OutputStream out, NotesStore notes) {
        this.out = out;
        this.notes = notes;
    }

    @Override
    public void begin(JsonExport.InputInfo input) throws IOException {
        w = new PcapngWriter(out);
    }

    @Override
    public void frame(Dissection d) throws IOException {
        Frame c = Encapsulate.forCapture(d.frame());
        String comment = comment(d, notes != null);
        if (notes != null) {
            comment = NotesFiles.comment(comment, notes.forFrame(d.frame().number()),
                    c.capturedLength() - d.frame().capturedLength());
        }
        w.write(c.withComment(comment));
    }

    @Override
    public void end() throws IOException {
        w.flush();
    }

    /** The frame's own comment plus one line per finding: "RISK TPKT-RESERVED-NONZERO at 0x0037: observed …". */
    static String comment(Dissection d) {
        return comment(d, false);
    }

    /** @param dropNotes leave out note lines already in the frame's comment (they are rewritten from the store) */
    static String comment(Dissection d, boolean dropNotes) {
        StringBuilder sb = new StringBuilder();
        String own = dropNotes ? NotesFiles.userComment(d.frame().comment()) : d.frame().comment();
        if (own != null) sb.append(own);
        for (Finding f : d.findings()) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(f.severity()).append(' ').append(f.id()).append(" at ")
                    .append(f.source().equals("frame") ? "" : f.source() + " ").append(String.format("0x%04x", f.offset()));
            if (f.observed() != null) sb.append(": observed ").append(f.observed());
            if (f.expected() != null) sb.append(", expected ").append(f.expected());
            sb.append(" (").append(f.reference()).append(')');
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
