package org.frameinspector.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.notes.NotesStore;

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

    public static void write(Format f, List<Dissection> ds, Loaded in, Options o, OutputStream os) throws IOException {
        write(f, ds, in, o, os, null);
    }

    /** As above, including the user's notes (null: none) in every format; pcap cannot hold them. */
    public static void write(Format f, List<Dissection> ds, Loaded in, Options o, OutputStream os, NotesStore notes)
            throws IOException {
        String name = in == null ? null : in.name();
        switch (f) {
            case TEXT -> os.write(AnnotatedText.render(ds, name, new AnnotatedText.Options(o.plainAscii(), true, true), notes)
                    .getBytes(StandardCharsets.UTF_8));
            case HTML -> os.write(HtmlExport.render(ds, name, notes).getBytes(StandardCharsets.UTF_8));
            case MD -> os.write(MarkdownExport.render(ds, name, o.plainAscii(), notes).getBytes(StandardCharsets.UTF_8));
            case JSON -> os.write((JsonExport.document(in == null ? null : new JsonExport.InputInfo(in.name(), in.format(),
                    in.layout(), in.startLayer(), in.warnings()), ds, notes) + "\n").getBytes(StandardCharsets.UTF_8));
            case PCAP, PCAPNG -> CaptureExport.write(f == Format.PCAPNG, ds, os, notes);
        }
    }
}
