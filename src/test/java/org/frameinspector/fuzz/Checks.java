package org.frameinspector.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frameinspector.cli.Main;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.export.AnnotatedText;
import org.frameinspector.core.export.Exporter;
import org.frameinspector.core.export.HtmlExport;
import org.frameinspector.core.export.JsonExport;
import org.frameinspector.core.export.MarkdownExport;
import org.frameinspector.core.export.TreeText;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.filter.FilterSyntaxException;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.source.ListFrameSource;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.input.capture.CaptureFiles;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.stream.InOrder;

/**
 * The invariants every fuzz input must keep. Each check throws {@link Broken} with a one-line reason; any other
 * throwable escaping a check is itself a failure (an uncaught exception in the code under test).
 */
public final class Checks {
    private Checks() {
    }

    /** An invariant does not hold. */
    static final class Broken extends RuntimeException {
        Broken(String m) {
            super(m, null, false, false);
        }
    }

    static void require(boolean ok, String what) {
        if (!ok) throw new Broken(what);
    }

    private static final ThreadLocal<FrameDissector> FD = ThreadLocal.withInitial(org.frameinspector.core.protocols.Protocols::dissector);

    // ------------------------------------------------------------------ dissection

    /** Dissects one frame alone and checks it. */
    static Dissection frame(byte[] data, int linkType, String startsAt) {
        Dissection d = FD.get().dissect(Frame.of(1, data, linkType), startsAt, null);
        dissection(d);
        return d;
    }

    /** No internal error, fields inside their data sources, every frame byte covered. */
    static void dissection(Dissection d) {
        for (Finding f : d.findings()) {
            require(!"INSPECTOR-INTERNAL-ERROR".equals(f.id()), "frame " + d.frame().number()
                    + ": INSPECTOR-INTERNAL-ERROR: " + f.observed());
        }
        int n = d.frame().capturedLength();
        BitSet covered = new BitSet(n);
        for (Layer l : d.layers()) {
            DataSource src = d.source(l.source());
            require(src != null, "layer " + l.protocol() + " names unknown source " + l.source());
            for (Field f : l.fields()) walk(d, f, covered, n);
        }
        int gap = covered.nextClearBit(0);
        require(gap >= n, "frame " + d.frame().number() + ": byte " + gap + " of " + n + " is in no field");
    }

    private static void walk(Dissection d, Field f, BitSet covered, int n) {
        DataSource src = d.source(f.source());
        require(src != null, "field " + f.abbrev() + " names unknown source " + f.source());
        int len = src.bytes().length;
        require(f.offset() >= 0 && f.length() >= 0 && f.end() <= len, "field " + f.abbrev() + " at " + f.offset() + "+"
                + f.length() + " lies outside its source " + f.source() + " of " + len + " bytes");
        if (f.inFrame() && f.length() > 0 && f.kind() != org.frameinspector.core.model.FieldKind.GENERATED) {
            covered.set(f.offset(), f.end());
        }
        for (Field c : f.children()) walk(d, c, covered, n);
    }

    /** Dissects a frame source in order with connection state; checks every dissection. */
    static List<Dissection> inOrder(FrameSource fs, String startsAt, boolean keep) {
        List<Dissection> out = new ArrayList<>();
        InOrder.dissect(fs, startsAt, d -> {
            dissection(d);
            if (keep) out.add(d);
        });
        return out;
    }

    // ------------------------------------------------------------------ exports

    private static final Set<String> OUR_TAGS = Set.of("html", "head", "meta", "title", "style", "body", "header", "h1",
            "h2", "h3", "p", "span", "div", "section", "main", "label", "select", "option", "button", "noscript", "pre", "b",
            "script", "!doctype");
    private static final Set<String> OUR_ATTRS = Set.of("lang", "charset", "class", "id", "title", "http-equiv", "content",
            "name", "type", "value", "role", "tabindex", "aria-label", "data-first", "html");
    /** A data element of the report: JSON, never markup. */
    private static final Pattern DATA_SCRIPT = Pattern.compile(
            "<script type=\"application/json\"(?: id=\"fi-[a-z]+\")?(?: class=\"fi-[a-z]+\")?(?: data-first=\"\\d+\")?>");
    private static volatile String ourScript;

    /** Every export format; annotated text must re-import to the same bytes; HTML and JSON are checked strictly. */
    static void exports(List<Dissection> ds, Loaded in, boolean ascii) throws Exception {
        String name = in == null ? "fuzz" : in.name();
        String text = AnnotatedText.render(ds, name, new AnnotatedText.Options(ascii, true, true));
        // a zero-byte frame (a capture record with incl_len 0) has no rows in a dump: it cannot come back
        List<Dissection> rows = ds.stream().filter(d -> d.frame().capturedLength() > 0).toList();
        if (!rows.isEmpty()) {
            Loaded back;
            try {
                back = Inputs.fromText("export", text, null);
            } catch (InputException e) {
                throw new Broken("annotated text does not re-import: " + e.getMessage());
            }
            require(back.frames().size() == rows.size(), "annotated text re-imports " + back.frames().size()
                    + " frames, not " + rows.size());
            for (int i = 0; i < rows.size(); i++) {
                byte[] a = rows.get(i).frame().data(), b = back.frames().frame(i).data();
                require(Arrays.equals(a, b), "annotated text of frame " + (i + 1) + " re-imports to other bytes ("
                        + a.length + " vs " + b.length + ", first difference at " + Arrays.mismatch(a, b) + ")");
            }
        }
        html(HtmlExport.render(ds, name));
        String json = JsonExport.document(in == null ? null : new JsonExport.InputInfo(in.name(), in.format(),
                in.layout(), in.startLayer()), ds);
        String bad = StrictJson.check(json);
        require(bad == null, "JSON export does not parse: " + bad);
        MarkdownExport.render(ds, name, ascii);
        for (Dissection d : ds) TreeText.render(d);
        // what a terminal would act on never reaches a text or Markdown export (issue 18 item 10)
        for (Exporter.Format f : List.of(Exporter.Format.TEXT, Exporter.Format.MD)) {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            Exporter.write(f, ds, in, new Exporter.Options(ascii), bo);
            terminalSafe(f + " export", bo.toString(StandardCharsets.UTF_8));
        }
        for (Exporter.Format f : List.of(Exporter.Format.PCAP, Exporter.Format.PCAPNG)) {
            if (f == Exporter.Format.PCAP && ds.stream().map(d -> d.frame().linkType()).distinct().count() > 1) continue;
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            Exporter.write(f, ds, in, new Exporter.Options(ascii), bo);
            byte[] cap = bo.toByteArray();
            if (ds.isEmpty()) continue;
            try (FrameSource back = CaptureFiles.read(cap)) {
                require(back.size() == ds.size(), f + " export reads back " + back.size() + " frames, not " + ds.size());
                for (int i = 0; i < ds.size(); i++) {
                    byte[] want = org.frameinspector.core.output.Encapsulate.forCapture(ds.get(i).frame()).data();
                    require(Arrays.equals(back.frame(i).data(), want),
                            f + " export of frame " + (i + 1) + " reads back other bytes");
                }
            } catch (InputException e) {
                throw new Broken(f + " export does not read back: " + e.getMessage());
            }
        }
    }

    private static final Pattern TAG = Pattern.compile("<(/?)([!A-Za-z][A-Za-z0-9-]*)([^<>]*)>");
    private static final Pattern ATTR = Pattern.compile("\\s+([A-Za-z-]+)(?:=\"([^\"]*)\")?");

    /**
     * Only our own elements and attributes; exactly one executable script (ours, unchanged, last); data scripts hold
     * JSON without '<', '>', '&' or a line separator, so nothing in them can end the element; no '<' or '>' from
     * packet content anywhere else.
     */
    public static void html(String h) {
        String script = ourScript();
        String lower = h.toLowerCase(Locale.ROOT);
        StringBuilder restB = new StringBuilder(h.length());
        int at0 = 0, i, plain = 0;
        while ((i = lower.indexOf("<script", at0)) >= 0) {
            int gt = h.indexOf('>', i), e = lower.indexOf("</script", i);
            require(gt > 0 && e > gt, "HTML script element is not closed");
            String start = h.substring(i, gt + 1), body = h.substring(gt + 1, e);
            if (start.equals("<script>")) {
                plain++;
                require(body.equals(script), "HTML script element was changed");
                require(lower.indexOf("<script", e) < 0, "HTML has a script element after ours");
            } else {
                require(DATA_SCRIPT.matcher(start).matches(), "HTML has a script element that is not ours: " + clip(start));
                require(body.indexOf('<') < 0 && body.indexOf('>') < 0 && body.indexOf('&') < 0 && body.indexOf('\u2028') < 0
                        && body.indexOf('\u2029') < 0, "HTML data element holds markup characters: " + clip(body));
                String bad = StrictJson.check(body);
                require(bad == null, "HTML data element is not JSON: " + bad);
            }
            restB.append(h, at0, gt + 1);
            at0 = e;
        }
        restB.append(h.substring(at0));
        require(plain == 1, "HTML has " + plain + " executable script elements, not one (ours)");
        h = restB.toString();
        int st = h.indexOf("<style>"), se = h.indexOf("</style>");
        require(st >= 0 && se > st && h.indexOf("<style", st + 1) < 0, "HTML style element missing or doubled");
        String rest = h.substring(0, st + 7) + h.substring(se);
        Matcher m = TAG.matcher(rest);
        int at = 0;
        while (m.find()) {
            String between = rest.substring(at, m.start());
            require(between.indexOf('<') < 0 && between.indexOf('>') < 0, "HTML text holds a raw '<' or '>': …"
                    + clip(between) + "…");
            String tag = m.group(2).toLowerCase(Locale.ROOT);
            require(OUR_TAGS.contains(tag), "HTML holds a foreign element <" + tag + ">");
            Matcher a = ATTR.matcher(m.group(3));
            int aa = 0;
            while (a.find()) {
                require(a.start() == aa, "HTML attribute list of <" + tag + "> is malformed: " + clip(m.group(3)));
                require(OUR_ATTRS.contains(a.group(1).toLowerCase(Locale.ROOT)), "HTML holds a foreign attribute "
                        + a.group(1) + " on <" + tag + ">");
                aa = a.end();
            }
            String tail = m.group(3).substring(aa).trim();
            require(tail.isEmpty() || tag.equals("!doctype"), "HTML tag <" + tag + "> has stray text: " + clip(tail));
            at = m.end();
        }
        String end = rest.substring(at);
        require(end.indexOf('<') < 0 && end.indexOf('>') < 0, "HTML ends with a raw '<' or '>'");
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    private static String ourScript() {
        String s = ourScript;
        if (s == null) {
            String h = HtmlExport.render(List.of(), null);
            int a = h.indexOf("<script>"), b = h.indexOf("</script>", a);
            s = h.substring(a + 8, b);
            ourScript = s;
        }
        return s;
    }

    // ------------------------------------------------------------------ inputs

    /** A dump text: the importer either refuses it with an InputException or yields frames that pass every check. */
    static int dump(String text, boolean exports) throws Exception {
        Loaded in;
        try {
            in = Inputs.fromText("fuzz.txt", text, null);
        } catch (InputException e) {
            require(e.getMessage() != null && !e.getMessage().isBlank(), "InputException without a message");
            return 0;
        }
        List<Dissection> ds;
        try (FrameSource fs = in.frames()) {
            ds = inOrder(fs, null, true);
        }
        if (exports) exports(ds, in, ds.size() % 2 == 0);
        return ds.size();
    }

    /** A capture file in memory: refused with an InputException, or every frame passes; open(path) agrees. */
    static int capture(byte[] file, Path tmp, boolean exports) throws Exception {
        FrameSource fs;
        try {
            fs = CaptureFiles.read(file);
        } catch (InputException e) {
            require(e.getMessage() != null && !e.getMessage().isBlank(), "InputException without a message");
            if (tmp != null) {
                Files.write(tmp, file);
                try (FrameSource o = CaptureFiles.open(tmp)) {
                    throw new Broken("read(bytes) refuses the capture (" + e.getMessage() + ") but open(path) reads "
                            + o.size() + " frames");
                } catch (InputException e2) {
                    // both refuse: fine
                }
            }
            return 0;
        }
        int n;
        try (fs) {
            n = fs.size();
            // notes in frame comments: deep nesting or a damaged line is a warning, never a throw (item 4)
            org.frameinspector.core.notes.NotesFiles.fromComments(fs, w -> { });
            List<Dissection> ds = inOrder(fs, null, exports);
            if (exports) exports(ds, new Loaded("fuzz.pcap", CaptureFiles.formatName(file), null, null, fs), false);
            if (tmp != null) {
                Files.write(tmp, file);
                try (FrameSource o = CaptureFiles.open(tmp)) {
                    require(o.size() == n, "open(path) sees " + o.size() + " frames, read(bytes) " + n);
                    for (int i = 0; i < n; i++) {
                        Frame a = fs.frame(i), b = o.frame(i);
                        require(Arrays.equals(a.data(), b.data()) && a.linkType() == b.linkType()
                                && a.originalLength() == b.originalLength(), "open(path) and read(bytes) differ at frame " + (i + 1));
                    }
                } catch (InputException e) {
                    throw new Broken("read(bytes) reads " + n + " frames but open(path) refuses: " + e.getMessage());
                }
            }
        }
        return n;
    }

    /**
     * A pcapng whose one damaged block follows {@code before.size()} good packets: the packets before it are kept,
     * byte for byte (issue 18 item 11), in memory and through the indexed reader; frame comments never throw.
     */
    static void damaged(byte[] file, List<Frame> before) throws Exception {
        try (FrameSource fs = CaptureFiles.read(file)) {
            require(fs.size() >= before.size(), "a damaged block after " + before.size() + " packets leaves " + fs.size());
            for (int i = 0; i < before.size(); i++) {
                require(Arrays.equals(fs.frame(i).data(), before.get(i).data()), "packet " + (i + 1)
                        + " before the damaged block reads back other bytes");
            }
            org.frameinspector.core.notes.NotesFiles.fromComments(fs, w -> { });
            inOrder(fs, null, false);
        } catch (InputException e) {
            require(before.isEmpty(), "a damaged block after " + before.size() + " good packets loses them: "
                    + e.getMessage());
        }
    }

    /** No character a terminal would act on (C0 but tab and line feed, DEL, C1, bidi controls). */
    static void terminalSafe(String what, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (org.frameinspector.core.output.SafeText.needsEscape(c)) {
                throw new Broken(what + " holds U+" + String.format("%04X", (int) c) + " raw at " + i + ": …"
                        + org.frameinspector.core.output.SafeText.escapeLine(s.substring(Math.max(0, i - 40), i)) + "…");
            }
        }
    }

    /** A sequence of frames through the stream layer. */
    static void stream(List<Frame> frames, String startsAt) {
        inOrder(new ListFrameSource(frames), startsAt, false);
    }

    /** A display filter: compiles or says why not; a compiled filter evaluates on every given dissection. */
    static boolean filter(String text, List<Dissection> on) {
        DisplayFilter f;
        try {
            f = DisplayFilter.compile(text);
        } catch (FilterSyntaxException e) {
            require(e.getMessage() != null && !e.getMessage().isBlank(), "FilterSyntaxException without a message");
            require(e.getMessage().chars().noneMatch(c -> c < 0x20 || c == 0x7F),
                    "FilterSyntaxException message is not one line: " + e.getMessage().replace("\n", "\\n"));
            return false;
        }
        for (Dissection d : on) f.matches(d);
        f.describe();
        return true;
    }

    /** The CLI never throws, exits 0/1/2, and an error is one line on stderr without a stack trace. */
    static int cli(String[] args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        String e = err.toString();
        String cmd = String.join(" ", args);
        require(rc == 0 || rc == 1 || rc == 2, "exit code " + rc + " for: " + cmd);
        terminalSafe("standard output of " + clip(cmd), out.toString());
        terminalSafe("standard error of " + clip(cmd), e);
        require(!e.contains("internal error") && !e.contains("\tat ") && !e.contains("Exception in"),
                "CLI reports a bug for: " + cmd + ": " + clip(e.strip()));
        if (rc == 2) {
            String[] lines = e.strip().split("\r?\n");
            require(!e.isBlank() && lines.length == 1, "exit 2 with " + (e.isBlank() ? "no" : lines.length + " lines of")
                    + " reason for: " + cmd + ": " + clip(e.strip()));
        }
        return rc;
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
