package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import javax.swing.tree.TreePath;
import org.frameinspector.TestFiles;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expert Info on a real capture: the findings of every frame grouped by severity and id with the counts the in-order
 * pass (the command line's) gives; the status bar's counts open it on one severity; a frame under a group is shown
 * with that finding selected; the toggles hide a severity; Export writes what is shown.
 */
class ExpertInfoGuiTest extends WindowTest {
    private static final String CAPTURE = "mms_iec61850_8d7c7db0.pcap";
    @TempDir
    Path tmp;

    @Test
    void groupsCountsJumpToggleAndExport() throws Exception {
        Path cap = TestFiles.captures().resolve(CAPTURE);
        // what the command line's pass finds: per severity, and per severity and id
        Map<Severity, Integer> perSeverity = new EnumMap<>(Severity.class);
        Map<String, Integer> perId = new TreeMap<>();
        try (Session s = Session.of(Inputs.open(cap, null), null)) {
            s.stream(d -> {
                for (Finding f : d.findings()) {
                    perSeverity.merge(f.severity(), 1, Integer::sum);
                    perId.merge(f.severity() + " " + f.id(), 1, Integer::sum);
                }
            });
        }
        assertThat(perId).isNotEmpty();
        openAndPass(cap);
        GuiWait.until("the counts", () -> main.statusBar.counts.isVisible(), 5_000);

        // the status bar: one count per severity present, e.g. "3 violations"
        for (Map.Entry<Severity, Integer> e : perSeverity.entrySet()) {
            assertThat(window.label("count" + e.getKey().name()).text())
                    .isEqualTo(ExpertPart.count(e.getKey(), e.getValue()));
        }
        // the groups: the same ids with the same counts
        Map<String, Integer> shown = new TreeMap<>();
        for (CaptureFindings.Group g : execute(() -> main.expert.visibleGroups())) {
            shown.put(g.severity() + " " + g.id(), g.count());
        }
        assertThat(shown).isEqualTo(perId);

        // a click on the least severe count opens Expert Info with that severity only
        Severity one = perSeverity.keySet().stream().reduce((a, b) -> b).orElseThrow();
        window.label("count" + one.name()).click();
        GuiWait.until("Expert Info in front", () -> main.lowerTabs.getSelectedComponent() == main.expert.component(),
                5_000);
        assertThat(execute(() -> main.expert.visibleGroups().stream().allMatch(g -> g.severity() == one))).isTrue();
        assertThat(execute(() -> main.expert.tree.getRowCount() > 0
                && main.expert.tree.getPathForRow(0).getLastPathComponent() == one)).isTrue();

        // every severity again; open the first group of the most severe one and click its second frame
        execute(() -> main.expert.showOnly(null));
        CaptureFindings.Group g = execute(() -> main.expert.visibleGroups().get(0));
        assertThat(g.frames().length).isGreaterThan(0);
        int pick = Math.min(1, g.frames().length - 1);
        int row = execute(() -> {
            javax.swing.JTree t = main.expert.tree;
            for (int r = 0; r < t.getRowCount(); r++) {
                if (t.getPathForRow(r).getLastPathComponent() == g) {
                    t.expandRow(r);
                    return r + 1 + pick;
                }
            }
            return -1;
        });
        assertThat(row).isPositive();
        window.tree("expertTree").clickRow(row);
        int frame = g.frames()[pick];
        GuiWait.until("frame " + (frame + 1) + " shown", () -> main.currentDissection() != null
                && main.currentDissection().frame().number() == frame + 1, 10_000);
        GuiWait.until("its finding selected", () -> main.findingsTable().getSelectedRow() >= 0
                && main.findings.model.at(main.findingsTable().getSelectedRow()).id().equals(g.id()), 5_000);

        // the toggle of the most severe severity hides it
        window.toggleButton("expertShow" + g.severity().name()).click();
        assertThat(execute(() -> main.expert.visibleGroups().stream().noneMatch(x -> x.severity() == g.severity())))
                .isTrue();
        // export writes the groups shown: one line a group, its frames listed
        Path out = tmp.resolve("expert.txt");
        execute(() -> {
            main.expert.exportTo(out);
            return null;
        });
        String text = Files.readString(out);
        long lines = text.lines().filter(l -> l.matches("(VIOLATION|RISK|INFO)\t.*")).count();
        assertThat(lines).isEqualTo(perId.keySet().stream().filter(k -> !k.startsWith(g.severity() + " ")).count());
        assertThat(text).doesNotContain(g.severity() + "\t" + g.id() + "\t");
        // the menu brings every severity back
        window.menuItemWithPath("Analyze", "Expert Info").click();
        assertThat(execute(() -> main.expert.visibleGroups().size())).isEqualTo(perId.size());
    }
}
