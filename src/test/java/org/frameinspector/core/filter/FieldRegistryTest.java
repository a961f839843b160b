package org.frameinspector.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

/** The registry's complete protocols (TPKT, COTP) must list every abbreviation their dissectors use. */
class FieldRegistryTest {
    private static final Pattern LITERAL = Pattern.compile("\"((?:tpkt|cotp)\\.[a-z0-9_.-]+)\"");

    @Test
    void everyTpktAndCotpAbbrevInTheSourcesIsAccepted() throws IOException {
        TreeSet<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "org", "frameinspector", "core", "protocols"))) {
            for (Path p : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
                Matcher m = LITERAL.matcher(Files.readString(p));
                while (m.find()) seen.add(m.group(1));
            }
        }
        assertThat(seen).contains("tpkt.reserved", "cotp.tpdu_size");
        List<String> rejected = new ArrayList<>();
        for (String a : seen) if (DisplayFilter.validate(a) != null) rejected.add(a);
        assertThat(rejected).as("abbrevs used by dissectors but missing from FieldRegistry").isEmpty();
    }

    @Test
    void everyAbbrevOfADissectedFrameIsAccepted() {
        byte[] b = java.util.HexFormat.of().parseHex("0311002c27d001ca002900c10d5357495353"
                + "4c49464554534150c20d45584348414e47455453415031c0010b");
        Dissection d = org.frameinspector.core.protocols.Protocols.dissector().dissect(Frame.of(1, b, Frame.LINK_TPKT), null, null);
        TreeSet<String> abbrevs = new TreeSet<>();
        d.forEachField(f -> abbrevs.add(f.abbrev()));
        assertThat(abbrevs).contains("tpkt.reserved");
        for (String a : abbrevs) {
            assertThat(DisplayFilter.validate(a)).as(a).isNull();
            assertThat(DisplayFilter.compile(a).matches(d)).as(a).isTrue();
        }
        for (var l : d.layers()) assertThat(DisplayFilter.compile(l.protocol()).matches(d)).isTrue();
    }

    @Test
    void suggestions() {
        assertThat(FieldRegistry.distance("tpkt.reservd", "tpkt.reserved")).isEqualTo(1);
        assertThat(FieldRegistry.distance("cotp", "ctop")).isEqualTo(1);
        assertThat(DisplayFilter.validate("ctop").getMessage()).contains("did you mean 'cotp'?");
        assertThat(DisplayFilter.validate("xyzzy.foo").getMessage())
                .isEqualTo("unknown field 'xyzzy.foo' (no protocol 'xyzzy') at column 0");
        assertThat(DisplayFilter.validate("cotp.nothing_like_it").getMessage())
                .isEqualTo("unknown field 'cotp.nothing_like_it' at column 0");
        // open protocols accept any field (their dissectors decide)
        assertThat(DisplayFilter.validate("tcp.analysis.flags")).isNull();
        assertThat(DisplayFilter.validate("s7comm-plus.data.opcode == 0x31")).isNull();
    }
}
