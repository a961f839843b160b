package org.frameinspector.fuzz;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.input.capture.CaptureFiles;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every input the fuzzer ever failed on, kept under src/test/resources/fuzz/TARGET/ and run through the same checks:
 * frame/START--name.bin (START = a --starts-at name or ltN for a link type), stream/*.pcapng, dump/*.txt,
 * capture/*.pcap(ng), filter/*.txt (one filter per file), cli/*.args (one argument per line; IN stands for the
 * input file cli/NAME.in).
 */
class FuzzRegressionTest {
    @TestFactory
    Stream<DynamicTest> everyInputTheFuzzerFoundStillPasses() throws Exception {
        Path root = root();
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files;
        try (var s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : files) {
            String dir = root.relativize(p).getName(0).toString();
            String name = p.getFileName().toString();
            if (name.endsWith(".in") || name.endsWith(".md")) continue;
            tests.add(DynamicTest.dynamicTest(dir + "/" + name, () -> run(dir, name, p)));
        }
        return tests.stream();
    }

    static Path root() throws URISyntaxException {
        return Path.of(FuzzRegressionTest.class.getResource("/fuzz").toURI());
    }

    static void run(String dir, String name, Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        switch (dir) {
            case "frame" -> {
                String start = name.substring(0, name.indexOf("--"));
                int lt = start.startsWith("lt") ? Integer.parseInt(start.substring(2)) : Protocols.linkTypeFor(start);
                Dissection d = Checks.frame(b, lt, start.startsWith("lt") ? null : start);
                Checks.exports(List.of(d), null, false);
                Checks.exports(List.of(d), null, true);
            }
            case "stream" -> {
                List<Frame> fs = new ArrayList<>();
                try (FrameSource s = CaptureFiles.read(b)) {
                    for (int i = 0; i < s.size(); i++) fs.add(s.frame(i));
                }
                Checks.stream(fs, null);
            }
            case "dump" -> Checks.dump(new String(b, StandardCharsets.UTF_8), true);
            case "capture" -> {
                Path tmp = Files.createTempFile("fuzz-reg", ".bin");
                try {
                    Checks.capture(b, tmp, true);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            case "filter" -> Checks.filter(new String(b, StandardCharsets.UTF_8), List.of());
            case "cli" -> {
                Path in = p.resolveSibling(name.replace(".args", ".in"));
                List<String> args = new ArrayList<>();
                Path out = Files.createTempDirectory("fuzz-reg-cli");
                for (String a : new String(b, StandardCharsets.UTF_8).split("\n")) {
                    if (a.isEmpty()) continue;
                    args.add(a.equals("IN") ? in.toString() : a.equals("OUT") ? out.resolve("out").toString() : a);
                }
                Checks.cli(args.toArray(new String[0]));
            }
            default -> throw new IllegalStateException("unknown fuzz regression folder " + dir);
        }
    }
}
