package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.swing.data.TableCell;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.frameinspector.TestFiles;
import org.frameinspector.cli.Main;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Statistics → Conversations and Protocol Hierarchy on shared captures, opened from the menu: the conversations are
 * the rows of the {@code conversations} command (endpoints, frames, bytes, TPDU size, class, how each ended), no cell
 * is cut, a header click sorts by number, a double-click filters, the right-click menu follows the stream; the
 * protocol hierarchy counts, per protocol, as many frames as {@code dissect -Y protocol} prints, and a double-click
 * applies the protocol as filter.
 */
class StatisticsGuiTest extends WindowTest {

    /** The conversations of {@code conversations --json}: one map of the top-level values per connection. */
    private static List<Map<String, String>> cliConversations(Path cap) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(new String[] {"conversations", "--json", cap.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        assertThat(rc).as("conversations %s: %s", cap.getFileName(), err).isZero();
        List<Map<String, String>> rows = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(out.toString())) {
            Map<String, String> row = null;
            int depth = 0;
            String key = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT -> {
                        depth++;
                        if (depth == 2) row = new HashMap<>();
                    }
                    case END_OBJECT -> {
                        if (depth == 2) rows.add(row);
                        depth--;
                    }
                    case PROPERTY_NAME -> key = p.currentName();
                    default -> {
                        if (row != null && t.isScalarValue() && (depth == 2 || depth == 3 && "how".equals(key))) {
                            row.put(key, p.getString());
                        }
                    }
                }
            }
        }
        return rows;
    }

    private DialogFixture conversationsWindow() {
        window.menuItemWithPath("Statistics", "Conversations").click();
        GuiWait.until("the Conversations window", () -> {
            var c = execute(() -> main.actions.statistics.lastConversations());
            return c != null && c.isShowing();
        }, 30_000);
        return GuiWait.ready(new DialogFixture(robot, execute(() -> main.actions.statistics.lastConversations())));
    }

    /** No cell wider than its column: nothing is cut to "24 (121–1…". */
    private static void nothingCut(javax.swing.JTable t) {
        assertThat(execute(() -> ConnectionStateGuiTest.nothingCut(t))).isNull();
    }

    @Test
    void conversationsAreTheCommandLinesRowsSortFilterAndFollow() throws Exception {
        for (String name : List.of("s7comm_downloading_block_db1.pcap", "ipv6_ftp_violation.pcap",
                "mms_iec61850_8d7c7db0.pcap")) {
            Path cap = TestFiles.captures().resolve(name);
            List<Map<String, String>> cli = cliConversations(cap);
            assertThat(cli).as(name).isNotEmpty();
            openAndPass(cap);
            DialogFixture d = conversationsWindow();
            JTableFixture t = d.table("conversationsTable");
            javax.swing.JTable table = (javax.swing.JTable) t.target();
            assertThat(t.rowCount()).as(name).isEqualTo(cli.size());
            for (int r = 0; r < cli.size(); r++) {
                Map<String, String> x = cli.get(r);
                int row = r;
                var c = execute(() -> main.actions.statistics.lastConversations().at(row));
                assertThat(Integer.toString(c.index())).isEqualTo(x.get("index"));
                String a = execute(() -> endpoint(table.getModel().getValueAt(row, 1), table.getModel().getValueAt(row, 2)));
                String b = execute(() -> endpoint(table.getModel().getValueAt(row, 3), table.getModel().getValueAt(row, 4)));
                assertThat(a).as(name).isEqualTo(x.get("a"));
                assertThat(b).as(name).isEqualTo(x.get("b"));
                for (String[] col : new String[][] {{"5", "frames"}, {"6", "bytesAtoB"}, {"7", "bytesBtoA"},
                    {"12", "tpduSize"}, {"13", "class"}}) {
                    Object v = execute(() -> table.getModel().getValueAt(row, Integer.parseInt(col[0])));
                    assertThat(v.toString()).as("%s row %d %s", name, row, col[1]).isEqualTo(x.get(col[1]));
                }
                String ended = execute(() -> table.getModel().getValueAt(row, 10).toString());
                String how = x.get("how");
                assertThat(ended).as(name).contains(how.equals("OPEN") ? "open" : how);
            }
            nothingCut(table);
            d.close();
        }

        // the capture with most connections: sort by bytes A → B, double-click filters, right-click follows
        Path cap = TestFiles.captures().resolve("s7comm_downloading_block_db1.pcap");
        openAndPass(cap);
        DialogFixture d = conversationsWindow();
        JTableFixture t = d.table("conversationsTable");
        t.tableHeader().clickColumn(6);
        List<Long> sorted = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            int row = r;
            sorted.add(execute(() -> main.actions.statistics.lastConversations().at(row).bytesAtoB()));
        }
        assertThat(sorted).isSorted().hasSizeGreaterThan(2);
        int last = t.rowCount() - 1;
        var biggest = execute(() -> main.actions.statistics.lastConversations().at(last));
        t.cell(TableCell.row(last).column(1)).doubleClick();
        GuiWait.until("the conversation filter", () -> !main.isBusy() && main.frameModel().isFiltered(), 30_000);
        String filter = window.textBox("filterText").text();
        assertThat(filter).contains("tcp.port == " + biggest.portA()).contains("tcp.port == " + biggest.portB());
        assertThat(execute(() -> main.frameTable().getRowCount()))
                .isEqualTo(GuiCliAgreementTest.cliCount(cap, filter)).isEqualTo(biggest.frames());

        t.cell(TableCell.row(last).column(1)).rightClick();
        d.menuItem("followCotpItem").click();
        GuiWait.until("Follow Stream", () -> {
            FollowStreamWindow f = execute(() -> main.actions.follow.last());
            return f != null && f.isShowing();
        }, 30_000);
        FollowStreamWindow f = execute(() -> main.actions.follow.last());
        assertThat(execute(() -> f.data().conversation().index())).isEqualTo(biggest.index());
        assertThat(execute(() -> (long) f.data().size())).isEqualTo(biggest.bytesAtoB() + biggest.bytesBtoA());
        execute(f::dispose);
        d.close();
    }

    private static String endpoint(Object addr, Object port) {
        String a = addr.toString();
        return (a.indexOf(':') >= 0 ? "[" + a + "]" : a) + ":" + port;
    }

    private DialogFixture hierarchyWindow() {
        window.menuItemWithPath("Statistics", "Protocol Hierarchy").click();
        GuiWait.until("the Protocol Hierarchy window", () -> {
            var c = execute(() -> main.actions.statistics.lastHierarchy());
            return c != null && c.isShowing();
        }, 30_000);
        return GuiWait.ready(new DialogFixture(robot, execute(() -> main.actions.statistics.lastHierarchy())));
    }

    @Test
    void protocolHierarchyCountsAreTheFiltersCounts() throws Exception {
        for (String name : List.of("s7_wincc_s300_setup-alarm-read-write.pcapng", "mms_iec61850_8d7c7db0.pcap",
                "rdp_zeek_x509.pcap")) {
            Path cap = TestFiles.captures().resolve(name);
            openAndPass(cap);
            DialogFixture d = hierarchyWindow();
            ProtocolHierarchyWindow w = (ProtocolHierarchyWindow) d.target();
            Map<String, Long> shown = new TreeMap<>();
            for (ProtocolHierarchy.Node n : execute(w::rows)) shown.merge(n.protocol, n.frames, Long::sum);
            assertThat(shown.keySet()).as(name).containsExactlyInAnyOrderElementsOf(GuiCliAgreementTest.protocols(cap));
            for (Map.Entry<String, Long> e : shown.entrySet()) {
                assertThat(e.getValue()).as("%s: %s", name, e.getKey())
                        .isEqualTo((long) GuiCliAgreementTest.cliCount(cap, e.getKey()));
            }
            // the first row is the link layer: every frame, 100 %
            assertThat(d.table("protocolHierarchyTable").valueAt(TableCell.row(0).column(2))).isEqualTo("100.0 %");
            nothingCut(w.table);
            if (name.startsWith("s7_wincc")) {
                assertThat(shown).containsKey("s7comm");
                // a double-click on s7comm applies it as filter
                List<ProtocolHierarchy.Node> rows = execute(w::rows);
                int s7 = 0;
                while (!rows.get(s7).protocol.equals("s7comm")) s7++;
                d.table("protocolHierarchyTable").cell(TableCell.row(s7).column(1)).doubleClick();
                GuiWait.until("the s7comm filter", () -> !main.isBusy() && main.frameModel().isFiltered(), 30_000);
                assertThat(window.textBox("filterText").text()).isEqualTo("s7comm");
                assertThat((long) execute(() -> main.frameTable().getRowCount())).isEqualTo(shown.get("s7comm"));
                // folding the first row hides everything under it
                int before = d.table("protocolHierarchyTable").rowCount();
                java.awt.Rectangle cell = execute(() -> w.table.getCellRect(0, 0, false));
                robot.click(w.table, new java.awt.Point(cell.x + 8, cell.y + cell.height / 2));
                GuiWait.until("folded", () -> execute(() -> w.table.getRowCount()) == 1, 5_000);
                assertThat(before).isGreaterThan(1);
            }
            d.close();
        }
    }
}
