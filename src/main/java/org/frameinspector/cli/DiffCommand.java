package org.frameinspector.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frameinspector.core.diff.DiffJson;
import org.frameinspector.core.diff.Difference;
import org.frameinspector.core.diff.FrameDiff;
import org.frameinspector.core.diff.FrameDiffer;
import org.frameinspector.core.diff.MaskSet;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", description = {
        "Compare two frames field by field (aligned by field path, not by offset).",
        "A and B are FILE or FILE#N (N = 1-based frame number, default 1); both may name the same file.",
        "Exit 0: no unmasked differences; 1: some; 2: unreadable input or no such frame."})
public final class DiffCommand implements Callable<Integer> {
    private static final Pattern FRAME_REF = Pattern.compile("(.+)#(\\d+)");

    @Parameters(index = "0", paramLabel = "A", description = "FILE or FILE#N")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "FILE or FILE#N")
    String b;

    @Option(names = "--mask", paramLabel = "ABBREV", description = "Also ignore this field (a trailing * makes it a prefix). Repeatable.")
    List<String> masks = new ArrayList<>();

    @Option(names = "--unmask", paramLabel = "ABBREV", description = "Stop ignoring this field or prefix. Repeatable.")
    List<String> unmasks = new ArrayList<>();

    @Option(names = "--no-default-masks", description = "Do not ignore TTL, IP ID, checksums, sequence numbers, windows, timestamps.")
    boolean noDefaultMasks;

    @Option(names = "--show-masked", description = "List masked differences too.")
    boolean showMasked;

    @Option(names = "--json", description = "Print a JSON document.")
    boolean json;

    @Option(names = "--starts-at", paramLabel = "LAYER", description = "Where dumps start: eth, llc, ip, ipv6, tpkt, cotp (default: detected).")
    String startsAt;

    @Spec
    CommandSpec spec;

    /** A loaded frame and the label it is shown with. */
    record Ref(String label, Frame frame) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MaskSet m = noDefaultMasks ? MaskSet.none() : MaskSet.defaults();
        Ref ra, rb;
        try {
            for (String x : masks) m.add(x);
            for (String x : unmasks) m.remove(x);
            if (startsAt != null) org.frameinspector.core.protocols.Protocols.linkTypeFor(startsAt);
            ra = load(a);
            rb = load(b);
        } catch (InputException | IllegalArgumentException e) {
            err.println("frame-inspector: " + e.getMessage());
            return 2;
        }
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        Dissection da = fd.dissect(ra.frame(), startsAt, null), db = fd.dissect(rb.frame(), startsAt, null);
        FrameDiff d = new FrameDiffer(m, fd).diff(da, db);
        if (json) {
            out.println(DiffJson.document(ra.label(), rb.label(), d));
        } else {
            out.println("A: " + ra.label() + " (" + ra.frame().capturedLength() + " bytes)");
            out.println("B: " + rb.label() + " (" + rb.frame().capturedLength() + " bytes)");
            for (Difference x : d.differences()) {
                if (x.masked() && !showMasked) continue;
                out.println(line(x));
            }
            out.println(d.summary());
        }
        out.flush();
        return d.identical() ? 0 : 1;
    }

    static String line(Difference x) {
        String kind = switch (x.kind()) {
            case CHANGED -> "changed  ";
            case ONLY_IN_A -> "only in A";
            case ONLY_IN_B -> "only in B";
        };
        StringBuilder sb = new StringBuilder();
        sb.append(x.masked() ? "  (masked) " : "  ").append(kind).append("  ").append(x.path()).append("  ");
        sb.append(range(x.aSource(), x.aOffset(), x.aLength())).append(" / ").append(range(x.bSource(), x.bOffset(), x.bLength()));
        sb.append("  ");
        switch (x.kind()) {
            case CHANGED -> sb.append(x.aDisplay()).append(" -> ").append(x.bDisplay());
            case ONLY_IN_A -> sb.append(x.aDisplay() == null ? "" : x.aDisplay());
            case ONLY_IN_B -> sb.append(x.bDisplay() == null ? "" : x.bDisplay());
        }
        return sb.toString().stripTrailing();
    }

    private static String range(String source, int off, int len) {
        if (off < 0) return "-";
        String r = String.format("0x%04x+%d", off, len);
        return source == null || source.equals("frame") ? r : source + ":" + r;
    }

    Ref load(String spec) throws InputException {
        String file = spec;
        String number = "1";
        Matcher mt = FRAME_REF.matcher(spec);
        if (!Files.exists(Path.of(spec)) && mt.matches()) {
            file = mt.group(1);
            number = mt.group(2);
        }
        Loaded l = Inputs.open(Path.of(file), startsAt);
        try {
            int size = l.frames().size();
            // a number of any length is compared as a number: "#99999999999999999999" is simply no such frame
            java.math.BigInteger n = new java.math.BigInteger(number);
            if (n.signum() < 1 || n.compareTo(java.math.BigInteger.valueOf(size)) > 0) {
                throw new IllegalArgumentException(file + ": no frame " + n + " (" + size + " frame" + (size == 1 ? "" : "s") + ")");
            }
            return new Ref(file + "#" + n, l.frames().frame(n.intValue() - 1));
        } finally {
            l.frames().close();
        }
    }
}
