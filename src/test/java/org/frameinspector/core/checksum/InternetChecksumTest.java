package org.frameinspector.core.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import org.frameinspector.TestFiles;
import org.frameinspector.core.input.Inputs;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {
    /** The KB frame's IPv4 header checksum 0x040a and TCP checksum 0x6073, as Wireshark reports them good. */
    @Test
    void theKbFrameVerifiesAndItsChecksumsAreRecomputed() throws Exception {
        byte[] b = Inputs.open(TestFiles.kbSample(), null).frames().frame(0).data();
        int ip = 14, tcp = 34, segLen = b.length - tcp;
        assertThat(InternetChecksum.verifies(InternetChecksum.add(0, b, ip, 20))).isTrue();
        long pseudo = InternetChecksum.pseudoHeader(b, ip + 12, b, ip + 16, 4, 6, segLen);
        long sum = InternetChecksum.tcpSegment(pseudo, b, tcp, segLen);
        assertThat(InternetChecksum.complement(sum)).isEqualTo(0x6073);
        assertThat(InternetChecksum.verifies(sum + 0x6073)).isTrue();
        byte[] c = b.clone();
        c[ip + 10] = 0;
        c[ip + 11] = 0;
        assertThat(InternetChecksum.of(c, ip, 20)).isEqualTo(0x040a);
        c[tcp + 16] = 0;
        c[tcp + 17] = 0;
        assertThat(InternetChecksum.tcpOverIpv4(c, ip, tcp, segLen)).isEqualTo(0x6073);
        // an odd length pads with a zero byte; a length above 0xFFFF folds into the pseudo-header sum
        assertThat(InternetChecksum.of(new byte[] {1, 2, 3}, 0, 3)).isEqualTo(~(0x0102 + 0x0300) & 0xFFFF);
        assertThat(InternetChecksum.pseudoHeader(new byte[16], 0, new byte[16], 0, 16, 6, 0x10002)).isEqualTo(6 + 2 + 1);
    }
}
