package org.frameinspector.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.Encapsulate;
import org.frameinspector.core.output.PcapWriter;
import org.frameinspector.core.output.PcapngWriter;
import org.frameinspector.core.notes.NotesFiles;
import org.frameinspector.core.notes.NotesStore;

/**
 * pcap / pcapng export so the frames open in Wireshark. In pcapng each frame's comment keeps the capture's comment
 * and adds one line per finding. Frames pasted from above the link layer are wrapped (see {@link Encapsulate}).
 */
final class CaptureExport {
    private CaptureExport() {
    }

    static void write(boolean ng, List<Dissection> ds, OutputStream os) throws IOException {
        write(ng, ds, os, null);
    }

    /** With notes: pcapng frame comments also carry the notes (as {@link NotesFiles#PREFIX} lines) so reopening restores them. */
    static void write(boolean ng, List<Dissection> ds, OutputStream os, NotesStore notes) throws IOException {
        if (ng) {
            PcapngWriter w = new PcapngWriter(os);
            for (Dissection d : ds) {
                Frame c = Encapsulate.forCapture(d.frame());
                String comment = comment(d, notes != null);
                if (notes != null) {
                    comment = NotesFiles.comment(comment, notes.forFrame(d.frame().number()),
                            c.capturedLength() - d.frame().capturedLength());
                }
                w.write(c.withComment(comment));
            }
            w.flush();
            return;
        }
        int lt = ds.isEmpty() ? Frame.LINK_ETHERNET : Encapsulate.forCapture(ds.get(0).frame()).linkType();
        for (Dissection d : ds) {
            if (Encapsulate.forCapture(d.frame()).linkType() != lt) {
                throw new IOException("the frames have different link types; pcap holds one — export as pcapng");
            }
        }
        PcapWriter w = new PcapWriter(os, lt, true);
        for (Dissection d : ds) w.write(Encapsulate.forCapture(d.frame()));
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
