package org.frameinspector.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.source.InputException;
import org.frameinspector.core.input.Loaded;
import org.frameinspector.core.json.Json;
import org.frameinspector.core.stream.Conversation;
import org.frameinspector.core.stream.Conversations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "conversations", description = "List the TCP connections of a capture: endpoints, TSAPs, negotiated "
        + "TPDU size, TPDUs by type, how and when each ended, and the findings of its frames.")
public final class ConversationsCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        org.frameinspector.core.stream.InOrder.warmUpInBackground();
        Loaded in = input.loadOrReport(err, true);
        if (in == null) return 2;
        Conversations conv;
        int frames;
        try (FrameSource fs = in.frames()) {
            int[] count = {0};
            conv = org.frameinspector.core.stream.InOrder.dissect(fs, input.startsAt, d -> count[0]++);
            frames = count[0];
        }
        if (json) out.println(json(in.name(), frames, conv.rows()));
        else print(out, frames, conv.rows());
        return 0;
    }

    static String json(String name, int frames, List<Conversation> rows) {
        Json j = new Json();
        j.obj().put("input", name).put("frames", frames).key("conversations").arr();
        for (Conversation c : rows) c.toJson(j);
        j.endArr().endObj();
        return j.toString();
    }

    static void print(PrintWriter out, int frames, List<Conversation> rows) {
        String[] head = {"#", "A (initiator)", "B", "frames", "TSAPs (calling>called)", "TPDU size", "class", "TPDUs",
                "ended", "findings"};
        String[][] cells = new String[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            Conversation c = rows.get(i);
            String tsaps = c.callingTsap() == null && c.calledTsap() == null ? "-"
                    : nz(c.callingTsap()) + ">" + nz(c.calledTsap());
            cells[i] = new String[] {Integer.toString(c.index()), c.endpointA(), c.endpointB(),
                    c.frames() + " (" + c.firstFrame() + "-" + c.lastFrame() + ")", tsaps,
                    c.tpduSize() < 0 ? "-" : Integer.toString(c.tpduSize()), c.cotpClass() < 0 ? "-" : Integer.toString(c.cotpClass()),
                    c.tpkt() ? nz(c.tpduSummary()) : "not TPKT", c.endSummary() + (c.note().isEmpty() ? "" : " (" + c.note() + ")"),
                    nz(c.findingSummary())};
        }
        int[] w = new int[head.length];
        for (int k = 0; k < head.length; k++) {
            w[k] = head[k].length();
            for (String[] r : cells) w[k] = Math.max(w[k], r[k].length());
        }
        row(out, head, w);
        StringBuilder sep = new StringBuilder();
        for (int k = 0; k < w.length; k++) sep.append(k > 0 ? "  " : "").append("-".repeat(w[k]));
        out.println(sep);
        for (String[] r : cells) row(out, r, w);
        out.printf("%d connection(s) in %d frame(s)%n", rows.size(), frames);
    }

    private static void row(PrintWriter out, String[] r, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < r.length; k++) {
            if (k > 0) sb.append("  ");
            sb.append(r[k]);
            if (k < r.length - 1) sb.append(" ".repeat(w[k] - r[k].length()));
        }
        out.println(sb);
    }

    private static String nz(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
