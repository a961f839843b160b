package org.frameinspector.core.dissect.proto;

import org.frameinspector.core.dissect.DissectorRegistry;

public final class TcpDissector {
    private TcpDissector() {
    }

    public static void register(DissectorRegistry r) {
    }
}
