package org.frameinspector.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.frameinspector.core.input.capture.CaptureIndex;
import org.frameinspector.core.input.capture.SharedCaptures;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tshark as the independent reader: (1) the shared captures, merged by mergecap, read by tshark give the same frames
 * as our reader; (2) one pcapng with every frame of every shared capture (one interface per file, comments on some
 * frames) and one pcap (ns) per link type, written by us, read by tshark give the same bytes, lengths, timestamps,
 * interfaces and comments.
 */
class TsharkReadsWhatWeWriteTest {
    @TempDir
    Path tmp;

    record TFrame(int len, int capLen, long epochNanos, int iface, String comment, byte[] data) {
    }

    private static boolean has(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(cmd.toString()).isTrue();
        assertThat(p.exitValue()).as(cmd.toString()).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Frame bytes from `tshark -x`: the first (or "Frame (n bytes):") hex block of each packet. */
    static List<byte[]> hexBlocks(String text) {
        List<byte[]> frames = new ArrayList<>();
        ByteArrayOutputStream cur = null;
        boolean skip = false;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                if (cur != null && !skip) frames.add(cur.toByteArray());
                cur = null;
                skip = false;
                continue;
            }
            int sep = line.indexOf("  ");
            boolean hexLine = sep > 0 && line.substring(0, sep).matches("[0-9a-f]+");
            if (!hexLine) { // a data source title: "Frame (74 bytes):" or "Reassembled TCP (100 bytes):"
                if (cur != null && !skip) frames.add(cur.toByteArray());
                cur = null;
                skip = !line.startsWith("Frame (");
                continue;
            }
            if (cur == null) cur = new ByteArrayOutputStream();
            int start = sep + 2;
            for (int k = 0; k < 16; k++) {
                int pos = start + 3 * k;
                if (pos + 2 > line.length() || line.charAt(pos) == ' ') break;
                cur.write(Integer.parseInt(line.substring(pos, pos + 2), 16));
            }
        }
        if (cur != null && !skip) frames.add(cur.toByteArray());
        return frames;
    }

    static List<TFrame> tshark(Path f) throws Exception {
        List<byte[]> data = hexBlocks(run(List.of("tshark", "-n", "-r", f.toString(), "-x",
                "-o", "tcp.desegment_tcp_streams:FALSE")));
        String fields = run(List.of("tshark", "-n", "-r", f.toString(), "-T", "fields", "-E", "separator=/t",
                "-e", "frame.len", "-e", "frame.cap_len", "-e", "frame.time_epoch", "-e", "frame.interface_id",
                "-e", "frame.comment"));
        List<TFrame> out = new ArrayList<>();
        String[] lines = fields.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) continue;
            String[] c = lines[i].split("\t", -1);
            String[] t = c[2].split("\\.");
            long nanos = Long.parseLong(t[0]) * 1_000_000_000L + Long.parseLong((t[1] + "000000000").substring(0, 9));
            out.add(new TFrame(Integer.parseInt(c[0]), Integer.parseInt(c[1]), nanos,
                    c[3].isEmpty() ? 0 : Integer.parseInt(c[3]), c[4].isEmpty() ? null : c[4],
                    out.size() < data.size() ? data.get(out.size()) : null));
        }
        assertThat(data).as("hex blocks of " + f).hasSize(out.size());
        return out;
    }

    private static void compare(String what, List<Frame> ours, List<TFrame> theirs, boolean comments) {
        assertThat(theirs).as(what).hasSize(ours.size());
        for (int i = 0; i < ours.size(); i++) {
            Frame x = ours.get(i);
            TFrame y = theirs.get(i);
            String at = what + " frame " + (i + 1);
            assertThat(y.data()).as(at).isEqualTo(x.data());
            assertThat(y.capLen()).as(at).isEqualTo(x.capturedLength());
            assertThat(y.len()).as(at).isEqualTo(x.originalLength());
            assertThat(y.epochNanos()).as(at).isEqualTo(x.timestampNanos());
            if (comments) {
                assertThat(y.comment()).as(at).isEqualTo(x.comment());
                assertThat(y.iface()).as(at).isEqualTo(x.interfaceId());
            }
        }
    }

    @Test
    void tsharkAgreesWithOurReaderAndReadsOurWriters() throws Exception {
        org.frameinspector.TestFiles.requireTool("tshark");
        org.frameinspector.TestFiles.requireTool("mergecap");
        List<SharedCaptures.Entry> entries = SharedCaptures.entries();

        // (1) reader vs tshark on the originals (concatenated by mergecap -a, which keeps frames as they are)
        List<String> merge = new ArrayList<>(List.of("mergecap", "-a", "-w", tmp.resolve("all.pcapng").toString()));
        List<Frame> ours = new ArrayList<>();
        for (SharedCaptures.Entry e : entries) {
            merge.add(e.path().toString());
            try (CaptureIndex idx = CaptureIndex.open(e.path())) {
                for (int i = 0; i < idx.size(); i++) ours.add(idx.frame(i));
            }
        }
        run(merge);
        compare("mergecap of originals", ours, tshark(tmp.resolve("all.pcapng")), false);

        // (2) one pcapng with everything: interface = file number, comments on some frames
        List<Frame> all = new ArrayList<>();
        Map<Integer, List<Frame>> byLinkType = new LinkedHashMap<>();
        int fileNo = 0;
        for (SharedCaptures.Entry e : entries) {
            for (Frame f : WriterRoundTripTest.framesWithComments(e)) {
                Frame g = new Frame(all.size() + 1, f.data(), f.originalLength(), f.timestampNanos(), f.linkType(),
                        fileNo, f.comment());
                all.add(g);
                byLinkType.computeIfAbsent(f.linkType(), k -> new ArrayList<>()).add(g);
            }
            fileNo++;
        }
        Path ng = tmp.resolve("ours.pcapng");
        try (OutputStream os = Files.newOutputStream(ng); PcapngWriter w = new PcapngWriter(os)) {
            for (Frame f : all) w.write(f);
        }
        compare("our pcapng", all, tshark(ng), true);

        // (3) one ns pcap per link type
        assertThat(byLinkType.keySet()).containsExactlyInAnyOrder(1, 113, 276, 0);
        for (Map.Entry<Integer, List<Frame>> g : byLinkType.entrySet()) {
            Path p = tmp.resolve("ours-" + g.getKey() + ".pcap");
            try (OutputStream os = Files.newOutputStream(p); PcapWriter w = new PcapWriter(os, g.getKey(), true)) {
                for (Frame f : g.getValue()) w.write(f);
            }
            compare("our pcap, link type " + g.getKey(), g.getValue(), tshark(p), false);
        }
    }
}
