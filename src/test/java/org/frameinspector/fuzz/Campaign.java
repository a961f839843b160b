package org.frameinspector.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.protocols.Protocols;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.capture.CaptureFiles;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.stream.Conversations;

/**
 * Runs seeded mutation campaigns against every target. Input {@code i} of target {@code t} is a pure function of
 * (seed, t, i), so a failure report names everything needed to regenerate it; the input is also saved to the
 * failure folder. Each input runs on a worker thread watched for hangs.
 */
final class Campaign {
    enum Target { FRAME, STREAM, DUMP, CAPTURE, FILTER, CLI }

    /** One failure: target, index, reason and the saved input. */
    record Failure(Target target, long index, String reason, Path saved) {
        @Override
        public String toString() {
            return target + " #" + index + ": " + reason + (saved == null ? "" : " [" + saved + "]");
        }
    }

    /**
     * A generated input: bytes to save, extension, and the work to run. A heavy input (a lone frame of thousands of
     * TPDUs whose exports are all checked: megabytes of linear output) gets the time limit of a whole capture.
     */
    private record Input(byte[] bytes, String ext, String note, Work work, boolean heavy) {
        Input(byte[] bytes, String ext, String note, Work work) {
            this(bytes, ext, note, work, false);
        }
    }

    @FunctionalInterface
    private interface Work {
        long run() throws Exception;
    }

    final long seed;
    final Path failDir;
    final long timeoutMs;
    final Seeds seeds = Seeds.get();
    final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> signatures = Collections.synchronizedSet(new HashSet<>());
    final AtomicLong[] inputs = new AtomicLong[Target.values().length];
    final AtomicLong[] units = new AtomicLong[Target.values().length];
    final AtomicLong exportsChecked = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    private volatile boolean hung;
    private final List<List<Frame>> captureFrames = new ArrayList<>();
    private final List<Dissection> filterTargets = new ArrayList<>();
    private final List<String> fieldNames;
    private final List<Seeds.FrameSeed> markupSeeds = new ArrayList<>();

    Campaign(long seed, Path failDir, long timeoutMs) {
        this.seed = seed;
        this.failDir = failDir;
        this.timeoutMs = timeoutMs;
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new AtomicLong();
            units[i] = new AtomicLong();
        }
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        for (Seeds.CaptureSeed c : seeds.captures) {
            List<Frame> fs = new ArrayList<>();
            try (FrameSource s = CaptureFiles.read(c.data())) {
                for (int i = 0; i < s.size(); i++) fs.add(s.frame(i));
            } catch (InputException e) {
                throw new IllegalStateException(c.name() + ": " + e.getMessage());
            }
            captureFrames.add(fs);
            for (int i = 0; i < Math.min(3, fs.size()); i++) filterTargets.add(fd.dissect(fs.get(i)));
        }
        List<String> names = new ArrayList<>(org.frameinspector.core.filter.FieldRegistry.standard().fields());
        names.addAll(seeds.abbrevs);
        names.addAll(org.frameinspector.core.filter.FieldRegistry.standard().protocols());
        fieldNames = names;
        for (Seeds.FrameSeed f : seeds.frames) if ("tpkt".equals(f.startsAt()) || "cotp".equals(f.startsAt())) markupSeeds.add(f);
    }

    long inputs(Target t) {
        return inputs[t.ordinal()].get();
    }

    long units(Target t) {
        return units[t.ordinal()].get();
    }

    boolean hung() {
        return hung;
    }

    /** Runs inputs [from, to) of target t on {@code threads} workers; returns false when a worker hung. */
    boolean run(Target t, long from, long to, int threads) throws InterruptedException {
        // a lone frame or filter gets timeoutMs; inputs holding a whole capture or dump (hundreds of frames,
        // exports of all of them) get ten times that
        long limit = t == Target.FRAME || t == Target.FILTER ? timeoutMs : 10 * timeoutMs;
        List<Thread> ws = new ArrayList<>();
        long[] current = new long[threads];
        long[] startedAt = new long[threads];
        Input[] cur = new Input[threads];
        for (int k = 0; k < threads; k++) {
            int slot = k;
            current[k] = -1;
            Thread w = new Thread(() -> {
                for (long i = from + slot; i < to && !hung; i += threads) {
                    Input in;
                    try {
                        in = make(t, i);
                    } catch (Throwable e) {
                        fail(t, i, null, "generator bug: " + e, e);
                        continue;
                    }
                    synchronized (current) {
                        cur[slot] = in;
                        current[slot] = i;
                        startedAt[slot] = System.nanoTime();
                    }
                    try {
                        long u = in.work().run();
                        units[t.ordinal()].addAndGet(u);
                    } catch (Checks.Broken b) {
                        fail(t, i, in, b.getMessage(), null);
                    } catch (Throwable e) {
                        fail(t, i, in, "uncaught " + e, e);
                    }
                    inputs[t.ordinal()].incrementAndGet();
                    synchronized (current) {
                        current[slot] = -1;
                    }
                }
            }, "fuzz-" + t + "-" + k);
            w.setDaemon(true);
            ws.add(w);
            w.start();
        }
        while (true) {
            boolean alive = false;
            for (Thread w : ws) {
                w.join(100);
                alive |= w.isAlive();
            }
            if (!alive) return true;
            synchronized (current) {
                for (int k = 0; k < threads; k++) {
                    long lim = cur[k] != null && cur[k].heavy() ? 10 * timeoutMs : limit;
                    if (current[k] >= 0 && System.nanoTime() - startedAt[k] > lim * 1_000_000L) {
                        hung = true;
                        fail(t, current[k], cur[k], "hang: still running after " + lim + " ms", null);
                        current[k] = -1;
                    }
                }
            }
            if (hung) return false;
        }
    }

    private void fail(Target t, long i, Input in, String reason, Throwable e) {
        String sig = t + ":" + reason.replaceAll("[0-9]+", "#");
        if (e != null) {
            StackTraceElement[] st = e.getStackTrace();
            if (st.length > 0) sig += "@" + st[0];
        }
        boolean first = signatures.add(sig);
        Path saved = null;
        if (first && in != null && failDir != null) {
            try {
                Files.createDirectories(failDir);
                saved = failDir.resolve(t.name().toLowerCase() + "-" + Long.toHexString(seed) + "-" + i + "." + in.ext());
                Files.write(saved, in.bytes());
                StringWriter sw = new StringWriter();
                sw.append(t + " #" + i + " seed " + seed + "\n" + in.note() + "\n" + reason + "\n");
                if (e != null) e.printStackTrace(new PrintWriter(sw));
                Files.writeString(failDir.resolve(saved.getFileName() + ".why"), sw.toString());
            } catch (IOException io) {
                // the report still names the seed and index
            }
        }
        if (first || failures.size() < 200) failures.add(new Failure(t, i, reason + (e == null ? "" : at(e)), saved));
    }

    private static String at(Throwable e) {
        for (StackTraceElement s : e.getStackTrace()) {
            if (s.getClassName().startsWith("org.frameinspector") && !s.getClassName().contains(".fuzz.")) return " at " + s;
        }
        return "";
    }

    static long mix(long seed, int target, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + target * 0xBF58476D1CE4E5B9L + i * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ input generators

    private Input make(Target t, long i) throws IOException {
        SplittableRandom r = new SplittableRandom(mix(seed, t.ordinal(), i));
        return switch (t) {
            case FRAME -> frameInput(r);
            case STREAM -> streamInput(r);
            case DUMP -> dumpInput(r);
            case CAPTURE -> captureInput(r, i);
            case FILTER -> filterInput(r);
            case CLI -> cliInput(r, i);
        };
    }

    private Input frameInput(SplittableRandom r) {
        if (r.nextInt(32) == 0) return hostileFrameInput(r);
        boolean markup = r.nextInt(16) == 0 && !markupSeeds.isEmpty();
        Seeds.FrameSeed s = markup ? markupSeeds.get(r.nextInt(markupSeeds.size()))
                : seeds.frames.get(r.nextInt(seeds.frames.size()));
        byte[] b = Mutators.mutateFrame(r, s, seeds.frames);
        if (markup) {
            // markup for the HTML oracle, or what a terminal acts on for the text oracles (issue 18 item 10)
            byte[] m = (r.nextInt(3) == 0 ? Hostile.terminal(r) : Mutators.MARKUP[r.nextInt(Mutators.MARKUP.length)])
                    .getBytes(StandardCharsets.ISO_8859_1);
            b = Mutators.insert(b, b.length == 0 ? 0 : r.nextInt(b.length), m);
        }
        String start;
        int lt;
        if (r.nextInt(10) < 6) {
            start = s.startsAt();
            lt = s.linkType();
        } else {
            start = Seeds.START_LAYERS.get(r.nextInt(Seeds.START_LAYERS.size()));
            lt = Protocols.linkTypeFor(start);
        }
        boolean exports = markup ? r.nextInt(4) == 0 : r.nextInt(256) == 0;
        byte[] data = b;
        String st = start;
        int link = lt;
        return new Input(data, (st == null ? "lt" + lt : st) + ".bin", "start " + st + " linktype " + lt + " from " + s.origin(), () -> {
            Dissection d = Checks.frame(data, link, st);
            if (exports) {
                Checks.exports(List.of(d), null, data.length % 2 == 0);
                exportsChecked.incrementAndGet();
            }
            return 1;
        });
    }

    /**
     * A frame of issue 18's hostile classes (many TPDUs up to 64 KB, a lying TPKT length or COTP LI 0/255, an RDP
     * cookie with terminal sequences), as generated or mutated; one in four with every export checked.
     */
    private Input hostileFrameInput(SplittableRandom r) {
        Seeds.FrameSeed s = Hostile.frame(r);
        byte[] data = r.nextBoolean() ? s.data() : Mutators.mutateFrame(r, s, seeds.frames);
        // every export of a 64 KB frame of 9,000 TPDUs is tens of megabytes of text, over 20 s on a loaded machine:
        // those are dissected only (tools/hostile-repro.sh times their exports); 1 in 4 of the rest are exported
        boolean exports = data.length <= 16_384 && r.nextInt(4) == 0, ascii = r.nextBoolean();
        String st = s.startsAt();
        int link = s.linkType();
        return new Input(data, (st == null ? "lt" + link : st) + ".bin", "start " + st + " linktype " + link + " from "
                + s.origin(), () -> {
            Dissection d = Checks.frame(data, link, st);
            if (exports) {
                Checks.exports(List.of(d), null, ascii);
                exportsChecked.incrementAndGet();
            }
            return 1;
        }, exports);
    }

    private Input streamInput(SplittableRandom r) throws IOException {
        if (r.nextInt(50) == 0) { // many connections, past the live-connection limit now and then (item 6)
            // past the limit (131,072 since the idle-timeout table) only now and then: such an input is 130,000 frames
            int n = r.nextInt(32) == 0 ? Conversations.MAX_LIVE_CONNECTIONS + 1 + r.nextInt(1000) : 1 + r.nextInt(2000);
            List<Frame> many = Hostile.manyConnections(r, n);
            return new Input(pcapOf(many.subList(0, Math.min(many.size(), 50))), "pcapng", n + " connections of one CR each"
                    + " (saved: the first 50; regenerate from the seed and index)", () -> {
                Checks.stream(many, null);
                return n;
            });
        }
        List<Frame> src = captureFrames.get(r.nextInt(captureFrames.size()));
        int from = r.nextInt(src.size());
        int n = Math.min(src.size() - from, 1 + r.nextInt(48));
        List<Frame> out = new ArrayList<>();
        int mutated = 0;
        for (int k = 0; k < n; k++) {
            Frame f = src.get(from + k);
            int op = r.nextInt(20);
            if (op < 6) {
                byte[] b = Mutators.mutateFrame(r, new Seeds.FrameSeed("s", f.data(), f.linkType(), null, List.of()), seeds.frames);
                out.add(new Frame(out.size() + 1, b, f.originalLength(), f.timestampNanos(), f.linkType(), 0, null));
                mutated++;
            } else if (op == 6 && !out.isEmpty()) { // retransmission / reorder
                out.add(out.get(r.nextInt(out.size())).withNumber(out.size() + 1));
                out.add(f.withNumber(out.size() + 1));
            } else if (op == 7) {
                continue; // lost frame
            } else {
                out.add(f.withNumber(out.size() + 1));
            }
        }
        if (mutated == 0 && !out.isEmpty()) {
            int k = r.nextInt(out.size());
            Frame f = out.get(k);
            out.set(k, new Frame(f.number(), Mutators.mutateFrame(r, new Seeds.FrameSeed("s", f.data(), f.linkType(), null,
                    List.of()), seeds.frames), f.originalLength(), f.timestampNanos(), f.linkType(), 0, null));
        }
        byte[] file = pcapOf(out);
        long count = out.size();
        return new Input(file, "pcapng", "stream of " + count + " frames", () -> {
            Checks.stream(out, null);
            return count;
        });
    }

    private Input dumpInput(SplittableRandom r) {
        String text;
        String note;
        int kind = r.nextInt(40);
        if (kind == 0) { // a one-line dump of many DTs (item 5)
            text = Hostile.manyTpduDump(r);
            if (r.nextBoolean()) text = Mutators.mutateDump(r, text);
            note = "one line of many DTs";
        } else if (kind == 1) { // a hostile frame rendered as a dump, then mutated
            Seeds.FrameSeed s = Hostile.frame(r);
            text = Mutators.mutateDump(r, Mutators.renderDump(r, s.data()));
            note = "rendered from " + s.origin();
        } else if (r.nextInt(10) < 7) {
            Seeds.DumpSeed d = seeds.dumps.get(r.nextInt(seeds.dumps.size()));
            text = Mutators.mutateDump(r, d.text());
            note = "from " + d.name();
        } else {
            Seeds.FrameSeed s = seeds.frames.get(r.nextInt(seeds.frames.size()));
            byte[] b = r.nextBoolean() ? Mutators.mutateFrame(r, s, seeds.frames) : s.data();
            text = Mutators.mutateDump(r, Mutators.renderDump(r, b));
            note = "rendered from " + s.origin();
        }
        // a dump of thousands of TPDUs is dissected only (its exports are the heavy frames of hostileFrameInput)
        boolean exports = r.nextInt(16) == 0 && kind != 0;
        String t = text;
        return new Input(t.getBytes(StandardCharsets.UTF_8), "txt", note, () -> {
            int n = Checks.dump(t, exports);
            if (n == 0) refused.incrementAndGet();
            if (exports) exportsChecked.incrementAndGet();
            return 1;
        });
    }

    private Input captureInput(SplittableRandom r, long i) throws IOException {
        int k = r.nextInt(captureFrames.size());
        Seeds.CaptureSeed c = seeds.captures.get(k);
        int kind = r.nextInt(8);
        if (kind == 0 && !captureFrames.get(k).isEmpty()) { // one damaged pcapng block after good packets (item 11)
            Hostile.Damaged dm = Hostile.damagedPcapng(r, captureFrames.get(k));
            List<Frame> want = captureFrames.get(k).subList(0, dm.kept());
            return new Input(dm.file(), "pcapng", dm.how() + " from " + c.name(), () -> {
                Checks.damaged(dm.file(), want);
                return 1;
            });
        }
        boolean commented = kind == 1 && !captureFrames.get(k).isEmpty();
        byte[] made;
        if (commented) { // hostile frame comments: deep notes, terminal sequences (items 4 and 10)
            made = Hostile.commentedPcapng(r, captureFrames.get(k));
            if (r.nextInt(4) == 0) made = Mutators.mutateCapture(r, made, seeds);
        } else {
            made = Mutators.mutateCapture(r, c.data(), seeds);
        }
        byte[] file = made;
        boolean viaPath = r.nextInt(4) == 0;
        boolean exports = r.nextInt(8) == 0;
        return new Input(file, c.name().endsWith("ng") || commented ? "pcapng" : "pcap", (commented ? "commented copy of "
                : "from ") + c.name(), () -> {
            Path tmp = null;
            if (viaPath) tmp = Files.createTempFile("fuzz-cap", ".bin");
            try {
                int n = Checks.capture(file, tmp, exports);
                if (n == 0) refused.incrementAndGet();
                if (exports) exportsChecked.incrementAndGet();
            } finally {
                if (tmp != null) Files.deleteIfExists(tmp);
            }
            return 1;
        });
    }

    private Input filterInput(SplittableRandom r) {
        String f = r.nextInt(16) == 0 ? Hostile.deepFilter(r, fieldNames.get(r.nextInt(fieldNames.size())))
                : Mutators.randomFilter(r, fieldNames);
        return new Input(f.getBytes(StandardCharsets.UTF_8), "filter.txt", "display filter", () -> {
            Checks.filter(f, filterTargets);
            return 1;
        });
    }

    private Input cliInput(SplittableRandom r, long i) throws IOException {
        byte[] file;
        String ext;
        String from;
        int kind = r.nextInt(8);
        if (kind < 3) {
            Seeds.CaptureSeed c = seeds.captures.get(r.nextInt(seeds.captures.size()));
            file = r.nextInt(4) == 0 ? c.data() : Mutators.mutateCapture(r, c.data(), seeds);
            ext = "pcap";
            from = c.name();
        } else if (kind == 3) { // hostile comments or a damaged block (items 4, 10, 11)
            int k = r.nextInt(captureFrames.size());
            if (captureFrames.get(k).isEmpty()) k = 0;
            file = r.nextBoolean() ? Hostile.commentedPcapng(r, captureFrames.get(k))
                    : Hostile.damagedPcapng(r, captureFrames.get(k)).file();
            ext = "pcapng";
            from = "hostile pcapng of " + seeds.captures.get(k).name();
        } else {
            String text;
            if (kind == 4) {
                Seeds.FrameSeed s = Hostile.frame(r);
                text = Mutators.renderDump(r, s.data());
                if (r.nextBoolean()) text = Mutators.mutateDump(r, text);
                from = s.origin();
            } else {
                Seeds.DumpSeed d = seeds.dumps.get(r.nextInt(seeds.dumps.size()));
                text = Mutators.mutateDump(r, d.text());
                from = d.name();
            }
            // what PowerShell '>' writes (item 12), else bytes as they are
            file = r.nextInt(8) == 0 ? ("\uFEFF" + text).getBytes(r.nextBoolean() ? StandardCharsets.UTF_16LE
                    : StandardCharsets.UTF_16BE) : text.getBytes(StandardCharsets.ISO_8859_1);
            ext = "txt";
        }
        String sidecar = r.nextInt(6) == 0 ? Hostile.sidecar(r) : null; // items 3 and 4: never changed by the CLI
        List<String> args = new ArrayList<>();
        String cmd = List.of("dissect", "check", "bytes", "export", "conversations", "diff", "fix").get(r.nextInt(7));
        args.add(cmd);
        String outName = null;
        boolean sameOut = false;
        switch (cmd) {
            case "dissect" -> { if (r.nextBoolean()) args.add("--json"); }
            case "check" -> { if (r.nextBoolean()) args.add("-q"); }
            case "bytes" -> { if (r.nextBoolean()) args.add("-v"); }
            case "export", "fix" -> {
                args.add("--format");
                args.add((cmd.equals("fix") ? List.of("hex", "pcap", "pcapng")
                        : List.of("text", "html", "md", "json", "pcap", "pcapng")).get(r.nextInt(cmd.equals("fix") ? 3 : 6)));
                outName = "out";
                if (cmd.equals("export") && r.nextInt(3) == 0) args.add("--only-findings");
                if (cmd.equals("export") && r.nextInt(3) == 0) args.add("--ascii");
                if (r.nextInt(3) == 0) {
                    args.add("--frames");
                    args.add(List.of("1", "1-3", "2,4-", "0", "5-2", "x", "1,,2", "-", "99999999999", "2147483647")
                            .get(r.nextInt(10)));
                }
                sameOut = r.nextInt(10) == 0; // item 1: -o naming the input is refused, the input kept
            }
            case "diff" -> {
                if (r.nextBoolean()) args.add("--json");
                for (int k = 0; k < 2; k++) {
                    args.add("@IN" + List.of("", "#1", "#2", "#0", "#-1", "#99999999999999999999", "#2147483647", "#x")
                            .get(r.nextInt(8)));
                }
            }
            default -> { if (r.nextBoolean()) args.add("--json"); }
        }
        if (!cmd.equals("bytes") && !cmd.equals("conversations") && !cmd.equals("fix") && !cmd.equals("diff")
                && r.nextInt(3) == 0) {
            args.add("-Y");
            args.add(r.nextInt(8) == 0 ? Hostile.deepFilter(r, fieldNames.get(r.nextInt(fieldNames.size())))
                    : Mutators.randomFilter(r, fieldNames));
        }
        if (r.nextInt(4) == 0) {
            args.add("--starts-at");
            args.add(Seeds.START_LAYERS.get(r.nextInt(Seeds.START_LAYERS.size())));
        }
        String o = outName;
        boolean same = sameOut;
        String fmt = args.contains("--format") ? args.get(args.indexOf("--format") + 1) : null;
        return new Input(file, ext, "cli " + String.join(" ", args) + (same ? " -o <the input>" : "") + " on " + from
                + (ext.equals("txt") && file.length > 1 && (file[0] == (byte) 0xFE || file[0] == (byte) 0xFF) ? " (UTF-16)" : "")
                + (sidecar == null ? "" : " with a hostile sidecar"), () -> {
            Path dir = Files.createTempDirectory("fuzz-cli");
            try {
                Path in = dir.resolve("in." + ext);
                Files.write(in, file);
                Path sc = org.frameinspector.core.notes.NotesFiles.sidecar(in);
                if (sidecar != null) Files.writeString(sc, sidecar);
                List<String> a = new ArrayList<>();
                for (String x : args) a.add(x.startsWith("@IN") ? in + x.substring(3) : x);
                Path out = o == null ? null : same ? in : dir.resolve(o);
                if (out != null) {
                    a.add("-o");
                    a.add(out.toString());
                }
                if (!cmd.equals("diff")) a.add(in.toString());
                int rc = Checks.cli(a.toArray(new String[0]));
                Checks.require(java.util.Arrays.equals(Files.readAllBytes(in), file), "the input was changed by: " + a);
                if (sidecar != null) {
                    Checks.require(Files.exists(sc) && Files.readString(sc).equals(sidecar), "the sidecar was changed by: " + a);
                }
                if (same) Checks.require(rc == 2, "-o naming the input exits " + rc + ", not 2: " + a);
                try (var s = Files.list(dir)) {
                    for (Path p : s.toList()) {
                        Checks.require(p.equals(in) || p.equals(sc) || p.equals(out), "left behind: " + p.getFileName()
                                + " by " + a);
                    }
                }
                if (out != null && !same && Files.exists(out) && List.of("text", "md", "hex").contains(fmt)) {
                    Checks.terminalSafe(fmt + " output file", new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
                }
            } finally {
                try (var s = Files.list(dir)) {
                    for (Path p : s.toList()) Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            }
            return 1;
        });
    }

    /** A pcapng of frames (kept as the saved form of a stream input; linktype per interface). */
    static byte[] pcapOf(List<Frame> frames) throws IOException {
        java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
        List<Dissection> ds = new ArrayList<>();
        for (Frame f : frames) ds.add(new Dissection(f));
        org.frameinspector.core.export.Exporter.write(org.frameinspector.core.export.Exporter.Format.PCAPNG, ds, null,
                new org.frameinspector.core.export.Exporter.Options(false), bo);
        return bo.toByteArray();
    }

    String summary() {
        StringBuilder sb = new StringBuilder();
        for (Target t : Target.values()) {
            sb.append(String.format("%-8s inputs %,12d  units %,12d%n", t, inputs(t), units(t)));
        }
        sb.append(String.format("exports checked %,d; inputs refused with a reason %,d; failures %d%n",
                exportsChecked.get(), refused.get(), failures.size()));
        return sb.toString();
    }
}
