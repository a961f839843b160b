package org.frameinspector.core.input.hexdump;

/**
 * First look at a text: are there dump rows with offsets, which radix do the offsets use (hex; decimal for xxd -d,
 * od -Ad and Exchange logs; octal for od's default), and do wide groups hold little-endian words (xxd -e)?
 */
final class OffsetScan {
    private final HexDumpParser hp;
    int radix = 16;
    boolean le32;
    int digits = -1;
    Row first;
    private boolean firstHasPipe;

    OffsetScan(HexDumpParser hp) {
        this.hp = hp;
    }

    /** True when the text holds rows with offsets that are confirmed by each other (or unmistakable). */
    boolean survey() {
        String s = hp.text();
        int n = hp.length();
        Row cur = new Row(), prev = new Row();
        boolean havePrev = false;
        int[] votes = new int[17];
        int validated = 0;
        int lineNo = 0;
        int wideRows = 0, endianScore = 0;
        boolean rightAligned = false;
        for (int p = 0; p < n; ) {
            int e = hp.lineEnd(p);
            lineNo++;
            if (cur.parse(hp, p, e, lineNo) && !cur.endMarker) {
                boolean ok = !cur.weak && (cur.strong || isZero(s, cur) || looksLikeDumpRow(s, cur));
                if (havePrev) {
                    int pb = prev.roughBytes();
                    for (int r : new int[] {16, 10, 8}) {
                        long d = cur.value(s, r) - prev.value(s, r);
                        if (d > 0 && d == pb) {
                            votes[r]++;
                            ok = true;
                        }
                    }
                }
                if (ok) {
                    validated++;
                    if (first == null) {
                        first = new Row();
                        first.parse(hp, p, e, lineNo);
                        digits = first.digits();
                        firstHasPipe = first.stopA >= 0 && s.charAt(first.stopA) == '|';
                    }
                }
                if (wideRows < 64 && cur.kind == Row.COLON && cur.stopA >= 0 && cur.tokB[0] - cur.tokA[0] == 8) {
                    wideRows++;
                    endianScore += asciiEndianScore(s, cur);
                } else if (cur.kind == Row.COLON && cur.ntok == 1 && cur.tokB[0] - cur.tokA[0] < 8
                        && cur.tokA[0] - cur.offB > 2 && cur.stopA >= 0) {
                    rightAligned = true; // xxd -e pads a short last word on the left
                }
                Row t = prev;
                prev = cur;
                cur = t;
                havePrev = true;
                if (validated > 0 && votes[16] + votes[10] + votes[8] >= 256) break;
            }
            p = e + 1;
        }
        le32 = wideRows > 0 && (endianScore > 0 || (endianScore == 0 && rightAligned));
        if (votes[10] > votes[16] && votes[10] >= votes[8]) radix = 10;
        else if (votes[8] > votes[16] && votes[8] > votes[10]) radix = 8;
        return validated > 0;
    }

    /** offset, at least four single-byte groups, then an ASCII column after a wider gap: a dump row on its own. */
    private static boolean looksLikeDumpRow(String s, Row r) {
        if (r.ntok < 4 || r.stopA < 0 || r.stopA < 2) return false;
        for (int i = 0; i < r.ntok; i++) if (r.tokB[i] - r.tokA[i] != 2) return false;
        return HexDumpParser.isBlank(s.charAt(r.stopA - 1)) && HexDumpParser.isBlank(s.charAt(r.stopA - 2));
    }

    private static boolean isZero(String s, Row r) {
        for (int i = r.offA; i < r.offB; i++) if (s.charAt(i) != '0') return false;
        return r.ntok > 0;
    }

    /** xxd -e prints 32-bit little-endian words; the ASCII column then matches the reversed bytes. */
    private static int asciiEndianScore(String s, Row r) {
        r.decode(s, false);
        int be = 0, le = 0;
        int a = r.stopA;
        for (int i = 0; i < r.nb && a + i < s.length(); i++) {
            char c = s.charAt(a + i);
            if (c == '\n' || c == '\r') break;
            int j = (i & ~3) + 3 - (i & 3);
            if (matches(c, r.b[i])) be++;
            if (j < r.nb && matches(c, r.b[j])) le++;
        }
        return Integer.signum(le - be);
    }

    private static boolean matches(char c, byte v) {
        int x = v & 0xFF;
        if (x >= 0x20 && x < 0x7F) return c == x;
        int y = x & 0x7F;
        if (y >= 0x20 && y < 0x7F) return c == y || c == '.';
        return c == '.';
    }

    String layoutName() {
        if (first == null) return "rows with offsets";
        String base = baseName();
        return first.prefixed ? base + ", after a prefix on every row" : base;
    }

    private String baseName() {
        String s = hp.text();
        String dec = radix == 10 ? ", decimal offsets" : radix == 8 ? ", octal offsets" : "";
        int g = first.ntok > 0 ? first.tokB[0] - first.tokA[0] : 2;
        if (first.zeroX) return "gdb x/xb (0x.. bytes after an address)";
        if (first.backtick) return "WinDbg db (64-bit addresses)";
        if (first.offA > 0 && hp.text().charAt(first.offA - 1) == '|') return "Netty hex dump (|offset| hex |ascii|)";
        switch (first.kind) {
            case Row.HEX0X -> {
                boolean colon = first.offB < s.length() && s.charAt(first.offB) == ':';
                return colon ? "tcpdump -x/-xx/-X/-XX" : "Cisco ASA capture dump (0x offsets, 16-bit groups)";
            }
            case Row.BRACKET -> {
                return "[offset] rows (Exchange / MTA log" + dec + ")";
            }
            case Row.COLON -> {
                if (first.digits() == 8 && g == 8) return le32 ? "xxd -e (little-endian groups)" : "Cisco IOS / IOS-XE capture dump (32-bit groups)";
                if (first.digits() == 8) return "xxd" + (g == 2 ? " -g1" : "") + dec;
                if (first.digits() == 5) return "Network Monitor rows (00000:)";
                if (first.digits() < 4) return "snoop -x (decimal offsets)";
                if (g == 8) return "Cisco IOS-XE capture dump (32-bit groups)";
                return "offset: hex rows" + dec;
            }
            default -> {
                if (first.isOctalWords(s)) return "od (default octal words)";
                if (first.isLe16Words()) return "hexdump (16-bit little-endian words)";
                if (firstHasPipe) return "hexdump -C / hd";
                if (first.digits() == 4) {
                    boolean upper = false;
                    for (int i = 0; i < first.ntok && !upper; i++)
                        for (int k = first.tokA[i]; k < first.tokB[i]; k++) if (s.charAt(k) >= 'A' && s.charAt(k) <= 'F') upper = true;
                    return upper ? "KB / Network Monitor (offset, hex in two groups of 8, ASCII)" : "tshark -x (Wireshark Copy as Hex Dump)";
                }
                if (first.digits() == 16) return "PowerShell Format-Hex (16-digit offsets)";
                String od = radix == 10 ? "od -Ad -tx1" : radix == 8 ? "od -tx1" : "od -Ax -tx1";
                if ((first.digits() == 6 || first.digits() == 7) && first.ntok <= 8) return "text2pcap input / " + od + " -w8";
                if (first.digits() == 6 || first.digits() == 7) return od;
                return "offset + hex rows" + dec;
            }
        }
    }
}
