package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.fixture.FrameFixture;
import org.frameinspector.TestFiles;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.PcapWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a big generated capture (Ethernet / IPv4 / TCP / TPKT / COTP DT, every 1000th frame with the TPKT reserved
 * byte set) and measures: time until the first rows show their dissected columns, time until the whole list is
 * there (row count = frames and the last row dissected), the longest EDT stall meanwhile, and a display filter over
 * every frame. 200,000 frames by default; {@code -Dfi.perf.frames=1000000} for the full benchmark (docs/GUI-PERFORMANCE.md).
 */
class BigCaptureGuiTest {
    private static final int FRAMES = Integer.getInteger("fi.perf.frames", 200_000);
    /** With -Dfi.gui.trace=true: EDT events at least this long (wall clock) are listed. */
    private static final int TRACE_MS = Integer.getInteger("fi.gui.trace.ms", 40);
    @TempDir
    static Path dir;
    private Robot robot;
    private FrameFixture window;

    @BeforeAll
    static void needsDisplay() {
        TestFiles.requireDisplay();
        System.setProperty("fi.gui.prefs", "org/frameinspector/gui-test");
        AppPrefs.setDarkTheme(false);
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) {
        if (window != null) window.cleanUp();
        if (robot != null) robot.cleanUp();
        GuiWait.closeAll(test.getDisplayName());
    }

    /** Writes n frames with PcapWriter; about 200 bytes a frame. */
    static Path bigCapture(int n) throws Exception {
        Path p = dir.resolve("big-" + n + ".pcap");
        byte[] s7 = HexFormat.of().parseHex("32030000ab0000020082000004010aff040400000000000000000000"
                + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");
        byte[] cotp = new byte[3 + s7.length];
        cotp[0] = 2;
        cotp[1] = (byte) 0xf0;
        cotp[2] = (byte) 0x80;
        System.arraycopy(s7, 0, cotp, 3, s7.length);
        long t0 = 1_700_000_000L * 1_000_000_000L;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(p), 1 << 20);
             PcapWriter w = new PcapWriter(os, Frame.LINK_ETHERNET, false)) {
            // one connection, both directions with their own sequence numbers (the in-order pass follows them: a
            // direction that never advanced would be all retransmissions)
            long seq = 1000, seqDown = 77;
            for (int i = 0; i < n; i++) {
                byte[] tpkt = TestFrames.tpkt(i % 1000 == 999 ? 0x11 : 0, cotp);
                boolean up = (i & 1) == 0;
                byte[] f = up ? TestFrames.tcp(TestFrames.MAC_CLIENT, TestFrames.MAC_SERVER, TestFrames.IP_CLIENT,
                        TestFrames.IP_SERVER, 1555, 102, seq, seqDown, 0x18, i, tpkt)
                        : TestFrames.tcp(TestFrames.MAC_SERVER, TestFrames.MAC_CLIENT, TestFrames.IP_SERVER,
                        TestFrames.IP_CLIENT, 102, 1555, seqDown, seq, 0x18, i, tpkt);
                if (up) seq += tpkt.length;
                else seqDown += tpkt.length;
                w.write(new Frame(i + 1, f, f.length, t0 + i * 125_000L, Frame.LINK_ETHERNET, 0, null));
            }
        }
        return p;
    }

    /** Longest gap between ticks of a 10 ms Swing timer, and longest delay of a posted probe, in ms. */
    /**
     * Times every EDT event in wall-clock and in EDT CPU time (the machine may be shared: CPU time shows what our code
     * costs the event thread, wall time what a user would feel) and keeps the longest.
     */
    static final class EventTimer extends java.awt.EventQueue {
        private final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        volatile long worstWallNanos, worstCpuNanos;
        volatile String worstEvent;

        /** With -Dfi.gui.trace=true: where the EDT was, sampled every 5 ms while an event had run over 30 ms. */
        private final java.util.concurrent.ConcurrentHashMap<String, Integer> slowStacks = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile long eventStart;
        private volatile Thread edt;

        static EventTimer install() {
            EventTimer t = new EventTimer();
            java.awt.Toolkit.getDefaultToolkit().getSystemEventQueue().push(t);
            if (GuiTrace.ON) {
                Thread s = new Thread(() -> {
                    while (true) {
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException x) {
                            return;
                        }
                        long st = t.eventStart;
                        Thread edt = t.edt;
                        if (st == 0 || edt == null || System.nanoTime() - st < 30_000_000L) continue;
                        StringBuilder k = new StringBuilder();
                        int n = 0;
                        for (StackTraceElement el : edt.getStackTrace()) {
                            if (!el.getClassName().startsWith("org.frameinspector") && n == 0 && k.length() > 0) continue;
                            k.append(el.getClassName().replaceAll(".*\\.", "")).append('.').append(el.getMethodName())
                                    .append(':').append(el.getLineNumber()).append(" < ");
                            if (el.getClassName().startsWith("org.frameinspector") && ++n >= 4) break;
                        }
                        t.slowStacks.merge(k.toString(), 1, Integer::sum);
                    }
                }, "edt-sampler");
                s.setDaemon(true);
                s.start();
            }
            return t;
        }

        /** The sampled stacks of slow events, most frequent first (empty without -Dfi.gui.trace=true). */
        String slowStacks() {
            StringBuilder sb = new StringBuilder();
            slowStacks.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                    .forEach(e -> sb.append(e.getValue()).append("  ").append(e.getKey()).append('\n'));
            return sb.toString();
        }

        @Override
        protected void dispatchEvent(java.awt.AWTEvent e) {
            long t = System.nanoTime(), c = mx.getCurrentThreadCpuTime();
            edt = Thread.currentThread();
            eventStart = t;
            try {
                super.dispatchEvent(e);
            } finally {
                eventStart = 0;
            }
            long wall = System.nanoTime() - t, cpu = mx.getCurrentThreadCpuTime() - c;
            if (wall > worstWallNanos) worstWallNanos = wall;
            if (cpu > worstCpuNanos) {
                worstCpuNanos = cpu;
                worstEvent = String.valueOf(e).replaceAll(",when=.*", "");
            }
            if (GuiTrace.ON && wall >= TRACE_MS * 1_000_000L) {
                // printed by GuiTrace's thread: printing here (through the test runner's output capture) would
                // itself hold up the EDT
                GuiTrace.line("slow event " + wall / 1_000_000 + " ms wall, " + cpu / 1_000_000 + " ms cpu: " + e);
            }
        }
    }

    static final class EdtProbe {
        volatile long maxTimerGapNanos, maxPostDelayNanos;
        private long last;
        private javax.swing.Timer timer;
        private volatile boolean running = true;
        private Thread poster;

        void start() throws Exception {
            SwingUtilities.invokeAndWait(() -> {
                last = System.nanoTime();
                timer = new javax.swing.Timer(10, e -> {
                    long now = System.nanoTime();
                    maxTimerGapNanos = Math.max(maxTimerGapNanos, now - last);
                    last = now;
                });
                timer.setCoalesce(false);
                timer.start();
            });
            poster = new Thread(() -> {
                while (running) {
                    long posted = System.nanoTime();
                    try {
                        SwingUtilities.invokeAndWait(() -> {
                            long d = System.nanoTime() - posted;
                            if (d > maxPostDelayNanos) maxPostDelayNanos = d;
                        });
                        Thread.sleep(5);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "edt-probe");
            poster.setDaemon(true);
            poster.start();
        }

        void stop() throws Exception {
            running = false;
            poster.join();
            SwingUtilities.invokeAndWait(() -> timer.stop());
        }

        double stallMs() {
            return Math.max(maxTimerGapNanos / 1e6 - 10, maxPostDelayNanos / 1e6);
        }
    }

    private static long waitUntil(long t0, long timeoutMs, BooleanSupplier c) throws Exception {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        boolean[] ok = new boolean[1];
        while (System.nanoTime() < deadline) {
            SwingUtilities.invokeAndWait(() -> ok[0] = c.getAsBoolean());
            if (ok[0]) return (System.nanoTime() - t0) / 1_000_000L;
            Thread.sleep(5);
        }
        throw new AssertionError("timed out after " + timeoutMs + " ms");
    }

    /** The main window at 1300×850, shown through a new robot. */
    private MainWindow showMainWindow() {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        window = WindowTest.show(robot, MainWindow::new, 100, 100, 1300, 850);
        MainWindow main = (MainWindow) window.target();
        robot.waitForIdle();
        return main;
    }

    /** Peak resident set of this JVM (VmHWM), in MB, or -1 where /proc is not there. */
    static long peakRssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    /**
     * Issue 14's desktop figure on real traffic: {@code -Dfi.perf.real=real-1m.pcap} (made by
     * ../shared/tools/gen_real_mix.py) opens that capture, waits for the rows and then for the in-order pass over the
     * whole capture, and reports first rows, whole list, the longest EDT stall over all of it and the JVM's peak RSS
     * (targets: first rows < 1 s, EDT never blocked > 100 ms, peak RSS < 1 GB). Skipped without the property: it is
     * a benchmark of a file that is not in the repository.
     */
    @Test
    void realMixWhenAsked() throws Exception {
        String real = System.getProperty("fi.perf.real");
        org.junit.jupiter.api.Assumptions.assumeTrue(real != null && !real.isEmpty(),
                "-Dfi.perf.real=FILE not given (benchmark of a real-traffic mix)");
        Path p = Path.of(real);
        MainWindow main = showMainWindow();
        EventTimer events = EventTimer.install();
        EdtProbe probe = new EdtProbe();
        probe.start();
        Thread.sleep(200);
        long t0 = System.nanoTime();
        SwingUtilities.invokeAndWait(() -> main.openFile(p));
        long first = waitUntil(t0, 60_000, () -> main.frameTable().getRowCount() > 0
                && !FrameTableModel.PENDING.equals(main.frameTable().getValueAt(0, FrameTableModel.PROTO)));
        double stallOpen = probe.stallMs();
        long pass = waitUntil(t0, 1_800_000, () -> main.loaded() != null && main.inOrderDone());
        int rows = execute(() -> main.frameTable().getRowCount());
        probe.stop();
        String report = String.format(Locale.ROOT, "real mix %s: frames=%d first-rows=%d ms max-edt-stall-open=%.0f ms "
                        + "in-order-pass=%d ms max-edt-stall-all=%.0f ms longest-edt-event=%.0f ms wall / %.0f ms cpu [%s] "
                + "peak-rss=%d MB heap-max=%d MB load=%.1f",
                p.getFileName(), rows, first, stallOpen, pass, probe.stallMs(), events.worstWallNanos / 1e6,
                events.worstCpuNanos / 1e6, events.worstEvent, peakRssMb(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("GUI-PERF " + report);
        if (GuiTrace.ON) System.out.println("EDT in slow events (5 ms samples):\n" + events.slowStacks());
        Files.writeString(Path.of("target", "gui-performance-real.txt"), report + "\n");
        assertThat(rows).as(report).isPositive();
        if (Boolean.getBoolean("fi.perf.strict")) {
            assertThat(first).as(report).isLessThan(1_000);
            assertThat(probe.stallMs()).as(report).isLessThan(100);
            assertThat(peakRssMb()).as(report).isLessThan(1_024);
        }
    }

    @Test
    void firstRowsFastWholeListFastAndTheEdtNeverStalls() throws Exception {
        long g0 = System.nanoTime();
        Path p = bigCapture(FRAMES);
        long genMs = (System.nanoTime() - g0) / 1_000_000L;
        MainWindow main = showMainWindow();
        System.gc(); // start from a quiet heap: the generator just left ~FRAMES × 400 bytes of garbage
        Thread.sleep(500);
        EventTimer events = EventTimer.install();
        EdtProbe probe = new EdtProbe();
        probe.start();
        Thread.sleep(200);
        long t0 = System.nanoTime();
        SwingUtilities.invokeAndWait(() -> main.openFile(p));
        long first = waitUntil(t0, 30_000, () -> main.frameTable().getRowCount() > 0
                && !FrameTableModel.PENDING.equals(main.frameTable().getValueAt(0, FrameTableModel.PROTO))
                && !FrameTableModel.PENDING.equals(main.frameTable().getValueAt(
                        Math.min(20, main.frameTable().getRowCount() - 1), FrameTableModel.INFO)));
        SwingUtilities.invokeAndWait(() -> main.selectFrame(main.frameTable().getRowCount() - 1));
        long whole = waitUntil(t0, 30_000, () -> main.frameTable().getRowCount() == FRAMES
                && !FrameTableModel.PENDING.equals(main.frameTable().getValueAt(FRAMES - 1, FrameTableModel.PROTO))
                && main.currentDissection() != null && main.currentDissection().frame().number() == FRAMES);
        double stallOpen = probe.stallMs();
        // a display filter over every frame, off the EDT
        long f0 = System.nanoTime();
        SwingUtilities.invokeAndWait(() -> main.applyFilter("tpkt.reserved != 0"));
        long filterMs = waitUntil(f0, 600_000, () -> !main.isBusy() && main.frameModel().isFiltered());
        int shown = execute(() -> main.frameTable().getRowCount());
        probe.stop();
        double stall = probe.stallMs();
        String report = String.format(Locale.ROOT,
                "frames=%d file=%.1f MB generate=%d ms first-rows=%d ms whole-list=%d ms max-edt-stall-open=%.0f ms "
                        + "filter=%d ms (%d matches, %.0f frames/s) max-edt-stall-all=%.0f ms (timer gap %.0f, post %.0f) "
                        + "longest-edt-event=%.0f ms wall / %.0f ms cpu [%s] load=%.1f",
                FRAMES, Files.size(p) / 1e6, genMs, first, whole, stallOpen, filterMs, shown,
                FRAMES / (filterMs / 1000.0), stall, probe.maxTimerGapNanos / 1e6, probe.maxPostDelayNanos / 1e6,
                events.worstWallNanos / 1e6, events.worstCpuNanos / 1e6, events.worstEvent,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("GUI-PERF " + report);
        Files.writeString(Path.of("target", "gui-performance.txt"), report + "\n");
        assertThat(shown).isEqualTo(FRAMES / 1000);
        if (Boolean.getBoolean("fi.perf.strict")) {
            // the targets, for a quiet machine: -Dfi.perf.strict=true (docs/GUI-PERFORMANCE.md)
            assertThat(first).as(report).isLessThan(1_000);
            assertThat(whole).as(report).isLessThan(3_000);
            assertThat(stallOpen).as(report).isLessThan(100);
        }
        // generous bounds for CI (the targets are 1 s, 3 s and 100 ms on a quiet 2-core machine)
        assertThat(first).as(report).isLessThan(3_000);
        assertThat(whole).as(report).isLessThan(6_000);
        // wall-clock stalls follow the machine's load (other jobs share its 2 cores); what our code costs the EDT
        // is its CPU time per event
        assertThat(events.worstCpuNanos / 1e6).as(report).isLessThan(150);
        assertThat(stall).as(report).isLessThan(2_000);
    }
}
