package org.frameinspector.core.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;

/** State of one match: the dissection and, built on first use, its fields grouped by the abbreviations the filter names. */
final class Eval {
    final Dissection d;
    private final Set<String> wanted;
    private Map<String, List<Field>> index;

    Eval(Dissection d, Set<String> wanted) {
        this.d = d;
        this.wanted = wanted;
    }

    /** Fields with this abbreviation, in tree order (one walk of the tree serves every abbreviation of the filter). */
    List<Field> fields(String abbrev) {
        if (index == null) {
            Map<String, List<Field>> m = new HashMap<>();
            if (!wanted.isEmpty()) {
                d.forEachField(f -> {
                    String a = f.abbrev();
                    if (a != null && wanted.contains(a)) m.computeIfAbsent(a, k -> new ArrayList<>(2)).add(f);
                });
            }
            index = m;
        }
        List<Field> l = index.get(abbrev);
        return l == null ? Collections.emptyList() : l;
    }
}
