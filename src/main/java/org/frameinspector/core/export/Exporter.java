package org.frameinspector.core.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.notes.NotesStore;
import org.frameinspector.core.stream.Conversation;

/** One entry point for every export format, shared by the CLI and the GUI. */
public final class Exporter {
    private Exporter() {
    }

    public enum Format {
        TEXT, HTML, MD, JSON, PCAP, PCAPNG;

        public static Format parse(String s) {
            try {
                String v = s.toUpperCase(Locale.ROOT);
                if (v.equals("MARKDOWN")) return MD;
                if (v.equals("TXT")) return TEXT;
                return valueOf(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown export format '" + s + "' (use text, html, md, json, pcap, pcapng)");
            }
        }

        public String extension() {
            return switch (this) {
                case TEXT -> "txt";
                case HTML -> "html";
                case MD -> "md";
                case JSON -> "json";
                case PCAP -> "pcap";
                case PCAPNG -> "pcapng";
            };
        }
    }

    public record Options(boolean plainAscii) {
    }

    /**
     * A streaming writer of format {@code f} to {@code os} (UTF-8 for the text formats); {@link ExportWriter#end}
     * flushes it and leaves {@code os} open.
     *
     * @param notes the user's notes (null: none), in every format but pcap, which cannot hold them
     */
    public static ExportWriter open(Format f, OutputStream os, Options o, NotesStore notes) {
        return switch (f) {
            case TEXT -> new AnnotatedText(text(os), new AnnotatedText.Options(o.plainAscii(), true, true), notes);
            case HTML -> new HtmlExport(text(os), notes);
            case MD -> new MarkdownExport(text(os), o.plainAscii(), notes);
            case JSON -> new JsonExport(text(os), notes);
            case PCAP -> new PcapExport(os);
            case PCAPNG -> new PcapngExport(os, notes);
        };
    }

    private static Writer text(OutputStream os) {
        return new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
    }

    public static void write(Format f, List<Dissection> ds, Loaded in, Options o, OutputStream os) throws IOException {
        write(f, ds, in, o, os, null);
    }

    /** Writes the given dissections in one go (see {@link #open} to write them as they come). */
    public static void write(Format f, List<Dissection> ds, Loaded in, Options o, OutputStream os, NotesStore notes)
            throws IOException {
        write(f, ds, in, o, os, notes, null);
    }

    /** As above, with the input's transport connections for the formats that summarise them (null: not known). */
    public static void write(Format f, List<Dissection> ds, Loaded in, Options o, OutputStream os, NotesStore notes,
            List<Conversation> connections) throws IOException {
        ExportWriter w = open(f, os, o, notes);
        w.begin(JsonExport.InputInfo.of(in, null));
        for (Dissection d : ds) w.frame(d);
        if (connections != null) w.connections(connections);
        w.end();
    }
}
