package org.frameinspector.tshark;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.model.Dissection;

/** One field of our dissection, reduced to what the comparison needs. {@code value} as in {@code Field.value()}. */
public record OurField(String abbrev, int offset, int length, Object value, String display) {

    /** The fields of a dissection whose bytes lie in the frame itself (not in a reassembled buffer). */
    public static List<OurField> inFrame(Dissection d) {
        List<OurField> out = new ArrayList<>();
        d.forEachField(f -> {
            if (f.inFrame() && f.abbrev() != null) {
                out.add(new OurField(f.abbrev(), f.offset(), f.length(), f.value(), f.display()));
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return abbrev + "@" + offset + "+" + length + "=" + (display != null ? display : Values.text(value));
    }
}
