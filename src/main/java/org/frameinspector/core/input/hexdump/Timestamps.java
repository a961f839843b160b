package org.frameinspector.core.input.hexdump;

/**
 * The time printed on the line a tool writes before a packet's rows: a date and time ({@code tcpdump -tttt},
 * {@code tshark -t ud}, FortiGate {@code … 6 0 a}: {@code 2024-03-11 09:41:07.552113}, also with 'T' and 'Z'), a
 * time of day with a fraction ({@code tcpdump}, {@code snoop -ta}: {@code 09:41:07.552113}, taken on 1970-01-01).
 * Read as UTC. Times relative to the first packet ({@code tshark -P}, plain {@code snoop}) are not absolute and are
 * left out.
 */
final class Timestamps {
    private Timestamps() {
    }

    /** Nanoseconds since the epoch for the time near the start of s[a,e), or 0 if there is none. */
    static long find(String s, int a, int e) {
        int lim = Math.min(e, a + 64);
        for (int i = a; i < lim; i++) {
            if (i > a && Character.isLetterOrDigit(s.charAt(i - 1))) continue;
            long t = dateTime(s, i, e);
            if (t != 0) return t;
            t = timeOfDay(s, i, e, true);
            if (t >= 0) return t;
        }
        return 0;
    }

    private static long dateTime(String s, int i, int e) {
        if (i + 19 > e || !digits(s, i, 4) || s.charAt(i + 4) != '-' || !digits(s, i + 5, 2) || s.charAt(i + 7) != '-'
                || !digits(s, i + 8, 2) || (s.charAt(i + 10) != ' ' && s.charAt(i + 10) != 'T')) return 0;
        int y = num(s, i, 4), mo = num(s, i + 5, 2), d = num(s, i + 8, 2);
        if (mo < 1 || mo > 12 || d < 1 || d > 31) return 0;
        long tod = timeOfDay(s, i + 11, e, false);
        if (tod < 0) return 0;
        long days = java.time.LocalDate.of(y, mo, Math.min(d, java.time.YearMonth.of(y, mo).lengthOfMonth())).toEpochDay();
        return days * 86_400_000_000_000L + tod;
    }

    /** HH:MM:SS[.fraction]; with {@code needFraction} the fraction must be there. -1 if not a time. */
    private static long timeOfDay(String s, int i, int e, boolean needFraction) {
        if (i + 8 > e || !digits(s, i, 2) || s.charAt(i + 2) != ':' || !digits(s, i + 3, 2) || s.charAt(i + 5) != ':'
                || !digits(s, i + 6, 2)) return -1;
        int h = num(s, i, 2), m = num(s, i + 3, 2), sec = num(s, i + 6, 2);
        if (h > 23 || m > 59 || sec > 60) return -1;
        long frac = 0;
        int p = i + 8, fd = 0;
        if (p < e && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
            p++;
            while (p < e && Character.isDigit(s.charAt(p))) {
                if (fd < 9) {
                    frac = frac * 10 + (s.charAt(p) - '0');
                    fd++;
                }
                p++;
            }
        }
        if (needFraction && fd == 0) return -1;
        if (p < e && Character.isLetterOrDigit(s.charAt(p)) && s.charAt(p) != 'Z') return -1;
        for (int k = fd; k < 9; k++) frac *= 10;
        return ((h * 60L + m) * 60 + sec) * 1_000_000_000L + frac;
    }

    private static boolean digits(String s, int i, int n) {
        for (int k = 0; k < n; k++) if (i + k >= s.length() || !Character.isDigit(s.charAt(i + k))) return false;
        return true;
    }

    private static int num(String s, int i, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) v = v * 10 + (s.charAt(i + k) - '0');
        return v;
    }
}
