package org.frameinspector.core.input.hexdump;

/** Guesses where a pasted dump starts: Ethernet, 802.3/LLC, IPv4, IPv6, TPKT or bare COTP. */
public final class StartLayer {
    private StartLayer() {
    }

    public static String detect(byte[] b) {
        if (b.length >= 14) {
            int t = ((b[12] & 0xFF) << 8) | (b[13] & 0xFF);
            if (t == 0x0800 || t == 0x86DD || t == 0x8100 || t == 0x88A8 || t == 0x0806 || t == 0x9100) return "eth";
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 3 && (((b[2] & 0xFF) << 8) | (b[3] & 0xFF)) >= 7) return "tpkt";
        if (b.length >= 20 && (b[0] & 0xF0) == 0x40 && (b[0] & 0x0F) >= 5) return "ip";
        if (b.length >= 40 && (b[0] & 0xF0) == 0x60) return "ipv6";
        if (b.length >= 14) {
            int t = ((b[12] & 0xFF) << 8) | (b[13] & 0xFF);
            if (t <= 1500) return "eth";
        }
        return "eth";
    }
}
