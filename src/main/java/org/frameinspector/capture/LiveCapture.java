package org.frameinspector.capture;

import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.frameinspector.core.model.Frame;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * Live capture through libpcap (pcap4j 1.8.2), for the command line's {@code capture} and the desktop app alike.
 * pcap4j is used only in this package; the core never sees it. A missing libpcap shows up as a {@link LinkageError}
 * on first use; it is turned into a {@link CaptureException} that says what to install.
 *
 * <p>Stopping is immediate: the handle reads in non-blocking mode (a blocking read on Linux does not time out while
 * no packet arrives at all, and {@code breakLoop} only ends {@code loop}/{@code dispatch}, not
 * {@code getNextRawPacketEx}), so {@link #close} from another thread takes pcap4j's handle lock as soon as the read
 * in flight returns and closes the handle then.
 */
public final class LiveCapture implements AutoCloseable {
    /** An interface as the desktop app's Start dialog lists it. */
    public record Device(String name, String description, List<String> addresses, boolean loopback) {
        public String label() {
            StringBuilder sb = new StringBuilder(name);
            if (description != null && !description.isBlank()) sb.append(" — ").append(description);
            if (!addresses.isEmpty()) sb.append("  (").append(String.join(", ", addresses)).append(')');
            return sb.toString();
        }
    }

    public static final String INSTALL_HINT = "libpcap was not found. Install it: Debian/Ubuntu 'apt-get install "
            + "libpcap0.8', Fedora/RHEL 'dnf install libpcap', Windows: Npcap (with WinPcap API compatibility); macOS "
            + "has it built in. A library in an unusual place can be named with -Dorg.pcap4j.core.pcapLibName=PATH.";

    private final PcapHandle handle;
    private final int linkType;
    private final String iface;

    private final int timeoutMs;
    private volatile boolean closed;
    private Thread reader;

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

    /** The capture interfaces with their addresses, or an exception whose message says what to do. */
    public static List<Device> devices() throws CaptureException {
        try {
            List<Device> out = new ArrayList<>();
            List<PcapNetworkInterface> all = Pcaps.findAllDevs();
            if (all == null) return out;
            for (PcapNetworkInterface n : all) {
                List<String> addrs = new ArrayList<>();
                for (PcapAddress a : n.getAddresses()) {
                    if (a.getAddress() != null) addrs.add(a.getAddress().getHostAddress());
                }
                out.add(new Device(n.getName(), n.getDescription(), addrs, n.isLoopBack()));
            }
            return out;
        } catch (LinkageError e) {
            throw new CaptureException(INSTALL_HINT, e);
        } catch (PcapNativeException e) {
            throw new CaptureException("cannot list the capture interfaces: " + e.getMessage(), e);
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

    /** The next frame, or null when the read timeout passed without one (or the capture was closed). */
    public Frame next(int number) throws CaptureException {
        long until = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!closed) {
            Frame f = poll(number);
            if (f != null || System.nanoTime() >= until) return f;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
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
        } catch (NotOpenException e) {
            if (closed) return null;
            throw new CaptureException("capture on '" + iface + "' failed: the handle is closed", e);
        } catch (PcapNativeException e) {
            throw new CaptureException("capture on '" + iface + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads frames on a daemon thread until {@link #close}: each frame (numbered from 1) goes to {@code each} on that
     * thread; a failure's message to {@code failed}, after which the thread ends. Returns the reader thread.
     */
    public synchronized Thread start(Consumer<Frame> each, Consumer<String> failed) {
        if (reader != null) throw new IllegalStateException("already started");
        reader = new Thread(() -> {
            int n = 0;
            try {
                while (!closed) {
                    Frame f = next(n + 1);
                    if (f != null) {
                        n++;
                        each.accept(f);
                    }
                }
            } catch (CaptureException | RuntimeException | LinkageError e) {
                if (!closed) failed.accept(String.valueOf(e.getMessage()));
            }
        }, "live-capture " + iface);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Whether the libpcap handle is still open (false at once after {@link #close}). */
    public boolean isOpen() {
        return handle.isOpen();
    }

    /** Closes the handle now, also while the reader thread waits for packets; the thread then ends. */
    @Override
    public void close() {
        closed = true;
        handle.close();
    }
}
