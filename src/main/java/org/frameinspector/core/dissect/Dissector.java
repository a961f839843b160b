package org.frameinspector.core.dissect;

/**
 * Decodes one protocol layer. Implementations add a layer with {@link Ctx#layer}, add fields and findings to it and
 * hand the rest to the next dissector through the registry ({@link Ctx#next}). They must not keep state between
 * frames; connection state lives in {@link Ctx#stream()}.
 */
public interface Dissector {
    /** Wireshark's protocol filter name, e.g. "tpkt". */
    String protocol();

    /** Decodes {@code buf} (the bytes of this layer and everything above it). */
    void dissect(Ctx ctx, Buf buf);
}
