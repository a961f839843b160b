package org.frameinspector.core.dissect;

/** A dissector that can recognise its protocol from the bytes alone (TPKT on an unusual port, S7comm in a TSDU …). */
public interface Heuristic extends Dissector {
    /** True when {@code buf} looks like this protocol; must not throw and must not add anything to ctx. */
    boolean accepts(Ctx ctx, Buf buf);
}
