package org.frameinspector.core.diff;

import org.frameinspector.core.model.Field;

/**
 * One field-level difference between frame A and frame B. Ranges are in the field's data source ({@code aSource} /
 * {@code bSource}, "frame" for the frame bytes); an absent side has a null field, null value and offset -1.
 *
 * @param index  position in {@link FrameDiff#differences()}
 * @param masked true when the field is in the mask set (an expected difference, shown greyed, not counted)
 */
public record Difference(int index, String path, String abbrev, String name, Kind kind, boolean masked,
                         Object aValue, String aDisplay, String aSource, int aOffset, int aLength,
                         Object bValue, String bDisplay, String bSource, int bOffset, int bLength,
                         Field a, Field b) {

    public enum Kind {
        CHANGED, ONLY_IN_A, ONLY_IN_B;

        public String label() {
            return switch (this) {
                case CHANGED -> "changed";
                case ONLY_IN_A -> "only in A";
                case ONLY_IN_B -> "only in B";
            };
        }
    }

    /** "ip/ip.ttl: 64 → 128" style one-liner. */
    public String describe() {
        String s = path + " (" + kind.label() + (masked ? ", masked" : "") + "): ";
        return switch (kind) {
            case CHANGED -> s + show(aDisplay) + " \u2192 " + show(bDisplay);
            case ONLY_IN_A -> s + show(aDisplay);
            case ONLY_IN_B -> s + show(bDisplay);
        };
    }

    private static String show(String d) {
        return d == null ? "(no value)" : d;
    }
}
