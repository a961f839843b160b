package org.frameinspector;

import java.util.HashMap;
import java.util.Map;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.ProtocolDef;

/**
 * Field declarations for hand-built test dissections (a fake TCP in the stream tests, crafted trees in the filter
 * and GUI tests). The product declares its fields in its protocol packages; these are the tests' own, made once per
 * abbreviation.
 */
public final class TestDefs {
    private static final Map<String, ProtocolDef> PROTOCOLS = new HashMap<>();
    private static final Map<String, FieldDef> FIELDS = new HashMap<>();

    private TestDefs() {
    }

    /** The test declaration of {@code abbrev} (made on first use), labelled {@code name}. */
    public static synchronized FieldDef def(String abbrev, String name) {
        FieldDef d = FIELDS.computeIfAbsent(abbrev, a -> {
            int dot = a.indexOf('.');
            String proto = dot < 0 ? a : a.substring(0, dot);
            return PROTOCOLS.computeIfAbsent(proto, p -> ProtocolDef.of(p, p)).field(a, name, FieldDef.Type.ANY).add();
        });
        return d.as(name);
    }
}
