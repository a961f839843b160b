package org.frameinspector.tshark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.frameinspector.TestFiles;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.session.Session;
import org.frameinspector.core.session.StreamBytes;
import org.frameinspector.core.stream.Conversation;
import org.junit.jupiter.api.Test;

/**
 * Follow Stream's bytes against tshark's {@code -z follow,tcp,raw}: for every connection of the repo's sample and of
 * shared S7 captures whose segments arrive in order without retransmissions (tshark drops and reorders those, we show
 * every segment in frame order), each direction carries the same bytes.
 */
class FollowStreamTsharkTest {
    private static final List<String> CAPTURES = List.of("s7comm_downloading_block_db1.pcap",
            "s7comm_varservice_libnodavedemo.pcap", "s7comm_reading_setting_plc_time.pcap");

    /** tshark's follow output of stream {@code k}: node 0's endpoint and bytes, node 1's. */
    private record Followed(String node0, byte[] bytes0, byte[] bytes1) {
    }

    private static Followed tshark(Path cap, int k) throws Exception {
        Process p = new ProcessBuilder("tshark", "-r", cap.toString(), "-q", "-z", "follow,tcp,raw," + k)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        String node0 = null;
        ByteArrayOutputStream b0 = new ByteArrayOutputStream(), b1 = new ByteArrayOutputStream();
        for (String line : out.split("\n")) {
            if (line.startsWith("Node 0: ")) node0 = line.substring(8).trim();
            String hex = line.trim();
            if (!hex.matches("[0-9a-f]+") || hex.length() % 2 != 0) continue;
            (line.startsWith("\t") ? b1 : b0).writeBytes(HexFormat.of().parseHex(hex));
        }
        return new Followed(node0, b0.toByteArray(), b1.toByteArray());
    }

    @Test
    void eachDirectionCarriesTsharksBytes() throws Exception {
        TestFiles.requireTool("tshark");
        List<Path> files = new ArrayList<>();
        files.add(Path.of("samples", "iso-on-tcp-cr-cc-dt-dr.pcap"));
        if (TestFiles.hasShared()) for (String c : CAPTURES) files.add(TestFiles.captures().resolve(c));
        int compared = 0;
        for (Path cap : files) {
            try (Session s = Session.of(Inputs.open(cap, null), null)) {
                s.index(null, null);
                s.finish();
                for (Conversation c : s.conversations()) {
                    StreamBytes b = StreamBytes.of(s, c, () -> false);
                    assertThat(b.segments()).noneMatch(StreamBytes.Segment::retransmission);
                    Followed t = tshark(cap, c.index() - 1);
                    boolean aFirst = c.endpointA().equals(t.node0());
                    assertThat(aFirst || c.endpointB().equals(t.node0())).as("%s %s", cap, t.node0()).isTrue();
                    assertThat(b.bytes(true)).as("%s connection %d A", cap.getFileName(), c.index())
                            .isEqualTo(aFirst ? t.bytes0() : t.bytes1());
                    assertThat(b.bytes(false)).as("%s connection %d B", cap.getFileName(), c.index())
                            .isEqualTo(aFirst ? t.bytes1() : t.bytes0());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(TestFiles.hasShared() ? 7 : 1);
    }
}
