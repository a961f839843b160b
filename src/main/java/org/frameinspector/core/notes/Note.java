package org.frameinspector.core.notes;

import java.util.Objects;
import java.util.UUID;
import org.frameinspector.core.diff.FieldPaths;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;

/**
 * A user's note on a field, a byte range or a whole frame. A field note keeps the field's path (as in a diff) and,
 * for robustness when the dissection changes, its abbreviation, source, offset and length. Immutable; edit with
 * {@link #withText}.
 *
 * @param frame   1-based frame number
 * @param created milliseconds since the epoch
 */
public record Note(String id, int frame, Target target, String path, String abbrev, String source, int offset,
                   int length, String text, long created, long modified) {

    public enum Target { FIELD, BYTES, FRAME }

    public Note {
        Objects.requireNonNull(id);
        Objects.requireNonNull(target);
        text = text == null ? "" : text;
        source = source == null ? DataSource.FRAME : source;
    }

    public static Note onField(Dissection d, Field f, String text) {
        Objects.requireNonNull(f, "field");
        String path = FieldPaths.pathOf(d, f);
        long now = System.currentTimeMillis();
        return new Note(newId(), d.frame().number(), Target.FIELD, path, f.abbrev(), f.source(), f.offset(), f.length(),
                text, now, now);
    }

    public static Note onBytes(int frame, int offset, int length, String text) {
        long now = System.currentTimeMillis();
        return new Note(newId(), frame, Target.BYTES, null, null, DataSource.FRAME, offset, length, text, now, now);
    }

    public static Note onFrame(int frame, String text) {
        long now = System.currentTimeMillis();
        return new Note(newId(), frame, Target.FRAME, null, null, DataSource.FRAME, -1, 0, text, now, now);
    }

    public Note withText(String t) {
        return new Note(id, frame, target, path, abbrev, source, offset, length, t, created, System.currentTimeMillis());
    }

    /** The same note with its byte offset moved (a frame wrapped in synthetic headers) and/or another frame number. */
    public Note moved(int newFrame, int delta) {
        int o = target == Target.FRAME || !DataSource.FRAME.equals(source) ? offset : offset + delta;
        return new Note(id, newFrame, target, path, abbrev, source, o, length, text, created, modified);
    }

    /** "field tpkt/tpkt.reserved at 0x0037+1", "bytes 0x0010+4", "frame". */
    public String where() {
        String range = (DataSource.FRAME.equals(source) ? "" : source + " ") + String.format("0x%04x", Math.max(0, offset))
                + (length > 1 ? "+" + length : "");
        return switch (target) {
            case FIELD -> "field " + (abbrev != null ? abbrev : path) + " at " + range;
            case BYTES -> "bytes " + range;
            case FRAME -> "frame";
        };
    }

    static String newId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
