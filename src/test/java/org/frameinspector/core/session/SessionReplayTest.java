package org.frameinspector.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.SourcePart;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One dissection per input: frame N made again from its bytes and its stream log (random access, as the desktop app
 * asks) is exactly the dissection the in-order pass made (as the command line streams it): every layer, field, value,
 * display text, data source and finding, on every frame of every shared capture, in any order.
 */
class SessionReplayTest {
    @TestFactory
    Stream<DynamicTest> replayedDissectionsEqualTheInOrderPass() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestFiles.captures())) {
            files = s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            List<String> live = new ArrayList<>();
            try (Session s = Session.of(Inputs.open(p, null), null)) {
                assertThat(s.index(null, d -> live.add(canonical(d)))).isTrue();
                assertThat(s.indexed()).isEqualTo(s.size());
                // backwards, so no frame can lean on state left by the one before it
                for (int i = s.size() - 1; i >= 0; i--) {
                    assertThat(canonical(s.dissect(i))).as("frame " + (i + 1)).isEqualTo(live.get(i));
                }
            }
        }));
    }

    @Test
    void streamAndIndexAgree() throws Exception {
        Path p = TestFiles.captures().resolve("s7_wincc_s300_setup-alarm-read-write.pcapng");
        List<String> streamed = new ArrayList<>();
        List<String> indexed = new ArrayList<>();
        try (Session s = Session.of(Inputs.open(p, null), null)) {
            s.stream(d -> streamed.add(canonical(d)));
            s.index(null, d -> indexed.add(canonical(d)));
        }
        assertThat(indexed).isEqualTo(streamed);
    }

    @Test
    void beforeTheIndexReachesAFrameItIsDissectedAlone() throws Exception {
        try (Session s = Session.of(Inputs.open(Path.of("samples", "iso-on-tcp-cr-cc-dt-dr.pcap"), null), null)) {
            assertThat(s.withConnectionState(0)).isFalse();
            Dissection alone = s.dissect(s.size() - 1);
            s.index(null, null);
            assertThat(s.withConnectionState(s.size() - 1)).isTrue();
            Dissection inOrder = s.dissect(s.size() - 1);
            // the DR needs the CC before it: only the in-order dissection knows the connection was established
            assertThat(inOrder.findings()).extracting(Finding::id).contains("COTP-DR-ON-ESTABLISHED-CLASS0");
            assertThat(alone.findings()).extracting(Finding::id).doesNotContain("COTP-DR-ON-ESTABLISHED-CLASS0");
            assertThat(s.conversations()).hasSize(1);
        }
    }

    /** Everything a dissection shows, as text. */
    static String canonical(Dissection d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.protocol()).append('|').append(d.src()).append('|').append(d.dst()).append('|').append(d.info()).append('\n');
        for (DataSource s : d.sources()) {
            sb.append("source ").append(s.id()).append(' ').append(s.name()).append(' ')
                    .append(HexFormat.of().formatHex(s.bytes()));
            for (SourcePart p : s.parts()) sb.append(' ').append(p);
            sb.append('\n');
        }
        for (Layer l : d.layers()) {
            sb.append("layer ").append(l.protocol()).append(' ').append(l.name()).append(' ').append(l.source())
                    .append(' ').append(l.offset()).append('+').append(l.length()).append('\n');
            for (Field f : l.fields()) field(f, sb, 1);
        }
        for (Finding f : d.findings()) {
            sb.append("finding ").append(f.id()).append(' ').append(f.severity()).append(' ').append(f.layer()).append(' ')
                    .append(f.fieldAbbrev()).append(' ').append(f.source()).append(' ').append(f.offset()).append('+')
                    .append(f.length()).append(' ').append(f.observed()).append(" / ").append(f.expected()).append(" / ")
                    .append(f.explanation()).append('\n');
        }
        return sb.toString();
    }

    private static void field(Field f, StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append(f.abbrev()).append(' ').append(f.name()).append(' ').append(f.source())
                .append(' ').append(f.offset()).append('+').append(f.length()).append(" m").append(f.bitmask())
                .append(' ').append(f.kind()).append(" = ").append(f.display()).append(" [")
                .append(f.value() instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(f.value()))
                .append("] ").append(f.findings().size()).append('\n');
        for (Field c : f.children()) field(c, sb, depth + 1);
    }
}
