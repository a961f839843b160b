package org.frameinspector.core.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.stream.Conversation;

/**
 * What went over one connection, in frame order, as the in-order pass dissected it (Follow Stream): the TCP payload
 * of each segment with its direction, and the COTP TPDUs with their findings. It reads the session's dissections of
 * the connection's frames ({@link Session#dissect(int)}, which replays the pass) — nothing is reassembled a second
 * time. Memory is bounded: at most {@link #MAX_BYTES} payload bytes and {@link #MAX_TPDUS} TPDUs are kept; what is
 * left out is counted ({@link #truncated()}).
 */
public final class StreamBytes {
    /** Payload bytes kept per connection (both directions together). */
    public static final int MAX_BYTES = 16 << 20;
    /** TPDUs listed per connection. */
    public static final int MAX_TPDUS = 200_000;

    /** One TCP segment with payload: its frame (1-based), sender (true: A), where its bytes start in {@link #bytes}. */
    public record Segment(int frame, boolean fromA, int offset, int length, boolean retransmission) {
    }

    /**
     * One COTP TPDU: frame (1-based), sender, type name ("DT", "CR" …), length (the TPKT's length field: header,
     * TPDU and user data; without TPKT the COTP layer's), findings on those bytes.
     */
    public record Tpdu(int frame, boolean fromA, String type, int length, int findings) {
    }

    private final Conversation conversation;
    private byte[] data = new byte[1024];
    private int size;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Tpdu> tpdus = new ArrayList<>();
    private long droppedBytes;
    private int droppedTpdus;
    private boolean stopped;

    private StreamBytes(Conversation c) {
        this.conversation = c;
    }

    /**
     * The connection's payload and TPDUs from the session's dissections of its frames (the frames the in-order pass
     * reached); {@code stop} is asked now and then (true: give up, {@link #stopped()}).
     */
    public static StreamBytes of(Session s, Conversation c, BooleanSupplier stop) {
        StreamBytes sb = new StreamBytes(c);
        int last = Math.min(c.lastFrame(), s.indexed());
        for (int n = Math.max(1, c.firstFrame()); n <= last; n++) {
            if (stop != null && (n & 63) == 0 && stop.getAsBoolean()) {
                sb.stopped = true;
                break;
            }
            sb.add(s.dissect(n - 1));
        }
        return sb;
    }

    /** Adds one frame's dissection if it belongs to the connection. */
    void add(Dissection d) {
        char side = side(conversation, d);
        if (side == 0) return;
        boolean fromA = side == 'A';
        int frame = d.frame().number();
        Field pay = last(d, "tcp.payload");
        if (pay != null && pay.length() > 0) {
            DataSource src = d.source(pay.source());
            if (src != null && pay.end() <= src.bytes().length) {
                if ((long) size + pay.length() > MAX_BYTES) {
                    droppedBytes += pay.length();
                } else {
                    if (size + pay.length() > data.length) {
                        data = Arrays.copyOf(data, (int) Math.min(MAX_BYTES, Math.max((long) size + pay.length(), data.length * 2L)));
                    }
                    System.arraycopy(src.bytes(), pay.offset(), data, size, pay.length());
                    segments.add(new Segment(frame, fromA, size, pay.length(),
                            d.field("tcp.analysis.retransmission") != null));
                    size += pay.length();
                }
            }
        }
        List<Layer> layers = d.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (!"cotp".equals(l.protocol())) continue;
            if (tpdus.size() >= MAX_TPDUS) {
                droppedTpdus++;
                continue;
            }
            Layer t = i > 0 && "tpkt".equals(layers.get(i - 1).protocol()) && layers.get(i - 1).source().equals(l.source())
                    ? layers.get(i - 1) : l;
            int from = t.offset(), to = Math.max(l.end(), t == l ? l.end() : from + tpktLength(t));
            int count = 0;
            for (Finding f : d.findings()) {
                if (l.source().equals(f.source()) && f.offset() >= from && f.offset() < Math.max(to, from + 1)) count++;
            }
            tpdus.add(new Tpdu(frame, fromA, type(l), to - from, count));
        }
    }

    /** The TPKT header's length field (header, TPDU and its user data), 0 when absent. */
    private static int tpktLength(Layer tpkt) {
        for (Field f : tpkt.fields()) {
            if ("tpkt.length".equals(f.abbrev()) && f.value() instanceof Long v) return (int) Math.min(v, 65535);
        }
        return 0;
    }

    /** The TPDU type of a COTP layer by its code's name, "?" when the header was too short for one. */
    private static String type(Layer l) {
        for (Field f : l.fields()) {
            if ("cotp.type".equals(f.abbrev()) && f.value() instanceof Long v) {
                long code = v > 15 ? v >> 4 : v;
                return Conversation.typeName((int) code);
            }
        }
        return "?";
    }

    /** The connection a dissected frame is a segment of (null: none, e.g. not TCP). */
    public static Conversation connectionOf(List<Conversation> rows, Dissection d) {
        int n = d.frame().number();
        for (Conversation c : rows) {
            if (n >= c.firstFrame() && n <= c.lastFrame() && side(c, d) != 0) return c;
        }
        return null;
    }

    /** 'A' or 'B' when the frame is a segment of the connection (within its frames), 0 otherwise. */
    static char side(Conversation c, Dissection d) {
        Field sp = last(d, "tcp.srcport"), dp = last(d, "tcp.dstport");
        if (sp == null || dp == null || !(sp.value() instanceof Long s) || !(dp.value() instanceof Long t)) return 0;
        for (String ip : new String[] {"ip", "ipv6"}) {
            Field src = last(d, ip + ".src"), dst = last(d, ip + ".dst");
            if (src == null || dst == null || src.value() == null || dst.value() == null) continue;
            char side = c.side(src.value().toString(), s.intValue(), dst.value().toString(), t.intValue());
            if (side != 0) return side;
        }
        return 0;
    }

    private static Field last(Dissection d, String abbrev) {
        List<Field> fs = d.fields(abbrev);
        return fs.isEmpty() ? null : fs.get(fs.size() - 1);
    }

    public Conversation conversation() { return conversation; }

    /** The payload of every segment kept, in frame order, both directions (see {@link #segments()}). */
    public byte[] bytes() { return Arrays.copyOf(data, size); }

    /** The payload sent by A ({@code fromA}) or by B, in frame order. */
    public byte[] bytes(boolean fromA) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Segment s : segments) if (s.fromA() == fromA) out.write(data, s.offset(), s.length());
        return out.toByteArray();
    }

    /** The byte at {@code i} of {@link #bytes()} (no copy). */
    public byte at(int i) { return data[i]; }

    public int size() { return size; }

    public List<Segment> segments() { return List.copyOf(segments); }

    public List<Tpdu> tpdus() { return List.copyOf(tpdus); }

    /** Payload bytes and TPDUs left out above the caps; 0 and 0 when everything is kept. */
    public long droppedBytes() { return droppedBytes; }

    public int droppedTpdus() { return droppedTpdus; }

    /** True when something was left out above a cap. */
    public boolean truncated() { return droppedBytes > 0 || droppedTpdus > 0; }

    /** True when the caller asked to stop before the last frame. */
    public boolean stopped() { return stopped; }
}
