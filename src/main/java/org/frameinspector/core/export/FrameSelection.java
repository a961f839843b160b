package org.frameinspector.core.export;

import java.util.ArrayList;
import java.util.List;

/** A frame list like "1,3-5,9-" (1-based, inclusive; an open end runs to the last frame). */
public final class FrameSelection {
    private final List<long[]> ranges;

    private FrameSelection(List<long[]> ranges) {
        this.ranges = ranges;
    }

    public static FrameSelection all() {
        return new FrameSelection(List.of());
    }

    public static FrameSelection parse(String spec) {
        if (spec == null || spec.isBlank()) return all();
        List<long[]> out = new ArrayList<>();
        int col = 1;
        for (String part : spec.split(",", -1)) {
            String p = part.strip();
            try {
                if (p.isEmpty()) throw new NumberFormatException();
                int dash = p.indexOf('-');
                long a, b;
                if (dash < 0) a = b = Long.parseLong(p);
                else {
                    a = dash == 0 ? 1 : Long.parseLong(p.substring(0, dash).strip());
                    String rest = p.substring(dash + 1).strip();
                    b = rest.isEmpty() ? Long.MAX_VALUE : Long.parseLong(rest);
                }
                if (a < 1 || b < a) throw new NumberFormatException();
                out.add(new long[]{a, b});
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("frame list '" + spec + "': '" + p + "' at column " + col
                        + " is not a frame number or range like 3-5");
            }
            col += part.length() + 1;
        }
        return new FrameSelection(out);
    }

    public boolean contains(int frameNumber) {
        if (ranges.isEmpty()) return true;
        for (long[] r : ranges) if (frameNumber >= r[0] && frameNumber <= r[1]) return true;
        return false;
    }
}
