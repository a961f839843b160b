package org.frameinspector.core.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.TestFiles;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.export.Exporter;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesTest {
    static final FrameDissector FD = org.frameinspector.core.protocols.Protocols.dissector();

    static List<Dissection> dissectAll(Loaded l) {
        List<Dissection> ds = new ArrayList<>();
        for (int i = 0; i < l.frames().size(); i++) ds.add(FD.dissect(l.frames().frame(i), null, null));
        return ds;
    }

    static String export(Exporter.Format f, Loaded l, NotesStore notes) throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        Exporter.write(f, dissectAll(l), l, new Exporter.Options(false), bo, notes);
        return bo.toString(StandardCharsets.UTF_8);
    }

    @Test
    void storeEditsAndListeners() {
        NotesStore s = new NotesStore();
        List<String> events = new ArrayList<>();
        s.addListener((k, n) -> events.add(k + " " + (n == null ? "-" : n.text())));
        Note a = s.add(Note.onBytes(1, 0x10, 4, "four bytes"));
        Note b = s.add(Note.onFrame(2, "frame two"));
        assertThat(s.dirty()).isTrue();
        s.markSaved();
        assertThat(s.edit(a.id(), "edited")).satisfies(n -> {
            assertThat(n.id()).isEqualTo(a.id());
            assertThat(n.text()).isEqualTo("edited");
            assertThat(n.offset()).isEqualTo(0x10);
        });
        assertThat(s.dirty()).isTrue();
        assertThat(s.edit("nope", "x")).isNull();
        assertThat(s.remove(b.id())).isTrue();
        assertThat(s.remove(b.id())).isFalse();
        s.replaceAll(List.of());
        assertThat(s.dirty()).isFalse();
        assertThat(events).containsExactly("ADDED four bytes", "ADDED frame two", "EDITED edited", "REMOVED frame two",
                "RELOADED -");
    }

    @Test
    void jsonRoundTripKeepsEveryField() {
        Note n = new Note("abc", 7, Note.Target.FIELD, "cotp/cotp.parameter{c1}/cotp.src-tsap", "cotp.src-tsap", "frame",
                67, 13, "He said \"no\" \\ <b>\n\tline two – ü €", 1700000000000L, 1700000000001L);
        List<Note> back = NotesJson.read(NotesJson.write(List.of(n, Note.onFrame(1, ""))));
        assertThat(back).hasSize(2);
        assertThat(back.get(0)).isEqualTo(n);
        assertThat(back.get(1).target()).isEqualTo(Note.Target.FRAME);
        assertThat(NotesJson.readOne(NotesJson.write(n))).isEqualTo(n);
        assertThatThrownBy(() -> NotesJson.read("{\"format\":\"other\",\"notes\":[]}")).hasMessageContaining("not a Frame Inspector notes file");
        assertThatThrownBy(() -> NotesJson.read("{\"notes\":[{\"target\":\"field\",}]}")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Add notes to the KB dump, save the sidecar, reopen: the notes are back, located, and in every export. */
    @Test
    void sidecarSaveReopenAndExport(@TempDir Path tmp) throws Exception {
        Path dump = tmp.resolve("kb.txt");
        Files.copy(TestFiles.seed(), dump);
        Loaded l = Inputs.open(dump, null);
        Dissection d = FD.dissect(l.frames().frame(0));
        NotesStore s = NotesFiles.load(dump, l);
        assertThat(s.isEmpty()).isTrue();
        Field reserved = d.field("tpkt.reserved");
        s.add(Note.onField(d, reserved, "Exchange sends 0x11 here; the strict MTA hangs up"));
        s.add(Note.onBytes(1, 0x43, 13, "calling TSAP <SWISSLIFETSAP>"));
        s.add(Note.onFrame(1, "From ticket 4711"));
        assertThat(s.all().get(0).path()).isEqualTo("tpkt/tpkt.reserved");
        NotesFiles.saveSidecar(dump, s);
        assertThat(s.dirty()).isFalse();
        assertThat(NotesFiles.sidecar(dump)).exists().hasFileName("kb.txt.fi-notes.json");

        Loaded again = Inputs.open(dump, null);
        NotesStore back = NotesFiles.load(dump, again);
        assertThat(back.all()).isEqualTo(s.all());
        Dissection d2 = FD.dissect(again.frames().frame(0));
        NoteLocator.Location loc = NoteLocator.locate(d2, back.all().get(0));
        assertThat(loc.field().abbrev()).isEqualTo("tpkt.reserved");
        assertThat(loc.offset()).isEqualTo(0x37);

        String text = export(Exporter.Format.TEXT, again, back);
        assertThat(text).contains("# Notes: 3\n");
        assertThat(text).contains("# Notes\n#  (N1) frame\n#      From ticket 4711\n");
        assertThat(text).contains("#  (N2) field tpkt.reserved at 0x0037\n#      Exchange sends 0x11 here; the strict MTA hangs up\n");
        assertThat(text).contains("#  (N3) bytes at 0x0043 (13 bytes)\n#      calling TSAP <SWISSLIFETSAP>\n");
        // marker rows: 0x30 row has the reserved byte at column 7, 0x40 row the TSAP from 0x43
        assertThat(text).contains("\n#                          ^^                           [1] TPKT-RESERVED-NONZERO\n"
                + "#                          ~~                           (N2)\n");
        assertThat(text).contains("\n#              ~~ ~~ ~~ ~~ ~~  ~~ ~~ ~~ ~~ ~~ ~~ ~~ ~~  (N3)\n");
        // the annotated dump with notes still imports to the same bytes
        assertThat(Inputs.fromText("x", text, null).frames().frame(0).data()).isEqualTo(again.frames().frame(0).data());

        String json = export(Exporter.Format.JSON, again, back);
        assertThat(json).contains("\"notes\":[{\"label\":\"N1\"");
        assertThat(json).contains("\"path\":\"tpkt/tpkt.reserved\",\"abbrev\":\"tpkt.reserved\",\"source\":\"frame\",\"offset\":55,\"length\":1,\"text\":\"Exchange sends 0x11 here; the strict MTA hangs up\"");
        String html = org.frameinspector.core.export.HtmlReportData.json(export(Exporter.Format.HTML, again, back));
        // the report's notes: label, where, text, then the located bytes (source, offset, length)
        assertThat(html).contains("[\"N2\",\"field tpkt.reserved at 0x0037\",\"Exchange sends");
        assertThat(html).contains("\"frame\",55,1]");
        assertThat(html).contains("calling TSAP \\u003cSWISSLIFETSAP\\u003e");
        String md = export(Exporter.Format.MD, again, back);
        assertThat(md).contains("**Notes**\n\n- (N1) frame: From ticket 4711\n- (N2) field tpkt.reserved at 0x0037: Exchange sends");
        // without notes the exports are as before
        assertThat(export(Exporter.Format.TEXT, again, null)).doesNotContain("# Notes");
        assertThat(export(Exporter.Format.JSON, again, null)).doesNotContain("\"notes\"");
    }

    /** Notes written into pcapng frame comments come back when the capture is reopened; the bytes are unchanged. */
    @Test
    void pcapngCommentsRoundTrip(@TempDir Path tmp) throws Exception {
        Loaded cap = Inputs.open(TestFiles.captures().resolve("s7comm_reading_setting_plc_time.pcap"), null);
        int k = 0;
        while (FD.dissect(cap.frames().frame(k)).field("cotp.li") == null) k++;
        int num = k + 1;
        Dissection d3 = FD.dissect(cap.frames().frame(k));
        Field port = d3.field("tcp.srcport");
        NotesStore s = new NotesStore();
        s.add(Note.onField(d3, port, "PLC side"));
        s.add(Note.onFrame(num, "second line\nof a frame note"));
        s.add(Note.onBytes(1, 0, 6, "dst MAC"));
        Path out = tmp.resolve("with-notes.pcapng");
        try (OutputStream os = Files.newOutputStream(out)) {
            NotesFiles.writeCapture(cap.frames(), s, os);
        }
        Loaded back = Inputs.open(out, null);
        assertThat(back.frames().size()).isEqualTo(cap.frames().size());
        for (int i = 0; i < cap.frames().size(); i++) {
            assertThat(back.frames().frame(i).data()).isEqualTo(cap.frames().frame(i).data());
        }
        assertThat(back.frames().frame(k).comment()).startsWith(NotesFiles.PREFIX);
        assertThat(NotesFiles.userComment(back.frames().frame(k).comment())).isNull();
        NotesStore r = NotesFiles.load(out, back);
        assertThat(r.all()).containsExactlyInAnyOrderElementsOf(s.all());
        assertThat(r.forFrame(num)).hasSize(2);
        assertThat(NoteLocator.locate(FD.dissect(back.frames().frame(k)), r.forFrame(num).get(1)).field().abbrev())
                .isEqualTo("tcp.srcport");

        // the generic export to pcapng keeps them too, next to the findings lines
        Path ng = tmp.resolve("export.pcapng");
        try (OutputStream os = Files.newOutputStream(ng)) {
            Exporter.write(Exporter.Format.PCAPNG, dissectAll(back), back, new Exporter.Options(false), os, r);
        }
        Loaded ngBack = Inputs.open(ng, null);
        assertThat(NotesFiles.load(null, ngBack).all()).containsExactlyInAnyOrderElementsOf(s.all());
    }

    /** A dump starting at TPKT is wrapped in Ethernet/IP/TCP for pcapng; the note moves with its bytes. */
    @Test
    void wrappedDumpNotesFollowTheirBytes(@TempDir Path tmp) throws Exception {
        Loaded l = Inputs.open(Path.of("samples", "tpkt-only-connect-confirm.txt"), "tpkt");
        Dissection d = FD.dissect(l.frames().frame(0));
        assertThat(d.frame().linkType()).isEqualTo(Frame.LINK_TPKT);
        NotesStore s = new NotesStore();
        s.add(Note.onField(d, d.field("tpkt.reserved"), "the byte"));
        s.add(Note.onBytes(1, 1, 1, "same byte"));
        Path out = tmp.resolve("w.pcapng");
        try (OutputStream os = Files.newOutputStream(out)) {
            NotesFiles.writeCapture(l.frames(), s, os);
        }
        Loaded back = Inputs.open(out, null);
        NotesStore r = NotesFiles.load(out, back);
        Dissection wd = FD.dissect(back.frames().frame(0));
        for (Note n : r.all()) {
            NoteLocator.Location loc = NoteLocator.locate(wd, n);
            assertThat(loc.offset()).as(n.text()).isEqualTo(0x37);
            assertThat(wd.deepestFieldAt("frame", loc.offset()).abbrev()).isEqualTo("tpkt.reserved");
        }
    }

    @Test
    void locatorFallsBackToAbbrevAndOffset() throws Exception {
        Dissection d = FD.dissect(Inputs.open(TestFiles.seed(), null).frames().frame(0));
        Note stale = new Note("x", 1, Note.Target.FIELD, "tpkt[3]/nothing", "tpkt.length", "frame", 0x38, 2, "t", 0, 0);
        assertThat(NoteLocator.locate(d, stale).field()).isSameAs(d.field("tpkt.length"));
        Note gone = new Note("y", 1, Note.Target.FIELD, "nope", "nope.nope", "frame", 5, 2, "t", 0, 0);
        NoteLocator.Location loc = NoteLocator.locate(d, gone);
        assertThat(loc.field()).isNull();
        assertThat(loc.offset()).isEqualTo(5);
        assertThat(NoteLocator.locate(d, Note.onFrame(1, "f"))).isNull();
    }
}
