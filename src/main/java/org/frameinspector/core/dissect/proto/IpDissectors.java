package org.frameinspector.core.dissect.proto;

import org.frameinspector.core.dissect.DissectorRegistry;

public final class IpDissectors {
    private IpDissectors() {
    }

    public static void register(DissectorRegistry r) {
    }
}
