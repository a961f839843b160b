package org.frameinspector.core.stream;

import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.model.SourcePart;

/**
 * TPKT framing on one direction of a TCP stream (PROTOCOLS.md §4.6), apart from any decoding: bytes are appended in
 * sequence order together with the frame pieces they came from; {@link #next} cuts complete TPKTs, reports where
 * the framing was lost and finds it again. The buffer holds at most one incomplete TPKT (≤ 65535 bytes) or, while
 * hunting for a header, a handful of bytes, so memory stays bounded.
 */
final class TpktFramer {
    /** What {@link #next} found. */
    static final int NEED_MORE = 0, TPKT = 1, SYNC_LOST = 2, SKIPPED = 3, TLS = 4, FASTPATH = 5;

    /**
     * RDP (port 3389) mixes TPKT with fast-path PDUs (first byte's two low bits 0, MS-RDPBCGR 2.2.9.1.2) and switches
     * to TLS after the X.224 exchange; with this set those are recognised instead of being framing errors.
     */
    boolean rdp;

    private static final byte[] NO_BYTES = {};
    private static final int[] NO_INTS = {};
    /**
     * The held bytes. Allocated only while bytes are held and given up again by {@link #trim} (most segments carry
     * whole TPKTs and never reach the buffer), so an idle direction costs the object alone: about 1 KB less per idle
     * connection than buffers kept from the start (measured with 100,000 open connections, issue 14).
     */
    private byte[] acc = NO_BYTES;
    private int len;
    // pieces: the frame bytes that make up acc[0, len)
    private int[] pFrame = NO_INTS, pFrameOff = NO_INTS, pBufOff = NO_INTS, pLen = NO_INTS;
    private int pCount;
    private int pos;
    private boolean hunting;
    /** Hunting quietly (stream picked up mid-way, or after a known gap): no SYNC-LOST finding when a header is bad. */
    private boolean quiet;

    // result of the last next()
    int resultStart, resultLen, tpktLength;

    TpktFramer(boolean startHunting) {
        hunting = startHunting;
        quiet = startHunting;
    }

    boolean hunting() { return hunting; }
    int buffered() { return len - pos; }
    byte[] bytes() { return acc; }
    /** Buffer offset of the first byte not consumed yet (held bytes are bytes()[position(), position() + buffered())). */
    int position() { return pos; }

    /** Bytes of an incomplete TPKT held (0 while hunting or between TPKTs). */
    int partialHave() { return hunting ? 0 : len - pos; }

    /** The length field of the incomplete TPKT held, or -1 when fewer than 4 bytes are held. */
    int partialLength() {
        return !hunting && len - pos >= 4 ? ((acc[pos + 2] & 0xFF) << 8) | (acc[pos + 3] & 0xFF) : -1;
    }

    /** Appends bytes that came from {@code frame} at {@code frameOff}. */
    void append(byte[] src, int off, int n, int frame, int frameOff) {
        if (n <= 0) return;
        compact();
        if (len + n > acc.length) {
            byte[] b = new byte[Math.max(Math.max(256, len + n), acc.length * 2)];
            System.arraycopy(acc, 0, b, 0, len);
            acc = b;
        }
        System.arraycopy(src, off, acc, len, n);
        int last = pCount - 1;
        if (last >= 0 && pFrame[last] == frame && pFrameOff[last] + pLen[last] == frameOff
                && pBufOff[last] + pLen[last] == len) {
            pLen[last] += n;
        } else {
            if (pCount == pFrame.length) {
                int c = Math.max(8, pCount * 2);
                pFrame = java.util.Arrays.copyOf(pFrame, c);
                pFrameOff = java.util.Arrays.copyOf(pFrameOff, c);
                pBufOff = java.util.Arrays.copyOf(pBufOff, c);
                pLen = java.util.Arrays.copyOf(pLen, c);
            }
            pFrame[pCount] = frame;
            pFrameOff[pCount] = frameOff;
            pBufOff[pCount] = len;
            pLen[pCount] = n;
            pCount++;
        }
        len += n;
    }

    /**
     * Advances over the buffered bytes. TPKT: a complete TPKT at [resultStart, +resultLen). SYNC_LOST: the byte at
     * resultStart is where a header should have started (resultLen 1, tpktLength = the bad length or -1). SKIPPED:
     * resultLen bytes at resultStart were passed over while hunting (the next call may then return a TPKT, which is
     * the resynchronisation point). NEED_MORE: nothing more to do now.
     */
    int next() {
        while (true) {
            int avail = len - pos;
            if (avail <= 0) return NEED_MORE;
            if (hunting) {
                int p = pos;
                int found = -1;
                boolean waiting = false;
                for (; p < len; p++) {
                    if (rdp && fastPathSegmentAt(p)) { found = p; break; }
                    int plausible = plausibleAt(p);
                    if (plausible > 0) { found = p; break; }
                    if (plausible < 0) { waiting = true; break; }
                }
                int skip = (found >= 0 || waiting ? p : len) - pos;
                if (skip > 0) {
                    resultStart = pos;
                    resultLen = skip;
                    pos += skip;
                    return SKIPPED;
                }
                if (found >= 0) {
                    hunting = false;
                    quiet = false;
                    continue;
                }
                return NEED_MORE;
            }
            int v = acc[pos] & 0xFF;
            if (v != 3 && rdp) {
                if (v >= 0x14 && v <= 0x17) {
                    if (avail < 3) return NEED_MORE;
                    if (acc[pos + 1] == 3 && (acc[pos + 2] & 0xFF) <= 4) {
                        resultStart = pos;
                        resultLen = avail;
                        return TLS;
                    }
                } else if ((v & 3) == 0) {
                    if (avail < 2) return NEED_MORE;
                    int b1 = acc[pos + 1] & 0xFF;
                    int l = b1;
                    if ((b1 & 0x80) != 0) {
                        if (avail < 3) return NEED_MORE;
                        l = ((b1 & 0x7F) << 8) | (acc[pos + 2] & 0xFF);
                    }
                    if (l >= 3) {
                        if (avail < l) return NEED_MORE;
                        resultStart = pos;
                        resultLen = l;
                        pos += l;
                        return FASTPATH;
                    }
                }
            }
            if (v != 3) return lost(-1);
            if (avail < 4) return NEED_MORE;
            int l = ((acc[pos + 2] & 0xFF) << 8) | (acc[pos + 3] & 0xFF);
            if (l < 7) return lost(l);
            if (avail < l) return NEED_MORE;
            resultStart = pos;
            resultLen = l;
            tpktLength = l;
            pos += l;
            return TPKT;
        }
    }

    private int lost(int l) {
        boolean wasQuiet = quiet;
        hunting = true;
        quiet = false;
        resultStart = pos;
        resultLen = 1;
        tpktLength = l;
        if (wasQuiet) return next();
        return SYNC_LOST;
    }

    /**
     * True when buffer byte {@code p} starts a segment whose bytes (to the end of that segment) are whole RDP fast-path
     * PDUs (MS-RDPBCGR 2.2.9.1.2 / 2.2.8.1.2: first byte's action bits 0, a one- or two-byte length): after a hole the
     * segment is then decoded as fast-path, as a lone segment on port 3389 is, instead of as continuation data.
     */
    private boolean fastPathSegmentAt(int p) {
        int end = -1;
        for (int i = 0; i < pCount; i++) {
            if (pBufOff[i] == p && (i == 0 || pFrame[i - 1] != pFrame[i] || pBufOff[i - 1] + pLen[i - 1] != p
                    || pFrameOff[i - 1] + pLen[i - 1] != pFrameOff[i])) {
                end = p + pLen[i];
                break;
            }
        }
        return end > 0 && org.frameinspector.core.protocols.rdp.RdpFastPath.wholePdus(
                new org.frameinspector.core.dissect.Buf(new org.frameinspector.core.model.DataSource("tpkt-framer", "",
                        acc, List.of()), p, end));
    }

    /** 1 = a plausible TPKT + COTP start, 0 = not one, -1 = cannot tell yet (too few bytes). */
    private int plausibleAt(int p) {
        int n = len - p;
        if ((acc[p] & 0xFF) != 3) return 0;
        if (n < 2) return -1;
        // 03 00 is the usual signature; a non-zero reserved octet is accepted only where the hunt starts (a stream
        // picked up at a segment that begins with a TPKT, like the KB's CC), so TPKT-RESERVED-NONZERO can be shown.
        if (acc[p + 1] != 0 && p != pos) return 0;
        if (n < 4) return -1;
        int l = ((acc[p + 2] & 0xFF) << 8) | (acc[p + 3] & 0xFF);
        if (l < 7) return 0;
        if (n < 6) return -1;
        int li = acc[p + 4] & 0xFF;
        if (li == 0 || li >= l - 4) return 0;
        return Cotp.definedType((acc[p + 5] & 0xFF) >> 4) ? 1 : 0;
    }

    /** Drops everything held (the rest of the stream is another protocol). */
    void drop() {
        pos = len;
        compact();
    }

    /** Stops at a known gap: drops what is held and looks for the next header without complaining first. */
    void gap() {
        pos = len;
        hunting = true;
        quiet = true;
        compact();
    }

    /** Frame pieces of buffer range [start, start+n), with buffer offsets relative to start. */
    List<SourcePart> parts(int start, int n) {
        List<SourcePart> out = new ArrayList<>(2);
        int end = start + n;
        for (int i = 0; i < pCount; i++) {
            int s = Math.max(start, pBufOff[i]);
            int e = Math.min(end, pBufOff[i] + pLen[i]);
            if (s < e) out.add(new SourcePart(pFrame[i], pFrameOff[i] + (s - pBufOff[i]), s - start, e - s));
        }
        return out;
    }

    /** The frame offset of buffer byte {@code at} when it came from {@code frame}, else -1. */
    int frameOffset(int at, int frame) {
        for (int i = 0; i < pCount; i++) {
            if (at >= pBufOff[i] && at < pBufOff[i] + pLen[i]) {
                return pFrame[i] == frame ? pFrameOff[i] + (at - pBufOff[i]) : -1;
            }
        }
        return -1;
    }

    /** The frame number buffer byte {@code at} came from, or 0. */
    int frameOf(int at) {
        for (int i = 0; i < pCount; i++) {
            if (at >= pBufOff[i] && at < pBufOff[i] + pLen[i]) return pFrame[i];
        }
        return 0;
    }

    /** True when [start, start+n) came contiguously from {@code frame}; then {@link #frameOffset} maps it. */
    boolean wholeIn(int start, int n, int frame) {
        for (int i = 0; i < pCount; i++) {
            if (start >= pBufOff[i] && start < pBufOff[i] + pLen[i]) {
                return pFrame[i] == frame && start + n <= pBufOff[i] + pLen[i];
            }
        }
        return false;
    }

    /** Calls {@code c} for each run of buffer range [start, start+n) that came from {@code frame} (frame offsets). */
    void forEachIn(int start, int n, int frame, RangeConsumer c) {
        int end = start + n;
        for (int i = 0; i < pCount; i++) {
            if (pFrame[i] != frame) continue;
            int s = Math.max(start, pBufOff[i]);
            int e = Math.min(end, pBufOff[i] + pLen[i]);
            if (s < e) c.accept(pFrameOff[i] + (s - pBufOff[i]), e - s);
        }
    }

    interface RangeConsumer {
        void accept(int frameOff, int n);
    }

    /** Gives the buffers up when nothing is held (an idle direction keeps no buffer). */
    void trim() {
        if (len != pos) return;
        len = pos = pCount = 0;
        acc = NO_BYTES;
        pFrame = pFrameOff = pBufOff = pLen = NO_INTS;
    }

    /** Drops consumed bytes (keeps the buffer small and offsets stable within one next() sequence). */
    void compact() {
        if (pos == 0) return;
        int keep = len - pos;
        if (keep > 0) System.arraycopy(acc, pos, acc, 0, keep);
        int j = 0;
        for (int i = 0; i < pCount; i++) {
            int s = Math.max(pos, pBufOff[i]);
            int e = pBufOff[i] + pLen[i];
            if (s >= e) continue;
            pFrame[j] = pFrame[i];
            pFrameOff[j] = pFrameOff[i] + (s - pBufOff[i]);
            pBufOff[j] = s - pos;
            pLen[j] = e - s;
            j++;
        }
        pCount = j;
        len = keep;
        pos = 0;
        if (acc.length > 4096 && len < 1024) acc = java.util.Arrays.copyOf(acc, 1024);
    }
}
