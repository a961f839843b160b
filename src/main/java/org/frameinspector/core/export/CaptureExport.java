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

/**
 * pcap / pcapng export so the frames open in Wireshark. In pcapng each frame's comment keeps the capture's comment
 * and adds one line per finding. Frames pasted from above the link layer are wrapped (see {@link Encapsulate}).
 */
final class CaptureExport {
    private CaptureExport() {
    }

    static void write(boolean ng, List<Dissection> ds, OutputStream os) throws IOException {
        if (ng) {
            PcapngWriter w = new PcapngWriter(os);
            for (Dissection d : ds) w.write(Encapsulate.forCapture(d.frame()).withComment(comment(d)));
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
        StringBuilder sb = new StringBuilder();
        if (d.frame().comment() != null) sb.append(d.frame().comment());
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
