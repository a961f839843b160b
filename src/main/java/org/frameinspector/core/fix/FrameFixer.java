package org.frameinspector.core.fix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.frameinspector.core.checksum.InternetChecksum;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.ListFrameSource;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.SourcePart;
import org.frameinspector.core.stream.InOrder;

/**
 * "Make conformant": builds a corrected copy of a frame, driven by its findings. In this order:
 * <ol>
 * <li>reserved fields and bits named by a {@link FixableFindings#RESERVED} finding are cleared (only the bits of the
 * field's mask; for COTP-OPTION-BITS the bits the finding covers), then every other field of kind RESERVED in the
 * link, IP, TCP, TPKT and COTP layers (all layers with {@link Options#allReservedFields});</li>
 * <li>length fields of {@link FixableFindings#LENGTH} findings are recomputed from the framing: IPv4 total length and
 * IPv6 payload length from the captured bytes, a too-small TPKT length from the rest of the TCP payload, the COTP LI
 * as 2 for a DT and as "rest of the TPKT" for connection TPDUs (class 0 CR/CC/DR/ER carry no user data);</li>
 * <li>the IPv4 header checksum and the TCP checksum (IPv4 or IPv6 pseudo-header) are recomputed when a checksum
 * finding was raised or the bytes they cover changed.</li>
 * </ol>
 * Frame sizes never change, so the byte offsets of the original dissection stay valid. The original frame is not
 * touched. Bytes that live in another frame (a field of a reassembled buffer) are not changed and are reported in
 * {@link FixResult#notFixed()}.
 */
public final class FrameFixer {
    /** Options of the fixer. */
    public record Options(boolean allReservedFields) {
        public static Options defaults() {
            return new Options(false);
        }
    }

    /** Layers whose RESERVED fields are zeroed even without a finding. */
    static final Set<String> CORE_LAYERS = Set.of("eth", "vlan", "sll", "sll2", "ip", "ipv6", "tcp", "tpkt", "cotp");

    private final FrameDissector dissector;
    private final Options options;

    public FrameFixer(FrameDissector dissector, Options options) {
        this.dissector = dissector;
        this.options = options == null ? Options.defaults() : options;
    }

    public static FrameFixer standard() {
        return new FrameFixer(org.frameinspector.core.protocols.Protocols.dissector(), Options.defaults());
    }

    /** Dissects the frame on its own, fixes it, and dissects the fixed copy on its own. */
    public FixResult fix(Frame f) {
        return fix(dissector.dissect(f));
    }

    /** Fixes the frame of {@code before}; the result's {@link FixResult#after()} is the fixed frame dissected alone. */
    public FixResult fix(Dissection before) {
        Work w = apply(before);
        Frame fixed = w.frame();
        return w.result(dissector.dissect(fixed));
    }

    /**
     * Fixes the selected frames of a capture or dump: dissected in order with connection state (so a segment that
     * continues a TPKT is not mistaken for a TPKT header), and the fixed frames dissected in order again.
     * Frames not selected are kept as they are (in the returned source, not in the results). Holds every result:
     * for big inputs use {@link #fixEach}.
     */
    public Batch fixAll(FrameSource fs, String startsAt, IntPredicate selectNumber) {
        List<FixResult> results = new ArrayList<>();
        List<Frame> frames = new ArrayList<>(fs.size());
        fixEach(fs, startsAt, selectNumber, results::add, frames::add);
        return new Batch(results, new ListFrameSource(frames));
    }

    /** The results of {@link #fixAll} and every frame (fixed or not) in order. */
    public record Batch(List<FixResult> results, ListFrameSource frames) {
    }

    /**
     * As {@link #fixAll}, handing each result to {@code each} as soon as it is complete and keeping nothing: memory
     * does not grow with the input. The two in-order passes (the input, and the fixed frames) run side by side,
     * the first on a helper thread a few frames ahead of the second.
     *
     * @return the number of results handed over
     */
    public int fixEach(FrameSource fs, String startsAt, IntPredicate selectNumber, Consumer<FixResult> each) {
        return fixEach(fs, startsAt, selectNumber, each, f -> { });
    }

    private static final Object END = new Object();

    private int fixEach(FrameSource fs, String startsAt, IntPredicate selectNumber, Consumer<FixResult> each,
                        Consumer<Frame> everyFrame) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
        Thread first = new Thread(() -> {
            Object last = END;
            try {
                InOrder.dissect(fs, startsAt, d -> put(queue, selectNumber.test(d.frame().number()) ? apply(d) : d.frame()));
            } catch (Throwable t) {
                last = t;
            }
            if (!(last instanceof Interrupted)) put(queue, last);
        }, "fix-input-pass");
        first.setDaemon(true);
        first.start();
        Map<Integer, Work> pending = new HashMap<>();
        int[] count = {0};
        FrameSource fixed = new FrameSource() {
            @Override
            public int size() {
                return fs.size();
            }

            @Override
            public Frame frame(int index) {
                Object o;
                try {
                    o = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                if (o instanceof Work w) {
                    pending.put(w.before.frame().number(), w);
                    Frame f = w.frame();
                    everyFrame.accept(f);
                    return f;
                }
                if (o instanceof Frame f) {
                    everyFrame.accept(f);
                    return f;
                }
                if (o instanceof RuntimeException e) throw e;
                if (o instanceof Error e) throw e;
                throw new IllegalStateException(o == END ? "the input ended early" : String.valueOf(o));
            }
        };
        boolean done = false;
        try {
            InOrder.dissect(fixed, startsAt, d -> {
                Work w = pending.remove(d.frame().number());
                if (w != null) {
                    count[0]++;
                    each.accept(w.result(d));
                }
            });
            done = true;
        } finally {
            if (!done) first.interrupt(); // the consumer gave up: the helper must not wait for room in the queue
        }
        return count[0];
    }

    /** Thrown in the helper pass when the consumer stopped early. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static void put(BlockingQueue<Object> q, Object o) {
        try {
            q.put(o);
        } catch (InterruptedException e) {
            throw new Interrupted();
        }
    }

    Work apply(Dissection before) {
        Work w = new Work(before);
        w.reserved(options.allReservedFields());
        w.lengths();
        w.checksums();
        return w;
    }

    /** The state of one fix: the working copy of the bytes and what was done. */
    static final class Work {
        final Dissection before;
        final byte[] b;
        final List<Change> changes = new ArrayList<>();
        final Map<Finding, String> unfixable = new HashMap<>();

        Work(Dissection before) {
            this.before = before;
            this.b = before.frame().data().clone();
        }

        Frame frame() {
            Frame f = before.frame();
            return new Frame(f.number(), b, f.originalLength(), f.timestampNanos(), f.linkType(), f.interfaceId(),
                    f.comment());
        }

        FixResult result(Dissection after) {
            List<String> notFixed = new ArrayList<>();
            for (Finding f : after.findings()) {
                if (!FixableFindings.isFixable(f.id())) continue;
                String why = null;
                for (Map.Entry<Finding, String> e : unfixable.entrySet()) {
                    if (e.getKey().id().equals(f.id())) why = e.getValue();
                }
                notFixed.add(String.format("%s at 0x%04x: %s", f.id(), f.offset(), why != null ? why
                        : "still raised after the fix"));
            }
            return new FixResult(before, after.frame(), after, changes, notFixed);
        }

        /** Frame offset of a byte of a data source, or -1 when it is not in this frame. */
        int frameOffset(String source, int off) {
            if (source == null || DataSource.FRAME.equals(source)) return off < b.length ? off : -1;
            DataSource s = before.source(source);
            if (s == null) return -1;
            SourcePart p = s.partAt(off);
            if (p == null || p.frame() != before.frame().number()) return -1;
            return p.frameOffset() + off - p.bufferOffset();
        }

        /** Frame offsets of every byte of the field, or null when one is not in this frame. */
        int[] frameOffsets(Field f) {
            int[] o = new int[f.length()];
            for (int i = 0; i < o.length; i++) {
                o[i] = frameOffset(f.source(), f.offset() + i);
                if (o[i] < 0) return null;
            }
            return o;
        }

        /** Clears {@code mask} bits (0 = every bit) of the field's bytes. */
        boolean clear(Field f, long mask, String findingId, String reason) {
            if (f.length() <= 0 || f.length() > 64) return false;
            int[] o = frameOffsets(f);
            if (o == null) return false;
            int n = o.length;
            byte[] nw = new byte[n];
            for (int i = 0; i < n; i++) {
                int m = mask == 0 || n > 8 ? 0xFF : (int) (mask >>> (8 * (n - 1 - i))) & 0xFF;
                nw[i] = (byte) (b[o[i]] & ~m);
            }
            writeAt(o, nw, findingId, f.abbrev(), reason);
            return true;
        }

        void writeAt(int[] o, byte[] nw, String findingId, String field, String reason) {
            // contiguous runs become one change each
            int i = 0;
            while (i < o.length) {
                int j = i + 1;
                while (j < o.length && o[j] == o[j - 1] + 1) j++;
                byte[] old = new byte[j - i], neu = Arrays.copyOfRange(nw, i, j);
                for (int k = i; k < j; k++) old[k - i] = b[o[k]];
                if (!Arrays.equals(old, neu)) {
                    for (int k = i; k < j; k++) b[o[k]] = nw[k];
                    changes.add(new Change(findingId, field, o[i], old, neu, reason));
                }
                i = j;
            }
        }

        void write(int off, byte[] nw, String findingId, String field, String reason) {
            int[] o = new int[nw.length];
            for (int i = 0; i < o.length; i++) o[i] = off + i;
            writeAt(o, nw, findingId, field, reason);
        }

        int u16(int off) {
            return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
        }

        static byte[] be16(int v) {
            return new byte[]{(byte) (v >> 8), (byte) v};
        }

        // ---- reserved ----------------------------------------------------------------------------------------

        void reserved(boolean all) {
            for (Finding f : before.findings()) {
                if (!FixableFindings.RESERVED.contains(f.id())) continue;
                Field fl = f.field();
                if (fl == null) {
                    unfixable.put(f, "the finding names no field");
                    continue;
                }
                boolean ok;
                if (f.id().equals("COTP-OPTION-BITS")) {
                    int[] o = frameOffsets(fl);
                    if (o == null || o.length != 1) {
                        ok = false;
                    } else {
                        int octet = b[o[0]] & 0xFF;
                        int mask = (octet >> 4) <= 1 ? 0x0F : 0x0C;
                        writeAt(o, new byte[]{(byte) (octet & ~mask)}, f.id(),
                                "cotp.opts", "option bits set to 0 (reserved, or meaningless in class " + (octet >> 4) + ")");
                        ok = true;
                    }
                } else {
                    ok = clear(fl, fl.bitmask(), f.id(), "reserved, must be sent as 0");
                }
                if (!ok) unfixable.put(f, "the field's bytes are not all in this frame");
            }
            for (Layer l : before.layers()) {
                if (!all && !CORE_LAYERS.contains(l.protocol())) continue;
                for (Field f : l.fields()) reservedBelow(f);
            }
        }

        private void reservedBelow(Field f) {
            if (f.kind() == FieldKind.RESERVED) clear(f, f.bitmask(), findingOn(f), "reserved field set to 0");
            for (Field c : f.children()) reservedBelow(c);
        }

        private String findingOn(Field f) {
            for (Finding x : f.findings()) if (FixableFindings.RESERVED.contains(x.id())) return x.id();
            // e.g. IP4-OPTION-MALFORMED on non-zero bytes after End of Options: zeroing them answers it
            return f.findings().isEmpty() ? null : f.findings().get(0).id();
        }

        // ---- lengths -----------------------------------------------------------------------------------------

        void lengths() {
            boolean truncated = before.frame().truncatedByCapture();
            // IP lengths first: the TPKT and COTP derivations below do not depend on them, the checksums do
            for (Finding f : before.findings()) {
                if (!FixableFindings.LENGTH.contains(f.id())) continue;
                if (!f.id().startsWith("IP")) continue;
                if (truncated) {
                    unfixable.put(f, "the capture was cut by its snap length; the real length is unknown");
                    continue;
                }
                Field fl = f.field();
                int off = fl == null ? -1 : frameOffset(fl.source(), fl.offset());
                if (off < 0) {
                    unfixable.put(f, "the length field is not in this frame");
                    continue;
                }
                if (f.id().equals("IP4-TOTLEN-INCONSISTENT")) {
                    int ip = off - 2;
                    int nl = Math.min(0xFFFF, b.length - ip);
                    int ihl = (b[ip] & 0x0F) * 4;
                    if (nl < ihl) {
                        unfixable.put(f, "fewer bytes than the header length");
                        continue;
                    }
                    write(off, be16(nl), f.id(), "ip.len", "set to the " + nl + " bytes the datagram occupies");
                } else if (f.id().equals("IP6-PLEN-MISMATCH")) {
                    int ip = off - 4;
                    int nl = b.length - ip - 40;
                    if (nl < 0 || nl > 0xFFFF) {
                        unfixable.put(f, "payload does not fit a 16-bit payload length");
                        continue;
                    }
                    write(off, be16(nl), f.id(), "ipv6.plen", "set to the " + nl + " bytes after the IPv6 header");
                }
            }
            for (Finding f : before.findings()) {
                if (!f.id().equals("TPKT-LENGTH-TOO-SMALL")) continue;
                Field fl = f.field();
                int off = fl == null ? -1 : frameOffset(fl.source(), fl.offset());
                if (off < 0) {
                    unfixable.put(f, "the length field is not in this frame");
                    continue;
                }
                int tpkt = off - 2;
                int end = payloadEnd(tpkt);
                int nl = end - tpkt;
                if (nl < 7 || nl > 0xFFFF) {
                    unfixable.put(f, "the rest of the segment (" + nl + " bytes) cannot be one TPKT");
                    continue;
                }
                write(off, be16(nl), f.id(), "tpkt.length", "set to the " + nl + " bytes left in the segment");
            }
            for (Finding f : before.findings()) {
                if (!f.id().startsWith("COTP-LI-")) continue;
                String why = cotpLi(f);
                if (why != null) unfixable.put(f, why);
            }
        }

        /** End (frame offset) of the TCP payload holding {@code off}, or the end of the frame. */
        private int payloadEnd(int off) {
            for (Field p : before.fields("tcp.payload")) {
                if (p.inFrame() && off >= p.offset() && off < p.end()) return p.end();
            }
            return b.length;
        }

        private String cotpLi(Finding f) {
            Field fl = f.field();
            if (fl == null || !"cotp.li".equals(fl.abbrev())) return "the finding does not point at the LI";
            int li = frameOffset(fl.source(), fl.offset());
            if (li < 0) return "the LI is not in this frame";
            for (Finding x : before.findings()) {
                if (x.id().equals("COTP-CONCATENATED-IN-TPKT") && x.field() == fl) {
                    return "several TPDUs share the TPKT; the LI cannot be derived";
                }
            }
            int nsdu;
            boolean overTpkt = li >= 4 && (b[li - 4] & 0xFF) == 3 && before.frame().linkType() != Frame.LINK_COTP;
            if (overTpkt) nsdu = u16(li - 2) - 4;
            else if (before.frame().linkType() == Frame.LINK_COTP) nsdu = b.length - li;
            else return "no TPKT header in front of the TPDU";
            if (nsdu < 2 || li + 1 >= b.length) return "the TPDU is too short to hold a header";
            int type = (b[li + 1] & 0xFF) >> 4;
            int nl;
            String how;
            if (type == 0x0F) {
                nl = 2;
                how = "2, the class-0 DT header";
            } else if (type == 0x0E || type == 0x0D || type == 0x08 || type == 0x07 || type == 0x0C) {
                nl = nsdu - 1;
                int fixed = type == 0x07 ? 4 : type == 0x0C ? 5 : 6;
                if (nl < fixed) return "the TPKT is too short for the fixed part";
                how = nl + ", the rest of the TPDU (no user data in a class-0 " + typeName(type) + ")";
            } else {
                return "the LI of a " + typeName(type) + " TPDU cannot be derived";
            }
            if (nl < 1 || nl > 254) return "the derived LI " + nl + " is out of range";
            write(li, new byte[]{(byte) nl}, f.id(), "cotp.li", "set to " + how);
            return null;
        }

        private static String typeName(int t) {
            return switch (t) {
                case 0x0E -> "CR";
                case 0x0D -> "CC";
                case 0x08 -> "DR";
                case 0x0C -> "DC";
                case 0x07 -> "ER";
                case 0x0F -> "DT";
                default -> String.format("0x%x", t);
            };
        }

        // ---- checksums ---------------------------------------------------------------------------------------

        private boolean changedIn(int from, int to) {
            for (Change c : changes) if (c.offset() < to && c.offset() + c.length() > from) return true;
            return false;
        }

        private Finding findingAt(String id, int off) {
            for (Finding f : before.findings()) {
                if (f.id().equals(id) && f.source().equals(DataSource.FRAME) && f.offset() == off) return f;
            }
            return null;
        }

        void checksums() {
            boolean truncated = before.frame().truncatedByCapture();
            List<Layer> layers = before.layers();
            Layer ip = null;
            for (Layer l : layers) {
                if (!l.source().equals(DataSource.FRAME)) continue;
                if (l.protocol().equals("ip")) {
                    ip = l;
                    ipv4(l);
                } else if (l.protocol().equals("ipv6")) {
                    ip = l;
                } else if (l.protocol().equals("tcp") && ip != null) {
                    Finding bad = findingAt("TCP-CHECKSUM-BAD", l.offset() + 16);
                    String why = tcp(ip, l, bad, truncated);
                    if (why != null && bad != null) unfixable.put(bad, why);
                    ip = null;
                }
            }
        }

        private void ipv4(Layer l) {
            int o = l.offset();
            if (o + 20 > b.length || (b[o] & 0xF0) != 0x40) return;
            int hl = (b[o] & 0x0F) * 4;
            Finding bad = findingAt("IP4-CHECKSUM-BAD", o + 10);
            if (hl < 20 || o + hl > b.length) {
                if (bad != null) unfixable.put(bad, "the header is not complete");
                return;
            }
            if (bad == null && !changedIn(o, o + hl)) return;
            long sum = InternetChecksum.add(InternetChecksum.add(0, b, o, 10), b, o + 12, hl - 12);
            int ck = InternetChecksum.complement(sum);
            write(o + 10, be16(ck), bad == null ? null : bad.id(), "ip.checksum",
                    bad == null ? "recomputed: header bytes changed" : "recomputed");
        }

        private String tcp(Layer ip, Layer tcp, Finding bad, boolean truncated) {
            int io = ip.offset(), to = tcp.offset();
            boolean v6 = ip.protocol().equals("ipv6");
            int end;
            int alen = v6 ? 16 : 4, src = v6 ? io + 8 : io + 12, dst = src + alen;
            if (v6) {
                if (io + 40 > b.length) return "the IPv6 header is not complete";
                end = io + 40 + u16(io + 4);
            } else {
                if (io + 20 > b.length) return "the IPv4 header is not complete";
                int fw = u16(io + 6);
                if ((fw & 0x3FFF) != 0) return "the datagram is an IP fragment";
                end = io + u16(io + 2);
            }
            int segLen = end - to;
            if (truncated || end > b.length) return "the segment was not captured completely";
            if (segLen < 20) return "the segment is shorter than a TCP header";
            if (bad == null && !changedIn(to, end) && !changedIn(src, dst + alen) && !changedIn(io, io + 4)) return null;
            long pseudo = InternetChecksum.pseudoHeader(b, src, b, dst, alen, 6, segLen);
            int ck = InternetChecksum.complement(InternetChecksum.tcpSegment(pseudo, b, to, segLen));
            write(to + 16, be16(ck), bad == null ? null : bad.id(), "tcp.checksum",
                    (bad == null ? "recomputed: covered bytes changed" : "recomputed") + " (IPv" + (v6 ? 6 : 4)
                            + " pseudo-header)");
            return null;
        }
    }
}
