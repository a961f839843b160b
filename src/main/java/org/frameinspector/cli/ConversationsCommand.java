package org.frameinspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
        } catch (UncheckedIOException e) { // the file changed while it was read
            return input.failed(err, "the output", e);
        }
        if (json) {
            try {
                json(out, in.name(), frames, conv.rows());
            } catch (IOException e) {
                return input.failed(err, "the output", e);
            }
        } else {
            print(out, frames, conv.rows());
        }
        return 0;
    }

    /**
     * Writes {"input":…,"frames":…,"conversations":[…]} and a line feed, row by row as it goes: 100,000 connections
     * are never one string.
     */
    static void json(PrintWriter out, String name, int frames, List<Conversation> rows) throws IOException {
        Json j = new Json(out);
        j.obj().put("input", name).put("frames", frames).key("conversations").arr();
        for (Conversation c : rows) c.toJson(j);
        j.endArr().endObj();
        j.close();
        out.println();
    }

    /**
     * Prints the table in two passes over the rows, one for the column widths and one for the lines, so no row's
     * cells are kept for the next.
     */
    static void print(PrintWriter out, int frames, List<Conversation> rows) {
        String[] head = {"#", "A (initiator)", "B", "frames", "TSAPs (calling>called)", "TPDU size", "class", "TPDUs",
                "ended", "findings"};
        int[] w = new int[head.length];
        for (int k = 0; k < head.length; k++) w[k] = head[k].length();
        for (Conversation c : rows) {
            String[] r = cells(c);
            for (int k = 0; k < head.length; k++) w[k] = Math.max(w[k], r[k].length());
        }
        row(out, head, w);
        StringBuilder sep = new StringBuilder();
        for (int k = 0; k < w.length; k++) sep.append(k > 0 ? "  " : "").append("-".repeat(w[k]));
        out.println(sep);
        for (Conversation c : rows) row(out, cells(c), w);
        out.printf("%d connection(s) in %d frame(s)%n", rows.size(), frames);
    }

    private static String[] cells(Conversation c) {
        String tsaps = c.callingTsap() == null && c.calledTsap() == null ? "-"
                : nz(c.callingTsap()) + ">" + nz(c.calledTsap());
        return new String[] {Integer.toString(c.index()), c.endpointA(), c.endpointB(),
                c.frames() + " (" + c.firstFrame() + "-" + c.lastFrame() + ")", tsaps,
                c.tpduSize() < 0 ? "-" : Integer.toString(c.tpduSize()), c.cotpClass() < 0 ? "-" : Integer.toString(c.cotpClass()),
                c.tpkt() ? nz(c.tpduSummary()) : "not TPKT", c.endSummary() + (c.note().isEmpty() ? "" : " (" + c.note() + ")"),
                nz(c.findingSummary())};
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
