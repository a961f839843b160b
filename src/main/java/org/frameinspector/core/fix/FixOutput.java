package org.frameinspector.core.fix;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.Encapsulate;
import org.frameinspector.core.output.PcapWriter;
import org.frameinspector.core.output.PcapngWriter;
import org.frameinspector.core.output.SafeText;

/**
 * Writes fixed frames as a hex dump (which our importer reads back), pcap or pcapng, frame by frame as the fixer
 * produces them ({@link #open}); comments in the hex dump are made safe for a terminal ({@link SafeText}).
 */
public final class FixOutput {
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

    private final Format format;
    private final OutputStream os;
    private final Writer text;
    private final String inputName;
    private PcapWriter pcap;
    private PcapngWriter pcapng;
    private int frames;

    private FixOutput(Format format, String inputName, OutputStream os) {
        this.format = format;
        this.os = os;
        this.inputName = inputName;
        this.text = format == Format.HEX ? new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16) : null;
    }

    /**
     * A streaming writer of fixed frames in format {@code f} to {@code os}: {@link #write(FixResult)} per frame as
     * the fixer produces them, then {@link #end()}, which flushes and leaves {@code os} open. Nothing is written
     * before the first frame.
     */
    public static FixOutput open(Format f, String inputName, OutputStream os) {
        return new FixOutput(f, inputName, os);
    }

    /** Appends one fixed frame (pcap: of the first frame's link type). */
    public void write(FixResult r) throws IOException {
        Frame fx = Encapsulate.forCapture(r.fixed());
        switch (format) {
            case HEX -> {
                if (frames == 0) {
                    text.write("# Frame Inspector: conformant copy" + (inputName == null ? "" : " of " + inputName) + "\n");
                }
                StringBuilder sb = new StringBuilder(1024);
                hex(sb, r);
                text.write(SafeText.escape(sb.toString()));
            }
            case PCAP -> {
                if (pcap == null) pcap = new PcapWriter(os, true);
                try {
                    pcap.write(fx);
                } catch (IllegalArgumentException e) {
                    throw new IOException(e.getMessage(), e); // another link type than the first frame's
                }
            }
            case PCAPNG -> {
                if (pcapng == null) pcapng = new PcapngWriter(os);
                pcapng.write(fx.withComment(comment(r)));
            }
        }
        frames++;
    }

    /** Frames written so far. */
    public int frames() {
        return frames;
    }

    /** Completes the output (for no frame: an empty capture, or nothing for hex) and flushes it. */
    public void end() throws IOException {
        switch (format) {
            case HEX -> text.flush();
            case PCAP -> {
                if (pcap == null) pcap = new PcapWriter(os, true);
                pcap.flush();
            }
            case PCAPNG -> {
                if (pcapng == null) pcapng = new PcapngWriter(os);
                pcapng.flush();
            }
        }
    }

    /** Writes the given results in one go. */
    public static void write(Format f, List<FixResult> results, String inputName, OutputStream os) throws IOException {
        FixOutput w = open(f, inputName, os);
        for (FixResult r : results) w.write(r);
        w.end();
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
        for (FixResult r : results) hex(sb, r);
        return sb.toString();
    }

    private static void hex(StringBuilder sb, FixResult r) {
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

    private static String ascii(String s) {
        return s.replace("\u2192", "->");
    }
}
