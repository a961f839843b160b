package org.frameinspector.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded, structure-aware mutations of frames, capture files, dump texts and display filters. Everything is a pure
 * function of the {@link SplittableRandom} handed in, so (campaign seed, input index) reproduces an input exactly.
 */
final class Mutators {
    private Mutators() {
    }

    static final int MAX_FRAME = 4096;
    private static final int[] INTERESTING8 = {0, 1, 2, 3, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84, 0xFE, 0xFF, 0x10, 0x20, 0x40};
    private static final long[] INTERESTING32 = {0, 1, 2, 3, 4, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
            0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 0xFFFFFFF0L, 0x40000000L, 0x04000000L, 262144, 65535 + 1};
    static final String[] MARKUP = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"'><svg onload=x>",
            "</pre><b>", "<!--", "&lt;&amp;", "<a href=\"javascript:x\">", "]]><", "'\"`<>"};

    // ------------------------------------------------------------------ frames

    static byte[] mutateFrame(SplittableRandom r, Seeds.FrameSeed seed, List<Seeds.FrameSeed> all) {
        byte[] b = seed.data().clone();
        int n = 1 + (r.nextInt(4) == 0 ? r.nextInt(8) : r.nextInt(3));
        for (int i = 0; i < n; i++) b = mutateOnce(r, b, seed, all);
        if (b.length > MAX_FRAME) b = Arrays.copyOf(b, MAX_FRAME);
        return b;
    }

    private static byte[] mutateOnce(SplittableRandom r, byte[] b, Seeds.FrameSeed seed, List<Seeds.FrameSeed> all) {
        int op = r.nextInt(16);
        if (b.length == 0 && op < 12) op = 12;
        switch (op) {
            case 0, 1 -> { // bit flip
                int o = r.nextInt(b.length);
                b[o] ^= (byte) (1 << r.nextInt(8));
            }
            case 2 -> b[r.nextInt(b.length)] = (byte) INTERESTING8[r.nextInt(INTERESTING8.length)];
            case 3 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            case 4 -> b = Arrays.copyOf(b, r.nextInt(b.length)); // truncate
            case 5, 6, 7 -> b = setLength(r, b, seed);
            case 8 -> { // 16/32-bit interesting value anywhere
                int w = r.nextBoolean() ? 2 : 4;
                if (b.length >= w) putBE(b, r.nextInt(b.length - w + 1), w, INTERESTING32[r.nextInt(INTERESTING32.length)]);
            }
            case 9 -> { // delete a range
                int o = r.nextInt(b.length);
                int l = 1 + r.nextInt(Math.min(16, b.length - o));
                b = cat(Arrays.copyOfRange(b, 0, o), Arrays.copyOfRange(b, o + l, b.length));
            }
            case 10 -> { // duplicate a block
                int o = r.nextInt(b.length);
                int l = 1 + r.nextInt(Math.min(64, b.length - o));
                int at = r.nextInt(b.length + 1);
                b = insert(b, at, Arrays.copyOfRange(b, o, o + l));
            }
            case 11 -> { // markup into packet bytes (TSAPs, payloads, cookies)
                byte[] m = MARKUP[r.nextInt(MARKUP.length)].getBytes(StandardCharsets.ISO_8859_1);
                int at = r.nextInt(b.length + 1);
                if (r.nextBoolean()) b = insert(b, at, m);
                else for (int i = 0; i < m.length && at + i < b.length; i++) b[at + i] = m[i];
            }
            case 12, 13 -> b = insert(b, r.nextInt(b.length + 1), randomBytes(r, 1 + r.nextInt(16)));
            case 14 -> { // splice with another seed of the same start
                Seeds.FrameSeed o = all.get(r.nextInt(all.size()));
                if (o.data().length > 0 && b.length > 0) {
                    int cut = r.nextInt(b.length);
                    int from = r.nextInt(o.data().length);
                    b = cat(Arrays.copyOf(b, cut), Arrays.copyOfRange(o.data(), from, o.data().length));
                }
            }
            default -> b = cat(b, randomBytes(r, 1 + r.nextInt(64))); // random tail
        }
        return b;
    }

    /** Sets one of the seed's length fields to 0, 1, max, ±1 or a random value. */
    private static byte[] setLength(SplittableRandom r, byte[] b, Seeds.FrameSeed seed) {
        List<Seeds.LenField> ls = seed.lengths();
        if (ls.isEmpty()) {
            if (b.length > 0) b[r.nextInt(b.length)] = (byte) INTERESTING8[r.nextInt(INTERESTING8.length)];
            return b;
        }
        Seeds.LenField f = ls.get(r.nextInt(ls.size()));
        if (f.offset() + f.length() > b.length) return b;
        long mask = f.mask() != 0 ? f.mask() : f.length() >= 8 ? -1L : (1L << (8 * f.length())) - 1;
        long cur = getBE(b, f.offset(), f.length());
        int shift = Long.numberOfTrailingZeros(mask);
        long fieldMax = mask >>> shift;
        long curVal = (cur & mask) >>> shift;
        long v = "tpkt.length".equals(f.abbrev()) && r.nextBoolean() // the short and lying lengths of issue 18 item 9
                ? new long[] {0, 3, 4, 5, 7, 8, 100}[r.nextInt(7)]
                : "cotp.li".equals(f.abbrev()) && r.nextBoolean() ? (r.nextBoolean() ? 0 : 255) : switch (r.nextInt(7)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> fieldMax;
            case 3 -> curVal + 1;
            case 4 -> curVal - 1;
            case 5 -> fieldMax / 2 + 1;
            default -> r.nextLong();
        };
        long nv = (cur & ~mask) | ((v << shift) & mask);
        putBE(b, f.offset(), f.length(), nv);
        return b;
    }

    // ------------------------------------------------------------------ capture files

    /** Offsets of the length words of a pcap/pcapng file: [offset, byteOrderLittle?1:0]. */
    static List<int[]> captureLengthWords(byte[] c) {
        List<int[]> out = new ArrayList<>();
        if (c.length < 24) return out;
        int m = (int) getBE(c, 0, 4);
        if (m == 0x0A0D0D0A) {
            int at = 0;
            boolean le = true;
            while (at + 12 <= c.length) {
                if ((int) getBE(c, at, 4) == 0x0A0D0D0A && at + 12 <= c.length) le = (c[at + 8] & 0xFF) == 0x4D;
                long len = get(c, at + 4, 4, le);
                out.add(new int[]{at + 4, le ? 1 : 0, 1});
                if (len < 12 || at + len > c.length) break;
                out.add(new int[]{(int) (at + len - 4), le ? 1 : 0, 1});
                int type = (int) get(c, at, 4, le);
                if (type == 6 && len >= 32) out.add(new int[]{at + 20, le ? 1 : 0, 2}); // EPB captured len
                if (type == 6 && len >= 32) out.add(new int[]{at + 24, le ? 1 : 0, 2}); // EPB original len
                if (type == 3 && len >= 16) out.add(new int[]{at + 8, le ? 1 : 0, 2}); // SPB original len
                if (type == 1 && len >= 20) out.add(new int[]{at + 12, le ? 1 : 0, 3}); // IDB snaplen
                at += (int) len;
            }
        } else {
            boolean le = m == 0xD4C3B2A1 || m == 0x4D3CB2A1;
            out.add(new int[]{16, le ? 1 : 0, 3}); // snaplen
            out.add(new int[]{20, le ? 1 : 0, 4}); // link type
            int at = 24;
            while (at + 16 <= c.length) {
                out.add(new int[]{at + 8, le ? 1 : 0, 2});
                out.add(new int[]{at + 12, le ? 1 : 0, 2});
                long incl = get(c, at + 8, 4, le);
                if (incl > c.length) break;
                at += 16 + (int) incl;
            }
        }
        return out;
    }

    /** Record/block spans [start, end) of a capture (for duplication, deletion, frame replacement). */
    static List<int[]> captureRecords(byte[] c) {
        List<int[]> out = new ArrayList<>();
        if (c.length < 24) return out;
        int m = (int) getBE(c, 0, 4);
        if (m == 0x0A0D0D0A) {
            int at = 0;
            boolean le = true;
            while (at + 12 <= c.length) {
                if ((int) getBE(c, at, 4) == 0x0A0D0D0A) le = (c[at + 8] & 0xFF) == 0x4D;
                long len = get(c, at + 4, 4, le);
                if (len < 12 || at + len > c.length) break;
                int type = (int) get(c, at, 4, le);
                out.add(new int[]{at, at + (int) len, type == 6 ? 28 : type == 3 ? 12 : -1});
                at += (int) len;
            }
        } else {
            boolean le = m == 0xD4C3B2A1 || m == 0x4D3CB2A1;
            int at = 24;
            while (at + 16 <= c.length) {
                long incl = get(c, at + 8, 4, le);
                if (at + 16 + incl > c.length) break;
                out.add(new int[]{at, at + 16 + (int) incl, 16});
                at += 16 + (int) incl;
            }
        }
        return out;
    }

    static byte[] mutateCapture(SplittableRandom r, byte[] orig, Seeds seeds) {
        byte[] c = orig.clone();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) c = mutateCaptureOnce(r, c, seeds);
        return c;
    }

    private static byte[] mutateCaptureOnce(SplittableRandom r, byte[] c, Seeds seeds) {
        if (c.length == 0) return randomBytes(r, 1 + r.nextInt(64));
        switch (r.nextInt(12)) {
            case 0, 1, 2 -> { // a length word set to 0/1/max/huge
                List<int[]> ws = captureLengthWords(c);
                if (ws.isEmpty()) return c;
                int[] w = ws.get(r.nextInt(ws.size()));
                if (w[0] + 4 > c.length) return c;
                long v = r.nextInt(3) == 0 ? get(c, w[0], 4, w[1] == 1) + r.nextInt(9) - 4
                        : INTERESTING32[r.nextInt(INTERESTING32.length)];
                if (w[2] == 4) v = r.nextInt(4) == 0 ? r.nextInt(300) : r.nextBoolean() ? 0x7FFFFFFFL : 147;
                put(c, w[0], 4, v, w[1] == 1);
            }
            case 3 -> { // duplicate a record/block
                List<int[]> rs = captureRecords(c);
                if (rs.isEmpty()) return c;
                int[] s = rs.get(r.nextInt(rs.size()));
                int[] at = rs.get(r.nextInt(rs.size()));
                return insert(c, r.nextBoolean() ? at[0] : at[1], Arrays.copyOfRange(c, s[0], s[1]));
            }
            case 4 -> { // delete a record/block
                List<int[]> rs = captureRecords(c);
                if (rs.isEmpty()) return c;
                int[] s = rs.get(r.nextInt(rs.size()));
                return cat(Arrays.copyOf(c, s[0]), Arrays.copyOfRange(c, s[1], c.length));
            }
            case 5 -> { // replace a packet's data by a mutated frame (fixing the lengths or not)
                List<int[]> rs = captureRecords(c);
                List<int[]> pk = new ArrayList<>();
                for (int[] s : rs) if (s[2] > 0) pk.add(s);
                if (pk.isEmpty()) return c;
                int[] s = pk.get(r.nextInt(pk.size()));
                int dataAt = s[0] + s[2];
                if (dataAt > s[1]) return c;
                byte[] data = Arrays.copyOfRange(c, dataAt, s[1]);
                Seeds.FrameSeed fs = new Seeds.FrameSeed("cap", data, 1, null, List.of());
                byte[] nd = mutateFrame(r, fs, seeds.frames);
                return cat(cat(Arrays.copyOf(c, dataAt), nd), Arrays.copyOfRange(c, s[1], c.length));
            }
            case 6 -> { // truncate
                return Arrays.copyOf(c, r.nextInt(c.length));
            }
            case 7 -> { // insert random bytes
                return insert(c, r.nextInt(c.length + 1), randomBytes(r, 1 + r.nextInt(32)));
            }
            case 8 -> { // switch the magic (byte order / ns / pcapng)
                int[] magics = {0xA1B2C3D4, 0xD4C3B2A1, 0xA1B23C4D, 0x4D3CB2A1, 0x0A0D0D0A};
                if (c.length >= 4) putBE(c, 0, 4, magics[r.nextInt(magics.length)] & 0xFFFFFFFFL);
            }
            default -> { // bit flips / byte sets in the headers or anywhere
                int k = 1 + r.nextInt(8);
                for (int i = 0; i < k; i++) {
                    int o = r.nextBoolean() ? r.nextInt(Math.min(c.length, 64)) : r.nextInt(c.length);
                    if (r.nextBoolean()) c[o] ^= (byte) (1 << r.nextInt(8));
                    else c[o] = (byte) INTERESTING8[r.nextInt(INTERESTING8.length)];
                }
            }
        }
        return c;
    }

    // ------------------------------------------------------------------ dump texts

    private static final String[] JUNK_LINES = {"", "-----Original Message-----", "From: support@example.invalid",
            "Sent: Tuesday, March 3, 1998 10:12 AM", "> ", ">>", "Frame 12: 74 bytes on wire", "0000", "  ",
            "Hex dump follows:", "0x", "--", "...", "[truncated]", "Regards, Bob", "\t", "  00 ", "ffff",
            "0000  00 01 02", "00000010", "DLC: ----- DLC Header -----", "=20", "0010:", "-- ", "0x0000:  4500 0034",
            "data: 03 00 00 16", "==>", "RECV:", "0000 ZZ", "12345678:"};

    static String mutateDump(SplittableRandom r, String text) {
        String t = text;
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) t = mutateDumpOnce(r, t);
        if (t.length() > 200_000) t = t.substring(0, 200_000);
        return t;
    }

    private static String mutateDumpOnce(SplittableRandom r, String t) {
        List<String> lines = new ArrayList<>(Arrays.asList(t.split("\n", -1)));
        int li = r.nextInt(lines.size());
        String line = lines.get(li);
        switch (r.nextInt(21)) {
            case 0 -> { // e-mail quoting of a run of lines
                String q = new String[]{"> ", ">", ">> ", "| ", "> > "}[r.nextInt(5)];
                int e = Math.min(lines.size(), li + 1 + r.nextInt(lines.size()));
                for (int i = li; i < e; i++) lines.set(i, q + lines.get(i));
            }
            case 1 -> lines.add(li, JUNK_LINES[r.nextInt(JUNK_LINES.length)]);
            case 2 -> { // odd digit: delete or insert one hex digit
                if (line.isEmpty()) return t;
                int p = r.nextInt(line.length());
                lines.set(li, r.nextBoolean() ? line.substring(0, p) + line.substring(p + 1)
                        : line.substring(0, p) + "0123456789abcdefABCDEF".charAt(r.nextInt(22)) + line.substring(p));
            }
            case 3 -> { // offsets that jump: rewrite a leading hex offset
                int e = 0;
                while (e < line.length() && Character.digit(line.charAt(e), 16) >= 0) e++;
                if (e == 0) return t;
                String off = Integer.toHexString(r.nextInt(1 << Math.min(30, 4 * e)));
                while (off.length() < e) off = "0" + off;
                lines.set(li, off + line.substring(e));
            }
            case 4 -> { // random text inside a line
                if (line.isEmpty()) return t;
                int p = r.nextInt(line.length() + 1);
                lines.set(li, line.substring(0, p) + randomText(r, 1 + r.nextInt(12)) + line.substring(p));
            }
            case 5 -> lines.add(li, line); // duplicate line
            case 6 -> lines.remove(li);
            case 7 -> { // swap two lines
                int o = r.nextInt(lines.size());
                lines.set(li, lines.get(o));
                lines.set(o, line);
            }
            case 8 -> { // CRLF / CR / tabs
                String j = String.join("\n", lines);
                return switch (r.nextInt(3)) {
                    case 0 -> j.replace("\n", "\r\n");
                    case 1 -> j.replace("\n", "\r");
                    default -> j.replace("  ", "\t");
                };
            }
            case 9 -> { // odd characters
                String[] odd = {"\u00A0", "\u2019", "\uFF10", "\u200B", "\u00AD", "\uFEFF", "\u0000", "\u001B[0m", "\u00E9",
                        "\u2013", "\uD83D\uDE00", "\u00FF"};
                int p = r.nextInt(line.length() + 1);
                lines.set(li, line.substring(0, p) + odd[r.nextInt(odd.length)] + line.substring(p));
            }
            case 10 -> { // truncate the text
                String j = String.join("\n", lines);
                return j.substring(0, r.nextInt(j.length() + 1));
            }
            case 11 -> lines.set(li, r.nextBoolean() ? line.toUpperCase() : line.toLowerCase());
            case 12 -> { // very long line of hex
                StringBuilder sb = new StringBuilder();
                int k = r.nextInt(2000);
                for (int i = 0; i < k; i++) sb.append(String.format("%02x ", r.nextInt(256)));
                lines.add(li, sb.toString());
            }
            case 13 -> { // markup in the ASCII column / comments
                lines.add(li, line + " " + MARKUP[r.nextInt(MARKUP.length)]);
            }
            case 14 -> { // a random line of hex bytes with an offset
                StringBuilder sb = new StringBuilder(String.format("%04x  ", r.nextInt(0x10000)));
                int k = 1 + r.nextInt(16);
                for (int i = 0; i < k; i++) sb.append(String.format("%02x ", r.nextInt(256)));
                lines.add(li, sb.toString());
            }
            // the ways of issues 16 and 18: a prefix on every row, invisible and bidi characters, colour codes,
            // Unicode spaces, HTML and quoted-printable transport, a byte too many or a digit too few
            case 16 -> { // a log prefix on every line from here on
                String pre = new String[]{"2024-03-11 09:41:07,552 DEBUG [main] c.a.S7 - ", "  1197\t", "[ 12.345678] drv: ",
                        "Mar 11 09:41:07 gw app[12]: ", "12: "}[r.nextInt(5)];
                for (int i = li; i < lines.size(); i++) lines.set(i, pre + lines.get(i));
            }
            case 17 -> { // an invisible, bidi or colour sequence at the start of a line or after its first word
                String[] inv = {"\u202E", "\u200E", "\u200B", "\uFEFF", "\u001B[1;32m", "\u001B[0m", "\u001B]0;x\u0007",
                        "\u2066", "\u00AD", "\u009B31m", "\uD83D\uDCE6", "\u2028", "\u200F", "\u061C", "\u0085"};
                int p = r.nextBoolean() ? 0 : Math.max(0, line.indexOf(' '));
                lines.set(li, line.substring(0, p) + inv[r.nextInt(inv.length)] + line.substring(p));
            }
            case 18 -> { // every space of the text a Unicode space
                String sp = new String[]{"\u00A0", "\u2007", "\u202F", "\u3000", "\u2009"}[r.nextInt(5)];
                return String.join("\n", lines).replace(" ", sp);
            }
            case 19 -> { // HTML or quoted-printable transport
                String j = String.join("\n", lines);
                return r.nextBoolean() ? "<pre>" + j.replace("&", "&amp;").replace("<", "&lt;").replace("  ", "&nbsp; ")
                        + "</pre>" : "Content-Transfer-Encoding: quoted-printable\n\n" + j.replace("=", "=3D")
                        .replace("\n", "=\n");
            }
            case 20 -> { // one hex byte more in a row, or one digit of a byte less
                int p = line.indexOf(' ', Math.min(line.length(), 8));
                if (p < 0) return t;
                lines.set(li, r.nextBoolean() ? line.substring(0, p) + " 7f" + line.substring(p)
                        : line.substring(0, p - 1) + line.substring(p));
            }
            default -> { // a byte-level hit in the text
                if (line.isEmpty()) return t;
                char[] cs = line.toCharArray();
                cs[r.nextInt(cs.length)] = (char) r.nextInt(256);
                lines.set(li, new String(cs));
            }
        }
        return String.join("\n", lines);
    }

    /** Renders bytes as a plain 16-per-line dump (hexdump -C or tshark -x style) for "dump of a mutated frame". */
    static String renderDump(SplittableRandom r, byte[] b) {
        StringBuilder sb = new StringBuilder();
        boolean c = r.nextBoolean();
        for (int row = 0; row < b.length; row += 16) {
            sb.append(c ? String.format("%08x  ", row) : String.format("%04x  ", row));
            for (int i = row; i < Math.min(b.length, row + 16); i++) {
                sb.append(String.format("%02x ", b[i] & 0xFF));
                if (c && i == row + 7) sb.append(' ');
            }
            sb.append(" ");
            if (c) sb.append('|');
            for (int i = row; i < Math.min(b.length, row + 16); i++) {
                int x = b[i] & 0xFF;
                sb.append(x >= 0x20 && x < 0x7F ? (char) x : '.');
            }
            if (c) sb.append('|');
            sb.append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ display filters

    private static final String[] OPS = {"==", "!=", "eq", "ne", ">", "<", ">=", "<=", "gt", "lt", "ge", "le",
            "contains", "matches", "~", "&&", "||", "and", "or", "not", "!", "in", "xor", "^^", "===", "!==", "&", "|"};
    private static final String[] LITS = {"0", "1", "-1", "0x03", "0xffffffffffffffff", "99999999999999999999999",
            "10.0.0.1", "10.0.0.0/8", "192.168.1.1/33", "::1", "fe80::1/64", "00:11:22:33:44:55", "03:00", "\"abc\"",
            "\"\\x41\\n\\\"\"", "\"(a+)+$\"", "\"[\"", "\"\\\"", "1.5", "1e9", "tcp", "true", "{1 2 3}", "{1..5}",
            "{0x10-0x20}", "\"<script>\"", "''", "\"\\u00e9\"", "\"\\777\"", "-", "..", "$", "@"};

    static String randomFilter(SplittableRandom r, List<String> fields) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(9)) {
                case 0, 1, 2 -> {
                    sb.append(fields.get(r.nextInt(fields.size())));
                    if (r.nextInt(6) == 0) sb.append('[').append(r.nextInt(20) - 5).append(r.nextBoolean() ? ":" : "-")
                            .append(r.nextInt(20) - 5).append(']');
                }
                case 3, 4 -> sb.append(OPS[r.nextInt(OPS.length)]);
                case 5, 6 -> sb.append(LITS[r.nextInt(LITS.length)]);
                case 7 -> sb.append("()[]{},:\"\\".charAt(r.nextInt(10)));
                default -> sb.append(randomText(r, 1 + r.nextInt(6)));
            }
            sb.append(r.nextInt(5) == 0 ? "" : " ");
        }
        String s = sb.toString();
        if (r.nextInt(8) == 0) { // deep nesting
            int d = r.nextInt(2000);
            s = "(".repeat(d) + s + ")".repeat(r.nextBoolean() ? d : r.nextInt(d + 1));
        }
        if (r.nextInt(8) == 0) s = "!".repeat(r.nextInt(3000)) + s;
        if (r.nextInt(16) == 0) { // long flat chains
            String f = fields.get(r.nextInt(fields.size()));
            String op = new String[]{" && ", " || ", " and ", " or "}[r.nextInt(4)];
            s = (f + op).repeat(1 + r.nextInt(20000)) + s;
        }
        return s;
    }

    // ------------------------------------------------------------------ helpers

    static String randomText(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            sb.append(k < 6 ? (char) (0x20 + r.nextInt(0x5F)) : k < 8 ? "0123456789abcdef".charAt(r.nextInt(16))
                    : k < 9 ? (char) r.nextInt(0x20) : (char) (0x80 + r.nextInt(0x780)));
        }
        return sb.toString();
    }

    static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) r.nextInt(256);
        return b;
    }

    static byte[] cat(byte[] a, byte[] b) {
        byte[] o = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }

    static byte[] insert(byte[] a, int at, byte[] x) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(a.length + x.length);
        o.write(a, 0, at);
        o.write(x, 0, x.length);
        o.write(a, at, a.length - at);
        return o.toByteArray();
    }

    static long getBE(byte[] b, int o, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) v = (v << 8) | (b[o + i] & 0xFF);
        return v;
    }

    static void putBE(byte[] b, int o, int n, long v) {
        for (int i = n - 1; i >= 0; i--) {
            b[o + i] = (byte) v;
            v >>>= 8;
        }
    }

    static long get(byte[] b, int o, int n, boolean le) {
        if (!le) return getBE(b, o, n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[o + i] & 0xFF);
        return v;
    }

    static void put(byte[] b, int o, int n, long v, boolean le) {
        if (!le) {
            putBE(b, o, n, v);
            return;
        }
        for (int i = 0; i < n; i++) {
            b[o + i] = (byte) v;
            v >>>= 8;
        }
    }
}
