package org.frameinspector.tshark;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;

/**
 * One field of our dissection, reduced to what the comparison needs. {@code value} as in {@code Field.value()};
 * {@code source} is the id of the data source the offset is relative to ({@link DataSource#FRAME} or a reassembled
 * buffer of the same dissection).
 */
public record OurField(String abbrev, int offset, int length, Object value, String display, String source) {

    public OurField(String abbrev, int offset, int length, Object value, String display) {
        this(abbrev, offset, length, value, display, DataSource.FRAME);
    }

    public boolean inFrame() {
        return DataSource.FRAME.equals(source);
    }

    /** The fields of a dissection whose bytes lie in the frame itself (not in a reassembled buffer). */
    public static List<OurField> inFrame(Dissection d) {
        return all(d).stream().filter(OurField::inFrame).toList();
    }

    /** Every field of a dissection with an abbreviation, in the frame or in a reassembled buffer. */
    public static List<OurField> all(Dissection d) {
        List<OurField> out = new ArrayList<>();
        d.forEachField(f -> {
            if (f.abbrev() != null && f.source() != null) {
                out.add(new OurField(f.abbrev(), f.offset(), f.length(), f.value(), f.display(), f.source()));
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return abbrev + "@" + (inFrame() ? "" : source + ":") + offset + "+" + length + "="
                + (display != null ? display : Values.text(value));
    }
}
