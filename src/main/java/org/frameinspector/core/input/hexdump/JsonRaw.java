package org.frameinspector.core.input.hexdump;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.source.InputException;

/**
 * {@code tshark -T json -x} output, whole or in part: each {@code "frame_raw"} value is one frame (its first element
 * when it is an array); the {@code _raw} values of the fields are pieces of it and are not read. A
 * {@code "frame.time_epoch"} after a frame_raw (the same packet) gives its time.
 */
final class JsonRaw {
    private static final String KEY = "\"frame_raw\"";

    private JsonRaw() {
    }

    static List<byte[]> frames(HexDumpParser hp) throws InputException {
        String s = hp.text();
        List<byte[]> out = new ArrayList<>();
        int i = s.indexOf(KEY);
        while (i >= 0) {
            int next = s.indexOf(KEY, i + KEY.length());
            int p = skipWs(s, i + KEY.length());
            if (p >= s.length() || s.charAt(p) != ':') throw hp.errorAt(p, "expected ':' after \"frame_raw\"");
            p = skipWs(s, p + 1);
            if (p < s.length() && s.charAt(p) == '[') p = skipWs(s, p + 1);
            if (p >= s.length() || s.charAt(p) != '"') throw hp.errorAt(p, "expected the frame's hex string after \"frame_raw\"");
            int a = p + 1, z = a;
            while (z < s.length() && HexDumpParser.hexVal(s.charAt(z)) >= 0) z++;
            if (z >= s.length() || s.charAt(z) != '"') {
                throw hp.errorAt(z, "the frame_raw value is not a string of hex digits (cut short?)");
            }
            if (((z - a) & 1) != 0) throw hp.errorAt(z, "odd number of hex digits in the frame_raw value");
            byte[] b = new byte[(z - a) / 2];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) (HexDumpParser.hexVal(s.charAt(a + 2 * k)) << 4 | HexDumpParser.hexVal(s.charAt(a + 2 * k + 1)));
            }
            if (b.length > 0) {
                hp.used(a, z);
                String te = "\"frame.time_epoch\"";
                int lim = next < 0 ? s.length() : next;
                for (int t = z; t + te.length() <= lim; t++) {
                    if (s.charAt(t) == '"' && s.startsWith(te, t)) {
                        hp.stamp(out.size(), epoch(s, t + te.length()));
                        break;
                    }
                }
                out.add(b);
                hp.markFrameEnd();
            }
            i = next;
        }
        return out;
    }

    private static int skipWs(String s, int p) {
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t' || s.charAt(p) == '\n' || s.charAt(p) == '\r')) p++;
        return p;
    }

    /** Parses {@code : "1408528771.458981000"}; 0 if it is not that. */
    private static long epoch(String s, int p) {
        p = skipWs(s, p);
        if (p >= s.length() || s.charAt(p) != ':') return 0;
        p = skipWs(s, p + 1);
        if (p < s.length() && s.charAt(p) == '"') p++;
        long sec = 0, frac = 0;
        int digits = 0, fd = 0;
        while (p < s.length() && Character.isDigit(s.charAt(p)) && digits < 12) {
            sec = sec * 10 + (s.charAt(p++) - '0');
            digits++;
        }
        if (digits == 0) return 0;
        if (p < s.length() && s.charAt(p) == '.') {
            p++;
            while (p < s.length() && Character.isDigit(s.charAt(p))) {
                if (fd < 9) {
                    frac = frac * 10 + (s.charAt(p) - '0');
                    fd++;
                }
                p++;
            }
        }
        while (fd++ < 9) frac *= 10;
        return sec * 1_000_000_000L + frac;
    }
}
