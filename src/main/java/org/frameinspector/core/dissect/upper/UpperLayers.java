package org.frameinspector.core.dissect.upper;

import org.frameinspector.core.dissect.DissectorRegistry;

/** Registers the dissectors above COTP (RDP, S7comm, ISO session, BER). */
public final class UpperLayers {
    private UpperLayers() {
    }

    public static void register(DissectorRegistry r) {
        // filled in by the upper-layer work (issue 7)
    }
}
