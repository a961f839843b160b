package org.frameinspector.core.dissect;

import org.frameinspector.core.protocols.Protocols;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Severity;
import org.junit.jupiter.api.Test;

/** The inspector's own findings: a short field, a frame cut by the snap length, a dissector bug. None escapes. */
class RobustnessFindingsTest {
    private static final byte[] SEED = HexFormat.of().parseHex(
            "0000a200c04a00805fd4a048080045000054e9a640002006040a8626344d86262c5a0066061301cf46c85d5b6a3150182209"
                    + "607300000311002c27d001ca002900c10d53574953534c49464554534150c20d45584348414e47455453415031c0010b");

    @Test
    void aFrameThatEndsInsideTheIpHeaderGetsAPartialFieldAndFieldTruncated() {
        byte[] cut = java.util.Arrays.copyOf(SEED, 28); // ends inside the IPv4 source address
        Dissection d = org.frameinspector.core.protocols.Protocols.dissector().dissect(Frame.of(1, cut, Frame.LINK_ETHERNET));
        Finding f = d.finding("FIELD-TRUNCATED");
        assertThat(f).isNotNull();
        assertThat(f.severity()).isEqualTo(Severity.VIOLATION);
        assertThat(f.offset()).isEqualTo(26);
        assertThat(f.length()).isEqualTo(2);
        assertThat(d.layer("ip")).isNotNull();
        assertThat(d.layer("tcp")).isNull();
        assertFullyCovered(d);
    }

    @Test
    void aFrameCutByTheSnapLengthSaysSoInsteadOfBlamingTheSender() {
        byte[] cut = java.util.Arrays.copyOf(SEED, 30);
        Frame f = new Frame(1, cut, 98, 1_000_000_000L, Frame.LINK_ETHERNET, 0, null);
        Dissection d = org.frameinspector.core.protocols.Protocols.dissector().dissect(f);
        assertThat(d.finding("CAPTURE-TRUNCATED")).isNotNull();
        assertThat(d.finding("CAPTURE-TRUNCATED").severity()).isEqualTo(Severity.INFO);
        assertThat(d.finding("FIELD-TRUNCATED")).isNull();
    }

    @Test
    void aDissectorBugBecomesAnErrorFindingAndDissectionGoesOn() {
        DissectorRegistry r = Protocols.standard();
        r.register("tpkt", 0, new Dissector() {
            @Override
            public String protocol() {
                return "cotp";
            }

            @Override
            public void dissect(Ctx ctx, Buf buf) {
                throw new IllegalStateException("boom");
            }
        });
        Dissection d = new FrameDissector(r).dissect(Frame.of(1, SEED, Frame.LINK_ETHERNET));
        Finding f = d.finding("INSPECTOR-INTERNAL-ERROR");
        assertThat(f).isNotNull();
        assertThat(f.observed()).contains("IllegalStateException").contains("boom");
        assertThat(f.offset()).isEqualTo(0x3A);
        assertThat(d.finding("TPKT-RESERVED-NONZERO")).isNotNull(); // the layers below are intact
        assertFullyCovered(d);
    }

    static void assertFullyCovered(Dissection d) {
        java.util.BitSet bs = new java.util.BitSet();
        d.forEachField(x -> {
            if (x.inFrame() && x.length() > 0 && x.kind() != org.frameinspector.core.model.FieldKind.GENERATED) {
                bs.set(x.offset(), x.end());
            }
        });
        assertThat(bs.nextClearBit(0)).isGreaterThanOrEqualTo(d.frame().capturedLength());
    }
}
