package org.frameinspector.gui;

import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * Live capture for the GUI, straight on pcap4j (libpcap / Npcap through JNA). A missing native library shows up as
 * a {@link LinkageError}; {@link #devices()} turns it into a message that says what to install.
 */
final class LiveCapture implements AutoCloseable {
    static final String NO_LIBPCAP = "libpcap is not installed: on Debian/Ubuntu install libpcap0.8; on Windows Npcap";

    /** An interface as the Start dialog lists it. */
    record Device(String name, String description, List<String> addresses, boolean loopback) {
        String label() {
            StringBuilder sb = new StringBuilder(name);
            if (description != null && !description.isBlank()) sb.append(" — ").append(description);
            if (!addresses.isEmpty()) sb.append("  (").append(String.join(", ", addresses)).append(')');
            return sb.toString();
        }
    }

    /** Interfaces, or an exception whose message is fit for the user. */
    static List<Device> devices() throws CaptureException {
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
            throw new CaptureException(NO_LIBPCAP, e);
        } catch (Exception e) {
            throw new CaptureException("Cannot list interfaces: " + e.getMessage(), e);
        }
    }

    static final class CaptureException extends Exception {
        private static final long serialVersionUID = 1L;

        CaptureException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final PcapHandle handle;
    private final int linkType;
    private volatile boolean stopped;
    private Thread thread;

    private LiveCapture(PcapHandle handle) {
        this.handle = handle;
        this.linkType = handle.getDlt().value();
    }

    /** Opens an interface (promiscuous, 256 KiB snaplen) with an optional BPF filter. */
    static LiveCapture open(String device, String bpf) throws CaptureException {
        try {
            PcapNetworkInterface nif = Pcaps.getDevByName(device);
            if (nif == null) throw new CaptureException("No interface named " + device, null);
            PcapHandle h = nif.openLive(262_144, PcapNetworkInterface.PromiscuousMode.PROMISCUOUS, 100);
            try {
                if (bpf != null && !bpf.isBlank()) h.setFilter(bpf, BpfProgram.BpfCompileMode.OPTIMIZE);
            } catch (Exception e) {
                h.close();
                throw new CaptureException("Bad capture filter '" + bpf + "': " + e.getMessage(), e);
            }
            return new LiveCapture(h);
        } catch (LinkageError e) {
            throw new CaptureException(NO_LIBPCAP, e);
        } catch (CaptureException e) {
            throw e;
        } catch (Exception e) {
            throw new CaptureException("Cannot capture on " + device + ": " + e.getMessage()
                    + " (capturing needs root or the cap_net_raw capability)", e);
        }
    }

    /** Starts the capture thread; frames go to the source, a failure to {@code failed}. */
    void start(GrowingFrameSource into, Consumer<String> failed) {
        thread = new Thread(() -> {
            try {
                while (!stopped) {
                    try {
                        byte[] b = handle.getNextRawPacketEx();
                        java.sql.Timestamp ts = handle.getTimestamp();
                        long nanos = ts == null ? System.currentTimeMillis() * 1_000_000L
                                : ts.getTime() / 1000 * 1_000_000_000L + ts.getNanos();
                        Integer orig = handle.getOriginalLength();
                        into.add(b, orig == null ? b.length : orig, nanos, linkType);
                    } catch (TimeoutException e) {
                        // no packet within the read timeout: look at the stop flag again
                    }
                }
            } catch (EOFException e) {
                // the handle was closed
            } catch (Exception | LinkageError e) {
                if (!stopped) failed.accept(String.valueOf(e.getMessage()));
            } finally {
                handle.close();
            }
        }, "live-capture");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        stopped = true;
        try {
            handle.breakLoop();
        } catch (Exception ignored) {
            // not looping or already closed: the read timeout ends the thread
        }
        if (thread == null) handle.close();
    }
}
