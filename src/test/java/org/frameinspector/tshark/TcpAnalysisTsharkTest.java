package org.frameinspector.tshark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.frameinspector.TestFiles;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.stream.InOrder;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the TCP analysis flags that matter most select the same frames as tshark's (two-pass, as the agreement
 * runs it) on every shared capture: {@code tcp.analysis.retransmission}, {@code tcp.analysis.lost_segment},
 * {@code tcp.analysis.duplicate_ack}, and with them the out-of-order, spurious retransmission and keep-alive flags;
 * {@code tcp.analysis.ack_lost_segment} agrees on all but a handful of frames. Skips when tshark or the shared captures are missing (fails instead when CI=true).
 */
class TcpAnalysisTsharkTest {
    static final String[] FLAGS = {"retransmission", "lost_segment", "duplicate_ack", "ack_lost_segment",
        "out_of_order", "spurious_retransmission", "keep_alive", "keep_alive_ack", "fast_retransmission", "zero_window",
        "zero_window_probe", "zero_window_probe_ack", "window_full", "window_update"};

    @Test
    void analysisFlagsSelectTheSameFramesAsTshark() throws Exception {
        List<Path> caps = FrameProtocolsTsharkTest.captureFiles();
        List<String> differences = new ArrayList<>();
        int ackLostDiffering = 0;
        int flagged = 0;
        for (Path cap : caps) {
            Map<String, TreeSet<Integer>> ours = new LinkedHashMap<>();
            Map<String, DisplayFilter> filters = new LinkedHashMap<>();
            for (String f : FLAGS) {
                filters.put(f, DisplayFilter.compile("tcp.analysis." + f));
                ours.put(f, new TreeSet<>());
            }
            try (FrameSource fs = Inputs.open(cap, null).frames()) {
                InOrder.dissect(fs, null, d -> filters.forEach((f, df) -> {
                    if (df.matches(d)) ours.get(f).add(d.frame().number());
                }));
            }
            Map<String, TreeSet<Integer>> tshark = tshark(cap);
            for (String f : FLAGS) {
                TreeSet<Integer> theirs = tshark.get(f);
                flagged += theirs.size();
                if (f.equals("ack_lost_segment")) {
                    TreeSet<Integer> x = new TreeSet<>(theirs);
                    x.removeAll(ours.get(f));
                    TreeSet<Integer> y = new TreeSet<>(ours.get(f));
                    y.removeAll(theirs);
                    ackLostDiffering += x.size() + y.size();
                } else if (!theirs.equals(ours.get(f))) {
                    differences.add(cap.getFileName() + " " + f + ": tshark " + theirs + ", ours " + ours.get(f));
                }
            }
        }
        assertThat(flagged).as("frames tshark flags over the shared captures").isGreaterThan(100);
        assertThat(differences).as("frames selected differently from tshark").isEmpty();
        // tshark 4.0's ACKed-unseen rule moves its mark in ways that depend on later fixes of Wireshark: all but a
        // handful of its 300+ frames agree (docs/TSHARK-DIFFERENCES.md)
        assertThat(ackLostDiffering).as("ack_lost_segment frames differing from tshark").isLessThanOrEqualTo(6);
    }

    /** One tshark run per capture: the frames where each flag is present. */
    static Map<String, TreeSet<Integer>> tshark(Path cap) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", cap.toString(), "-n", "-2", "-T", "fields",
                "-E", "occurrence=f", "-e", "frame.number"));
        for (String f : FLAGS) {
            cmd.add("-e");
            cmd.add("tcp.analysis." + f);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Map<String, TreeSet<Integer>> frames = new LinkedHashMap<>();
        for (String f : FLAGS) frames.put(f, new TreeSet<>());
        for (String line : out.split("\n")) {
            String[] c = line.split("\t", -1);
            if (c.length < FLAGS.length + 1 || c[0].isBlank()) continue;
            for (int i = 0; i < FLAGS.length; i++) if (!c[i + 1].isEmpty()) frames.get(FLAGS[i]).add(Integer.parseInt(c[0].trim()));
        }
        return frames;
    }
}
