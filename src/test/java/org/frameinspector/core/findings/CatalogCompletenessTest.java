package org.frameinspector.core.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue and the code agree: every finding id the product's code names is in the catalogue (a finding
 * raised without an entry would only surface as an internal error at run time), and every catalogue entry is named
 * by some code (an entry nothing can raise is dead text that promises a check we do not make). Ids are read from the
 * string constants of the compiled main classes, so it does not matter how the code is laid out.
 */
class CatalogCompletenessTest {
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)+");

    /**
     * A reference goes into customer tickets: it names the clause that was checked, or the document without a clause,
     * and never prints a doubt or points at our own notes.
     */
    @Test
    void noReferencePrintsADoubt() {
        Pattern doubt = Pattern.compile("re-checked|not confirmed|disagree|unsure|uncertain|\\?|PROTOCOLS\\.md",
                Pattern.CASE_INSENSITIVE);
        Set<String> bad = new TreeSet<>();
        for (FindingDef d : Catalog.all()) {
            if (d.reference().isBlank() || doubt.matcher(d.reference()).find()) bad.add(d.id() + ": " + d.reference());
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void everyIdTheCodeNamesIsInTheCatalogueAndEveryEntryIsNamedByTheCode() throws IOException {
        Set<String> catalogue = new TreeSet<>();
        Set<String> prefixes = new HashSet<>();
        for (FindingDef d : Catalog.all()) {
            catalogue.add(d.id());
            prefixes.add(d.id().substring(0, d.id().indexOf('-')));
        }
        Set<String> named = new TreeSet<>();
        Path classes = Path.of("target", "classes");
        try (Stream<Path> s = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) s.filter(x -> x.toString().endsWith(".class"))::iterator) {
                for (String c : stringConstants(p)) {
                    if (ID.matcher(c).matches() && prefixes.contains(c.substring(0, c.indexOf('-')))) named.add(c);
                }
            }
        }
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(catalogue);
        Set<String> neverNamed = new TreeSet<>(catalogue);
        neverNamed.removeAll(named);
        assertThat(named).as("finding ids named by the code").hasSizeGreaterThan(100);
        assertThat(unknown).as("ids the code raises that the catalogue lacks").isEmpty();
        assertThat(neverNamed).as("catalogue entries no code raises").isEmpty();
    }

    /** The CONSTANT_String values of a class file (JVMS §4.4). */
    static Set<String> stringConstants(Path classFile) throws IOException {
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            in.readInt(); // magic
            in.readUnsignedShort();
            in.readUnsignedShort();
            int n = in.readUnsignedShort();
            String[] utf8 = new String[n];
            int[] strings = new int[n];
            int ns = 0;
            for (int i = 1; i < n; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 8 -> strings[ns++] = in.readUnsignedShort();
                    case 7, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> { in.readUnsignedByte(); in.readUnsignedShort(); }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> { in.readLong(); i++; }
                    default -> throw new IOException(classFile + ": constant pool tag " + tag);
                }
            }
            Set<String> out = new HashSet<>();
            for (int k = 0; k < ns; k++) if (utf8[strings[k]] != null) out.add(utf8[strings[k]]);
            return out;
        }
    }
}
