package org.frameinspector.core.fix;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.Encapsulate;
import org.frameinspector.core.output.PcapWriter;
import org.frameinspector.core.output.PcapngWriter;

/** Writes fixed frames as a hex dump (which our importer reads back), pcap or pcapng. */
public final class FixOutput {
    private FixOutput() {
    }

    public enum Format {
        HEX, PCAP, PCAPNG;

        public static Format parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown fix output format '" + s + "' (use hex, pcap or pcapng)");
            }
        }

        /** By the output file's extension; hex for anything else. */
        public static Format forFileName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".pcapng")) return PCAPNG;
            if (n.endsWith(".pcap") || n.endsWith(".cap")) return PCAP;
            return HEX;
        }
    }

    public static void write(Format f, List<FixResult> results, String inputName, OutputStream os) throws IOException {
        switch (f) {
            case HEX -> os.write(hex(results, inputName).getBytes(StandardCharsets.UTF_8));
            case PCAP -> {
                int lt = results.isEmpty() ? Frame.LINK_ETHERNET : Encapsulate.forCapture(results.get(0).fixed()).linkType();
                for (FixResult r : results) {
                    if (Encapsulate.forCapture(r.fixed()).linkType() != lt) {
                        throw new IOException("the frames have different link types; pcap holds one — use pcapng");
                    }
                }
                PcapWriter w = new PcapWriter(os, lt, true);
                for (FixResult r : results) w.write(Encapsulate.forCapture(r.fixed()));
                w.flush();
            }
            case PCAPNG -> {
                PcapngWriter w = new PcapngWriter(os);
                for (FixResult r : results) {
                    Frame fx = Encapsulate.forCapture(r.fixed());
                    w.write(fx.withComment(comment(r)));
                }
                w.flush();
            }
        }
    }

    /** The frame's own comment plus "fi-fix: …" lines, one per change. */
    static String comment(FixResult r) {
        StringBuilder sb = new StringBuilder();
        if (r.fixed().comment() != null) sb.append(r.fixed().comment());
        for (Change c : r.changes()) {
            if (sb.length() > 0) sb.append('\n');
            sb.append("fi-fix: ").append(ascii(c.describe()));
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** A hex dump with '#' comment lines saying what changed; frames separated by a blank line. */
    public static String hex(List<FixResult> results, String inputName) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Frame Inspector: conformant copy");
        if (inputName != null) sb.append(" of ").append(inputName);
        sb.append('\n');
        for (FixResult r : results) {
            Frame f = r.fixed();
            sb.append('\n');
            sb.append("# Frame ").append(f.number()).append(": ").append(f.capturedLength()).append(" bytes, ")
                    .append(r.changes().size()).append(r.changes().size() == 1 ? " change" : " changes").append('\n');
            for (Change c : r.changes()) sb.append("#   ").append(ascii(c.describe())).append('\n');
            for (String s : r.notFixed()) sb.append("#   not fixed: ").append(ascii(s)).append('\n');
            byte[] b = f.data();
            for (int row = 0; row < b.length; row += 16) {
                int n = Math.min(16, b.length - row);
                sb.append(String.format("%04X  ", row));
                for (int i = 0; i < 16; i++) {
                    if (i == 8) sb.append(' ');
                    sb.append(i < n ? String.format("%02X ", b[row + i] & 0xFF) : "   ");
                }
                sb.append(' ');
                for (int i = 0; i < n; i++) {
                    int c = b[row + i] & 0xFF;
                    sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String ascii(String s) {
        return s.replace("\u2192", "->");
    }
}
