package org.frameinspector.core.dissect.proto;

import org.frameinspector.core.dissect.DissectorRegistry;

public final class LinkDissectors {
    private LinkDissectors() {
    }

    public static void register(DissectorRegistry r) {
    }
}
