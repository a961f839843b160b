package org.frameinspector.core.notes;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;

/** The notes of one frame, numbered N1, N2 … and located in its dissection, as every export shows them. */
public final class FrameNotes {
    /** One numbered note; {@code location} is null for a frame note. */
    public record Item(String label, Note note, NoteLocator.Location location) {
        /** True when the note covers frame byte {@code offset}. */
        public boolean covers(int offset) {
            return location != null && DataSource.FRAME.equals(location.source()) && offset >= location.offset()
                    && offset < location.offset() + Math.max(1, location.length());
        }

        /** "field tpkt.reserved at 0x0037" with the located range. */
        public String where() {
            if (location == null) return "frame";
            String range = (DataSource.FRAME.equals(location.source()) ? "" : location.source() + " ")
                    + String.format("0x%04x", location.offset()) + (location.length() > 1 ? " (" + location.length() + " bytes)" : "");
            return note.target() == Note.Target.FIELD
                    ? "field " + (note.abbrev() != null ? note.abbrev() : note.path()) + " at " + range
                    : "bytes at " + range;
        }
    }

    private FrameNotes() {
    }

    /** Empty when {@code store} is null or has no note for the frame. */
    public static List<Item> of(NotesStore store, Dissection d) {
        List<Item> out = new ArrayList<>();
        if (store == null) return out;
        int k = 1;
        for (Note n : store.forFrame(d.frame().number())) out.add(new Item("N" + k++, n, NoteLocator.locate(d, n)));
        return out;
    }
}
