package org.frameinspector.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.frameinspector.TestFiles;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.input.capture.CaptureFiles;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;

/**
 * The seed material of every campaign: frames (from the seed dump, every shared capture and every corpus dump, plus
 * their upper-layer slices so a "tpkt" or "cotp" start sees real TPKT/COTP bytes), the corpus dump texts and the
 * capture files themselves. Each frame seed remembers where its length fields are so the mutator can set them to
 * 0/1/max.
 */
final class Seeds {
    /** A length-like field of a seed frame: byte offset, byte length, bit mask (0 = whole bytes). */
    record LenField(String abbrev, int offset, int length, long mask) {
    }

    /** A frame to mutate: its bytes, link type and start layer (null = by link type). */
    record FrameSeed(String origin, byte[] data, int linkType, String startsAt, List<LenField> lengths) {
    }

    record CaptureSeed(String name, byte[] data) {
    }

    record DumpSeed(String name, String text) {
    }

    /** The start layers a dump can be given (--starts-at). */
    static final List<String> START_LAYERS = List.of("eth", "llc", "ip", "ipv6", "tpkt", "cotp", "sll", "sll2", "raw");

    private static final Pattern LENGTHY = Pattern.compile(
            "(?i).*(len|length|\\.li|hdr_len|offset|size|count|num|ihl|_ptr|\\.n$).*");

    final List<FrameSeed> frames = new ArrayList<>();
    final List<CaptureSeed> captures = new ArrayList<>();
    final List<DumpSeed> dumps = new ArrayList<>();
    final Set<String> abbrevs = new java.util.TreeSet<>();

    private static Seeds instance;

    static synchronized Seeds get() {
        if (instance == null) instance = load();
        return instance;
    }

    private static Seeds load() {
        Seeds s = new Seeds();
        try {
            FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
            Set<String> seen = new HashSet<>();
            List<Path> caps;
            try (var st = Files.list(TestFiles.captures())) {
                caps = st.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
            }
            for (Path p : caps) {
                byte[] all = Files.readAllBytes(p);
                s.captures.add(new CaptureSeed(p.getFileName().toString(), all));
                try (FrameSource fs = CaptureFiles.read(all)) {
                    for (int i = 0; i < fs.size(); i++) {
                        Frame f = fs.frame(i);
                        s.addFrame(fd, p.getFileName() + "#" + (i + 1), f.data(), f.linkType(), null, seen);
                    }
                }
            }
            List<Path> texts = new ArrayList<>();
            texts.add(TestFiles.seed());
            for (String c : List.of("hexdump", "hexdump-real")) {
                try (var st = Files.list(TestFiles.corpus(c))) {
                    st.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(texts::add);
                }
            }
            // the paste corpus of this repo (issues 16 and 18): dumps from tools, logs, mails, chats and debuggers
            try (var in = Seeds.class.getResourceAsStream("/paste/manifest.jsonl")) {
                if (in != null) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        int a = line.indexOf("\"file\": \"");
                        if (a < 0) continue;
                        String name = line.substring(a + 9, line.indexOf('"', a + 9));
                        try (var f = Seeds.class.getResourceAsStream("/paste/" + name)) {
                            if (f != null) s.dumps.add(new DumpSeed("paste/" + name, Inputs.decode(f.readAllBytes())));
                        }
                    }
                }
            }
            for (Path p : texts) {
                String text = Files.readString(p, StandardCharsets.ISO_8859_1);
                s.dumps.add(new DumpSeed(p.getFileName().toString(), text));
                Loaded in;
                try {
                    in = Inputs.fromText(p.getFileName().toString(), text, null);
                } catch (InputException e) {
                    continue;
                }
                try (FrameSource fs = in.frames()) {
                    for (int i = 0; i < fs.size(); i++) {
                        Frame f = fs.frame(i);
                        String start = in.startLayer();
                        s.addFrame(fd, p.getFileName() + "#" + (i + 1), f.data(), f.linkType(),
                                start != null && START_LAYERS.contains(start) ? start : null, seen);
                    }
                }
            }
        } catch (IOException | InputException e) {
            throw new IllegalStateException("cannot load fuzz seeds: " + e, e);
        }
        return s;
    }

    private void addFrame(FrameDissector fd, String origin, byte[] data, int linkType, String startsAt, Set<String> seen) {
        if (!seen.add(linkType + "/" + startsAt + "/" + Arrays.hashCode(data) + "/" + data.length)) return;
        Dissection d = fd.dissect(Frame.of(1, data, linkType), startsAt, null);
        frames.add(new FrameSeed(origin, data, linkType, startsAt, lengthFields(d)));
        // upper-layer slices: the same bytes seen from a start layer further up the stack
        for (Layer l : d.layers()) {
            if (!l.source().equals(DataSource.FRAME) || l.offset() <= 0 || l.offset() >= data.length) continue;
            String name = switch (l.protocol()) {
                case "ip", "ipv6", "tpkt", "cotp", "llc" -> l.protocol();
                default -> null;
            };
            if (name == null) continue;
            byte[] slice = Arrays.copyOfRange(data, l.offset(), data.length);
            if (!seen.add("0/" + name + "/" + Arrays.hashCode(slice) + "/" + slice.length)) continue;
            Dissection ds = fd.dissect(Frame.of(1, slice, Protocols.linkTypeFor(name)), name, null);
            frames.add(new FrameSeed(origin + "@" + name, slice, Protocols.linkTypeFor(name), name, lengthFields(ds)));
        }
    }

    private List<LenField> lengthFields(Dissection d) {
        List<LenField> out = new ArrayList<>();
        int n = d.frame().capturedLength();
        d.forEachField(f -> {
            if (f.inFrame()) abbrevs.add(f.abbrev());
            if (isLength(f) && f.offset() >= 0 && f.end() <= n) {
                out.add(new LenField(f.abbrev(), f.offset(), f.length(), f.bitmask()));
            }
        });
        return out;
    }

    private static boolean isLength(Field f) {
        return f.inFrame() && f.length() >= 1 && f.length() <= 4 && f.abbrev() != null
                && LENGTHY.matcher(f.abbrev()).matches();
    }
}
