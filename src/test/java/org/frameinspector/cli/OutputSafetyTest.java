package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.capture.BenchCaptureGenerator;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.output.PcapngWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the user has is lost (issue 18 items 1 and 2): an output that is the input is refused before anything is
 * written, also through links; outputs appear under their name only when complete, so a failing or killed export
 * leaves a previous file as it was; an export that selects no frame writes nothing.
 */
class OutputSafetyTest {
    @TempDir
    Path dir;

    private Path capture() throws Exception {
        Path v = dir.resolve("v.pcap");
        Files.copy(Path.of("samples", "iso-on-tcp-cr-cc-dt-dr.pcap"), v);
        return v;
    }

    /** No file but the inputs and the outputs we expect: in particular no temporary file left behind. */
    private void onlyFiles(String... names) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(names);
        }
    }

    /** Item 1: `export --format html -o v.pcap v.pcap` replaced the capture with HTML and exited 0. */
    @Test
    void exportOntoItsInputIsRefused() throws Exception {
        Path v = capture();
        byte[] before = Files.readAllBytes(v);
        for (String fmt : List.of("html", "text", "json", "pcap", "pcapng")) {
            String[] r = Cli.run("export", "--format", fmt, "-o", v.toString(), v.toString());
            assertThat(r[0]).as(fmt).isEqualTo("2");
            assertThat(r[2]).contains("is the input").doesNotContain("Exception");
            assertThat(Files.readAllBytes(v)).as(fmt).isEqualTo(before);
        }
        // the same file by another name: ./v.pcap, a symbolic link, a hard link
        Files.createSymbolicLink(dir.resolve("sym.pcap"), v);
        Files.createLink(dir.resolve("hard.pcap"), v);
        for (String out : List.of(dir.resolve(".").resolve("v.pcap").toString(), dir.resolve("sym.pcap").toString(),
                dir.resolve("hard.pcap").toString())) {
            String[] r = Cli.run("export", "--format", "html", "-o", out, v.toString());
            assertThat(r[0]).as(out).isEqualTo("2");
            assertThat(r[2]).as(out).contains("is the input");
            assertThat(Files.readAllBytes(v)).as(out).isEqualTo(before);
        }
        // the input's notes sidecar is the input's too
        Files.writeString(dir.resolve("v.pcap.fi-notes.json"), "{\"format\":\"frame-inspector-notes\",\"version\":1,\"notes\":[]}\n");
        assertThat(Cli.run("export", "--format", "json", "-o", dir.resolve("v.pcap.fi-notes.json").toString(), v.toString())[0])
                .isEqualTo("2");
        assertThat(Files.readString(dir.resolve("v.pcap.fi-notes.json"))).contains("frame-inspector-notes");
        onlyFiles("v.pcap", "sym.pcap", "hard.pcap", "v.pcap.fi-notes.json");
    }

    /** Item 1: `fix -o v.pcap --format pcap v.pcap` overwrote the original, which the README says is never changed. */
    @Test
    void fixOntoItsInputIsRefused() throws Exception {
        Path v = capture();
        byte[] before = Files.readAllBytes(v);
        String[] r = Cli.run("fix", "-o", v.toString(), "--format", "pcap", v.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("is the input");
        assertThat(Files.readAllBytes(v)).isEqualTo(before);
        Files.createSymbolicLink(dir.resolve("link.pcap"), v);
        assertThat(Cli.run("fix", "-o", dir.resolve("link.pcap").toString(), v.toString())[0]).isEqualTo("2");
        assertThat(Files.readAllBytes(v)).isEqualTo(before);
        // a different output works, and through a symbolic link the link stays a link to the new content
        Path real = dir.resolve("fixed.pcap");
        Files.writeString(real, "old");
        Files.createSymbolicLink(dir.resolve("to-fixed.pcap"), real);
        assertThat(Cli.run("fix", "-o", dir.resolve("to-fixed.pcap").toString(), v.toString())[0]).isNotEqualTo("2");
        assertThat(Files.isSymbolicLink(dir.resolve("to-fixed.pcap"))).isTrue();
        assertThat(Files.size(real)).isGreaterThan(24);
        onlyFiles("v.pcap", "link.pcap", "fixed.pcap", "to-fixed.pcap");
    }

    /**
     * Item 2: the output was truncated before the export was built, so a failing export left a previous good file at
     * 0 bytes. Here pcap export fails on the second frame (another link type): the previous file stays as it was.
     */
    @Test
    void aFailingExportLeavesThePreviousFileAsItWas() throws Exception {
        Path in = dir.resolve("two-links.pcapng");
        byte[] kb = Inputs.open(TestFiles.kbSample(), null).frames().frame(0).data();
        try (OutputStream os = Files.newOutputStream(in); PcapngWriter w = new PcapngWriter(os)) {
            w.write(Frame.of(1, kb, Frame.LINK_ETHERNET));
            w.write(Frame.of(2, java.util.Arrays.copyOfRange(kb, 14, kb.length), Frame.LINK_RAW));
        }
        Path out = dir.resolve("previous.pcap");
        Files.writeString(out, "the previous good export");
        String[] r = Cli.run("export", "--format", "pcap", "-o", out.toString(), in.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("cannot write").contains("pcapng");
        assertThat(Files.readString(out)).isEqualTo("the previous good export");
        onlyFiles("two-links.pcapng", "previous.pcap");
        // pcapng holds both
        assertThat(Cli.run("export", "--format", "pcapng", "-o", out.toString(), in.toString())[0]).isEqualTo("0");
        assertThat(Files.size(out)).isGreaterThan(100);
    }

    /** Item 12: `--frames 2147483647` on a 3-frame input exited 0 with an empty export. */
    @Test
    void anExportOfNoFrameWritesNothing() throws Exception {
        Path in = dir.resolve("three.txt");
        Files.writeString(in, """
                0000  03 00 00 16 11 e0 00 00  00 01 00 c1 02 01 00 c2
                0010  02 01 02 c0 01 0a

                0000  03 00 00 16 11 e0 00 00  00 01 00 c1 02 01 00 c2
                0010  02 01 02 c0 01 0a

                0000  03 00 00 16 11 e0 00 00  00 01 00 c1 02 01 00 c2
                0010  02 01 02 c0 01 0a
                """);
        String[] r = Cli.run("export", "--format", "json", "--frames", "2147483647", "-o", dir.resolve("out.json").toString(),
                in.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("no frame matched --frames 2147483647").contains("3 frames");
        onlyFiles("three.txt");
        Path old = dir.resolve("old.md");
        Files.writeString(old, "keep me");
        assertThat(Cli.run("export", "--format", "md", "-Y", "tcp", "-o", old.toString(), in.toString())[0]).isEqualTo("2");
        assertThat(Files.readString(old)).isEqualTo("keep me");
        // standard output gets nothing either
        assertThat(Cli.run("export", "--format", "json", "--frames", "9", "-o", "-", in.toString())[1]).isEmpty();
        assertThat(Cli.run("fix", "--frames", "4-", "-o", dir.resolve("f.txt").toString(), in.toString())[0]).isEqualTo("2");
        onlyFiles("three.txt", "old.md");
    }

    /**
     * Item 2: `kill -9` during a big JSON export left a truncated file under the final name. The export runs in a JVM
     * of its own, killed while it writes; the previous file must be exactly as it was.
     */
    @Test
    void killedExportLeavesThePreviousFile() throws Exception {
        Path cap = dir.resolve("big.pcap");
        new BenchCaptureGenerator(3, 8).write(cap, 20_000);
        Path out = dir.resolve("out.json");
        Files.writeString(out, "{\"previous\":true}\n");
        Process p = ChildJvm.start(List.of("-Xmx256m"), List.of("export", "--format", "json", "-o", out.toString(),
                cap.toString()), dir, Map.of(), null);
        try {
            // wait until the export is writing: its temporary file has grown, or (without it) the output changed
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < deadline && p.isAlive()) {
                if (Files.size(out) != 18 || tempBytes() > (1 << 20)) break;
                Thread.sleep(20);
            }
            assertThat(p.isAlive()).as("the export was still running when killed").isTrue();
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook runs
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(out)).isEqualTo("{\"previous\":true}\n");
    }

    private long tempBytes() throws Exception {
        long n = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                if (f.getFileName().toString().endsWith(".fi-tmp")) n += Files.size(f);
            }
        }
        return n;
    }
}
