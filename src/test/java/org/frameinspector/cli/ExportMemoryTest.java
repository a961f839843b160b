package org.frameinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.frameinspector.capture.BenchCaptureGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory of everything that writes a document does not grow with the number of frames (issue 18 item 7, issue 14):
 * {@code dissect --json}, {@code export} in every format and {@code fix} run in a JVM of their own with a heap far
 * smaller than the dissections of the capture would need if they were kept (a dissection of these frames takes tens
 * of kilobytes; 20,000 of them several hundred megabytes).
 */
class ExportMemoryTest {
    @TempDir
    Path dir;

    /** 20,000 generated frames (the benchmark generator), every document at -Xmx64m. */
    @Test
    void everyFormatOf20000FramesIn64MiB() throws Exception {
        Path cap = dir.resolve("bench-20k.pcap");
        new BenchCaptureGenerator(1006, 8).write(cap, 20_000);
        // the outputs go to /dev/null where there is one (the size of a 700 MB HTML file is not the point here)
        String sink = Files.exists(Path.of("/dev/null")) ? "/dev/null" : null;
        List<String> args = new ArrayList<>();
        for (String fmt : List.of("json", "text", "html", "md", "pcap", "pcapng")) {
            if (!args.isEmpty()) args.add(";;");
            args.addAll(List.of("export", "--format", fmt, "-o", sink != null ? sink : dir.resolve("out." + fmt).toString(),
                    cap.toString()));
        }
        args.addAll(List.of(";;", "fix", "--format", "pcap", "-o", sink != null ? sink : dir.resolve("fixed.pcap").toString(),
                cap.toString()));
        args.addAll(List.of(";;", "dissect", "--json", cap.toString()));
        Path stdout = dir.resolve("dissect.json");
        ChildJvm.Result r = ChildJvm.run(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), args, dir, Map.of(), null,
                stdout, 1200);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("OutOfMemoryError");
        // the JSON document on standard output is whole: it ends the frames array, the object and the line
        assertThat(tail(stdout)).endsWith("]}\n");
        assertThat(tail(stdout, 200_000)).contains("{\"number\":20000,");
    }

    /** The README's figure: -Xmx256m on a 5,000-frame capture, which failed with OutOfMemoryError before. */
    @Test
    void fiveThousandFramesIn256MiB() throws Exception {
        Path cap = dir.resolve("bench-5k.pcap");
        new BenchCaptureGenerator(7, 4).write(cap, 5_000);
        Path json = dir.resolve("out.json"), html = dir.resolve("out.html");
        ChildJvm.Result r = ChildJvm.run(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                List.of("export", "--format", "json", "-o", json.toString(), cap.toString(), ";;",
                        "export", "--format", "html", "-o", html.toString(), cap.toString()), dir, Map.of(), null, 900);
        assertThat(r.exit()).as(r.err()).isZero();
        String tail = tail(json);
        assertThat(tail).endsWith("]}\n");
        assertThat(tail(html)).endsWith("</body></html>\n");
    }

    private static String tail(Path p) throws Exception {
        return tail(p, 64);
    }

    private static String tail(Path p, int n) throws Exception {
        try (var ch = java.nio.channels.FileChannel.open(p)) {
            long size = ch.size();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) Math.min(size, n));
            ch.read(b, size - b.capacity());
            return new String(b.array(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
