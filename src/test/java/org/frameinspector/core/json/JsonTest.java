package org.frameinspector.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

class JsonTest {
    /** The escaping contract of every document we write (README: the dissect --json contract). */
    @Test
    void escapesAsTheContractSays() {
        String s = new Json().obj().put("k", "q\" b\\ n\n r\r t\t b\b f\f nul\u0000 esc\u001b < > & / \u2028\u2029 del\u007f "
                + "c1\u009b bidi\u202e é € \uD83D\uDE00").put("n", -5).put("t", true).key("z").nul().endObj().toString();
        assertThat(s).isEqualTo("{\"k\":\"q\\\" b\\\\ n\\n r\\r t\\t b\\u0008 f\\u000c nul\\u0000 esc\\u001b \\u003c \\u003e "
                + "\\u0026 / \\u2028\\u2029 del\\u007f c1\\u009b bidi\\u202e é € \uD83D\uDE00\",\"n\":-5,\"t\":true,\"z\":null}");
    }

    @Test
    void streamsToUtf8() throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (Json j = Json.to(bo)) {
            j.arr().value("é").value(1).endArr();
        }
        assertThat(bo.toString(StandardCharsets.UTF_8)).isEqualTo("[\"é\",1]");
    }

    @Test
    void readersHaveADepthLimitAndOneLineProblems() {
        try (JsonParser p = Json.parser("[".repeat(Json.MAX_READ_DEPTH) + "]".repeat(Json.MAX_READ_DEPTH))) {
            while (p.nextToken() != null) {
                // as deep as allowed: fine
            }
        }
        assertThatThrownBy(() -> {
            try (JsonParser p = Json.parser("[".repeat(100_000))) {
                while (p.nextToken() != null) {
                    // runs into the limit
                }
            }
        }).isInstanceOf(JacksonException.class).satisfies(e -> assertThat(Json.problem((JacksonException) e))
                .contains("depth").doesNotContain("\n"));
        try (JsonParser p = Json.parser("{\"a\":\n1,}")) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            p.nextToken();
            p.nextToken();
            p.nextToken();
            throw new AssertionError("a trailing comma was accepted");
        } catch (JacksonException e) {
            assertThat(Json.problem(e)).contains("line 2, column").doesNotContain("\n");
        }
    }
}
