package org.frameinspector.core.diff;

import java.util.Arrays;

/**
 * Per-byte comparison of the two frames for side-by-side byte views. Bytes are compared through the aligned fields
 * (so a longer TSAP in B does not make every later byte "different"): each byte takes the state given by the most
 * specific field covering it (latest layer, deepest node). {@link #counterpartInB(int)} and
 * {@link #counterpartInA(int)} give the aligned byte on the other side, or -1.
 */
public final class ByteDiff {
    /** What a byte is, compared with the other frame. */
    public enum State {
        /** Same value as its counterpart. */
        EQUAL,
        /** Differs, but only in a masked field. */
        MASKED,
        /** Differs from its counterpart (or the field has a different length). */
        DIFFERENT,
        /** Belongs to a field the other frame does not have. */
        ONLY_HERE
    }

    final State[] a, b;
    final int[] aToB, bToA;
    final long[] aRank, bRank;

    ByteDiff(int lenA, int lenB) {
        a = new State[lenA];
        b = new State[lenB];
        Arrays.fill(a, State.EQUAL);
        Arrays.fill(b, State.EQUAL);
        aToB = new int[lenA];
        bToA = new int[lenB];
        Arrays.fill(aToB, -1);
        Arrays.fill(bToA, -1);
        aRank = new long[lenA];
        bRank = new long[lenB];
        Arrays.fill(aRank, -1);
        Arrays.fill(bRank, -1);
    }

    public int lengthA() { return a.length; }
    public int lengthB() { return b.length; }
    public State stateA(int offset) { return a[offset]; }
    public State stateB(int offset) { return b[offset]; }
    public int counterpartInB(int aOffset) { return aToB[aOffset]; }
    public int counterpartInA(int bOffset) { return bToA[bOffset]; }

    /** Number of bytes of A that are DIFFERENT or ONLY_HERE. */
    public int differingInA() {
        int n = 0;
        for (State s : a) if (s == State.DIFFERENT || s == State.ONLY_HERE) n++;
        return n;
    }

    public int differingInB() {
        int n = 0;
        for (State s : b) if (s == State.DIFFERENT || s == State.ONLY_HERE) n++;
        return n;
    }

    /** Sets one side's byte when the rank is at least the byte's current rank (equal rank: the worse state wins). */
    static void mark(State[] st, long[] rank, int[] map, int i, State s, long r, int other) {
        if (i < 0 || i >= st.length) return;
        if (r > rank[i]) {
            rank[i] = r;
            st[i] = s;
            map[i] = other;
        } else if (r == rank[i] && s.ordinal() > st[i].ordinal()) {
            st[i] = s;
            if (other >= 0) map[i] = other;
        }
    }

    /** A compact string, one letter a byte (= equal, m masked, X different, + only here), for tests and logs. */
    public String sketchA() { return sketch(a); }
    public String sketchB() { return sketch(b); }

    private static String sketch(State[] st) {
        StringBuilder sb = new StringBuilder(st.length);
        for (State s : st) sb.append(switch (s) { case EQUAL -> '='; case MASKED -> 'm'; case DIFFERENT -> 'X'; case ONLY_HERE -> '+'; });
        return sb.toString();
    }
}
