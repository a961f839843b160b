package org.frameinspector.core.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.ProtocolDef;
import org.frameinspector.core.stream.InOrder;
import org.junit.jupiter.api.Test;

/**
 * Fields are declared once and the declarations are the truth: every field and layer the dissectors emit comes from a
 * registered declaration, its value has the declared type and its bit mask the declared mask, no abbreviation is
 * declared twice, every declared name is accepted by the display filter, and docs/FIELDS.md is generated from them.
 */
class DeclarationsTest {
    static final List<ProtocolDef> DECLARED = Protocols.standard().declarations();

    @Test
    void noAbbreviationIsDeclaredTwiceAndEveryNameIsFilterable() throws Exception {
        Map<String, FieldDef> seen = new HashMap<>();
        Set<String> protocols = new HashSet<>();
        for (ProtocolDef p : DECLARED) {
            assertThat(protocols.add(p.filterName())).as("protocol " + p.filterName() + " declared twice").isTrue();
            assertThat(DisplayFilter.validate(p.filterName())).as(p.filterName()).isNull();
            for (FieldDef f : p.fields()) {
                assertThat(seen.put(f.abbrev(), f)).as("field " + f.abbrev() + " declared twice").isNull();
                assertThat(DisplayFilter.validate(f.abbrev())).as(f.abbrev()).isNull();
            }
        }
        assertThat(seen).hasSizeGreaterThan(600);
        assertThat(DisplayFilter.validate("tcp.bogus == 1")).isNotNull()
                .satisfies(e -> assertThat(e.getMessage()).contains("tcp.bogus"));
    }

    @Test
    void fieldsReferenceIsGeneratedFromTheDeclarations() throws Exception {
        List<ProtocolDef> all = new ArrayList<>(DECLARED);
        all.add(org.frameinspector.core.filter.FieldRegistry.FINDING);
        String generated = FieldReference.markdown(all);
        Path doc = Path.of("docs", "FIELDS.md");
        if (Boolean.getBoolean("fi.updateDocs")) Files.writeString(doc, generated);
        assertThat(Files.readString(doc)).as("docs/FIELDS.md is stale: run with -Dfi.updateDocs=true").isEqualTo(generated);
    }

    /** Over every frame of every shared capture, in order (reassembled buffers included). */
    @Test
    void everyEmittedFieldAndLayerIsDeclaredWithItsTypeAndMask() throws Exception {
        Map<FieldDef, ProtocolDef> owner = new IdentityHashMap<>();
        Set<String> layers = new HashSet<>();
        for (ProtocolDef p : DECLARED) {
            layers.add(p.filterName());
            for (FieldDef f : p.fields()) owner.put(f, p);
        }
        List<String> problems = new ArrayList<>();
        Set<String> reported = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(TestFiles.captures())) {
            files = s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
        }
        int[] count = new int[1];
        for (Path p : files) {
            InOrder.dissect(Inputs.open(p, null).frames(), null, d -> {
                for (Layer l : d.layers()) {
                    if (!layers.contains(l.protocol()) && reported.add("layer " + l.protocol())) {
                        problems.add(p.getFileName() + ": layer '" + l.protocol() + "' has no declared protocol");
                    }
                    for (Field f : l.fields()) check(p, d, f, owner, problems, reported, count);
                }
            });
        }
        assertThat(count[0]).isGreaterThan(100_000);
        assertThat(problems).isEmpty();
    }

    private static void check(Path p, Dissection d, Field f, Map<FieldDef, ProtocolDef> owner, List<String> problems,
                              Set<String> reported, int[] count) {
        count[0]++;
        FieldDef def = f.def().declared();
        String where = p.getFileName() + " frame " + d.frame().number() + ": " + f.abbrev();
        if (!owner.containsKey(def)) {
            if (reported.add("undeclared " + f.abbrev())) problems.add(where + " comes from no registered declaration");
        } else {
            Object v = f.value();
            boolean ok = switch (def.type()) {
                case UINT, BOOLEAN -> v instanceof Long || v == null && f.length() == 0;
                case BYTES -> v instanceof byte[];
                case STRING, IPV4, IPV6, ETHER -> v instanceof String;
                case NONE -> true;
                case ANY -> true;
            };
            if (!ok && reported.add("type " + f.abbrev())) {
                problems.add(where + " is declared " + def.type() + " but its value is "
                        + (v == null ? "null" : v.getClass().getSimpleName()));
            }
            // a little-endian field keeps the declared (value) mask byte-swapped over its bytes
            long swapped = f.length() > 0 && f.length() <= 8 ? Long.reverseBytes(def.mask()) >>> (64 - 8 * f.length()) : 0;
            if (def.mask() != 0 && f.bitmask() != def.mask() && f.bitmask() != swapped && reported.add("mask " + f.abbrev())) {
                problems.add(where + " has mask 0x" + Long.toHexString(f.bitmask()) + ", declared 0x"
                        + Long.toHexString(def.mask()));
            }
        }
        for (Field c : f.children()) check(p, d, c, owner, problems, reported, count);
    }
}
