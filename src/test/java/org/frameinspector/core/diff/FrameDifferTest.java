package org.frameinspector.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.frameinspector.TestFiles;
import org.frameinspector.core.checksum.InternetChecksum;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Frame;
import org.junit.jupiter.api.Test;

class FrameDifferTest {
    static Frame seed() throws Exception {
        return Inputs.open(TestFiles.seed(), null).frames().frame(0);
    }

    static Frame fixedSample() throws Exception {
        return Inputs.open(Path.of("samples", "kb-q151626-fixed-reserved-zero.txt"), null).frames().frame(0);
    }

    /** Inserts bytes at {@code at} and adds {@code n} to the 16-bit length fields at the given offsets; IP checksum redone. */
    static Frame insert(Frame f, int at, byte[] ins, int... lengthFields) {
        byte[] a = f.data();
        byte[] b = new byte[a.length + ins.length];
        System.arraycopy(a, 0, b, 0, at);
        System.arraycopy(ins, 0, b, at, ins.length);
        System.arraycopy(a, at, b, at + ins.length, a.length - at);
        for (int o : lengthFields) {
            int v = ((b[o] & 0xFF) << 8 | (b[o + 1] & 0xFF)) + ins.length;
            b[o] = (byte) (v >> 8);
            b[o + 1] = (byte) v;
        }
        b[24] = 0;
        b[25] = 0;
        int hl = (b[14] & 0x0F) * 4;
        int ck = InternetChecksum.of(b, 14, hl);
        b[24] = (byte) (ck >> 8);
        b[25] = (byte) ck;
        return Frame.of(2, b, Frame.LINK_ETHERNET);
    }

    @Test
    void seedAgainstCorrectedFrame() throws Exception {
        FrameDiff d = new FrameDiffer(MaskSet.defaults()).diff(seed(), fixedSample());
        assertThat(d.unmasked()).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("tpkt/tpkt.reserved");
            assertThat(x.abbrev()).isEqualTo("tpkt.reserved");
            assertThat(x.kind()).isEqualTo(Difference.Kind.CHANGED);
            assertThat(x.aValue()).isEqualTo(17L);
            assertThat(x.bValue()).isEqualTo(0L);
            assertThat(x.aOffset()).isEqualTo(0x37);
            assertThat(x.bOffset()).isEqualTo(0x37);
            assertThat(x.aLength()).isEqualTo(1);
        });
        assertThat(d.differences()).filteredOn(Difference::masked).extracting(Difference::abbrev)
                .containsExactly("tcp.checksum", "tcp.checksum_calculated");
        assertThat(d.summary()).isEqualTo("1 difference (1 changed, 0 only in A, 0 only in B); 2 masked");
        assertThat(d.identical()).isFalse();
        // byte view: 0x37 differs, the checksum byte that differs is masked, the rest equal
        // (0x32 holds 0x60 on both sides: equal; only 0x33 differs)
        String sketch = "=".repeat(0x33) + "m" + "===" + "X" + "=".repeat(98 - 0x38);
        assertThat(d.bytes().sketchA()).isEqualTo(sketch);
        assertThat(d.bytes().sketchB()).isEqualTo(sketch);
        assertThat(d.bytes().counterpartInB(0x37)).isEqualTo(0x37);

        // without the default masks the checksum counts too
        FrameDiff all = new FrameDiffer(MaskSet.none()).diff(seed(), fixedSample());
        assertThat(all.unmasked()).extracting(Difference::path)
                .containsExactly("tcp/tcp.checksum", "tcp/tcp.checksum_calculated", "tpkt/tpkt.reserved");
        // removing one exact abbreviation from a prefix pattern unmasks just that field
        FrameDiff some = new FrameDiffer(MaskSet.defaults().remove("tcp.checksum")).diff(seed(), fixedSample());
        assertThat(some.unmasked()).extracting(Difference::abbrev).containsExactly("tcp.checksum", "tpkt.reserved");
    }

    @Test
    void identicalFramesAndMaskedOnlyDifferences() throws Exception {
        FrameDiff same = new FrameDiffer(MaskSet.defaults()).diff(seed(), seed());
        assertThat(same.differences()).isEmpty();
        assertThat(same.summary()).isEqualTo("no differences");
        assertThat(same.next(-1)).isEqualTo(-1);

        byte[] b = seed().data().clone();
        b[0x16] = 64; // TTL
        b[0x13] = 0x01; // IP ID
        FrameDiff ttl = new FrameDiffer(MaskSet.defaults()).diff(seed(), Frame.of(1, b, Frame.LINK_ETHERNET));
        assertThat(ttl.identical()).isTrue();
        assertThat(ttl.differences()).extracting(Difference::abbrev)
                .contains("ip.id", "ip.ttl", "ip.checksum.status");
        assertThat(new FrameDiffer(MaskSet.none().add("ip.checksum*")).diff(seed(), Frame.of(1, b, Frame.LINK_ETHERNET))
                .unmasked()).extracting(Difference::abbrev).containsExactly("ip.id", "ip.ttl");
    }

    /** A TSAP one byte longer: only the length fields and the TSAP differ; the called TSAP after it aligns. */
    @Test
    void longerTsapDoesNotShiftTheRest() throws Exception {
        Frame a = fixedSample();
        // insert 'X' at the end of the calling TSAP (0x50), bump IP total length, TPKT length, LI and the parameter length
        Frame b0 = insert(a, 0x50, new byte[]{'X'}, 0x10, 0x38);
        byte[] b = b0.data();
        b[0x3A]++; // LI
        b[0x42]++; // parameter length
        Frame b1 = Frame.of(2, b, Frame.LINK_ETHERNET);
        FrameDiff d = new FrameDiffer(MaskSet.defaults()).diff(a, b1);
        assertThat(d.unmasked()).extracting(Difference::path).containsExactly(
                "frame/frame.len", "frame/frame.cap_len", "ip/ip.len", "tcp/tcp.len",
                "tpkt/tpkt.length", "cotp/cotp.li",
                "cotp/cotp.parameter{c1}/cotp.parameter_length", "cotp/cotp.parameter{c1}/cotp.src-tsap",
                "cotp/cotp.parameter{c1}/cotp.src-tsap/cotp.src-tsap-bytes");
        // tcp.payload changed too, but the TPKT and COTP fields below it say how: it is not listed on its own
        Difference tsap = d.unmasked().get(7);
        assertThat(tsap.aDisplay()).isEqualTo("SWISSLIFETSAP");
        assertThat(tsap.bDisplay()).isEqualTo("SWISSLIFETSAPX");
        assertThat(tsap.aLength()).isEqualTo(13);
        assertThat(tsap.bLength()).isEqualTo(14);
        // bytes of the called TSAP are equal and map one byte further in B
        for (int i = 0x52; i < 0x5F; i++) {
            assertThat(d.bytes().stateA(i)).as("A 0x%02x", i).isEqualTo(ByteDiff.State.EQUAL);
            assertThat(d.bytes().counterpartInB(i)).isEqualTo(i + 1);
        }
        assertThat(d.bytes().stateA(0x3A)).isEqualTo(ByteDiff.State.DIFFERENT);
        assertThat(d.bytes().stateB(0x50)).isEqualTo(ByteDiff.State.DIFFERENT);
        assertThat(d.bytes().stateA(0x19)).isEqualTo(ByteDiff.State.MASKED); // IP checksum 0x040a -> 0x0409
    }

    /** Adding an IP option (4 × NOP … EOL) makes the options only-in-B; TCP and above still align. */
    @Test
    void extraIpOptionIsOnlyInB() throws Exception {
        Frame a = fixedSample();
        Frame b0 = insert(a, 0x22, new byte[]{1, 1, 1, 0}, 0x10);
        byte[] b = b0.data();
        b[14] = 0x46;
        // redo IP checksum for the longer header
        b[24] = 0;
        b[25] = 0;
        int ck = InternetChecksum.of(b, 14, 24);
        b[24] = (byte) (ck >> 8);
        b[25] = (byte) ck;
        FrameDiff d = new FrameDiffer(MaskSet.defaults()).diff(a, Frame.of(2, b, Frame.LINK_ETHERNET));
        List<String> paths = d.unmasked().stream().map(Difference::path).toList();
        assertThat(paths).contains("ip/ip.hdr_len", "ip/ip.len");
        assertThat(d.unmasked()).filteredOn(x -> x.kind() == Difference.Kind.ONLY_IN_B).isNotEmpty()
                .allSatisfy(x -> {
                    assertThat(x.path()).startsWith("ip/");
                    assertThat(x.aOffset()).isEqualTo(-1);
                    assertThat(x.bOffset()).isBetween(0x22, 0x25);
                });
        assertThat(paths).noneMatch(p -> p.startsWith("tcp/") || p.startsWith("tpkt/") || p.startsWith("cotp/"));
        assertThat(d.bytes().stateB(0x22)).isEqualTo(ByteDiff.State.ONLY_HERE);
        assertThat(d.bytes().counterpartInB(0x22)).isEqualTo(0x26); // TCP source port moved by 4
        assertThat(d.bytes().stateA(0x22)).isEqualTo(ByteDiff.State.EQUAL);
    }

    @Test
    void navigationSkipsMaskedDifferences() throws Exception {
        byte[] b = seed().data().clone();
        b[0x16] = 64; // TTL, masked
        b[0x3E] = 0x77; // src-ref
        Frame fb = Frame.of(1, b, Frame.LINK_ETHERNET);
        FrameDiff d = new FrameDiffer(MaskSet.defaults()).diff(seed(), fb);
        int first = d.next(-1);
        assertThat(d.differences().get(first).abbrev()).isEqualTo("cotp.srcref");
        assertThat(d.next(first)).isEqualTo(-1);
        assertThat(d.previous(d.differences().size())).isEqualTo(first);
        assertThat(d.previous(first)).isEqualTo(-1);
        assertThat(d.indexAt('A', 0x3E)).isEqualTo(first);
        assertThat(d.indexAt('B', 0x16)).isGreaterThanOrEqualTo(0);
        assertThat(d.differences().get(d.indexAt('B', 0x16)).masked()).isTrue();
        for (int i = 0; i < d.differences().size(); i++) assertThat(d.differences().get(i).index()).isEqualTo(i);
        assertThat(d.differences().get(first).bValue()).isEqualTo(0x7729L);
        assertThat(d.differences().get(first).aValue()).isEqualTo(0x0029L);
    }

    @Test
    void maskPatterns() {
        MaskSet m = MaskSet.defaults();
        assertThat(m.matches("ip.checksum")).isTrue();
        assertThat(m.matches("ip.checksum_calculated")).isTrue();
        assertThat(m.matches("tcp.options.timestamp.tsval")).isTrue();
        assertThat(m.matches("ip.ttlx")).isFalse();
        assertThat(m.matches("frame.time_epoch")).isTrue();
        m.remove("ip.checksum*");
        assertThat(m.matches("ip.checksum")).isFalse();
        m.add("cotp.*");
        assertThat(m.matches("cotp.srcref")).isTrue();
        assertThat(MaskSet.none().patterns()).isEmpty();
    }
}
