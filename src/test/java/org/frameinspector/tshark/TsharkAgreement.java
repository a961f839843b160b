package org.frameinspector.tshark;

import org.frameinspector.core.protocols.Protocols;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.nio.file.StandardCopyOption;
import javax.xml.stream.XMLStreamException;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.SourcePart;
import org.frameinspector.core.stream.InOrder;

/**
 * Field-by-field agreement between tshark and Frame Inspector over the shared captures (issue 2 "done when", issues
 * 4/7 measurement). For every capture: run {@code tshark -r F -n -2 -T pdml} with IP and TCP checksum checking on,
 * dissect the same frames with {@link FrameDissector#standard()}, and count how many tshark fields (of the chosen
 * protocols, with a byte range in the frame itself, see {@link Agreement}) we reproduce with the same abbreviation,
 * offset, length and value.
 *
 * <p>Run it as {@code bash tools/tshark-agreement.sh [PROTOCOLS]} or from the test class path:
 * {@code java -cp … org.frameinspector.tshark.TsharkAgreement [--captures DIR] [--top N] [proto,proto…]}.
 * Known differences by design are listed in {@code docs/TSHARK-DIFFERENCES.md}.
 */
public final class TsharkAgreement {
    /** Per-capture result. */
    public record CaptureResult(String name, Agreement.Tally tally) {
    }

    /**
     * How we dissect: {@code IN_ORDER} (default) runs {@link InOrder#dissect} over the capture, with TCP reassembly,
     * TPKT framing and COTP state, like the CLI; {@code PER_FRAME} dissects each frame alone with
     * {@link FrameDissector#standard()} (no connection state, so no reassembled buffers).
     */
    public enum Mode { IN_ORDER, PER_FRAME }

    /** Our side of one frame: its fields in every data source and its reassembled buffers. */
    record Ours(List<OurField> fields, List<DataSource> buffers, int frame) {
    }

    private final Agreement agreement;
    private final Mode mode;
    private Path pdmlCache = Path.of("target", "tshark-pdml");

    public TsharkAgreement(Set<String> protocols) {
        this(protocols, Mode.IN_ORDER);
    }

    public TsharkAgreement(Set<String> protocols, Mode mode) {
        this.agreement = new Agreement(protocols);
        this.mode = mode;
    }

    /** Where tshark's PDML is cached (one file per capture, reused while newer than the capture); null: no cache. */
    public TsharkAgreement pdmlCache(Path dir) {
        this.pdmlCache = dir;
        return this;
    }

    public static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The tshark command for one capture. */
    public static List<String> tsharkCommand(Path capture) {
        return List.of("tshark", "-r", capture.toString(), "-n", "-2", "-T", "pdml", "-o", "tcp.check_checksum:TRUE",
                "-o", "ip.check_checksum:TRUE");
    }

    /** Our dissection of every frame of a capture (index = frame number - 1), in the chosen mode. */
    List<Ours> dissect(Path capture, Agreement.Tally tally) throws IOException {
        List<Ours> out = new ArrayList<>();
        try (FrameSource fs = Inputs.open(capture, null).frames()) {
            if (mode == Mode.IN_ORDER) {
                InOrder.dissect(fs, null, d -> out.add(ours(d)));
            } else {
                FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
                for (int i = 0; i < fs.size(); i++) out.add(ours(fd.dissect(fs.frame(i))));
            }
            return out;
        } catch (InputException | RuntimeException e) {
            tally.note("product capture reader or in-order dissection failed (" + e + "); dissected frame by frame"
                    + " from the tool's fallback reader");
            out.clear();
            FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
            for (Frame f : MiniCapture.read(capture)) {
                try {
                    out.add(ours(fd.dissect(f)));
                } catch (RuntimeException x) {
                    tally.note("frame " + f.number() + ": our dissector threw " + x);
                    out.add(new Ours(List.of(), List.of(), f.number()));
                }
            }
            return out;
        }
    }

    private static Ours ours(Dissection d) {
        List<DataSource> bufs = d.sources().stream().filter(s -> !s.isFrame()).toList();
        return new Ours(OurField.all(d), bufs, d.frame().number());
    }

    /**
     * Our fields in reassembled buffers, keyed "frame:frameOffset:abbrev" by the frame byte they start at, when the
     * whole field lies in one piece of the buffer.
     */
    static Map<String, List<Agreement.Placed>> placed(List<Ours> all) {
        Map<String, List<Agreement.Placed>> out = new HashMap<>();
        for (Ours o : all) {
            Map<String, DataSource> byId = new HashMap<>();
            for (DataSource s : o.buffers()) byId.put(s.id(), s);
            for (OurField f : o.fields()) {
                DataSource s = byId.get(f.source());
                if (s == null || f.length() <= 0) continue;
                SourcePart p = s.partAt(f.offset());
                if (p == null || f.offset() + f.length() > p.bufferOffset() + p.length()) continue;
                int fo = p.frameOffset() + f.offset() - p.bufferOffset();
                out.computeIfAbsent(p.frame() + ":" + fo + ":" + f.abbrev(), k -> new ArrayList<>(1)).add(
                        new Agreement.Placed(new OurField(f.abbrev(), fo, f.length(), f.value(), f.display(),
                                f.source()), o.frame()));
            }
        }
        return out;
    }

    /** tshark's PDML for a capture, from the cache when it is newer than the capture, else by running tshark. */
    Path pdml(Path capture) throws IOException, InterruptedException {
        Path dir = pdmlCache != null ? pdmlCache : Files.createTempDirectory("fi-pdml");
        Files.createDirectories(dir);
        Path out = dir.resolve(capture.getFileName() + ".pdml");
        if (Files.isRegularFile(out) && Files.size(out) > 0
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(capture)) > 0) {
            return out;
        }
        Path tmp = dir.resolve(capture.getFileName() + ".pdml.tmp");
        Process p = new ProcessBuilder(tsharkCommand(capture)).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(tmp.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("tshark timed out on " + capture);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    public CaptureResult run(Path capture) throws IOException, InterruptedException {
        Agreement.Tally tally = new Agreement.Tally();
        List<Ours> ours = dissect(capture, tally);
        byte[][] frameBytes = frameBytes(capture, ours.size());
        Map<String, List<Agreement.Placed>> placed = placed(ours);
        Path pdml = pdml(capture);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(pdml), 1 << 16)) {
            PdmlParser.parse(in, pkt -> {
                int n = pkt.number();
                if (n < 1 || n > ours.size() || frameBytes[n - 1] == null) {
                    tally.note("tshark frame " + n + " has no counterpart in our reader");
                    return;
                }
                Ours o = ours.get(n - 1);
                for (Agreement.Outcome x : agreement.compare(pkt, frameBytes[n - 1], o.fields(), o.buffers(),
                        (fr, off, ab) -> placed.getOrDefault(fr + ":" + off + ":" + ab, List.of()))) {
                    tally.add(x);
                }
            });
        } catch (XMLStreamException e) {
            tally.note("PDML parse error: " + e.getMessage());
        }
        return new CaptureResult(capture.getFileName().toString(), tally);
    }

    private static byte[][] frameBytes(Path capture, int n) throws IOException {
        byte[][] out = new byte[n][];
        try (FrameSource fs = Inputs.open(capture, null).frames()) {
            for (int i = 0; i < Math.min(n, fs.size()); i++) out[i] = fs.frame(i).data();
        } catch (InputException | RuntimeException e) {
            List<Frame> fr = MiniCapture.read(capture);
            for (int i = 0; i < Math.min(n, fr.size()); i++) out[i] = fr.get(i).data();
        }
        return out;
    }

    public List<CaptureResult> runAll(Path dir) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(x -> x.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)$")).sorted().toList();
        }
        List<CaptureResult> out = new ArrayList<>();
        for (Path f : files) out.add(run(f));
        return out;
    }

    public static Agreement.Tally overall(List<CaptureResult> results) {
        Agreement.Tally all = new Agreement.Tally();
        for (CaptureResult r : results) all.addAll(r.tally());
        return all;
    }

    public static void print(List<CaptureResult> results, int top, PrintStream out) {
        for (CaptureResult r : results) {
            Agreement.Tally t = r.tally();
            out.println(line(r.name(), t));
            for (String n : t.notes()) out.println("    note: " + n);
            printTop(t, top, out);
        }
        Agreement.Tally all = overall(results);
        out.println();
        out.println(line("OVERALL (" + results.size() + " captures)", all));
        printTop(all, top, out);
    }

    /** "name  frame a/c p %  reassembled a/c p %  all a/c p %". */
    static String line(String name, Agreement.Tally t) {
        return String.format(Locale.ROOT, "%-46s frame %6d/%6d %7.2f %%  reassembled %5d/%5d %7.2f %%  all %6d/%6d %7.2f %%",
                name, t.frameAgreed(), t.frameCompared(), t.framePercent(), t.reassembledAgreed(),
                t.reassembledCompared(), t.reassembledPercent(), t.agreed(), t.compared(), t.percent())
                + (t.agreedInLaterFrame() > 0 ? "  (" + t.agreedInLaterFrame() + " missed here, decoded only in a later frame)" : "");
    }

    private static void printTop(Agreement.Tally t, int top, PrintStream out) {
        for (Map.Entry<String, Long> e : t.top(top)) {
            Agreement.Outcome ex = t.example(e.getKey());
            out.printf(Locale.ROOT, "    %6d x %-45s e.g. frame %d: tshark %s | ours %s%n", e.getValue(), e.getKey(),
                    ex.frame(), ex.tshark(), ex.ours());
        }
    }

    /** Parses "eth,ip,tcp" / "eth ip tcp" / "core" / "core,s7comm". */
    static Set<String> protocols(List<String> words) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words) {
            for (String p : w.split("[,\\s]+")) {
                if (p.isEmpty()) continue;
                if (p.equals("core")) out.addAll(Agreement.CORE);
                else out.add(p.toLowerCase(Locale.ROOT));
            }
        }
        if (out.isEmpty()) out.addAll(Agreement.CORE);
        return out;
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int top = 5;
        boolean failBelow99 = false, noCache = false;
        Mode mode = Mode.IN_ORDER;
        List<String> protos = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--captures" -> dir = Path.of(args[++i]);
                case "--top" -> top = Integer.parseInt(args[++i]);
                case "--fail-below-99" -> failBelow99 = true;
                case "--per-frame" -> mode = Mode.PER_FRAME;
                case "--no-cache" -> noCache = true;
                default -> protos.add(args[i]);
            }
        }
        if (dir == null) {
            String shared = System.getProperty("fi.shared", "../shared");
            dir = Path.of(shared, "captures");
        }
        if (!tsharkAvailable()) {
            System.err.println("tshark not found on PATH");
            System.exit(2);
        }
        Set<String> set = protocols(protos);
        System.out.println("Protocols: " + String.join(",", set) + "   mode: " + mode + "   captures: "
                + dir.toAbsolutePath().normalize());
        TsharkAgreement ta = new TsharkAgreement(set, mode);
        if (noCache) ta.pdmlCache(null);
        List<CaptureResult> results = ta.runAll(dir);
        print(results, top, System.out);
        if (failBelow99 && results.stream().anyMatch(r -> r.tally().percent() < 99.0)) System.exit(1);
    }
}
