package org.frameinspector.core.dissect.proto;

import org.frameinspector.core.dissect.DissectorRegistry;

public final class TpktDissector {
    private TpktDissector() {
    }

    public static void register(DissectorRegistry r) {
    }
}
