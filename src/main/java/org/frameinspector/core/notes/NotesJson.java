package org.frameinspector.core.notes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.frameinspector.core.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Our notes format: {"format":"frame-inspector-notes","version":1,"notes":[{…}]}, and one note as a JSON object.
 * Read with a streaming parser ({@link Json#parser}): unknown keys are skipped, nesting is limited, and anything
 * malformed is an {@link IllegalArgumentException} with a one-line reason.
 */
public final class NotesJson {
    public static final String FORMAT = "frame-inspector-notes";

    private NotesJson() {
    }

    public static String write(Collection<Note> notes) {
        Json j = new Json();
        j.obj().put("format", FORMAT).put("version", 1);
        j.key("notes").arr();
        for (Note n : notes) note(j, n);
        j.endArr().endObj();
        return j.toString() + "\n";
    }

    /** One note as a compact JSON object. */
    public static String write(Note n) {
        Json j = new Json();
        note(j, n);
        return j.toString();
    }

    static void note(Json j, Note n) {
        j.obj().put("id", n.id()).put("frame", n.frame()).put("target", n.target().name().toLowerCase(Locale.ROOT));
        if (n.path() != null) j.put("path", n.path());
        if (n.abbrev() != null) j.put("abbrev", n.abbrev());
        if (n.target() != Note.Target.FRAME) {
            j.put("source", n.source()).put("offset", n.offset()).put("length", n.length());
        }
        j.put("text", n.text()).put("created", n.created()).put("modified", n.modified());
        j.endObj();
    }

    /** Reads a notes document (or a bare array of notes). */
    public static List<Note> read(String text) {
        return read(Json.parser(text));
    }

    /** Reads a notes document from its UTF-8 bytes (bytes that are not UTF-8 are an error, not a guess). */
    public static List<Note> read(byte[] utf8) {
        return read(Json.parser(utf8));
    }

    private static List<Note> read(JsonParser parser) {
        try (JsonParser p = parser) {
            JsonToken t = p.nextToken();
            List<Note> out = null;
            if (t == JsonToken.START_OBJECT) {
                String format = null;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (name.equals("format") && v.isScalarValue()) {
                        format = p.getString();
                    } else if (name.equals("notes") && v == JsonToken.START_ARRAY) {
                        out = notes(p);
                    } else {
                        p.skipChildren();
                    }
                }
                if (format != null && !FORMAT.equals(format)) {
                    throw new IllegalArgumentException("not a Frame Inspector notes file: " + format);
                }
            } else if (t == JsonToken.START_ARRAY) {
                out = notes(p);
            }
            if (out == null) throw new IllegalArgumentException("notes JSON: no \"notes\" array");
            end(p);
            return out;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("notes JSON: " + Json.problem(e), e);
        }
    }

    /** Reads one note object. */
    public static Note readOne(String text) {
        try (JsonParser p = Json.parser(text)) {
            p.nextToken();
            Note n = note(p);
            end(p);
            return n;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("notes JSON: " + Json.problem(e), e);
        }
    }

    private static void end(JsonParser p) {
        if (p.nextToken() != null) {
            throw new IllegalArgumentException("notes JSON: unexpected text after the JSON value at line "
                    + p.currentTokenLocation().getLineNr() + ", column " + p.currentTokenLocation().getColumnNr());
        }
    }

    /** The notes of an array whose START_ARRAY is the current token. */
    private static List<Note> notes(JsonParser p) {
        List<Note> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) out.add(note(p));
        return out;
    }

    /** A note object whose START_OBJECT is the current token; leaves its END_OBJECT current. */
    private static Note note(JsonParser p) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("notes JSON: a note is not an object");
        }
        String id = null, target = null, path = null, abbrev = null, source = null, text = null;
        long frame = 1, offset = -1, length = 0, created = 0, modified = 0;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (!v.isScalarValue()) {
                p.skipChildren();
                continue;
            }
            switch (name) {
                case "id" -> id = str(p);
                case "target" -> target = str(p);
                case "path" -> path = str(p);
                case "abbrev" -> abbrev = str(p);
                case "source" -> source = str(p);
                case "text" -> text = str(p);
                case "frame" -> frame = num(p, frame);
                case "offset" -> offset = num(p, offset);
                case "length" -> length = num(p, length);
                case "created" -> created = num(p, created);
                case "modified" -> modified = num(p, modified);
                default -> { }
            }
        }
        Note.Target t;
        try {
            t = Note.Target.valueOf(String.valueOf(target).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("notes JSON: unknown target " + target);
        }
        return new Note(id == null ? Note.newId() : id, (int) frame, t, path, abbrev, source, (int) offset,
                (int) length, text, created, modified);
    }

    private static String str(JsonParser p) {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static long num(JsonParser p, long dflt) {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT -> p.getNumberValue().longValue();
            case VALUE_NUMBER_FLOAT -> (long) p.getDoubleValue();
            default -> dflt;
        };
    }
}
