package org.frameinspector.core.input.hexdump;

/**
 * Guesses where a pasted dump starts: Ethernet II, IEEE 802.3 with LLC, IPv4, IPv6, a TCP payload starting with TPKT
 * (RFC 1006), or a bare COTP TPDU (ISO 8073). The checks look at header fields that must agree with each other
 * (version and lengths), so a guess is only made when the bytes are self-consistent; Ethernet is the fallback.
 */
public final class StartLayer {
    private StartLayer() {
    }

    public static String detect(byte[] b) {
        if (b.length >= 14) {
            int t = u16(b, 12);
            if (isKnownEthertype(t)) return "eth";
        }
        if (isTpkt(b)) return "tpkt";
        if (isIpv4(b)) return "ip";
        if (isIpv6(b)) return "ipv6";
        if (isCotp(b)) return "cotp";
        if (b.length >= 17) {
            int t = u16(b, 12);
            if (t <= 1500 && t >= 3) return "llc";
        }
        return "eth";
    }

    private static boolean isKnownEthertype(int t) {
        return t == 0x0800 || t == 0x86DD || t == 0x8100 || t == 0x88A8 || t == 0x9100 || t == 0x0806
                || t == 0x8035 || t == 0x8137 || t == 0x88CC || t == 0x8892 || t == 0x88E3 || t == 0x8847
                || t == 0x8848 || t == 0x8863 || t == 0x8864 || t == 0x888E || t == 0x88F7 || t == 0x22F0;
    }

    static boolean isTpkt(byte[] b) {
        if (b.length < 5 || (b[0] & 0xFF) != 3) return false;
        int len = u16(b, 2);
        if (len < 7) return false;
        int li = b[4] & 0xFF;
        // A non-zero reserved octet is exactly what we exist to explain (the KB's 03 11): accept it when the COTP
        // header behind it fits the TPKT and has a defined type.
        if ((b[1] & 0xFF) != 0) return b.length >= 6 && li >= 2 && li + 1 <= len - 4 && isCotpType(b[5] & 0xFF);
        return li >= 2 && li < len && (b.length < 6 || isCotpType(b[5] & 0xFF));
    }

    static boolean isIpv4(byte[] b) {
        if (b.length < 20 || (b[0] & 0xF0) != 0x40) return false;
        int ihl = (b[0] & 0x0F) * 4;
        int total = u16(b, 2);
        return ihl >= 20 && total >= ihl && ihl <= b.length;
    }

    static boolean isIpv6(byte[] b) {
        if (b.length < 40 || (b[0] & 0xF0) != 0x60) return false;
        int next = b[6] & 0xFF;
        return next == 6 || next == 17 || next == 58 || next == 0 || next == 43 || next == 44 || next == 60 || next == 59;
    }

    static boolean isCotp(byte[] b) {
        if (b.length < 2) return false;
        int li = b[0] & 0xFF;
        if (li < 1 || li == 255) return false;
        int type = b[1] & 0xFF;
        return li + 1 <= b.length && isCotpType(type);
    }

    private static boolean isCotpType(int type) {
        int hi = type & 0xF0;
        return hi == 0xE0 || hi == 0xD0 || type == 0xF0 || hi == 0x80 || hi == 0xC0 || hi == 0x70
                || hi == 0x10 || hi == 0x60 || hi == 0x20 || hi == 0x50 || hi == 0x40;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }
}
