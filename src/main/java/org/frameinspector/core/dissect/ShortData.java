package org.frameinspector.core.dissect;

/** Thrown when a dissector reads past the end of its data; the framework turns it into a partial field and a finding. */
public final class ShortData extends RuntimeException {
    public final int offset, wanted, end;

    public ShortData(int offset, int wanted, int end) {
        super("need " + wanted + " bytes at " + offset + ", data ends at " + end, null, false, false);
        this.offset = offset;
        this.wanted = wanted;
        this.end = end;
    }
}
