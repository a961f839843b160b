package org.frameinspector.fuzz;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Strict RFC 8259 validation through jackson-core's parser with its strict defaults (one value and nothing after it,
 * no NaN, no trailing commas, no comments, no single quotes, no raw control characters, nesting up to 500), plus the
 * one thing a parser over Java strings cannot see: a lone surrogate, which no UTF-8 encoder can write.
 */
final class StrictJson {
    private static final JsonFactory STRICT = JsonFactory.builder().build();

    private StrictJson() {
    }

    /** Null when valid, else what is wrong and where. */
    static String check(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            else if (Character.isSurrogate(c)) return "lone surrogate at " + i;
        }
        try (JsonParser p = STRICT.createParser(ObjectReadContext.empty(), s)) {
            if (p.nextToken() == null) return "no value";
            p.skipChildren();
            JsonToken after = p.nextToken();
            if (after != null) return "text after the value at " + p.currentTokenLocation().getCharOffset();
            return null;
        } catch (JacksonException e) {
            return e.getOriginalMessage() + " at " + (e.getLocation() == null ? "?" : e.getLocation().getCharOffset());
        }
    }
}
