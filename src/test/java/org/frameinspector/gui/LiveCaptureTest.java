package org.frameinspector.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.frameinspector.capture.CaptureException;
import org.frameinspector.capture.LiveCapture;
import org.junit.jupiter.api.Test;

/**
 * The desktop app's live capture: the one {@link LiveCapture} class feeding a {@link GrowingFrameSource}, where libpcap
 * and the rights to capture exist (skipped otherwise; capture/LiveCaptureTest makes it mandatory in CI).
 */
class LiveCaptureTest {
    @Test
    void listsInterfacesOrSaysWhatToInstall() {
        try {
            List<LiveCapture.Device> ds = LiveCapture.devices();
            assertThat(ds).allSatisfy(d -> assertThat(d.label()).startsWith(d.name()));
        } catch (CaptureException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Test
    void capturesLoopbackTrafficIntoAGrowingSource() throws Exception {
        List<LiveCapture.Device> ds;
        try {
            ds = LiveCapture.devices();
        } catch (CaptureException e) {
            assumeTrue(false, e.getMessage());
            return;
        }
        assumeTrue(ds.stream().anyMatch(d -> d.name().equals("lo")), "no loopback interface");
        LiveCapture lc;
        try (ServerSocket server = new ServerSocket(0)) {
            try {
                lc = LiveCapture.open("lo", "tcp port " + server.getLocalPort(), 262_144, 100);
            } catch (CaptureException e) {
                assumeTrue(false, e.getMessage()); // no rights to capture here
                return;
            }
            GrowingFrameSource src = new GrowingFrameSource();
            lc.start(f -> src.add(f.data(), f.originalLength(), f.timestampNanos(), f.linkType()), msg -> { });
            Thread.sleep(300);
            try (Socket c = new Socket("127.0.0.1", server.getLocalPort()); Socket s = server.accept()) {
                c.getOutputStream().write(new byte[] {3, 0, 0, 7, 2, (byte) 0xf0, (byte) 0x80});
                c.getOutputStream().flush();
                s.getInputStream().readNBytes(7);
            }
            long deadline = System.currentTimeMillis() + 5_000;
            while (src.size() < 3 && System.currentTimeMillis() < deadline) Thread.sleep(50);
            lc.close();
            assertThat(lc.isOpen()).isFalse();
            assertThat(src.size()).isGreaterThanOrEqualTo(3); // at least the handshake
            assertThat(src.frame(0).timestampNanos()).isPositive();
        }
    }
}
