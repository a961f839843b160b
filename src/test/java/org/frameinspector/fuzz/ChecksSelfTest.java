package org.frameinspector.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.frameinspector.core.export.HtmlExport;
import org.junit.jupiter.api.Test;

/** The oracles catch what they are meant to catch (a check that never fails proves nothing). */
class ChecksSelfTest {
    @Test
    void htmlCheckRejectsForeignMarkup() {
        String ok = HtmlExport.render(List.of(), "a<b>\"'");
        assertThatCode(() -> Checks.html(ok)).doesNotThrowAnyException();
        for (String bad : new String[]{"<img src=x onerror=alert(1)>", "<script>x()</script>", "<p>a < b</p>",
                "<span class=\"b\" onmouseover=\"x\">", "<b>x</b>>"}) {
            String h = ok.replace("<h1>", bad + "<h1>");
            assertThatThrownBy(() -> Checks.html(h)).as(bad).isInstanceOf(Checks.Broken.class);
        }
    }

    @Test
    void strictJsonRejectsWhatParsersRefuse() {
        assertThat(StrictJson.check("{\"a\":[1,-0.5e3,true,null,\"\\u00e9\\n\"]}")).isNull();
        for (String bad : new String[]{"{\"a\":1,}", "[1 2]", "{'a':1}", "\"a\u0001\"", "NaN", "01", "[1]x", "\"\\x41\"",
                "{\"a\" 1}", "\"\uD800\""}) {
            assertThat(StrictJson.check(bad)).as(bad).isNotNull();
        }
    }

    @Test
    void mutationsAreAFunctionOfTheSeed() {
        Seeds s = Seeds.get();
        Seeds.FrameSeed f = s.frames.get(0);
        byte[] a = Mutators.mutateFrame(new SplittableRandom(42), f, s.frames);
        byte[] b = Mutators.mutateFrame(new SplittableRandom(42), f, s.frames);
        assertThat(a).isEqualTo(b);
        assertThat(s.frames.stream().filter(x -> !x.lengths().isEmpty()).count()).isGreaterThan(s.frames.size() / 2);
        assertThat(s.frames.stream().map(Seeds.FrameSeed::startsAt).distinct().toList())
                .contains(null, "tpkt", "cotp", "ip");
    }

    @Test
    void captureStructureIsFound() {
        Seeds s = Seeds.get();
        for (Seeds.CaptureSeed c : s.captures) {
            assertThat(Mutators.captureRecords(c.data())).as(c.name()).isNotEmpty();
            assertThat(Mutators.captureLengthWords(c.data())).as(c.name()).hasSizeGreaterThan(2);
        }
    }
}
