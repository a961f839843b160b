package org.frameinspector.core.json;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.frameinspector.core.output.SafeText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * The one home of JSON in Frame Inspector: every document we write ({@code dissect --json}, the JSON export, notes,
 * {@code diff --json}, {@code conversations --json}) goes through jackson-core's streaming {@link JsonGenerator}, and
 * every document we read through its {@link JsonParser} with a nesting limit, so no input can overflow the stack.
 *
 * <p>The writer is a small fluent facade ({@code obj().put("a", 1).key("b").arr()…}) over a generator that writes as
 * it goes: to a {@link String} ({@link #Json()}), or straight to a stream or writer for documents of any size.
 * Strings are escaped the way our JSON contract always has been: the two-character escapes for quote, backslash,
 * line feed, carriage return and tab; a six-character escape with lower-case hex for every other control character;
 * and {@code < > &} and U+2028/U+2029 escaped too, so a document can be pasted into HTML or a script without meaning
 * anything there. DEL, the C1 controls and the bidirectional formatting characters are escaped as well, so a
 * document printed on a terminal cannot carry a terminal sequence ({@link SafeText}).
 */
public final class Json implements Flushable, Closeable {
    /** Deepest nesting a reader accepts; our own documents nest at most a few levels (notes: 3). */
    public static final int MAX_READ_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .characterEscapes(new ContractEscapes())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_READ_DEPTH).build())
            .build();

    private final JsonGenerator g;
    private final StringWriter string;

    /** Writes into a string: {@link #toString()} returns the document so far. */
    public Json() {
        this.string = new StringWriter(256);
        this.g = FACTORY.createGenerator(ObjectWriteContext.empty(), string);
    }

    /** Writes to {@code out} as it goes (call {@link #flush()} or {@link #close()} at the end; {@code out} stays open). */
    public Json(Writer out) {
        this.string = null;
        this.g = FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }

    /** Writes UTF-8 to {@code out} as it goes, through a buffer; {@link #close()} flushes it and leaves {@code out} open. */
    public static Json to(OutputStream out) {
        return new Json(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    }

    public Json obj() { return run(() -> g.writeStartObject()); }
    public Json endObj() { return run(() -> g.writeEndObject()); }
    public Json arr() { return run(() -> g.writeStartArray()); }
    public Json endArr() { return run(() -> g.writeEndArray()); }
    public Json key(String k) { return run(() -> g.writeName(k)); }

    /** A string value; null writes JSON null. */
    public Json value(String v) { return run(() -> { if (v == null) g.writeNull(); else g.writeString(v); }); }
    public Json value(long v) { return run(() -> g.writeNumber(v)); }
    public Json value(boolean v) { return run(() -> g.writeBoolean(v)); }
    public Json nul() { return run(() -> g.writeNull()); }

    public Json put(String k, String v) { return key(k).value(v); }
    public Json put(String k, long v) { return key(k).value(v); }
    public Json put(String k, boolean v) { return key(k).value(v); }

    private interface Step {
        void run();
    }

    /** Runs one generator call; a failing target surfaces as the {@link IOException} it threw (unchecked). */
    private Json run(Step s) {
        try {
            s.run();
        } catch (JacksonIOException e) {
            throw new UncheckedIOException(cause(e));
        }
        return this;
    }

    private static IOException cause(JacksonIOException e) {
        IOException c = e.getCause();
        return c != null ? c : new IOException(e.getMessage(), e);
    }

    /** Pushes what was written so far to the target. */
    @Override
    public void flush() throws IOException {
        try {
            g.flush();
        } catch (JacksonIOException e) {
            throw cause(e);
        }
    }

    /** Flushes; the target stays open. */
    @Override
    public void close() throws IOException {
        try {
            g.close();
        } catch (JacksonIOException e) {
            throw cause(e);
        }
    }

    /** The document written so far (for {@link #Json()}). */
    @Override
    public String toString() {
        if (string == null) return super.toString();
        g.flush();
        return string.toString();
    }

    // ------------------------------------------------------------------ reading

    /**
     * A parser over {@code text} that refuses nesting deeper than {@link #MAX_READ_DEPTH}, unescaped control
     * characters, comments, NaN and trailing commas. Its errors are unchecked {@link JacksonException}s; turn them
     * into a one-line message with {@link #problem}.
     */
    public static JsonParser parser(String text) {
        return FACTORY.createParser(ObjectReadContext.empty(), text);
    }

    /** A parser over UTF-8 {@code bytes}, as {@link #parser(String)}; bytes that are not UTF-8 are an error. */
    public static JsonParser parser(byte[] bytes) {
        return FACTORY.createParser(ObjectReadContext.empty(), bytes);
    }

    /** "unexpected character ']' at line 1, column 7": the parser's message on one line, without the source excerpt. */
    public static String problem(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) m = e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl);
        TokenStreamLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) m += " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return m;
    }

    /** Our escaping contract on top of JSON's own (see the class comment). */
    private static final class ContractEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        ContractEscapes() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) ascii[c] = ESCAPE_STANDARD; // \b and \f as six-character escapes
            ascii['\n'] = 'n';
            ascii['\r'] = 'r';
            ascii['\t'] = 't';
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        /** C1 controls, bidirectional formatting characters, U+2028/U+2029: what {@link SafeText} escapes. */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch > 0xFFFF || !SafeText.needsEscape((char) ch)) return null;
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
