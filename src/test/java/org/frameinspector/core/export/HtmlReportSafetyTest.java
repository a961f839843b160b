package org.frameinspector.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.frameinspector.TestFiles;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.json.Json;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.notes.Note;
import org.frameinspector.core.notes.NotesStore;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.fuzz.Checks;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Every value from a packet, a note or a file name is text in the HTML report, never markup or script: each string
 * field the dissectors decode from raw text (TSAPs, the RDP cookie, S7 SZL names and file names, …) is overwritten
 * in real frames with markup of its own length, and the report must keep exactly our elements, one executable script
 * (ours) and data elements that no value can close, while the values are all there, as data.
 */
class HtmlReportSafetyTest {
    private static final String MARKUP = "</script><!--<img src=x onerror=alert(1)>&\"'</SCRIPT ";

    /** A class-0 CR, TPKT first, whose calling TSAP is {@code tsap} (at most 200 bytes). */
    static byte[] crWithTsap(String tsap) {
        byte[] t = tsap.getBytes(StandardCharsets.ISO_8859_1);
        byte[] v = new byte[2 + t.length];
        v[0] = (byte) 0xC1;
        v[1] = (byte) t.length;
        System.arraycopy(t, 0, v, 2, t.length);
        return cr("e00000000100", v);
    }

    /** A CR carrying an RDP cookie line: "Cookie: mstshash=" + {@code user} + CR LF. */
    static byte[] rdpCookieCr(String user) {
        return cr("e00000000000", ("Cookie: mstshash=" + user + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** TPKT + a CR TPDU: the fixed part (hex, after the length indicator), then {@code variable}. */
    private static byte[] cr(String fixedHex, byte[] variable) {
        byte[] fixed = HexFormat.of().parseHex(fixedHex);
        int li = fixed.length + variable.length;
        byte[] b = new byte[4 + 1 + li];
        b[0] = 3;
        b[2] = (byte) (b.length >> 8);
        b[3] = (byte) b.length;
        b[4] = (byte) li;
        System.arraycopy(fixed, 0, b, 5, fixed.length);
        System.arraycopy(variable, 0, b, 5 + fixed.length, variable.length);
        return b;
    }

    @Test
    void everyStringFieldNoteCommentAndNameIsText() throws Exception {
        FrameDissector fd = Protocols.dissector();
        List<Dissection> ds = new ArrayList<>();
        Set<String> hostile = new TreeSet<>();
        int n = 1;
        ds.add(fd.dissect(Frame.of(n++, crWithTsap("</script><script>alert(1)</script>"), Frame.LINK_TPKT)));
        ds.add(fd.dissect(Frame.of(n++, rdpCookieCr("<img src=x onerror=alert(2)>"), Frame.LINK_TPKT)));
        // real frames, their text fields overwritten with markup of the same length
        List<String> captures = new ArrayList<>(List.of("s7_icsnpp_s7ident.pcap", "rdp_suricata_RDP-003.pcap",
                "s7plus_S7-1511_db2_var1_HMI.pcap", "s7_step7_s300_AuthPassword.pcapng"));
        if (TestFiles.hasShared()) {
            for (String c : captures) {
                Loaded in = Inputs.open(TestFiles.captures().resolve(c), null);
                try (FrameSource fs = in.frames()) {
                    for (int i = 0; i < fs.size(); i++) {
                        Frame f = fs.frame(i);
                        Dissection d = fd.dissect(f);
                        byte[] b = f.data().clone();
                        List<String> changed = new ArrayList<>();
                        for (Layer l : d.layers()) for (Field x : l.fields()) overwrite(x, b, changed);
                        if (changed.isEmpty()) continue;
                        Frame g = new Frame(n++, b, b.length, f.timestampNanos(), f.linkType(), f.interfaceId(), null);
                        ds.add(fd.dissect(g));
                    }
                }
            }
        }
        for (Dissection d : ds) {
            for (Layer l : d.layers()) for (Field x : l.fields()) collect(x, hostile);
        }
        assertThat(hostile).contains("cotp.src-tsap", "rdp.rt_cookie");
        if (TestFiles.hasShared()) {
            assertThat(hostile).contains("s7comm.szl.001c.0001.name", "s7comm.param.blockcontrol.filename");
            assertThat(hostile.stream().filter(a -> a.startsWith("s7comm")).count()).isGreaterThanOrEqualTo(8);
        }
        // a pcapng comment, notes of every kind, the file name: each with markup and a line separator
        List<Dissection> all = new ArrayList<>();
        for (Dissection d : ds) all.add(d);
        Dissection first = fd.dissect(ds.get(0).frame().withComment("<b>comment</b></script>\u2028\u2029"));
        all.set(0, first);
        NotesStore notes = new NotesStore();
        notes.add(Note.onFrame(1, "frame </script><script>alert(3)</script>\u2028"));
        notes.add(Note.onBytes(1, 0, 4, "bytes <!-- <img src=x onerror=alert(4)>"));
        notes.add(Note.onField(first, first.fields("cotp.src-tsap").get(0), "field </SCRIPT\t>"));
        String name = "<img src=x onerror=alert(5)>\u2028.pcapng";
        String html = HtmlExport.render(all, name, notes);

        // the strict oracle: our elements only, one executable script (ours), data elements free of markup characters
        Checks.html(html);
        List<String> scripts = HtmlExport.scripts(html);
        assertThat(html.toLowerCase(Locale.ROOT).split("</script", -1)).hasSize(scripts.size() + 1);
        // the values are all there, as JSON strings
        Set<String> strings = new TreeSet<>();
        for (String s : scripts) {
            if (!s.startsWith("<script type=\"application/json\"")) continue;
            strings(s.substring(s.indexOf('>') + 1), strings);
        }
        for (String v : List.of("</script><script>alert(1)</script>", "<img src=x onerror=alert(2)>",
                "<b>comment</b></script>\u2028\u2029", "frame </script><script>alert(3)</script>\u2028",
                "bytes <!-- <img src=x onerror=alert(4)>", "field </SCRIPT\t>")) {
            assertThat(strings).as(v).anyMatch(s -> s.contains(v));
        }
        // the S7 string fields made hostile come from the shared captures; without them, the repo's own frames
        assertThat(strings.stream().filter(s -> s.contains(": </scr")).count())
                .isGreaterThanOrEqualTo(TestFiles.hasShared() ? 5 : 1);
        // the name, outside the data, is escaped text
        assertThat(html).contains("&lt;img src=x onerror=alert(5)&gt;\u2028.pcapng</title>").doesNotContain("<img");
    }

    /** The strings of a data element, a packed one unpacked. */
    private static void strings(String body, Set<String> into) {
        try (JsonParser p = Json.parser(HtmlReportData.unpack(body))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) if (t == JsonToken.VALUE_STRING) into.add(p.getString());
        }
    }

    /** Overwrites, in {@code b}, the bytes of every string field that are its value's raw text, with markup. */
    private static void overwrite(Field x, byte[] b, List<String> changed) {
        // the value is the field's text, or its start (names padded with blanks or zeros)
        if (x.value() instanceof String v && x.inFrame() && x.kind() != FieldKind.GENERATED && v.length() >= 4
                && x.offset() >= 0 && x.end() <= b.length && v.length() <= x.length()
                && new String(b, x.offset(), x.length(), StandardCharsets.ISO_8859_1).startsWith(v)) {
            byte[] m = MARKUP.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < v.length(); i++) b[x.offset() + i] = m[i % m.length];
            changed.add(x.abbrev());
        }
        for (Field c : x.children()) overwrite(c, b, changed);
    }

    private static void collect(Field x, Set<String> hostile) {
        if (x.value() instanceof String v && x.inFrame() && (v.contains("</") || v.contains("<img"))) hostile.add(x.abbrev());
        for (Field c : x.children()) collect(c, hostile);
    }

    @Test
    void thePolicyNamesOurScriptAndStyleAndNothingElse() {
        String html = HtmlExport.render(List.of(), "x");
        assertThat(HtmlExport.CSP).isEqualTo("default-src 'none'; script-src '" + HtmlExport.sha256(HtmlExport.SCRIPT)
                + "'; style-src '" + HtmlExport.sha256(HtmlExport.CSS) + "'; img-src data:; base-uri 'none'; form-action 'none'");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;");
        assertThat(html).contains("<style>" + HtmlExport.CSS + "</style>").endsWith("<script>" + HtmlExport.SCRIPT
                + "</script>\n</body></html>\n");
        // no inline handler, no remote address in our own markup and script
        assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContain("http://").doesNotContain("https://");
    }
}
