package org.frameinspector.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.source.FrameSource;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.source.ListFrameSource;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.model.SourcePart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IPv4 / IPv6 fragment reassembly in the in-order pass, and the IPv4 ID reuse check. */
class IpFragmentsTest {
    @TempDir
    Path dir;

    private List<Dissection> inOrder(List<Frame> frames) throws Exception {
        Path p = FragCaptures.write(dir.resolve("f.pcap"), frames);
        List<Dissection> out = new ArrayList<>();
        try (FrameSource fs = Inputs.open(p, null).frames()) {
            InOrder.dissect(fs, null, out::add);
        }
        return out;
    }

    private static List<Dissection> inOrderList(List<Frame> frames) {
        List<Dissection> out = new ArrayList<>();
        InOrder.dissect(new ListFrameSource(frames), null, out::add);
        return out;
    }

    private static List<String> findingIds(List<Dissection> ds) {
        List<String> out = new ArrayList<>();
        for (Dissection d : ds) for (Finding f : d.findings()) out.add(d.frame().number() + ":" + f.id());
        return out;
    }

    /** Frames 6..8 are the three fragments; checks the dissection of the frame that completed the datagram. */
    private static void checkReassembled(List<Dissection> ds, boolean v6, int[] order) {
        int completing = 6 + order.length - 1;
        String v = v6 ? "IPv6" : "IPv4";
        for (int i = 6; i < completing; i++) {
            Dissection held = ds.get(i - 1);
            assertThat(held.sources()).as("frame %d holds a fragment", i).hasSize(1);
            assertThat(held.layer("tcp")).as("no TCP decoded from a lone fragment").isNull();
            Layer data = held.layer("data");
            assertThat(data).isNotNull();
            assertThat(data.name()).contains(v + " fragment").contains("held for reassembly");
        }
        Dissection d = ds.get(completing - 1);
        DataSource r = d.sources().stream().filter(s -> s.name().startsWith("Reassembled " + v + " datagram"))
                .findFirst().orElseThrow();
        int len = FragCaptures.segmentLength();
        assertThat(r.name()).isEqualTo("Reassembled " + v + " datagram (" + len + " bytes, frames 6-8)");
        assertThat(r.bytes()).hasSize(len);
        // parts: one per fragment, in datagram order, each mapping to the fragment's payload in its frame
        int payloadAt = 14 + (v6 ? 48 : 20);
        int[] offs = {0, FragCaptures.CUTS[0], FragCaptures.CUTS[1], len};
        assertThat(r.parts()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            SourcePart p = r.parts().get(i);
            int frame = 6 + indexOf(order, i);
            assertThat(p).isEqualTo(new SourcePart(frame, payloadAt, offs[i], offs[i + 1] - offs[i]));
            byte[] fb = ds.get(frame - 1).frame().data();
            assertThat(Arrays.copyOfRange(r.bytes(), p.bufferOffset(), p.bufferOffset() + p.length()))
                    .isEqualTo(Arrays.copyOfRange(fb, p.frameOffset(), p.frameOffset() + p.length()));
        }
        // the fragments tree, Wireshark's names
        String pre = v6 ? "ipv6" : "ip";
        Field tree = d.field(pre + ".fragments");
        assertThat(tree).isNotNull();
        assertThat(tree.source()).isEqualTo(r.id());
        assertThat(d.fields(pre + ".fragment")).extracting(Field::value).containsExactly(
                (long) 6 + indexOf(order, 0), (long) 6 + indexOf(order, 1), (long) 6 + indexOf(order, 2));
        assertThat(d.field(pre + ".reassembled.length").value()).isEqualTo((long) len);
        assertThat(d.field(pre + ".fragment.count").value()).isEqualTo(3L);
        // TCP from the reassembled source, checksum verified with the right pseudo-header
        Layer tcp = d.layer("tcp");
        assertThat(tcp.source()).isEqualTo(r.id());
        assertThat(d.field("tcp.checksum.status").value()).isEqualTo(1L);
        assertThat(d.field("tcp.len").value()).isEqualTo((long) len - 20);
        assertThat(d.field("tcp.srcport").value()).isEqualTo((long) FragCaptures.CPORT);
        // TPKT and COTP from it
        assertThat(d.field("tpkt.length").value()).isEqualTo((long) len - 20);
        assertThat(d.field("cotp.type").longValue()).isEqualTo(0x0F);
        assertThat(d.field("cotp.eot").longValue()).isEqualTo(1);
        assertThat(d.layer("tpkt").source()).isNotEqualTo(DataSource.FRAME);
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        return -1;
    }

    @Test
    void ipv4InOrderFragmentsReassembleAndDecodeTpktCotp() throws Exception {
        int[] order = {0, 1, 2};
        List<Dissection> ds = inOrder(FragCaptures.exchange(false, order));
        checkReassembled(ds, false, order);
        // no finding but the IP4-FRAGMENT notice on each fragment
        assertThat(findingIds(ds)).containsExactly("6:IP4-FRAGMENT", "7:IP4-FRAGMENT", "8:IP4-FRAGMENT");
        for (Dissection d : ds) {
            for (Finding f : d.findings()) assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(d.fields("_ws.undecoded")).as("frame %d", d.frame().number()).isEmpty();
        }
    }

    @Test
    void ipv4OutOfOrderFragmentsReassemble() throws Exception {
        for (int[] order : new int[][] {{2, 0, 1}, {1, 2, 0}, {2, 1, 0}}) {
            List<Dissection> ds = inOrder(FragCaptures.exchange(false, order));
            checkReassembled(ds, false, order);
            assertThat(findingIds(ds)).containsExactly("6:IP4-FRAGMENT", "7:IP4-FRAGMENT", "8:IP4-FRAGMENT");
        }
    }

    @Test
    void ipv6FragmentHeaderReassembles() throws Exception {
        for (int[] order : new int[][] {{0, 1, 2}, {2, 1, 0}}) {
            List<Dissection> ds = inOrder(FragCaptures.exchange(true, order));
            checkReassembled(ds, true, order);
            assertThat(findingIds(ds)).isEmpty();
        }
    }

    @Test
    void theConnectionGoesOnAfterTheReassembledSegment() {
        List<Dissection> ds = inOrderList(FragCaptures.exchange(false, 0, 1, 2));
        Conversations conv = InOrder.dissect(new ListFrameSource(FragCaptures.exchange(false, 0, 1, 2)), null, d -> { });
        assertThat(conv.rows()).hasSize(1);
        assertThat(conv.rows().get(0).tpdus[0x0F]).as("one DT").isEqualTo(1);
        // the server's ACK of everything raises nothing (no hole, nothing held)
        assertThat(ds.get(ds.size() - 1).findings()).isEmpty();
    }

    @Test
    void withoutConnectionStateNothingChanges() {
        List<Frame> frames = FragCaptures.exchange(false, 0, 1, 2);
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        Dissection first = fd.dissect(frames.get(5));
        assertThat(first.sources()).hasSize(1);
        assertThat(first.layer("tcp")).as("a first fragment still goes on to TCP").isNotNull();
        Dissection last = fd.dissect(frames.get(7));
        assertThat(last.layer("tcp")).isNull();
        assertThat(last.layer("data")).isNotNull();
    }

    // ------------------------------------------------------------------ ID reuse (RFC 6864)

    private static final long S = 1_000_000_000L;

    /** A UDP-less, protocol-17 datagram with 16 bytes of payload (not decoded further than IP matters here). */
    private static Frame udpish(int no, long t, int id, boolean df, int seed) {
        byte[] payload = new byte[16];
        for (int i = 0; i < payload.length; i++) payload[i] = (byte) (seed + i);
        byte[] ip = FragCaptures.ipv4(FragCaptures.C4, FragCaptures.S4, id, df, false, 0, 253, payload);
        return FragCaptures.frame(no, t, FragCaptures.eth(false, ip, true));
    }

    private static List<String> reuse(List<Frame> frames) {
        return findingIds(inOrderList(frames)).stream().filter(s -> s.contains("IP4-ID-REUSE")).toList();
    }

    @Test
    void sameIdOnFragmentableDatagramsWithinTheWindowIsFlagged() {
        List<Dissection> ds = inOrderList(List.of(udpish(1, S, 7, false, 1), udpish(2, 2 * S, 7, false, 2)));
        assertThat(findingIds(ds)).containsExactly("2:IP4-ID-REUSE-FRAGMENTABLE");
        Finding f = ds.get(1).findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.RISK);
        assertThat(f.offset()).isEqualTo(14 + 4);
        assertThat(f.length()).isEqualTo(2);
        assertThat(f.observed()).isEqualTo("0x0007 (7)");
        assertThat(f.expected()).contains("frame 1").contains("120 s");
    }

    @Test
    void atomicDatagramsAreNeverFlagged() {
        assertThat(reuse(List.of(udpish(1, S, 7, true, 1), udpish(2, 2 * S, 7, true, 2), udpish(3, 3 * S, 7, true, 3))))
                .isEmpty();
        // DF = 1 then DF = 0 with the same ID: the atomic one left no state
        assertThat(reuse(List.of(udpish(1, S, 9, true, 1), udpish(2, 2 * S, 9, false, 2)))).isEmpty();
    }

    @Test
    void sameIdAfterTheWindowIsNotFlagged() {
        long later = S + IpFragments.ID_REUSE_WINDOW_NANOS + S;
        assertThat(reuse(List.of(udpish(1, S, 7, false, 1), udpish(2, later, 7, false, 2)))).isEmpty();
    }

    @Test
    void otherIdsOrAddressesOrExactDuplicatesAreNotFlagged() {
        assertThat(reuse(List.of(udpish(1, S, 7, false, 1), udpish(2, 2 * S, 8, false, 2)))).isEmpty();
        // a duplicated frame (same ID, same bytes) is the same datagram seen twice, not a reused ID
        assertThat(reuse(List.of(udpish(1, S, 7, false, 1), udpish(2, 2 * S, 7, false, 1)))).isEmpty();
    }

    @Test
    void aFragmentedDatagramReusingTheIdOfAnEarlierOneIsFlagged() {
        List<Frame> frames = new ArrayList<>(FragCaptures.exchange(false, 0, 1, 2));
        // another TCP datagram of the client with the fragments' ID 0x4242 and DF clear, shortly after (a pure ACK)
        Frame last = frames.get(frames.size() - 1);
        byte[] seg = FragCaptures.tcp(FragCaptures.C4, FragCaptures.S4, FragCaptures.CPORT, FragCaptures.SPORT,
                1000 + 1 + 14 + FragCaptures.segmentLength() - 20, 5000 + 1 + 14, 0x10, new byte[0]);
        byte[] ip = FragCaptures.ipv4(FragCaptures.C4, FragCaptures.S4, 0x4242, false, false, 0, 6, seg);
        frames.add(FragCaptures.frame(frames.size() + 1, last.timestampNanos() + S, FragCaptures.eth(false, ip, true)));
        List<String> ids = findingIds(inOrderList(frames));
        assertThat(ids).contains(frames.size() + ":IP4-ID-REUSE-FRAGMENTABLE");
        assertThat(ids.stream().filter(s -> s.contains("REUSE")).count()).isEqualTo(1);
        // and the same ID on another protocol is another key
        frames.set(frames.size() - 1, FragCaptures.frame(frames.size(), last.timestampNanos() + S,
                FragCaptures.eth(false, FragCaptures.ipv4(FragCaptures.C4, FragCaptures.S4, 0x4242, false, false, 0,
                        253, new byte[8]), true)));
        assertThat(reuse(frames)).isEmpty();
    }

    // ------------------------------------------------------------------ overlaps and hostile fragments

    private static Frame frag4(int no, int offBytes, boolean more, byte[] piece, int id) {
        byte[] ip = FragCaptures.ipv4(FragCaptures.C4, FragCaptures.S4, id, false, more, offBytes, 253, piece);
        return FragCaptures.frame(no, no * S / 1000, FragCaptures.eth(false, ip, true));
    }

    @Test
    void overlappingFragmentsWithDifferentBytesAreReported() {
        byte[] a = new byte[16], b = new byte[16], c = new byte[8];
        Arrays.fill(a, (byte) 1);
        Arrays.fill(b, (byte) 2);
        Arrays.fill(c, (byte) 3);
        List<Dissection> ds = inOrderList(List.of(frag4(1, 0, true, a, 5), frag4(2, 8, true, b, 5),
                frag4(3, 24, false, c, 5)));
        assertThat(findingIds(ds)).contains("2:IP-FRAGMENT-OVERLAP");
        Finding f = ds.get(1).finding("IP-FRAGMENT-OVERLAP");
        assertThat(f.observed()).contains("8 of the 8 bytes").contains("frame 1");
        // reassembled with the first copy of each byte
        DataSource r = ds.get(2).sources().get(1);
        assertThat(r.bytes()).hasSize(32);
        assertThat(r.bytes()[8]).isEqualTo((byte) 1);
        assertThat(r.bytes()[16]).isEqualTo((byte) 2);
        assertThat(r.parts()).extracting(SourcePart::frame).containsExactly(1, 2, 3);
        // an exact duplicate is not an overlap
        List<Dissection> dup = inOrderList(List.of(frag4(1, 0, true, a, 6), frag4(2, 0, true, a, 6),
                frag4(3, 16, false, c, 6)));
        assertThat(findingIds(dup)).noneMatch(s -> s.contains("OVERLAP"));
        assertThat(dup.get(2).sources()).hasSize(2);
    }

    @Test
    void hostileOffsetsStayBounded() {
        List<Frame> frames = new ArrayList<>();
        int no = 1;
        // a fragment that would end past 65,535 bytes ("ping of death"): reported, not held
        frames.add(frag4(no++, 65528, false, new byte[100], 9));
        // thousands of fragments of distinct datagrams that never complete: the table stays capped
        for (int i = 0; i < 2 * IpFragments.MAX_DATAGRAMS; i++) frames.add(frag4(no++, 8 * (i % 8000), true, new byte[1024], 1000 + i));
        // one datagram with many overlapping copies of the same range: stored once
        for (int i = 0; i < 200; i++) {
            byte[] piece = new byte[1480];
            Arrays.fill(piece, (byte) i);
            frames.add(frag4(no++, 0, true, piece, 77));
        }
        Conversations conv = new Conversations();
        FrameDissector fd = org.frameinspector.core.protocols.Protocols.dissector();
        List<String> ids = new ArrayList<>();
        for (Frame f : frames) {
            Dissection d = fd.dissect(f, null, conv);
            for (Finding x : d.findings()) ids.add(x.id());
            assertThat(conv.ipFragments.pendingDatagrams()).isLessThanOrEqualTo(IpFragments.MAX_DATAGRAMS);
            assertThat(conv.ipFragments.heldBytes()).isLessThanOrEqualTo(IpFragments.MAX_BYTES);
        }
        assertThat(ids).contains("IP-FRAGMENT-MALFORMED", "IP-REASSEMBLY-LIMIT", "IP-FRAGMENT-OVERLAP");
        assertThat(ids).doesNotContain("INSPECTOR-INTERNAL-ERROR");
        // the datagram with 200 overlapping copies holds 1480 bytes, not 200 × 1480
        assertThat(conv.ipFragments.heldBytes()).isLessThanOrEqualTo(IpFragments.MAX_DATAGRAMS * 1480);
    }

    @Test
    void ipv6OverlapIsAViolationEvenWithEqualBytes() {
        byte[] a = new byte[16], b = new byte[16];
        List<Frame> frames = new ArrayList<>();
        byte[][] pieces = {a, b};
        int[] offs = {0, 8};
        for (int i = 0; i < 2; i++) {
            byte[] ip = FragCaptures.ipv6(FragCaptures.C6, FragCaptures.S6, 44,
                    FragCaptures.fragHeader(59, offs[i], true, 1, pieces[i]));
            frames.add(FragCaptures.frame(i + 1, (i + 1) * S, FragCaptures.eth(true, ip, true)));
        }
        List<Dissection> ds = inOrderList(frames);
        Finding f = ds.get(1).finding("IP-FRAGMENT-OVERLAP");
        assertThat(f).isNotNull();
        assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
        assertThat(f.layer()).isEqualTo("ipv6");
    }
}
