package org.frameinspector.core.dissect.proto;

import org.frameinspector.core.dissect.DissectorRegistry;

public final class CotpDissector {
    private CotpDissector() {
    }

    public static void register(DissectorRegistry r) {
    }
}
