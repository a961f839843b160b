package org.frameinspector.core.diff;

import org.frameinspector.core.json.Json;

/** The {@code diff --json} document. */
public final class DiffJson {
    private DiffJson() {
    }

    /** {"a":{…},"b":{…},"masks":[…],"identical":…,"summary":…,"differences":[…],"bytes":{"a":sketch,"b":sketch}}. */
    public static String document(String nameA, String nameB, FrameDiff d) {
        Json j = new Json();
        j.obj();
        side(j, "a", nameA, d.a().frame().number(), d.a().frame().capturedLength());
        side(j, "b", nameB, d.b().frame().number(), d.b().frame().capturedLength());
        j.key("masks").arr();
        for (String m : d.maskPatterns()) j.value(m);
        j.endArr();
        j.put("identical", d.identical()).put("summary", d.summary());
        j.put("changed", d.count(Difference.Kind.CHANGED)).put("only_in_a", d.count(Difference.Kind.ONLY_IN_A))
                .put("only_in_b", d.count(Difference.Kind.ONLY_IN_B)).put("masked", d.maskedCount());
        j.key("differences").arr();
        for (Difference x : d.differences()) {
            j.obj().put("index", x.index()).put("path", x.path()).put("abbrev", x.abbrev()).put("name", x.name())
                    .put("kind", x.kind().name().toLowerCase(java.util.Locale.ROOT)).put("masked", x.masked());
            value(j, "a", x.aValue(), x.aDisplay(), x.aSource(), x.aOffset(), x.aLength(), x.a() != null);
            value(j, "b", x.bValue(), x.bDisplay(), x.bSource(), x.bOffset(), x.bLength(), x.b() != null);
            j.endObj();
        }
        j.endArr();
        j.key("bytes").obj().put("a", d.bytes().sketchA()).put("b", d.bytes().sketchB()).endObj();
        j.endObj();
        return j.toString();
    }

    private static void side(Json j, String k, String name, int frame, int len) {
        j.key(k).obj().put("input", name).put("frame", frame).put("length", len).endObj();
    }

    private static void value(Json j, String k, Object v, String display, String source, int off, int len, boolean present) {
        j.key(k);
        if (!present) {
            j.nul();
            return;
        }
        j.obj();
        j.key("value");
        if (v == null) j.nul();
        else if (v instanceof Number n) j.value(n.longValue());
        else if (v instanceof byte[] b) j.value(java.util.HexFormat.of().formatHex(b));
        else j.value(v.toString());
        j.put("display", display).put("source", source).put("offset", off).put("length", len);
        j.endObj();
    }
}
