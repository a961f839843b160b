package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.frameinspector.TestFiles;
import org.frameinspector.capture.BenchCaptureGenerator;
import org.frameinspector.core.source.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18 item 12: the smaller edges of the command line. */
class CliEdgeCasesTest {
    @TempDir
    Path dir;

    /** `check -` read all of standard input into memory; a capture on stdin is now never held in memory. */
    @Test
    void checkOfABigCaptureOnStdinRunsInASmallHeap() throws Exception {
        Path cap = dir.resolve("big.pcap");
        new BenchCaptureGenerator(11, 8).write(cap, 300_000);
        assertThat(Files.size(cap)).isGreaterThan(48L << 20); // more than the child's whole heap
        ChildJvm.Result r = ChildJvm.run(List.of("-Xmx40m", "-XX:+ExitOnOutOfMemoryError"), List.of("check", "-q", "-"),
                dir, Map.of(), cap, 600);
        assertThat(r.err()).doesNotContain("OutOfMemoryError");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("300000 frame(s)");
    }

    /** A FIFO or /dev/stdin as FILE was "no such file". */
    @Test
    void aFifoAndDevStdinAreRead() throws Exception {
        TestFiles.requireTool("mkfifo");
        byte[] kb = Files.readAllBytes(TestFiles.kbSample());
        Path fifo = dir.resolve("frames.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try (OutputStream os = Files.newOutputStream(fifo)) {
                os.write(kb);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        String[] r = Cli.run("check", fifo.toString());
        writer.join(10_000);
        assertThat(r[0]).as(r[2]).isEqualTo("1");
        assertThat(r[1]).contains("TPKT-RESERVED-NONZERO");

        // /dev/stdin of a process whose standard input is a pipe
        if (!Files.exists(Path.of("/dev/stdin"))) return;
        Process p = ChildJvm.start(List.of(), List.of("check", "/dev/stdin"), dir, Map.of(), null);
        try (OutputStream os = p.getOutputStream()) {
            os.write(kb);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(out).contains("TPKT-RESERVED-NONZERO");
    }

    /** A directory said "no such file"; an unreadable file said "unread.txt: unread.txt". */
    @Test
    void aDirectoryAndAnUnreadableFileSayWhatIsWrongOnce() throws Exception {
        String[] r = Cli.run("check", dir.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("frame-inspector: " + dir + ": is a directory");
        Path unread = dir.resolve("unread.txt");
        assertThat(InputException.io(unread, new AccessDeniedException(unread.toString())).getMessage())
                .isEqualTo(unread + ": permission denied");
        Files.writeString(unread, "0000  03 00 00 04\n");
        if (unread.toFile().setReadable(false, false) && !Files.isReadable(unread)) { // root reads everything
            String[] u = Cli.run("check", unread.toString());
            assertThat(u[2].strip()).isEqualTo("frame-inspector: " + unread + ": permission denied");
        }
    }

    /** Error messages and output garbled non-ASCII text where the locale is not UTF-8. */
    @Test
    void nonAsciiIsWrittenAsUtf8WhateverTheLocale() throws Exception {
        Path dump = dir.resolve("latin.txt");
        Files.write(dump, ("0000  03 00 00 16 11 e0 00 00  00 01 00 c1 02 01 00 c2\n0010  02 01 02 \u00e9zz c0 01 0a\n"
                + "0020  01\n").getBytes(StandardCharsets.ISO_8859_1));
        Map<String, String> cLocale = Map.of("LC_ALL", "C", "LANG", "C");
        byte[][] err = ChildJvm.runBytes(List.of(), List.of("check", dump.toString()), dir, cLocale, 120);
        assertThat(new String(err[1], StandardCharsets.UTF_8)).contains("'\u00e9zz' inside the hex columns");
        byte[][] out = ChildJvm.runBytes(List.of(), List.of("dissect", Path.of("samples", "kb-q151626-connect-confirm.txt")
                .toAbsolutePath().toString()), dir, cLocale, 120);
        // the TCP flags line and the citation's section sign
        assertThat(new String(out[0], StandardCharsets.UTF_8)).contains("[TCP Flags: \u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7AP")
                .contains("RFC 1006 \u00a76");
    }

    /** `diff A#99999999999999999999` printed a raw "For input string". */
    @Test
    void aHugeFrameNumberIsNoSuchFrame() {
        String kb = TestFiles.kbSample().toString();
        String[] r = Cli.run("diff", kb + "#99999999999999999999", kb);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("frame-inspector: " + kb + ": no frame 99999999999999999999 (1 frame)");
        assertThat(Cli.run("diff", kb, kb + "#0")[2]).contains("no frame 0 (1 frame)");
    }
}
