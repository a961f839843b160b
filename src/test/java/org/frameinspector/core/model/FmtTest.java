package org.frameinspector.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The address texts every frame makes, written without a StringBuilder: the same text as before, digit by digit. */
class FmtTest {
    @Test
    void ipv4EveryDigitCount() {
        byte[] b = {0, 9, 10, 99, 100, (byte) 255, 1, 0};
        assertThat(Fmt.ipv4(b, 0)).isEqualTo("0.9.10.99");
        assertThat(Fmt.ipv4(b, 2)).isEqualTo("10.99.100.255");
        assertThat(Fmt.ipv4(b, 4)).isEqualTo("100.255.1.0");
        for (int v = 0; v < 256; v++) {
            byte[] x = {(byte) v, (byte) (255 - v), (byte) (v / 2), (byte) (v * 7)};
            String want = (x[0] & 0xFF) + "." + (x[1] & 0xFF) + "." + (x[2] & 0xFF) + "." + (x[3] & 0xFF);
            assertThat(Fmt.ipv4(x, 0)).isEqualTo(want);
        }
    }

    @Test
    void colonHexAndMac() {
        byte[] b = {0x00, 0x1b, (byte) 0xff, (byte) 0xa0, 0x01, 0x7f, 0x10};
        assertThat(Fmt.mac(b, 0)).isEqualTo("00:1b:ff:a0:01:7f");
        assertThat(Fmt.colonHex(b, 6, 1)).isEqualTo("10");
        assertThat(Fmt.colonHex(b, 0, 0)).isEmpty();
        assertThat(Fmt.colonHex(b, 1, 3)).isEqualTo("1b:ff:a0");
    }
}
