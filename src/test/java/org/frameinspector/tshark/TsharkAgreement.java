package org.frameinspector.tshark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.input.FrameSource;
import org.frameinspector.core.input.InputException;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;

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

    private final Agreement agreement;
    private final FrameDissector dissector;

    public TsharkAgreement(Set<String> protocols) {
        this.agreement = new Agreement(protocols);
        this.dissector = FrameDissector.standard();
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

    /** Frames of a capture via the product's reader, or via {@link MiniCapture} when that is not available. */
    static List<Frame> frames(Path capture, Agreement.Tally tally) throws IOException {
        try (FrameSource fs = Inputs.open(capture, null).frames()) {
            List<Frame> out = new ArrayList<>(fs.size());
            for (int i = 0; i < fs.size(); i++) out.add(fs.frame(i));
            return out;
        } catch (InputException | RuntimeException e) {
            tally.note("product capture reader unavailable (" + e.getMessage() + "); used the tool's fallback reader");
            return MiniCapture.read(capture);
        }
    }

    public CaptureResult run(Path capture) throws IOException, InterruptedException {
        Agreement.Tally tally = new Agreement.Tally();
        List<Frame> frames = frames(capture, tally);
        Process p = new ProcessBuilder(tsharkCommand(capture)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (InputStream in = new BufferedInputStream(p.getInputStream(), 1 << 16)) {
            PdmlParser.parse(in, pkt -> {
                int n = pkt.number();
                if (n < 1 || n > frames.size()) {
                    tally.note("tshark frame " + n + " has no counterpart in our reader");
                    return;
                }
                Frame f = frames.get(n - 1);
                List<OurField> ours;
                try {
                    Dissection d = dissector.dissect(f);
                    ours = OurField.inFrame(d);
                } catch (RuntimeException e) {
                    tally.note("frame " + n + ": our dissector threw " + e);
                    ours = List.of();
                }
                for (Agreement.Outcome o : agreement.compare(pkt, f.data(), ours)) tally.add(o);
            });
        } catch (XMLStreamException e) {
            tally.note("PDML parse error: " + e.getMessage());
        } finally {
            if (!p.waitFor(10, TimeUnit.MINUTES)) p.destroyForcibly();
        }
        return new CaptureResult(capture.getFileName().toString(), tally);
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
            out.printf(Locale.ROOT, "%-50s compared %7d  agreed %7d  %7.2f %%%n", r.name(), t.compared(), t.agreed(),
                    t.percent());
            for (String n : t.notes()) out.println("    note: " + n);
            printTop(t, top, out);
        }
        Agreement.Tally all = overall(results);
        out.printf(Locale.ROOT, "%nOVERALL %d captures: compared %d, agreed %d, %.2f %%%n", results.size(),
                all.compared(), all.agreed(), all.percent());
        printTop(all, top, out);
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
        boolean failBelow99 = false;
        List<String> protos = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--captures" -> dir = Path.of(args[++i]);
                case "--top" -> top = Integer.parseInt(args[++i]);
                case "--fail-below-99" -> failBelow99 = true;
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
        System.out.println("Protocols: " + String.join(",", set) + "   captures: " + dir.toAbsolutePath().normalize());
        List<CaptureResult> results = new TsharkAgreement(set).runAll(dir);
        print(results, top, System.out);
        if (failBelow99 && overall(results).percent() < 99.0) System.exit(1);
    }
}
