package org.frameinspector.tshark;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Value comparison between a PDML field and one of ours. PDML's {@code show} is "0x0a", "10", "1"/"0" for booleans,
 * an address or text, or colon-separated hex for byte fields; {@code value} is the raw hex. Integers are compared
 * numerically, bytes as hex without colons, everything else as text.
 */
final class Values {
    private Values() {
    }

    static boolean agree(PdmlField t, Object ours, String ourDisplay) {
        String show = t.show() == null ? "" : t.show();
        if (ours == null) {
            return show.isEmpty() || show.equals(ourDisplay);
        }
        if (ours instanceof Boolean b) ours = b ? 1L : 0L;
        if (ours instanceof Number n) {
            BigInteger mine = n instanceof BigInteger bi ? bi : BigInteger.valueOf(n.longValue());
            BigInteger theirs = integer(show);
            if (theirs != null) return theirs.equals(mine);
            // e.g. a numeric field tshark shows as text (a value-string only): fall back to the raw hex
            BigInteger raw = t.unmasked() == null ? integer("0x" + nz(t.value())) : null;
            return raw != null && raw.equals(mine) || show.equals(ourDisplay);
        }
        if (ours instanceof byte[] b) {
            String mine = HexFormat.of().formatHex(b);
            return mine.equalsIgnoreCase(hex(show)) || mine.equalsIgnoreCase(hex(nz(t.value())));
        }
        String mine = ours.toString();
        if (mine.equals(show) || mine.equalsIgnoreCase(show) && looksLikeAddress(show)) return true;
        BigInteger a = integer(mine), b = integer(show);
        if (a != null && b != null) return a.equals(b);
        return ourDisplay != null && ourDisplay.equals(show);
    }

    /** Parses "123", "-2", "0x0a" / "0X0A"; null when it is not an integer. */
    static BigInteger integer(String s) {
        if (s == null) return null;
        s = s.strip();
        if (s.isEmpty()) return null;
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return s.length() == 2 ? null : new BigInteger(s.substring(2), 16);
            }
            if (s.matches("-?[0-9]+")) return new BigInteger(s);
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String hex(String s) {
        return s.replace(":", "").toLowerCase(Locale.ROOT);
    }

    private static boolean looksLikeAddress(String s) {
        return s.matches("[0-9A-Fa-f:.]+");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String text(Object v) {
        if (v == null) return "";
        if (v instanceof byte[] b) return HexFormat.of().formatHex(b);
        return v.toString();
    }
}
