package org.frameinspector.tshark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.stream.FragCaptures;
import org.frameinspector.core.stream.InOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tshark reads the crafted fragment captures ({@link FragCaptures}) and agrees with our in-order dissection: the
 * TCP/TPKT/COTP fields it decodes from its reassembled IPv4 / IPv6 datagram are found in ours (same bytes, same frames,
 * same offsets and values, through the agreement machinery of {@link TsharkAgreement}), and its fragments tree
 * (ip.fragment frame numbers and byte ranges, ip.reassembled.length) equals ours.
 */
class IpFragmentTsharkTest {
    @TempDir
    Path dir;

    @Test
    void tsharkAgreesOnReassembledDatagrams() throws Exception {
        org.frameinspector.TestFiles.requireTool("tshark");
        Object[][] cases = {{"v4-in-order", false, new int[] {0, 1, 2}}, {"v4-out-of-order", false, new int[] {2, 0, 1}},
                {"v6-in-order", true, new int[] {0, 1, 2}}, {"v6-reversed", true, new int[] {2, 1, 0}}};
        for (Object[] c : cases) {
            String name = (String) c[0];
            boolean v6 = (Boolean) c[1];
            Path pcap = FragCaptures.write(dir.resolve(name + ".pcap"), FragCaptures.exchange(v6, (int[]) c[2]));
            TsharkAgreement ta = new TsharkAgreement(Agreement.CORE).pdmlCache(dir.resolve("pdml"));
            TsharkAgreement.CaptureResult r = ta.run(pcap);
            Agreement.Tally t = r.tally();
            String line = TsharkAgreement.line(name, t) + " " + t.top(5);
            System.out.println(line);
            assertThat(t.reassembledCompared()).as("fields in tshark's reassembled datagram compared: %s", line)
                    .isGreaterThanOrEqualTo(15);
            assertThat(t.reassembledAgreed()).as(line).isEqualTo(t.reassembledCompared());
            assertThat(t.agreed()).as(line).isEqualTo(t.compared());

            // the fragments tree: tshark's ip.fragment / ipv6.fragment (frame, pos, size) and reassembled length
            String pre = v6 ? "ipv6" : "ip";
            List<String> theirs = new ArrayList<>(), ours = new ArrayList<>();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(ta.pdml(pcap)))) {
                PdmlParser.parse(in, p -> {
                    for (PdmlField f : p.fields()) {
                        if (f.name().equals(pre + ".fragment")) theirs.add(p.number() + ":" + f.show() + "@" + f.pos() + "+" + f.size());
                        if (f.name().equals(pre + ".reassembled.length")) theirs.add(p.number() + ":len=" + f.show());
                    }
                });
            }
            try (FrameSource fs = Inputs.open(pcap, null).frames()) {
                InOrder.dissect(fs, null, (Dissection d) -> {
                    for (Field f : d.fields(pre + ".fragment")) {
                        ours.add(d.frame().number() + ":" + f.value() + "@" + f.offset() + "+" + f.length());
                    }
                    for (Field f : d.fields(pre + ".reassembled.length")) ours.add(d.frame().number() + ":len=" + f.value());
                });
            }
            assertThat(ours).as(name).hasSize(4).containsExactlyElementsOf(theirs);
        }
    }
}
