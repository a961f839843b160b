package org.frameinspector.capture;

import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.frameinspector.core.model.Frame;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * Live capture through libpcap (pcap4j 1.8.2). pcap4j is used only in this package; the core never sees it.
 * A missing libpcap shows up as a {@link LinkageError} on first use; it is turned into a {@link CaptureException}
 * that says what to install.
 */
public final class LiveCapture implements AutoCloseable {
    public static final String INSTALL_HINT = "libpcap was not found. Install it: Debian/Ubuntu 'apt-get install "
            + "libpcap0.8', Fedora/RHEL 'dnf install libpcap', Windows: Npcap (with WinPcap API compatibility); macOS "
            + "has it built in. A library in an unusual place can be named with -Dorg.pcap4j.core.pcapLibName=PATH.";

    private final PcapHandle handle;
    private final int linkType;
    private final String iface;

    private final int timeoutMs;

    private LiveCapture(PcapHandle handle, String iface, int timeoutMs) {
        this.handle = handle;
        this.timeoutMs = Math.max(1, timeoutMs);
        this.iface = iface;
        this.linkType = handle.getDlt().value();
    }

    /**
     * Opens {@code iface} (promiscuous, snap length {@code snaplen}, read timeout {@code timeoutMs}) and applies the
     * BPF filter when not null.
     */
    public static LiveCapture open(String iface, String bpf, int snaplen, int timeoutMs) throws CaptureException {
        try {
            PcapNetworkInterface nif = Pcaps.getDevByName(iface);
            if (nif == null) {
                throw new CaptureException("no capture interface '" + iface + "'; available: " + interfaces(), null);
            }
            PcapHandle h = nif.openLive(snaplen, PcapNetworkInterface.PromiscuousMode.PROMISCUOUS, timeoutMs);
            try {
                if (bpf != null && !bpf.isBlank()) h.setFilter(bpf, BpfProgram.BpfCompileMode.OPTIMIZE);
            } catch (PcapNativeException | NotOpenException e) {
                h.close();
                throw new CaptureException("bad capture filter '" + bpf + "': " + e.getMessage(), e);
            }
            try {
                // On Linux a blocking read does not time out while no packet arrives at all, so a stop request
                // would wait for the next packet; non-blocking reads with a short sleep keep next() bounded.
                h.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
            } catch (PcapNativeException | NotOpenException e) {
                h.close();
                throw new CaptureException("cannot capture on '" + iface + "': " + e.getMessage(), e);
            }
            return new LiveCapture(h, iface, timeoutMs);
        } catch (PcapNativeException e) {
            String m = String.valueOf(e.getMessage());
            String hint = m.contains("ermission") || m.contains("ermitted")
                    ? " (capturing needs root, or the capabilities cap_net_raw,cap_net_admin on the java binary)" : "";
            throw new CaptureException("cannot capture on '" + iface + "': " + m + hint, e);
        } catch (LinkageError e) {
            throw new CaptureException(INSTALL_HINT + " (" + e + ")", e);
        }
    }

    /** Names of the capture interfaces, or a message when they cannot be listed. */
    public static String interfaces() {
        try {
            List<String> names = new ArrayList<>();
            for (PcapNetworkInterface n : Pcaps.findAllDevs()) names.add(n.getName());
            return String.join(", ", names);
        } catch (PcapNativeException e) {
            return "(cannot list: " + e.getMessage() + ")";
        } catch (LinkageError e) {
            return "(" + INSTALL_HINT + ")";
        }
    }

    /** Whether libpcap can be loaded here. */
    public static boolean available() {
        try {
            return Pcaps.libVersion() != null;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    public int linkType() {
        return linkType;
    }

    public String iface() {
        return iface;
    }

    /** The next frame, or null when the read timeout passed without one. */
    public Frame next(int number) throws CaptureException {
        long until = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            Frame f = poll(number);
            if (f != null || System.nanoTime() >= until) return f;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private Frame poll(int number) throws CaptureException {
        try {
            byte[] b = handle.getNextRawPacketEx();
            java.sql.Timestamp ts = handle.getTimestamp();
            long nanos = ts == null ? System.currentTimeMillis() * 1_000_000L
                    : Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
            Integer orig = handle.getOriginalLength();
            return new Frame(number, b, orig == null ? b.length : orig, nanos, linkType, 0, null);
        } catch (TimeoutException e) {
            return null;
        } catch (EOFException e) {
            throw new CaptureException("capture on '" + iface + "' ended", e);
        } catch (PcapNativeException | NotOpenException e) {
            throw new CaptureException("capture on '" + iface + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        handle.close();
    }
}
