package org.frameinspector.core.notes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.frameinspector.core.json.Json;

/** Our notes format: {"format":"frame-inspector-notes","version":1,"notes":[{…}]}, and one note as a JSON object. */
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
        j.obj().put("id", n.id()).put("frame", n.frame()).put("target", n.target().name().toLowerCase(java.util.Locale.ROOT));
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
        Object v = MiniJsonReader.parse(text);
        Object arr = v;
        if (v instanceof Map<?, ?> m) {
            Object f = m.get("format");
            if (f != null && !FORMAT.equals(f)) throw new IllegalArgumentException("not a Frame Inspector notes file: " + f);
            arr = m.get("notes");
        }
        if (!(arr instanceof List<?> l)) throw new IllegalArgumentException("notes JSON: no \"notes\" array");
        List<Note> out = new ArrayList<>();
        for (Object o : l) out.add(note(o));
        return out;
    }

    /** Reads one note object. */
    public static Note readOne(String text) {
        return note(MiniJsonReader.parse(text));
    }

    private static Note note(Object o) {
        if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException("notes JSON: a note is not an object");
        String id = str(m, "id");
        if (id == null) id = Note.newId();
        Note.Target t;
        try {
            t = Note.Target.valueOf(String.valueOf(m.get("target")).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("notes JSON: unknown target " + m.get("target"));
        }
        return new Note(id, (int) num(m, "frame", 1), t, str(m, "path"), str(m, "abbrev"), str(m, "source"),
                (int) num(m, "offset", -1), (int) num(m, "length", 0), str(m, "text"), num(m, "created", 0),
                num(m, "modified", 0));
    }

    private static String str(Map<?, ?> m, String k) {
        Object v = m.get(k);
        return v == null ? null : v.toString();
    }

    private static long num(Map<?, ?> m, String k, long dflt) {
        Object v = m.get(k);
        return v instanceof Number n ? n.longValue() : dflt;
    }
}
