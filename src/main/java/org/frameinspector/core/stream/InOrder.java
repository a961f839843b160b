package org.frameinspector.core.stream;

import java.util.function.Consumer;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.model.Dissection;

/**
 * Dissects the frames of an input in order with connection state (TCP reassembly, TPKT framing, COTP state), the way
 * the CLI commands and exports see a capture. Dissections are handed to the consumer one at a time and not kept, so
 * memory stays bounded however big the capture is.
 */
public final class InOrder {
    private InOrder() {
    }

    /** Returns the conversations (finished) after every frame was passed to {@code each}. */
    public static Conversations dissect(FrameSource fs, String startsAt, Consumer<Dissection> each) {
        return dissect(fs, startsAt, false, each);
    }

    /** The same; {@code strictChecksums}: every unfinished TCP checksum is a VIOLATION (no offload summary). */
    public static Conversations dissect(FrameSource fs, String startsAt, boolean strictChecksums, Consumer<Dissection> each) {
        return dissect(fs, startsAt, strictChecksums, false, each);
    }

    /**
     * The same; {@code findingsOnly}: the consumer reads the findings (and the summary columns) only, not the tree
     * ({@link Dissection#findingsOnly()}).
     */
    public static Conversations dissect(FrameSource fs, String startsAt, boolean strictChecksums, boolean findingsOnly,
                                        Consumer<Dissection> each) {
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        Conversations conv = new Conversations().strictChecksums(strictChecksums);
        try (org.frameinspector.core.source.FrameCursor cur = fs.cursor()) {
            while (cur.next()) {
                Dissection d = fd.dissect(cur.frame(), startsAt, conv, findingsOnly);
                conv.record(d);
                each.accept(d);
            }
        }
        conv.finish();
        return conv;
    }

    // a CR and a DT carrying S7comm, Ethernet / IPv4 / TCP port 102 (checksums need not be right for a warm-up)
    private static final String[] WARM_UP = {
        "02000000000202000000000108004500003e0000400040060000c0000201c0000202c00000660000000100000001501800000000000003"
                + "00001611e00000000100c0010ac1020100c2020102",
        "0200000000020200000000010800450000340000400040060000c0000201c0000202044e00660000000100000001"
                + "50180000000000000300000c0702f080320100000000"};

    /**
     * Loads the dissectors and the findings catalogue on a background thread (one throwaway pass over two canned
     * frames), so a command can do it while it parses its options and indexes its input: the first full dissection
     * otherwise costs a few hundred milliseconds of class loading on the critical path.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            try {
                FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
                Conversations conv = new Conversations();
                int n = 1;
                for (int r = 0; r < 5; r++) {
                    for (String h : WARM_UP) {
                        byte[] b = java.util.HexFormat.of().parseHex(h);
                        conv.record(fd.dissect(org.frameinspector.core.model.Frame.of(n++, b,
                                org.frameinspector.core.model.Frame.LINK_ETHERNET), null, conv));
                    }
                }
            } catch (RuntimeException | LinkageError ignored) {
                // only a warm-up: the real pass reports its own problems
            }
        }, "dissector-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
