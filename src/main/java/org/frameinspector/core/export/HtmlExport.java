package org.frameinspector.core.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.frameinspector.core.json.Json;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.notes.FrameNotes;
import org.frameinspector.core.notes.NotesFiles;
import org.frameinspector.core.notes.NotesStore;
import org.frameinspector.core.stream.Conversation;
import org.frameinspector.core.stream.EndFinding;

/**
 * The HTML report: one self-contained file a ticket reader opens in any browser, with the app's panes (frame list,
 * field tree, hex + ASCII, findings, notes) and a summary of the capture on top.
 *
 * <p>The page is static markup and one script of ours ({@code HtmlReport.js}, with {@code HtmlReport.css}); the
 * frames are data, not markup: JSON inside {@code <script type="application/json">} elements, written a chunk of
 * frames at a time as the dissections come (the list rows as plain JSON; the frames' details and their annotated text
 * for printing gzip-compressed, in Base64), and turned into DOM by the script only for the frame on screen and the
 * list rows in view. So a report of 10,000 frames is one light page, and the writer keeps one chunk in memory.
 *
 * <p>Safety: every string from a packet, a note or a file name is either escaped HTML text (the title, the heading)
 * or a JSON string, and our JSON escapes {@code < > &} and U+2028/U+2029 ({@link Json}), so no value can close its
 * script element or open a comment; the script puts values into the page with {@code textContent} only. A
 * Content-Security-Policy meta allows our script and style (by their SHA-256) and nothing else: no remote load, no
 * other script, no connection.
 */
public final class HtmlExport implements ExportWriter {
    static final String CSS = resource("HtmlReport.css");
    static final String SCRIPT = resource("HtmlReport.js");
    /** The policy: our style and script by hash, images only as data: URLs, nothing else from anywhere. */
    static final String CSP = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '" + sha256(CSS)
            + "'; img-src data:; base-uri 'none'; form-action 'none'";
    /** Frames per data chunk; a chunk is also cut when its details pass {@link #CHUNK_CHARS}. */
    static final int CHUNK_FRAMES = 256;
    static final int CHUNK_CHARS = 1 << 20;
    /** Distinct long texts (explanations, references) written once and referred to by number; more are written inline. */
    static final int MAX_SHARED_TEXTS = 4096;

    private final Writer out;
    private final NotesStore notes;
    private final AnnotatedText.Options printLayout = new AnnotatedText.Options(false, false, true);

    private StringWriter rowsBuf = new StringWriter(1 << 14);
    /** The chunk's details and print texts, compressed as they are written (see {@link Packer}). */
    private Packer detailsPack;
    private Packer printPack;
    private Json rows;
    private Json details;
    private int inChunk;
    private int frames;
    private int chunkFirst;
    private final Map<String, Integer> shared = new HashMap<>();
    private final List<String> newShared = new ArrayList<>();
    /** Finding id → {occurrences, frames, worst severity ordinal}; bounded by the catalogue. */
    private final Map<String, long[]> byId = new LinkedHashMap<>();
    private final long[] bySeverity = new long[Severity.values().length];
    private long framesWithFindings;
    private List<Conversation> connections;
    private JsonExport.InputInfo input;

    /** A streaming writer of the report to {@code out} (flushed by {@link #end}, not closed); notes may be null. */
    public HtmlExport(Writer out, NotesStore notes) {
        this.out = out;
        this.notes = notes;
        newChunk();
    }

    @Override
    public void begin(JsonExport.InputInfo input) throws IOException {
        this.input = input;
        String name = input == null ? null : input.name();
        StringBuilder sb = new StringBuilder(CSS.length() + 4096);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(esc(CSP)).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Frame Inspector\">\n")
                .append("<title>Frame Inspector report — ").append(esc(name == null ? "frames" : name)).append("</title>\n")
                .append("<style>").append(CSS).append("</style></head>\n<body>\n")
                .append("<header><h1>Frame Inspector report");
        if (name != null) sb.append(": <span id=\"input-name\">").append(esc(name)).append("</span>");
        sb.append("</h1>\n<div class=\"tools\"><label>Frames <select id=\"view\"><option value=\"all\">all</option>")
                .append("<option value=\"findings\">with findings</option></select></label>")
                .append(" <span id=\"view-note\"></span>")
                .append(" <button type=\"button\" id=\"theme\" title=\"Light or dark (auto follows the system)\">Theme: auto</button>")
                .append(" <button type=\"button\" id=\"print-btn\">Print</button></div></header>\n")
                .append("<noscript><p class=\"noscript\">This report shows its frames with JavaScript, which is off"
                        + " here. The text export (export --format text) holds the same annotated dump.</p></noscript>\n")
                .append("<section id=\"summary\" aria-label=\"Summary\"></section>\n")
                .append("<p class=\"legend\" id=\"legend\">Legend: <span class=\"res\">reserved field</span>")
                .append("<span class=\"sev3\">VIOLATION</span><span class=\"sev2\">RISK</span><span class=\"sev1\">INFO</span>")
                .append("<span class=\"und\">undecoded</span><span class=\"note\">note</span><span class=\"hl\">selected</span>")
                .append(" Click a field, a byte or a finding; arrow keys move in the list, the tree and the bytes.</p>\n")
                .append("<main id=\"app\">\n<div id=\"list\" tabindex=\"0\" role=\"listbox\" aria-label=\"Frames\">")
                .append("<div class=\"lrow lhead\"><span>No.</span><span>Time</span><span>Source</span>")
                .append("<span>Destination</span><span>Protocol</span><span>Length</span><span>Info</span>")
                .append("<span>Findings</span></div><div id=\"list-body\"><div id=\"list-rows\"></div></div></div>\n")
                .append("<section id=\"frame-head\"></section>\n<div id=\"panes\">")
                .append("<section id=\"tree-pane\"><h2>Fields</h2><div id=\"tree\" tabindex=\"0\" role=\"tree\"></div></section>")
                .append("<section id=\"hex-pane\"><h2>Bytes</h2><div id=\"src-tabs\"></div>")
                .append("<pre id=\"hex\" tabindex=\"0\"></pre><div id=\"bits\"></div><div id=\"sel-info\"></div></section>")
                .append("<section id=\"find-pane\"><h2>Findings</h2><div id=\"findings\"></div>")
                .append("<div id=\"notes\"></div></section></div>\n</main>\n<div id=\"print\"></div>\n");
        Json meta = new Json();
        meta.obj().key("input");
        if (input == null) meta.nul();
        else {
            meta.obj().put("name", input.name()).put("format", input.format()).put("layout", input.layout())
                    .put("start_layer", input.startLayer()).key("warnings").arr();
            if (input.warnings() != null) for (String w : input.warnings()) meta.value(w);
            meta.endArr().endObj();
        }
        meta.endObj();
        data(sb, "fi-meta", null, meta.toString());
        out.write(sb.toString());
    }

    /** The findings the end of the input raised about earlier frames: a table of the summary ("End of input"). */
    @Override
    public void endFindings(List<EndFinding> fs) {
        this.endFindings = List.copyOf(fs);
    }

    private List<EndFinding> endFindings = List.of();

    /** The connections of the whole input (the in-order pass's rows), for the summary; call before {@link #end}. */
    @Override
    public void connections(List<Conversation> rows) {
        this.connections = rows;
    }

    @Override
    public void frame(Dissection d) throws IOException {
        Frame f = d.frame();
        frames++;
        List<Finding> fs = d.findings();
        int worst = 0;
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Finding x : fs) {
            worst = Math.max(worst, level(x.severity()));
            bySeverity[x.severity().ordinal()]++;
            long[] c = byId.get(x.id());
            if (c == null) {
                if (byId.size() >= MAX_SHARED_TEXTS) continue;
                c = new long[] {0, 0, level(x.severity())};
                byId.put(x.id(), c);
            }
            c[0]++;
            c[2] = Math.max(c[2], level(x.severity()));
            if (seen.put(x.id(), Boolean.TRUE) == null) c[1]++;
        }
        if (!fs.isEmpty()) framesWithFindings++;
        List<FrameNotes.Item> ns = FrameNotes.of(notes, d);

        // the list row: number, time, source, destination, protocol, length, info, worst severity, finding ids, notes
        rows.arr().value(f.number()).value(JsonExport.timestamp(f.timestampNanos())).value(d.src()).value(d.dst())
                .value(d.protocol()).value(f.capturedLength()).value(d.info()).value(worst).arr();
        for (String id : seen.keySet()) rows.value(id);
        rows.endArr().value(ns.size()).endArr();

        // the details, turned into panes when the frame is shown
        Json j = details;
        j.obj().put("n", f.number()).put("len", f.originalLength()).put("cap", f.capturedLength())
                .put("ts", JsonExport.timestamp(f.timestampNanos())).put("stack", AnnotatedText.stack(d))
                .put("info", d.info());
        String comment = notes == null ? f.comment() : NotesFiles.userComment(f.comment());
        if (comment != null) j.put("comment", comment);
        j.put("b", Fmt.hex(f.data()));
        j.key("src").arr();
        for (DataSource s : d.sources()) {
            if (s.isFrame()) continue;
            j.arr().value(s.id()).value(s.name()).value(Fmt.hex(s.bytes())).endArr();
        }
        j.endArr();
        j.key("layers").arr();
        AnnotatedText.Numbers numbers = new AnnotatedText.Numbers(fs);
        for (Layer l : d.layers()) {
            j.arr().value(l.name()).value(l.source()).arr();
            for (Field x : l.fields()) field(j, x, numbers);
            j.endArr().endArr();
        }
        j.endArr();
        j.key("findings").arr();
        for (Finding x : fs) {
            j.arr().value(x.id()).value(level(x.severity())).value(x.layer()).value(x.fieldAbbrev()).value(x.source())
                    .value(x.offset()).value(x.length()).value(x.observed()).value(x.expected());
            text(j, x.explanation());
            text(j, x.reference());
            j.value(x.needsContext()).endArr();
        }
        j.endArr();
        j.key("notes").arr();
        for (FrameNotes.Item it : ns) {
            j.arr().value(it.label()).value(it.where()).value(it.note().text());
            if (it.location() != null) {
                j.value(it.location().source()).value(it.location().offset()).value(Math.max(1, it.location().length()));
            }
            j.endArr();
        }
        j.endArr();
        j.endObj();
        // the annotated text for printing: one JSON string, escaped and compressed a few kilobytes at a time
        printPack.write(inChunk == 0 ? "[\"" : ",\"");
        StringBuilder text = new StringBuilder(Spill.CHARS + 1024);
        Spill.Target t = piece -> printPack.write(jsonStringContent(piece));
        try {
            AnnotatedText.frame(text, d, printLayout, notes, Spill.to(t));
            Spill.drain(text, t);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printPack.write("\"");
        if (++inChunk >= CHUNK_FRAMES || detailsPack.chars() >= CHUNK_CHARS) flushChunk();
    }

    /** {@code s} as the inside of a JSON string, escaped exactly as {@link Json#value(String)} escapes it. */
    private static String jsonStringContent(String s) {
        String q = new Json().value(s).toString();
        return q.substring(1, q.length() - 1);
    }

    @Override
    public void end() throws IOException {
        flushChunk();
        Json s = new Json();
        s.obj().put("frames", frames).put("framesWithFindings", framesWithFindings);
        s.key("bySeverity").obj();
        for (Severity v : Severity.values()) s.put(v.name(), bySeverity[v.ordinal()]);
        s.endObj();
        s.key("byId").arr();
        for (Map.Entry<String, long[]> e : byId.entrySet()) {
            s.arr().value(e.getKey()).value(e.getValue()[2]).value(e.getValue()[0]).value(e.getValue()[1]).endArr();
        }
        s.endArr();
        if (!endFindings.isEmpty()) {
            // [frame, id, severity level, offset, length, observed, expected, explanation, reference]
            s.key("endFindings").arr();
            for (EndFinding e : endFindings) {
                Finding x = e.finding();
                s.arr().value(e.frame()).value(x.id()).value(level(x.severity())).value(x.offset()).value(x.length())
                        .value(x.observed()).value(x.expected()).value(x.explanation()).value(x.reference()).endArr();
            }
            s.endArr();
        }
        s.key("connections");
        if (connections == null) s.nul();
        else {
            s.arr();
            for (Conversation c : connections) {
                s.arr().value(c.index()).value(c.endpointA()).value(c.endpointB()).value(c.frames())
                        .value(c.firstFrame()).value(c.lastFrame()).value(c.callingTsap()).value(c.calledTsap())
                        .value(c.tpduSize()).value(c.cotpClass()).value(c.tpkt() ? c.tpduSummary() : "not TPKT")
                        .value(c.endSummary() + (c.note().isEmpty() ? "" : " (" + c.note() + ")"))
                        .value(c.findingSummary()).endArr();
            }
            s.endArr();
        }
        s.endObj();
        StringBuilder sb = new StringBuilder(SCRIPT.length() + 4096);
        data(sb, "fi-summary", null, s.toString());
        sb.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        out.write(sb.toString());
        out.flush();
    }

    private void newChunk() {
        rowsBuf = new StringWriter(1 << 14);
        detailsPack = new Packer();
        printPack = new Packer();
        rows = new Json(rowsBuf);
        details = new Json(detailsPack);
        rows.arr();
        details.arr();
        inChunk = 0;
        chunkFirst = frames;
    }

    private void flushChunk() throws IOException {
        if (inChunk == 0) return;
        rows.endArr();
        details.endArr();
        rows.flush();
        details.flush();
        printPack.write("]");
        byte[] packedFrames = detailsPack.finish(), texts = printPack.finish();
        StringBuilder sb = new StringBuilder(rowsBuf.getBuffer().length() + 256);
        if (!newShared.isEmpty()) {
            Json t = new Json();
            t.arr();
            for (String x : newShared) t.value(x);
            t.endArr();
            data(sb, null, "fi-text", t.toString());
            newShared.clear();
        }
        String first = " data-first=\"" + chunkFirst + "\"";
        sb.append("<script type=\"application/json\" class=\"fi-rows\"").append(first).append('>')
                .append(rowsBuf.getBuffer()).append("</script>\n");
        sb.append("<script type=\"application/json\" class=\"fi-frames\"").append(first).append('>');
        out.write(sb.toString());
        packed(packedFrames);
        out.write("</script>\n<script type=\"application/json\" class=\"fi-print\"" + first + ">");
        packed(texts);
        out.write("</script>\n");
        newChunk();
    }

    /**
     * A chunk's JSON, gzip-compressed and in Base64, written as a JSON string: a tenth of the size, and still nothing
     * in it but letters, digits, '+', '/' and '='. The page inflates it with the browser's own DecompressionStream.
     * Written a slice at a time (a slice of 3 × 4096 bytes encodes to exactly the Base64 of that part).
     */
    private void packed(byte[] gz) throws IOException {
        out.write('"');
        Base64.Encoder b64 = Base64.getEncoder();
        for (int i = 0; i < gz.length; i += 3 * 4096) {
            out.write(b64.encodeToString(java.util.Arrays.copyOfRange(gz, i, Math.min(gz.length, i + 3 * 4096))));
        }
        out.write('"');
    }

    /**
     * JSON text compressed as it is written (UTF-8, gzip, in memory), so a chunk, or a single frame of any size,
     * costs about a tenth of its JSON: the memory of the report's data grows linearly with the largest chunk, with
     * that small constant, and is never a String of it. Counts the characters written for the chunk's size limit.
     */
    private static final class Packer extends Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 12);
        private final Writer utf8;
        private long chars;

        Packer() {
            try {
                utf8 = new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 13), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen in memory
            }
        }

        long chars() {
            return chars;
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            chars += len;
            utf8.write(c, off, len);
        }

        @Override
        public void write(String s) throws IOException {
            chars += s.length();
            utf8.write(s);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            chars += len;
            utf8.write(s, off, len);
        }

        @Override
        public void flush() {
            // nothing to push: the compressed bytes are taken whole by finish()
        }

        @Override
        public void close() {
        }

        /** Ends the compressed stream and returns it. */
        byte[] finish() throws IOException {
            utf8.close();
            return bytes.toByteArray();
        }
    }

    /** A long text written once (its number) or, past the limit, inline (a string). */
    private void text(Json j, String s) {
        if (s == null || s.length() < 40) {
            j.value(s);
            return;
        }
        Integer k = shared.get(s);
        if (k == null) {
            if (shared.size() >= MAX_SHARED_TEXTS) {
                j.value(s);
                return;
            }
            k = shared.size();
            shared.put(s, k);
            newShared.add(s);
        }
        j.value(k);
    }

    /**
     * A field: [label, abbrev, offset, length, kind, bit mask (hex, "" for none), source ("" for the frame),
     * children, finding numbers (1-based, as in the findings pane)].
     */
    private static void field(Json j, Field f, AnnotatedText.Numbers fs) {
        String label = f.treeLabel();
        if (f.kind() == FieldKind.GENERATED) label = "[" + label + "]";
        j.arr().value(label).value(f.abbrev()).value(f.offset()).value(f.length())
                .value(f.kind().name().substring(0, 1).toLowerCase(Locale.ROOT))
                .value(f.bitmask() == 0 ? "" : Long.toHexString(f.bitmask()))
                .value(f.inFrame() ? "" : f.source()).arr();
        for (Field c : f.children()) field(j, c, fs);
        j.endArr().arr();
        for (Finding x : f.findings()) {
            int k = fs.number(x);
            if (k > 0) j.value(k);
        }
        j.endArr().endArr();
    }

    private static int level(Severity s) {
        return switch (s) {
            case VIOLATION -> 3;
            case RISK -> 2;
            case INFO -> 1;
        };
    }

    /** A data element: JSON, which our generator keeps free of '<', '>' and '&', so nothing in it is markup. */
    private static void data(StringBuilder sb, String id, String cls, String json) {
        sb.append("<script type=\"application/json\"");
        if (id != null) sb.append(" id=\"").append(id).append('"');
        if (cls != null) sb.append(" class=\"").append(cls).append('"');
        sb.append('>').append(json).append("</script>\n");
    }

    public static String render(List<Dissection> ds, String inputName) {
        return render(ds, inputName, null);
    }

    /** With the user's notes: a notes list per frame (clicking one highlights its bytes). */
    public static String render(List<Dissection> ds, String inputName, NotesStore notes) {
        StringWriter sw = new StringWriter(16384);
        return ExportWriter.render(new HtmlExport(sw, notes), sw, JsonExport.InputInfo.named(inputName), ds);
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') sb.append("&#").append((int) c).append(';');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** The script elements of a page (their start tag and content), in order. */
    static List<String> scripts(String html) {
        List<String> out = new ArrayList<>();
        String lower = html.toLowerCase(Locale.ROOT);
        int i = 0;
        while ((i = lower.indexOf("<script", i)) >= 0) {
            int e = lower.indexOf("</script", i);
            out.add(html.substring(i, e < 0 ? html.length() : e));
            i = i + 7;
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlExport.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
