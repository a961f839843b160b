package org.frameinspector.core.stream;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.frameinspector.core.source.FrameCursor;
import org.frameinspector.core.model.Frame;

/**
 * Reads the frames of a one-pass findings run on a second thread, in batches, and checks their lower layers there
 * ({@link FastLane#cleanLowerLayers}: Ethernet, IPv4, TCP and both checksums — the stateless half of the fast lane),
 * so reading and checksumming overlap with the stateful half on the caller's thread. Frames come out in order; the
 * batches are recycled, so memory stays at a few batches of frames.
 */
final class ReadAhead implements AutoCloseable {
    static final int BATCH = 512;
    private static final int BATCHES = 4;

    /** Frames [0, count) of one batch; a frame whose lower layers are not clean also has its {@link Frame}. */
    static final class Batch {
        final byte[][] data = new byte[BATCH][];
        final int[] len = new int[BATCH], orig = new int[BATCH], link = new int[BATCH], number = new int[BATCH],
                iface = new int[BATCH];
        final long[] ts = new long[BATCH];
        final String[] comment = new String[BATCH];
        final boolean[] clean = new boolean[BATCH];
        final Frame[] frame = new Frame[BATCH];
        int count;
        boolean last;
        RuntimeException error;

        Batch() {
            for (int i = 0; i < BATCH; i++) data[i] = new byte[256];
        }

        /** Frame i as a {@link Frame} of its own. */
        Frame frameAt(int i) {
            if (frame[i] != null) return frame[i];
            return new Frame(number[i], Arrays.copyOf(data[i], len[i]), orig[i], ts[i], link[i], iface[i], comment[i]);
        }
    }

    private final ArrayBlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
    private final ArrayBlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final FrameCursor cursor;
    private final Thread reader;
    private volatile boolean stop;
    private boolean done;

    ReadAhead(FrameCursor cursor) {
        this.cursor = cursor;
        for (int i = 0; i < BATCHES; i++) free.add(new Batch());
        reader = new Thread(this::run, "frame-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        try {
            while (!stop) {
                Batch b = free.poll(100, TimeUnit.MILLISECONDS);
                if (b == null) continue;
                fill(b);
                while (!stop && !full.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    // the consumer is busy; wait
                }
                if (b.last) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fill(Batch b) {
        b.count = 0;
        b.last = false;
        b.error = null;
        try {
            while (b.count < BATCH) {
                if (!cursor.next()) {
                    b.last = true;
                    return;
                }
                one(b, b.count++);
            }
        } catch (RuntimeException e) {
            b.error = e;
            b.last = true;
        }
    }

    private void one(Batch b, int i) {
        int n = cursor.length();
        byte[] src = cursor.bytes();
        b.len[i] = n;
        b.orig[i] = cursor.originalLength();
        b.link[i] = cursor.linkType();
        b.number[i] = cursor.number();
        b.ts[i] = cursor.timestampNanos();
        b.clean[i] = FastLane.cleanLowerLayers(src, n, b.orig[i], b.link[i]);
        if (b.clean[i]) {
            if (b.data[i].length < n) b.data[i] = new byte[Math.max(n, b.data[i].length * 2)];
            System.arraycopy(src, 0, b.data[i], 0, n);
            b.frame[i] = null;
            b.iface[i] = cursor.interfaceId();
            b.comment[i] = cursor.comment();
        } else {
            b.frame[i] = cursor.frame();
        }
    }

    /** The next batch in order, or null after the last one was handed out; rethrows a reading error at its place. */
    Batch take() {
        if (done) return null;
        try {
            Batch b;
            while ((b = full.poll(100, TimeUnit.MILLISECONDS)) == null) {
                if (!reader.isAlive() && full.isEmpty()) throw new IllegalStateException("frame reader stopped");
            }
            if (b.last) done = true;
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading frames", e);
        }
    }

    /** Gives a processed batch back for reuse. */
    void recycle(Batch b) {
        Arrays.fill(b.frame, 0, b.count, null);
        free.offer(b);
    }

    /** Stops the reader (within 100 ms; it is never interrupted, which would close a file channel under it). */
    @Override
    public void close() {
        stop = true;
    }
}
