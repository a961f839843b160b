package org.frameinspector.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.frameinspector.capture.FrameBuilder;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.notes.NotesFiles;
import org.frameinspector.core.output.PcapngWriter;

/**
 * Generators for the hostile input classes of issue 18, used by {@link Campaign} as seeds next to the mutations of
 * real frames: deep nesting in notes, sidecars and filters; many TPDUs in one frame; many connections; short and
 * lying TPKT lengths and COTP LI 0/255; terminal control characters in cookies and comments; damaged pcapng blocks.
 * Like {@link Mutators}, everything is a pure function of the random source handed in.
 */
final class Hostile {
    private Hostile() {
    }

    /** What a cookie or comment can carry that a terminal would act on (title, clear, NUL, C1 CSI, bidi, NEL). */
    static final String[] TERMINAL = {"\u001b]0;pwned\u0007", "\u001b[2J", "\u0000", "\u009b31m", "\u001b[1;32m",
            "\u202e", "\u2066", "\u0007", "\r", "\u001bP+q\u001b\\", "\u0085", "\u2028", "\u007f", "\u061c", "\b\b\b"};

    /** Opening brackets a recursive reader descends on. */
    private static final String[] OPENERS = {"[", "{", "[{\"a\":", "{\"a\":[", "[[\"x\",", "(", "{\"text\":{\"text\":"};

    static String terminal(SplittableRandom r) {
        return TERMINAL[r.nextInt(TERMINAL.length)];
    }

    /** A run of 1,000–20,000 nested openers (optionally closed again), to overflow a recursive reader. */
    static String deep(SplittableRandom r) {
        String o = OPENERS[r.nextInt(OPENERS.length)];
        int n = 1000 + r.nextInt(19_000);
        StringBuilder sb = new StringBuilder(o.repeat(n));
        if (r.nextBoolean()) {
            String c = o.startsWith("{") ? "}" : o.startsWith("(") ? ")" : "]";
            sb.append(c.repeat(r.nextInt(n + 1)));
        }
        return sb.toString();
    }

    /** A valid note line for frame {@code frame}, its text carrying a terminal sequence now and then. */
    static String note(SplittableRandom r, int frame) {
        String text = r.nextBoolean() ? "a note" : "note " + jsonEscape(terminal(r)) + " end";
        return NotesFiles.PREFIX + "{\"id\":\"n" + r.nextInt(1000) + "\",\"frame\":" + frame
                + ",\"target\":\"frame\",\"text\":\"" + text + "\"}";
    }

    private static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c >= 0x7F) sb.append(String.format("\\u%04x", (int) c));
            else if (c == '"' || c == '\\') sb.append('\\').append(c);
            else sb.append(c);
        }
        return sb.toString();
    }

    /** A frame comment: plain text with terminal sequences, a deep note, a damaged note, a good note, or several. */
    static String comment(SplittableRandom r, int frame) {
        List<String> lines = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            lines.add(switch (r.nextInt(5)) {
                case 0 -> "from the customer " + terminal(r) + " " + terminal(r);
                case 1 -> NotesFiles.PREFIX + deep(r);
                case 2 -> NotesFiles.PREFIX + "{\"id\":\"x\",\"frame\":" + frame + ",\"text\":\"cut";
                case 3 -> NotesFiles.PREFIX + "{\"id\":\"y\",\"frame\":" + frame + ",\"target\":\"frame\",\"text\":"
                        + deep(r) + "}";
                default -> note(r, frame);
            });
        }
        return String.join("\n", lines);
    }

    /** A notes sidecar: deep nesting, a damaged line, control characters in a note, or a valid file. */
    static String sidecar(SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> deep(r);
            case 1 -> "{\"notes\":[" + deep(r) + "]}";
            case 2 -> "[{\"id\":\"a\",\"frame\":1,\"target\":\"frame\",\"text\":\"ok\"},\n{\"id\":\"b\",\"frame\":";
            case 3 -> "[{\"id\":\"a\",\"frame\":1,\"target\":\"frame\",\"text\":\"" + jsonEscape(terminal(r)) + "\"}]";
            default -> "\u0000\u001b[2J" + deep(r).substring(0, 100);
        };
    }

    // ------------------------------------------------------------------ frames

    /** Ethernet/IPv4/TCP from 10.0.x.y:{@code sport} to 10.200.0.1:{@code dport} carrying {@code payload}. */
    static byte[] tcp(byte[] payload, int conn, int sport, int dport) {
        byte[] b = new byte[FrameBuilder.HEADERS + payload.length];
        int n = FrameBuilder.tcp(b, FrameBuilder.ip(10, 0, (conn >> 8) & 0xFF, conn & 0xFF), FrameBuilder.ip(10, 200, 0, 1),
                sport, dport, 1000, 1, 0x18, payload, 0, payload.length, conn);
        return Arrays.copyOf(b, n);
    }

    /** Many TPKT/COTP TPDUs back to back (7-byte DTs, CRs, or a mix with lying lengths), up to 64 KB. */
    static byte[] manyTpdus(SplittableRandom r, int maxBytes) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int kind = r.nextInt(3);
        int limit = 7 + r.nextInt(Math.max(1, maxBytes - 7));
        while (o.size() + 7 <= limit) {
            if (kind == 0 || (kind == 2 && r.nextInt(4) != 0)) {
                o.writeBytes(new byte[] {3, 0, 0, 7, 2, (byte) 0xF0, (byte) 0x80});
            } else if (kind == 1) {
                o.writeBytes(new byte[] {3, 0, 0, 11, 6, (byte) 0xE0, 0, 0, 0, 1, 0});
            } else {
                int len = new int[] {0, 3, 4, 5, 7, 8, 0xFFFF}[r.nextInt(7)];
                o.writeBytes(new byte[] {3, 0, (byte) (len >> 8), (byte) len, (byte) (r.nextBoolean() ? 0 : 0xFF),
                        (byte) 0xF0, (byte) 0x80});
            }
        }
        return o.toByteArray();
    }

    /** A 22-byte TPKT segment whose length lies (0, 3, 5, 8, 100, …) or whose COTP LI is 0 or 255. */
    static byte[] lyingTpkt(SplittableRandom r) {
        byte[] p = new byte[22];
        p[0] = 3;
        int len = new int[] {0, 1, 3, 4, 5, 6, 7, 8, 21, 23, 100, 0xFFFF, 22}[r.nextInt(13)];
        p[2] = (byte) (len >> 8);
        p[3] = (byte) len;
        p[4] = (byte) (r.nextInt(3) == 0 ? 2 : r.nextBoolean() ? 0 : 0xFF);
        p[5] = (byte) 0xF0;
        p[6] = (byte) 0x80;
        for (int i = 7; i < p.length; i++) p[i] = (byte) r.nextInt(256);
        if (r.nextBoolean()) p[7] = 0x32; // S7comm protocol id
        return p;
    }

    /** An X.224 CR carrying an RDP cookie whose user name holds terminal sequences. */
    static byte[] rdpCookieCr(SplittableRandom r) {
        String name = "user" + terminal(r) + (r.nextBoolean() ? terminal(r) : "");
        byte[] cookie = ("Cookie: mstshash=" + name + (r.nextInt(4) == 0 ? "" : "\r\n")).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream x = new ByteArrayOutputStream();
        x.writeBytes(new byte[] {(byte) 0xE0, 0, 0, 0, 0, 0}); // CR, DST-REF, SRC-REF, class 0
        x.writeBytes(cookie);
        if (r.nextBoolean()) x.writeBytes(new byte[] {1, 0, 8, 0, 3, 0, 0, 0}); // RDP negotiation request
        int total = 4 + 1 + x.size();
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.writeBytes(new byte[] {3, 0, (byte) (total >> 8), (byte) total, (byte) x.size()});
        t.writeBytes(x.toByteArray());
        return t.toByteArray();
    }

    /** One of the hostile frames above, as a full Ethernet frame to port 102 or 3389 (or the bare TPKT bytes). */
    static Seeds.FrameSeed frame(SplittableRandom r) {
        byte[] p;
        String what;
        int port = 102;
        switch (r.nextInt(3)) {
            case 0 -> {
                p = manyTpdus(r, r.nextInt(4) == 0 ? 65_000 : 4_000);
                what = "many TPDUs";
            }
            case 1 -> {
                p = lyingTpkt(r);
                what = "lying TPKT/LI";
            }
            default -> {
                p = rdpCookieCr(r);
                what = "RDP cookie with terminal sequences";
                port = r.nextBoolean() ? 3389 : 102;
            }
        }
        if (r.nextInt(4) == 0) return new Seeds.FrameSeed("hostile " + what, p,
                org.frameinspector.core.protocols.Protocols.linkTypeFor("tpkt"), "tpkt", List.of());
        if (p.length > 65_000 - FrameBuilder.HEADERS) p = Arrays.copyOf(p, 65_000 - FrameBuilder.HEADERS);
        return new Seeds.FrameSeed("hostile " + what, tcp(p, r.nextInt(1 << 16), 49152 + r.nextInt(16000), port),
                Frame.LINK_ETHERNET, null, List.of());
    }

    /** A stream of {@code n} frames, each opening its own connection with a CR (or a lying TPKT). */
    static List<Frame> manyConnections(SplittableRandom r, int n) {
        byte[] cr = {3, 0, 0, 22, 17, (byte) 0xE0, 0, 0, 0, 1, 0, (byte) 0xC1, 2, 1, 0, (byte) 0xC2, 2, 1, 2, (byte) 0xC0, 1, 10};
        List<Frame> out = new ArrayList<>(n);
        boolean lying = r.nextInt(4) == 0;
        for (int i = 0; i < n; i++) {
            byte[] p = lying && r.nextInt(8) == 0 ? lyingTpkt(r) : cr;
            byte[] b = tcp(p, i, 1024 + (i % 60000), 102);
            out.add(new Frame(i + 1, b, b.length, 1_000_000L * i, Frame.LINK_ETHERNET, 0, null));
        }
        return out;
    }

    // ------------------------------------------------------------------ capture files

    /** A pcapng of the given frames with hostile comments on some of them. */
    static byte[] commentedPcapng(SplittableRandom r, List<Frame> frames) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        int n = Math.min(frames.size(), 1 + r.nextInt(40));
        try (PcapngWriter w = new PcapngWriter(bo)) {
            for (int i = 0; i < n; i++) {
                Frame f = frames.get(i).withNumber(i + 1);
                w.write(r.nextInt(3) == 0 ? f : f.withComment(comment(r, i + 1)));
            }
        }
        return bo.toByteArray();
    }

    /** A pcapng whose block {@code kept + 1} is damaged the ways issue 18 item 11 names; {@code kept} good ones first. */
    record Damaged(byte[] file, int kept, String how) {
    }

    static Damaged damagedPcapng(SplittableRandom r, List<Frame> frames) throws IOException {
        int kept = Math.min(frames.size(), r.nextInt(6));
        int linkType = frames.get(0).linkType();
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(bo)) {
            for (int i = 0; i < kept; i++) w.write(frames.get(i).withNumber(i + 1));
            if (kept == 0) w.write(frames.get(0)); // writes the interface; the packet is cut below
            w.flush();
        }
        byte[] good = bo.toByteArray();
        if (kept == 0) good = Arrays.copyOf(good, cutLastBlock(good));
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        String how;
        switch (r.nextInt(7)) {
            case 0 -> { // a length of 99 (not a multiple of 4)
                b.putInt(6).putInt(99).put(new byte[91]);
                how = "block length 99";
            }
            case 1 -> { // an EPB naming an interface that does not exist
                b.putInt(6).putInt(48).putInt(5 + r.nextInt(1000)).putInt(0).putInt(1).putInt(16).putInt(16)
                        .put(new byte[16]).putInt(48);
                how = "interface id out of range";
            }
            case 2 -> {
                b.putInt(6).putInt(0).putInt(0);
                how = "block length 0";
            }
            case 3 -> {
                b.putInt(0x0BAD).putInt(16).putInt(0).putInt(20);
                how = "trailing length differs";
            }
            case 4 -> {
                b.putInt(6).putInt(48).putInt(0).putInt(0).putInt(0).putInt(0xFFFFFFF0).putInt(16).put(new byte[16]).putInt(48);
                how = "captured length larger than the block";
            }
            case 5 -> {
                b.putInt(6).putInt(0xFFFFFFFC).put(new byte[64]);
                how = "block claims 4 GB";
            }
            default -> {
                b.putInt(6).putInt(4 + r.nextInt(8)).putInt(0);
                how = "block shorter than its header";
            }
        }
        byte[] bad = Arrays.copyOf(b.array(), b.position());
        byte[] file = Mutators.cat(good, bad);
        if (r.nextBoolean() && frames.size() > kept) { // a good packet after the damage (tshark may or may not show it)
            ByteArrayOutputStream after = new ByteArrayOutputStream();
            try (PcapngWriter w = new PcapngWriter(after)) {
                w.write(frames.get(kept));
            }
            byte[] a = after.toByteArray();
            int last = cutLastBlock(a);
            file = Mutators.cat(file, Arrays.copyOfRange(a, last, a.length));
        }
        return new Damaged(file, kept, how + " after " + kept + " packets (link type " + linkType + ")");
    }

    /** Offset where the last block of a well-formed little-endian pcapng starts. */
    private static int cutLastBlock(byte[] f) {
        int at = 0, last = 0;
        while (at + 12 <= f.length) {
            int len = ByteBuffer.wrap(f, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (len < 12 || at + len > f.length) break;
            last = at;
            at += len;
        }
        return last;
    }

    // ------------------------------------------------------------------ dump texts and filters

    /** A one-line dump of many 7-byte DTs (the quadratic Info text of item 5). */
    static String manyTpduDump(SplittableRandom r) {
        // up to a 64 KB frame (9,000 DTs); a single frame far beyond any packet has exports held whole (FUZZING.md)
        int n = 1 + r.nextInt(r.nextInt(8) == 0 ? 9_000 : 3_000);
        StringBuilder sb = new StringBuilder(n * 21);
        for (int i = 0; i < n; i++) sb.append("03 00 00 07 02 f0 80 ");
        return sb.toString();
    }

    /** Deep nesting for the display filter: bracket runs, slices, sets. */
    static String deepFilter(SplittableRandom r, String field) {
        int n = 100 + r.nextInt(20_000);
        return switch (r.nextInt(5)) {
            case 0 -> "[".repeat(n);
            case 1 -> field + "[" .repeat(n) + "0:1" + "]".repeat(r.nextInt(n + 1));
            case 2 -> field + " in " + "{".repeat(n) + "1" + "}".repeat(r.nextInt(n + 1));
            case 3 -> "(".repeat(n) + field + ")".repeat(n);
            default -> (field + "[0:1] == " + field + "[").repeat(Math.min(n, 5000));
        };
    }
}
