package org.frameinspector.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.source.FrameSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The findings-only pass ({@code check} without a display filter) runs the same dissectors and raises the same
 * findings, each on the same bytes, field and words, as the full pass the GUI and the exports read; it only leaves out
 * what serves a reader of the tree.
 */
class FindingsOnlyTest {
    @Test
    void theSamplesGiveTheSameFindings() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            for (Path p : s.filter(f -> !f.getFileName().toString().equals("index.txt")).sorted().toList()) {
                assertSame(p);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everySharedCaptureGivesTheSameFindings() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestFiles.captures())) {
            files = s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> assertSame(p)));
    }

    @Test
    void theFindingsOnlyPassLeavesOutWhatOnlyTheTreeShows() throws Exception {
        Path p = Path.of("samples", "iso-on-tcp-cr-cc-dt-dr.pcap");
        List<Dissection> full = pass(p, false), lean = pass(p, true);
        assertThat(lean).allMatch(Dissection::findingsOnly);
        assertThat(full).noneMatch(Dissection::findingsOnly);
        assertThat(fields(full)).contains("tcp.seq", "tcp.nxtseq");
        assertThat(fields(lean)).doesNotContain("tcp.nxtseq").contains("tcp.seq", "tcp.seq_raw", "tpkt.reserved");
    }

    private static void assertSame(Path p) throws Exception {
        List<String> full = findings(pass(p, false)), lean = findings(pass(p, true));
        assertThat(lean).as(p.toString()).isEqualTo(full);
    }

    private static List<Dissection> pass(Path p, boolean findingsOnly) throws Exception {
        List<Dissection> out = new ArrayList<>();
        Loaded in = Inputs.open(p, null);
        try (FrameSource fs = in.frames()) {
            InOrder.dissect(fs, null, false, findingsOnly, out::add);
        }
        return out;
    }

    private static List<String> findings(List<Dissection> ds) {
        List<String> rows = new ArrayList<>();
        for (Dissection d : ds) {
            for (Finding f : d.findings()) {
                rows.add(d.frame().number() + " " + f.id() + " " + f.severity() + " " + f.layer() + " " + f.source() + "@"
                        + f.offset() + "+" + f.length() + " " + (f.field() == null ? "-" : f.field().abbrev()) + " "
                        + f.observed() + " | " + f.expected() + " | " + f.explanation() + " | " + f.reference());
            }
        }
        return rows;
    }

    private static List<String> fields(List<Dissection> ds) {
        List<String> names = new ArrayList<>();
        for (Dissection d : ds) d.forEachField(f -> names.add(f.abbrev()));
        return names;
    }
}
