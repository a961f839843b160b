package org.frameinspector.core.notes;

import java.util.List;
import org.frameinspector.core.diff.FieldPaths;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;

/** Finds what a note points at in a (fresh) dissection of its frame. */
public final class NoteLocator {
    private NoteLocator() {
    }

    /** Where a note sits: a byte range in a source, and the field when it is a field note that was found. */
    public record Location(String source, int offset, int length, Field field) {
    }

    /**
     * For a field note: the field at the note's path if it still has the note's abbreviation, else the field with
     * that abbreviation at the note's offset, else the stored range. For a byte note: its range. For a frame note: null.
     */
    public static Location locate(Dissection d, Note n) {
        switch (n.target()) {
            case FRAME:
                return null;
            case BYTES:
                return new Location(n.source(), n.offset(), n.length(), null);
            default:
                Field f = n.path() == null ? null : FieldPaths.find(d, n.path());
                if (f != null && (n.abbrev() == null || n.abbrev().equals(f.abbrev()))) {
                    return new Location(f.source(), f.offset(), f.length(), f);
                }
                if (n.abbrev() != null) {
                    List<Field> same = d.fields(n.abbrev());
                    for (Field x : same) {
                        if (x.offset() == n.offset() && x.source().equals(n.source())) {
                            return new Location(x.source(), x.offset(), x.length(), x);
                        }
                    }
                }
                return new Location(n.source(), n.offset(), n.length(), null);
        }
    }
}
