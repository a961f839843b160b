package org.frameinspector.core.notes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The notes of one opened input, in the order they were added. Thread-safe; listeners run on the calling thread
 * after the change (a GUI hands them to its event thread). {@link #dirty()} tells whether there is something to save.
 */
public final class NotesStore {
    private final Map<String, Note> notes = new LinkedHashMap<>();
    private final List<NotesListener> listeners = new CopyOnWriteArrayList<>();
    private boolean dirty;

    public NotesStore() {
    }

    public NotesStore(Collection<Note> initial) {
        for (Note n : initial) notes.put(n.id(), n);
    }

    public Note add(Note n) {
        synchronized (this) {
            notes.put(n.id(), n);
            dirty = true;
        }
        fire(NotesListener.Kind.ADDED, n);
        return n;
    }

    /** Replaces the text of a note; returns the new version, or null when there is no such note. */
    public Note edit(String id, String text) {
        Note n;
        synchronized (this) {
            Note old = notes.get(id);
            if (old == null) return null;
            n = old.withText(text);
            notes.put(id, n);
            dirty = true;
        }
        fire(NotesListener.Kind.EDITED, n);
        return n;
    }

    public boolean remove(String id) {
        Note n;
        synchronized (this) {
            n = notes.remove(id);
            if (n == null) return false;
            dirty = true;
        }
        fire(NotesListener.Kind.REMOVED, n);
        return true;
    }

    /** Replaces every note (after loading); not dirty afterwards. */
    public void replaceAll(Collection<Note> all) {
        synchronized (this) {
            notes.clear();
            for (Note n : all) notes.put(n.id(), n);
            dirty = false;
        }
        fire(NotesListener.Kind.RELOADED, null);
    }

    public synchronized Note get(String id) {
        return notes.get(id);
    }

    public synchronized List<Note> all() {
        return new ArrayList<>(notes.values());
    }

    /** Notes of one frame: frame notes first, then by offset. */
    public synchronized List<Note> forFrame(int frame) {
        List<Note> out = new ArrayList<>();
        for (Note n : notes.values()) if (n.frame() == frame) out.add(n);
        out.sort((a, b) -> a.target() == Note.Target.FRAME ? (b.target() == Note.Target.FRAME ? 0 : -1)
                : b.target() == Note.Target.FRAME ? 1 : Integer.compare(a.offset(), b.offset()));
        return out;
    }

    public synchronized int size() {
        return notes.size();
    }

    public synchronized boolean isEmpty() {
        return notes.isEmpty();
    }

    public synchronized boolean dirty() {
        return dirty;
    }

    public synchronized void markSaved() {
        dirty = false;
    }

    public void addListener(NotesListener l) {
        listeners.add(l);
    }

    public void removeListener(NotesListener l) {
        listeners.remove(l);
    }

    private void fire(NotesListener.Kind k, Note n) {
        for (NotesListener l : listeners) l.notesChanged(k, n);
    }
}
