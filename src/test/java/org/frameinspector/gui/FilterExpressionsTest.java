package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.session.Session;
import org.junit.jupiter.api.Test;

/** Every filter Apply as Filter makes (field, protocol, finding, conversation) compiles and matches its frame. */
class FilterExpressionsTest {
    private static List<String> check(Path file, int maxFrames) throws Exception {
        List<String> wrong = new ArrayList<>();
        int[] n = {0};
        try (Session s = Session.of(Inputs.open(file, null), null)) {
            s.stream(d -> {
                if (n[0]++ >= maxFrames) return;
                List<String> exprs = new ArrayList<>();
                d.forEachField(f -> exprs.add(FilterExpressions.of(f)));
                for (Layer l : d.layers()) exprs.add(FilterExpressions.of(l));
                for (Finding x : d.findings()) exprs.add(FilterExpressions.of(x));
                String conv = FilterExpressions.conversation(d);
                if (conv != null) exprs.add(conv);
                for (String e : exprs) {
                    if (!matches(e, d)) wrong.add(file.getFileName() + " frame " + d.frame().number() + ": " + e);
                }
            });
        }
        return wrong;
    }

    private static boolean matches(String e, Dissection d) {
        try {
            return DisplayFilter.compile(e).matches(d);
        } catch (Exception x) {
            return false;
        }
    }

    @Test
    void theSampleExchange() throws Exception {
        assertThat(check(SampleCaptureTest.SAMPLE, 100)).isEmpty();
        assertThat(check(Path.of("samples", "kb-q151626-connect-confirm.txt"), 100)).isEmpty();
    }

    @Test
    void theSharedCaptures() throws Exception {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestFiles.captures())) {
            for (Path p : s.filter(x -> x.toString().matches(".*\\.(pcap|pcapng)")).sorted().toList()) {
                wrong.addAll(check(p, 40));
            }
        }
        assertThat(wrong).isEmpty();
    }
}
