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
                .isEqualTo("unknown field 'xyzzy.foo' (no protocol 'xyzzy') at column 1");
        assertThat(DisplayFilter.validate("cotp.nothing_like_it").getMessage())
                .isEqualTo("unknown field 'cotp.nothing_like_it' at column 1 \u2014 protocol 'cotp' has no such field"
                        + " (see docs/FIELDS.md)");
        // every protocol's fields are declared: a field no dissector declares is an error, whatever the protocol
        assertThat(DisplayFilter.validate("tcp.bogus == 1").getMessage()).startsWith("unknown field 'tcp.bogus'");
        assertThat(DisplayFilter.validate("s7comm.header.rosctr == 1")).isNull();
        assertThat(DisplayFilter.validate("lldp")).isNull();
        assertThat(DisplayFilter.validate("t125")).isNull();
        assertThat(DisplayFilter.validate("tls")).isNull();
    }
}
