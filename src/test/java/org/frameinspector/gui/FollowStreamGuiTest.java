package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.data.TableCell;
import org.assertj.swing.fixture.DialogFixture;
import org.frameinspector.TestFiles;
import org.frameinspector.cli.Main;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.session.Session;
import org.frameinspector.core.session.StreamBytes;
import org.frameinspector.core.stream.Conversation;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Follow Stream on the repo's sample and on a shared S7 capture, opened as a user would (the keys, the frame list's
 * menu, the Connections tab's menu): the raw view of each direction shows exactly the TCP payload of that
 * connection's frames in order; the TPDU list has as many TPDUs as {@code dissect} shows for the connection; a click
 * on a TPDU shows its frame; "Filter to this stream" filters the list to the connection.
 */
class FollowStreamGuiTest extends WindowTest {
    private static final Path SAMPLE = Path.of("samples", "iso-on-tcp-cr-cc-dt-dr.pcap");

    /** A TCP segment of a capture as the command line's pass shows it: sender and receiver "addr:port", payload. */
    private record Seg(int frame, String from, String to, byte[] payload) {
    }

    private static String endpoint(String addr, Object port) {
        return (addr.indexOf(':') >= 0 ? "[" + addr + "]" : addr) + ":" + port;
    }

    private static Field last(org.frameinspector.core.model.Dissection d, String abbrev) {
        List<Field> fs = d.fields(abbrev);
        return fs.isEmpty() ? null : fs.get(fs.size() - 1);
    }

    /** Every TCP segment of the capture with its payload (the pass's tcp.payload field), and the connections. */
    private static List<Seg> segments(Path cap, List<Conversation> rows) throws Exception {
        List<Seg> out = new ArrayList<>();
        try (Session s = Session.of(Inputs.open(cap, null), null)) {
            rows.addAll(s.stream(d -> {
                Field sp = last(d, "tcp.srcport"), dp = last(d, "tcp.dstport");
                Field src = last(d, "ip.src") != null ? last(d, "ip.src") : last(d, "ipv6.src");
                Field dst = last(d, "ip.dst") != null ? last(d, "ip.dst") : last(d, "ipv6.dst");
                if (sp == null || dp == null || src == null || dst == null) return;
                Field p = last(d, "tcp.payload");
                byte[] pay = p == null ? new byte[0]
                        : java.util.Arrays.copyOfRange(d.source(p.source()).bytes(), p.offset(), p.end());
                out.add(new Seg(d.frame().number(), endpoint(src.value().toString(), sp.value()),
                        endpoint(dst.value().toString(), dp.value()), pay));
            }).rows());
        }
        return out;
    }

    /** The payload A (or B) sent on connection {@code c}, frame by frame. */
    private static byte[] expected(List<Seg> segs, Conversation c, boolean fromA) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String from = fromA ? c.endpointA() : c.endpointB(), to = fromA ? c.endpointB() : c.endpointA();
        for (Seg s : segs) {
            if (s.frame() >= c.firstFrame() && s.frame() <= c.lastFrame() && s.from().equals(from) && s.to().equals(to)) {
                b.writeBytes(s.payload());
            }
        }
        return b.toByteArray();
    }

    /** How many COTP TPDUs {@code dissect --json -Y filter} shows (the command run in this JVM). */
    static int cliTpdus(Path file, String filter) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(new String[] {"dissect", "--json", "-Y", filter, file.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        assertThat(rc).as("dissect -Y '%s': %s", filter, err).isZero();
        int n = 0;
        try (JsonParser p = new JsonFactory().createParser(out.toString())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.PROPERTY_NAME || !"protocol".equals(p.currentName())) continue;
                var array = p.streamReadContext().getParent();
                boolean inLayers = array != null && array.inArray() && array.getParent() != null
                        && "layers".equals(array.getParent().currentName());
                if (p.nextToken() == JsonToken.VALUE_STRING && inLayers && "cotp".equals(p.getString())) n++;
            }
        }
        return n;
    }

    private DialogFixture followDialog() {
        GuiWait.until("the Follow Stream window", () -> {
            FollowStreamWindow f = execute(() -> main.actions.follow.last());
            return f != null && f.isShowing() && !execute(f::rendering);
        }, 30_000);
        return GuiWait.ready(new DialogFixture(robot, execute(() -> main.actions.follow.last())));
    }

    /** Shows one direction (1: A → B, 2: B → A) as raw hex and reads the bytes back from the text. */
    private byte[] rawShown(DialogFixture d, int direction) {
        d.comboBox("followView").selectItem("Raw");
        d.comboBox("followDirection").selectItem(direction);
        FollowStreamWindow f = (FollowStreamWindow) d.target();
        GuiWait.until("the raw view", () -> !execute(f::rendering), 10_000);
        String text = d.textBox("followText").text().replaceAll("\\s", "");
        return HexFormat.of().parseHex(text);
    }

    @Test
    void theSampleByTheKeysBothDirectionsAndTheFilterButton() throws Exception {
        List<Conversation> rows = new ArrayList<>();
        List<Seg> segs = segments(SAMPLE, rows);
        assertThat(rows).hasSize(1);
        Conversation c = rows.get(0);
        openAndPass(SAMPLE);
        window.table("frameTable").cell(TableCell.row(2).column(0)).click();
        @SuppressWarnings("deprecation")
        int mods = InputEvent.CTRL_MASK | InputEvent.ALT_MASK | InputEvent.SHIFT_MASK;
        window.table("frameTable").pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_T).modifiers(mods));
        DialogFixture d = followDialog();
        assertThat(d.target().getTitle()).startsWith("Follow TCP Stream").contains(c.endpointA()).contains(c.endpointB());
        assertThat(d.label("followA").text()).contains(c.endpointA());
        assertThat(d.label("followB").text()).contains(c.endpointB());

        byte[] a = expected(segs, c, true), b = expected(segs, c, false);
        assertThat(a.length).isEqualTo(c.bytesAtoB()).isGreaterThan(0);
        assertThat(b.length).isEqualTo(c.bytesBtoA()).isGreaterThan(0);
        assertThat(rawShown(d, 1)).isEqualTo(a);
        assertThat(rawShown(d, 2)).isEqualTo(b);
        // both directions: A's CR first, then B's CC (frame order)
        byte[] both = rawShown(d, 0);
        assertThat(both).hasSize(a.length + b.length);
        // the hex dump of A's bytes: the CR's TPKT header opens the first row; ASCII shows the TSAP text
        d.comboBox("followView").selectItem("Hex Dump");
        GuiWait.until("the hex dump", () -> !execute(((FollowStreamWindow) d.target())::rendering), 10_000);
        assertThat(d.textBox("followText").text()).startsWith("00000000  03 00 00 2c");
        d.comboBox("followView").selectItem("ASCII");
        d.comboBox("followDirection").selectItem(0);
        GuiWait.until("the ASCII view", () -> !execute(((FollowStreamWindow) d.target())::rendering), 10_000);
        assertThat(d.textBox("followText").text()).contains("SWISSLIFETSAP").contains("EXCHANGETSAP1");

        // Filter to this stream: the conversation filter, as many rows as the connection's frames
        d.button("followFilter").click();
        GuiWait.until("the filter", () -> !main.isBusy() && main.frameModel().isFiltered(), 30_000);
        assertThat(window.textBox("filterText").text()).contains("tcp.port == " + 1555).contains("tcp.port == 102");
        assertThat(execute(() -> main.frameTable().getRowCount())).isEqualTo(c.frames());
        d.close();
    }

    @Test
    void aSharedS7ConnectionFromTheMenusWithItsTpdus() throws Exception {
        Path cap = TestFiles.captures().resolve("s7comm_downloading_block_db1.pcap");
        List<Conversation> rows = new ArrayList<>();
        List<Seg> segs = segments(cap, rows);
        Conversation c = rows.stream().filter(Conversation::tpkt)
                .max(java.util.Comparator.comparingInt(Conversation::frames)).orElseThrow();
        openAndPass(cap);

        // the frame list's menu on a frame in the middle of the connection
        int frame = (c.firstFrame() + c.lastFrame()) / 2;
        execute(() -> main.goToFrameNumber(frame));
        int row = execute(() -> main.frameTable().getSelectedRow());
        window.table("frameTable").cell(TableCell.row(row).column(0)).rightClick();
        window.menuItem("followFrameMenu").click();
        window.menuItem("followCotpItem").click();
        DialogFixture d = followDialog();
        FollowStreamWindow f = (FollowStreamWindow) d.target();
        assertThat(f.getTitle()).startsWith("Follow TPKT/COTP Stream");
        assertThat(rawShown(d, 1)).isEqualTo(expected(segs, c, true));
        assertThat(rawShown(d, 2)).isEqualTo(expected(segs, c, false));

        // the TPDUs: as many as dissect shows for the connection's frames, and as the connections row counts
        String filter = execute(() -> FilterExpressions.conversation(main.dissections().get(c.firstFrame() - 1)));
        int cli = cliTpdus(cap, filter);
        int counted = 0;
        for (int t = 0; t < 16; t++) counted += c.tpdus(t);
        assertThat(cli).isEqualTo(counted).isGreaterThan(10);
        assertThat(d.table("followTpdus").rowCount()).isEqualTo(cli);
        List<StreamBytes.Tpdu> tpdus = execute(f::tpdus);
        assertThat(tpdus.get(0).type()).isEqualTo("CR");
        assertThat(tpdus.get(1).type()).isEqualTo("CC");
        assertThat(tpdus.get(1).fromA()).isFalse();

        // a click on a TPDU shows its frame in the main window
        StreamBytes.Tpdu pick = tpdus.get(5);
        d.table("followTpdus").cell(TableCell.row(5).column(0)).click();
        GuiWait.until("frame " + pick.frame(), () -> main.currentDissection() != null
                && main.currentDissection().frame().number() == pick.frame(), 10_000);
        d.close();

        // the Connections tab's menu follows the same connection
        execute(() -> main.lowerTabs().setSelectedComponent(main.session.connectionsPane));
        int crow = execute(() -> {
            javax.swing.JTable t = main.connectionsTable();
            for (int r = 0; r < t.getRowCount(); r++) {
                if (main.session.connectionsModel.at(t.convertRowIndexToModel(r)).index() == c.index()) return r;
            }
            return -1;
        });
        window.table("connectionsTable").cell(TableCell.row(crow).column(1)).rightClick();
        window.menuItem("followTcpItem").click();
        DialogFixture d2 = followDialog();
        assertThat(d2.target()).isNotSameAs(f);
        assertThat(d2.target().getTitle()).startsWith("Follow TCP Stream").contains("connection " + c.index());
        assertThat(rawShown(d2, 0)).hasSize((int) (c.bytesAtoB() + c.bytesBtoA()));
        d2.close();
    }
}
