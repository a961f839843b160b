package org.frameinspector.gui;

import java.util.HexFormat;
import java.util.function.Function;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;

/**
 * Dissects one small Ethernet / IPv4 / TCP / TPKT / COTP frame on a background thread when a window opens, so the
 * dissectors' classes and the findings catalogue are loaded before the first frame is shown on the EDT (that first
 * dissection otherwise stalls the EDT for 100 ms or more).
 */
final class WarmUp {
    private static final byte[] FRAME = HexFormat.of().parseHex(
            "0200000000020200000000010800450000340000400040060000c0000201c0000202044e00660000000100000001"
                    + "50180000000000000300000c0702f080320100000000");

    private WarmUp() {
    }

    static void start(Function<Frame, Dissection> dissector) {
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < 20; i++) dissector.apply(Frame.of(1, FRAME, Frame.LINK_ETHERNET));
                org.frameinspector.core.filter.DisplayFilter.validate("tpkt.reserved != 0");
            } catch (RuntimeException | LinkageError ignored) {
                // only a warm-up: the real dissection reports its own problems
            }
        }, "dissector-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
