package org.frameinspector.core.notes;

/** Told about every change of a {@link NotesStore}, on the thread that made it. */
@FunctionalInterface
public interface NotesListener {
    enum Kind { ADDED, EDITED, REMOVED, RELOADED }

    /** @param note the note concerned (the new version for EDITED); null for RELOADED */
    void notesChanged(Kind kind, Note note);
}
