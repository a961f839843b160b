package org.frameinspector.core.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.core.input.Inputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 3, the core's side: a sidecar that cannot be parsed is never overwritten or deleted. The app started
 * with no notes after "Cannot read the notes"; adding a note and saving replaced the sidecar with only the new note,
 * and a plain save deleted it.
 */
class SidecarSafetyTest {
    @TempDir
    Path dir;

    static final String DAMAGED = """
            {"format":"frame-inspector-notes","version":1,"notes":[
            {"id":"a1","frame":1,"target":"frame","text":"first note","created":1,"modified":1},
            {"id":"a2","frame":1,"target":"frame","text":"second note" "created":2,"modified":2}
            ]}
            """;

    private Path dump() throws IOException {
        Path d = dir.resolve("kb.txt");
        Files.copy(TestFiles.kbSample(), d);
        return d;
    }

    private long files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void savingOverAnUnreadableSidecarKeepsItAsBak() throws Exception {
        Path d = dump();
        Path sc = NotesFiles.sidecar(d);
        Files.writeString(sc, DAMAGED);
        assertThatThrownBy(() -> NotesFiles.load(d, Inputs.open(d, null))).isInstanceOf(IOException.class)
                .hasMessageContaining("line 3");
        NotesStore store = new NotesStore();
        store.add(Note.onFrame(1, "a new note"));
        Path bak = NotesFiles.saveSidecar(d, store);
        assertThat(bak).isEqualTo(dir.resolve("kb.txt.fi-notes.json.bak"));
        assertThat(Files.readString(bak)).isEqualTo(DAMAGED);
        assertThat(NotesFiles.readSidecar(d)).extracting(Note::text).containsExactly("a new note");
        assertThat(store.dirty()).isFalse();

        // the next save over a readable sidecar makes no backup; a damaged one again never overwrites the first .bak
        store.add(Note.onFrame(1, "another"));
        assertThat(NotesFiles.saveSidecar(d, store)).isNull();
        Files.writeString(sc, DAMAGED + "x");
        assertThat(NotesFiles.saveSidecar(d, store)).isEqualTo(dir.resolve("kb.txt.fi-notes.json.1.bak"));
        assertThat(Files.readString(bak)).isEqualTo(DAMAGED);
        assertThat(Files.readString(dir.resolve("kb.txt.fi-notes.json.1.bak"))).isEqualTo(DAMAGED + "x");
    }

    @Test
    void plainSaveWithoutNotesNeverDeletesAnUnreadableSidecar() throws Exception {
        Path d = dump();
        Path sc = NotesFiles.sidecar(d);
        Files.writeString(sc, DAMAGED);
        NotesStore empty = new NotesStore();
        assertThat(NotesFiles.saveSidecar(d, empty)).isNull();
        assertThat(Files.readString(sc)).isEqualTo(DAMAGED);
        assertThat(files()).isEqualTo(2); // the dump and its sidecar: no backup, no temporary file
        // bytes that are not UTF-8 count as unreadable too
        Files.write(sc, new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'});
        assertThat(NotesFiles.saveSidecar(d, empty)).isNull();
        assertThat(Files.readAllBytes(sc)).hasSize(7);
        // a readable sidecar of a store whose notes were all removed is deleted, as before
        NotesStore one = new NotesStore();
        one.add(Note.onFrame(1, "n"));
        Files.delete(sc);
        NotesFiles.saveSidecar(d, one);
        assertThat(sc).exists();
        NotesFiles.saveSidecar(d, empty);
        assertThat(sc).doesNotExist();
    }
}
