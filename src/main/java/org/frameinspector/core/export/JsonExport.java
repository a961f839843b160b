package org.frameinspector.core.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.json.Json;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.SourcePart;
import org.frameinspector.core.notes.FrameNotes;
import org.frameinspector.core.notes.NotesStore;
import org.frameinspector.core.stream.EndFinding;

/**
 * The {@code dissect --json} document, the contract scripts and our own checks rely on:
 * {"input":{…},"frames":[…]} followed by a line feed, written frame by frame as the dissections come.
 */
public final class JsonExport implements ExportWriter {
    private final Writer out;
    private final Json j;
    private final NotesStore notes;

    /**
     * A streaming writer of the document to {@code out} (flushed by {@link #end}, not closed).
     *
     * @param notes the user's notes: with a store (even an empty one) each frame gets a "notes" array; null: none
     */
    public JsonExport(Writer out, NotesStore notes) {
        this.out = out;
        this.j = new Json(out);
        this.notes = notes;
    }

    @Override
    public void begin(InputInfo input) throws IOException {
        try {
            head(input);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void head(InputInfo input) {
        j.obj();
        if (input != null) {
            j.key("input").obj().put("name", input.name()).put("format", input.format());
            j.key("layout");
            if (input.layout() == null) j.nul(); else j.value(input.layout());
            j.key("start_layer");
            if (input.startLayer() == null) j.nul(); else j.value(input.startLayer());
            j.key("warnings").arr();
            if (input.warnings() != null) for (String w : input.warnings()) j.value(w);
            j.endArr();
            j.endObj();
        }
        j.key("frames").arr();
    }

    @Override
    public void frame(Dissection d) throws IOException {
        try {
            frame(j, d, notes);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * After the frames, when there are any: {@code "end_findings":[{"frame":N, …the finding's keys…}]}, the findings
     * the end of the input raised about frame N ({@link EndFinding}). The key is left out when there are none.
     */
    @Override
    public void endFindings(List<EndFinding> fs) throws IOException {
        if (fs.isEmpty() || framesClosed) return;
        try {
            j.endArr();
            framesClosed = true;
            j.key("end_findings").arr();
            for (EndFinding e : fs) {
                j.obj().put("frame", e.frame());
                findingKeys(j, e.finding());
                j.endObj();
            }
            j.endArr();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private boolean framesClosed;

    @Override
    public void end() throws IOException {
        try {
            if (!framesClosed) j.endArr();
            j.endObj();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        j.flush();
        out.write('\n');
        out.flush();
    }

    /** Writes {"input":{…},"frames":[…]} for the given dissections. */
    public static String document(InputInfo input, List<Dissection> ds) {
        return document(input, ds, null);
    }

    /** With the user's notes: each frame gets a "notes" array (empty when it has none). The document without the final line feed. */
    public static String document(InputInfo input, List<Dissection> ds, NotesStore notes) {
        StringWriter sw = new StringWriter(4096);
        String s = ExportWriter.render(new JsonExport(sw, notes), sw, input, ds);
        return s.substring(0, s.length() - 1);
    }

    /** What the document says about the input: its "input" object. */
    public record InputInfo(String name, String format, String layout, String startLayer, List<String> warnings) {
        public InputInfo(String name, String format, String layout, String startLayer) {
            this(name, format, layout, startLayer, List.of());
        }

        /** An input known by its name only (null for none). */
        public static InputInfo named(String name) {
            return name == null ? null : new InputInfo(name, null, null, null);
        }

        /** The input as opened, with {@code more} warnings after its own (null: none). */
        public static InputInfo of(Loaded in, List<String> more) {
            if (in == null) return null;
            List<String> w = new ArrayList<>(in.warnings());
            if (more != null) w.addAll(more);
            return new InputInfo(in.name(), in.format(), in.layout(), in.startLayer(), w);
        }
    }

    public static void frame(Json j, Dissection d) {
        frame(j, d, null);
    }

    /** One frame object; with a notes store (even an empty one) it ends with a "notes" array. */
    public static void frame(Json j, Dissection d, NotesStore notes) {
        Frame f = d.frame();
        j.obj();
        j.put("number", f.number()).put("length", f.originalLength()).put("captured_length", f.capturedLength());
        j.put("timestamp", timestamp(f.timestampNanos()));
        j.put("link_type", f.linkType());
        j.put("start_layer", d.startLayer());
        if (f.comment() != null) j.put("comment", f.comment());
        j.put("bytes", Fmt.hex(f.data()));
        j.put("protocol", d.protocol()).put("src", d.src()).put("dst", d.dst()).put("info", d.info());
        j.key("sources").arr();
        for (DataSource s : d.sources()) {
            j.obj().put("id", s.id()).put("name", s.name()).put("length", s.bytes().length);
            if (!s.isFrame()) j.put("bytes", Fmt.hex(s.bytes()));
            j.key("parts").arr();
            for (SourcePart p : s.parts()) {
                j.obj().put("frame", p.frame()).put("frame_offset", p.frameOffset())
                        .put("buffer_offset", p.bufferOffset()).put("length", p.length()).endObj();
            }
            j.endArr().endObj();
        }
        j.endArr();
        j.key("layers").arr();
        for (Layer l : d.layers()) {
            j.obj().put("protocol", l.protocol()).put("name", l.name()).put("source", l.source())
                    .put("offset", l.offset()).put("length", l.length());
            j.key("fields").arr();
            for (Field x : l.fields()) field(j, x);
            j.endArr().endObj();
        }
        j.endArr();
        j.key("findings").arr();
        for (Finding x : d.findings()) finding(j, x);
        j.endArr();
        if (notes != null) {
            j.key("notes").arr();
            for (FrameNotes.Item it : FrameNotes.of(notes, d)) {
                j.obj().put("label", it.label()).put("id", it.note().id())
                        .put("target", it.note().target().name().toLowerCase(java.util.Locale.ROOT));
                if (it.note().path() != null) j.put("path", it.note().path());
                if (it.note().abbrev() != null) j.put("abbrev", it.note().abbrev());
                if (it.location() != null) {
                    j.put("source", it.location().source()).put("offset", it.location().offset())
                            .put("length", it.location().length());
                }
                j.put("text", it.note().text()).endObj();
            }
            j.endArr();
        }
        j.endObj();
    }

    public static String timestamp(long nanos) {
        if (nanos == 0) return null;
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }

    static void field(Json j, Field f) {
        j.obj().put("abbrev", f.abbrev()).put("name", f.name()).put("offset", f.offset()).put("length", f.length());
        j.put("bitmask", f.bitmask());
        j.key("value");
        Object v = f.value();
        if (v == null) j.nul();
        else if (v instanceof Long l) j.value(l);
        else if (v instanceof Integer i) j.value(i);
        else if (v instanceof byte[] b) j.value(Fmt.hex(b));
        else if (v instanceof Boolean b) j.value(b);
        else j.value(v.toString());
        j.put("display", f.display()).put("source", f.source()).put("kind", f.kind().name().toLowerCase());
        if (!f.children().isEmpty()) {
            j.key("children").arr();
            for (Field c : f.children()) field(j, c);
            j.endArr();
        }
        j.endObj();
    }

    static void finding(Json j, Finding f) {
        j.obj();
        findingKeys(j, f);
        j.endObj();
    }

    private static void findingKeys(Json j, Finding f) {
        j.put("id", f.id()).put("severity", f.severity().name()).put("layer", f.layer())
                .put("field", f.fieldAbbrev()).put("source", f.source()).put("offset", f.offset())
                .put("length", f.length()).put("observed", f.observed()).put("expected", f.expected())
                .put("explanation", f.explanation()).put("reference", f.reference())
                .put("needs_context", f.needsContext());
    }
}
