package org.frameinspector.core.protocols.rdp;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.ValueNames;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;

/**
 * RDP structures carried by MCS (called by {@link Mcs}), all little-endian:
 * <ul>
 * <li>the client data blocks of the GCC Conference Create Request (MS-RDPBCGR 2.2.1.3.2–2.2.1.3.5: TS_UD_CS_CORE,
 * CS_SECURITY, CS_NET with its channel definitions, CS_CLUSTER; other blocks as header + data);</li>
 * <li>the server data blocks of the Conference Create Response (2.2.1.4.2–2.2.1.4.4: SC_CORE, SC_SECURITY with server
 * random and certificate, SC_NET with the channel IDs);</li>
 * <li>the user data of MCS Send Data Request / Indication with Standard RDP Security: the security header
 * (2.2.8.1.1.2: flags, flagsHi, data signature when SEC_ENCRYPT is set), the Security Exchange PDU (2.2.1.10), the
 * licensing preamble (2.2.1.12) and encrypted data.</li>
 * </ul>
 * Names, offsets and lengths follow Wireshark's rdp dissector; see docs/UPPER-AGREEMENT.md for where we differ.
 */
public class RdpData {
    static final int CS_CORE = 0xC001, CS_SECURITY = 0xC002, CS_NET = 0xC003, CS_CLUSTER = 0xC004;
    static final int SC_CORE = 0x0C01, SC_SECURITY = 0x0C02, SC_NET = 0x0C03;
    static final ValueNames BLOCK = ValueNames.of(0xC001, "clientCoreData", 0xC002, "clientSecurityData", 0xC003, "clientNetworkData",
            0xC004, "clientClusterData", 0xC005, "clientMonitorData", 0xC006, "clientMsgChannelData",
            0xC008, "clientMonitorExData", 0xC00A, "clientMultiTransportData",
            0x0C01, "serverCoreData", 0x0C02, "serverSecurityData", 0x0C03, "serverNetworkData",
            0x0C04, "serverMsgChannelData", 0x0C08, "serverMultiTransportData");
    static final ValueNames COLOR = ValueNames.of(0xCA00, "4 bits-per-pixel (bpp)", 0xCA01, "8 bits-per-pixel (bpp)",
            0xCA02, "15-bit 555 RGB mask", 0xCA03, "16-bit 565 RGB mask", 0xCA04, "24-bit RGB mask");
    static final ValueNames HIGH_COLOR = ValueNames.of(4, "4 bits-per-pixel (bpp)", 8, "8 bits-per-pixel (bpp)",
            15, "15-bit 555 RGB mask", 16, "16-bit 565 RGB mask", 24, "24-bit RGB mask");
    static final ValueNames KEYBOARD = ValueNames.of(1, "IBM PC/XT or compatible (83-key) keyboard",
            2, "Olivetti \"ICO\" (102-key) keyboard", 3, "IBM PC/AT (84-key) and similar keyboards",
            4, "IBM enhanced (101-key or 102-key) keyboard", 5, "Nokia 1050 and similar keyboards",
            6, "Nokia 9140 and similar keyboards", 7, "Japanese keyboard");
    static final ValueNames CONNECTION = ValueNames.of(0, "Unknown", 1, "Modem (56 Kbps)", 2, "Low-speed broadband (256 Kbps - 2 Mbps)",
            3, "Satellite (2 Mbps - 16 Mbps with high latency)", 4, "High-speed broadband (2 Mbps - 10 Mbps)",
            5, "WAN (10 Mbps or higher with high latency)", 6, "LAN (10 Mbps or higher)", 7, "Automatically detect");
    static final ValueNames ENC_METHOD = ValueNames.of(0, "None", 1, "40-bit RC4", 2, "128-bit RC4", 8, "56-bit RC4", 0x10, "FIPS");
    static final ValueNames ENC_LEVEL = ValueNames.of(0, "None", 1, "Low", 2, "Client Compatible", 3, "High", 4, "FIPS");
    static final ValueNames PKT = ValueNames.of(0, "(None)", 0x001, "Security Exchange PDU", 0x040, "Client Info PDU",
            0x080, "Licensing PDU", 0x400, "Redirection PDU");
    static final ValueNames LICENSE_MSG = ValueNames.of(0x01, "License Request", 0x02, "Platform Challenge", 0x03, "New License",
            0x04, "Upgrade License", 0x12, "License Info", 0x13, "New License Request",
            0x15, "Platform Challenge Response", 0xFF, "Error Alert");
    static final ValueNames LICENSE_ERROR = ValueNames.of(0x01, "ERR_INVALID_SERVER_CERTIFICATE", 0x02, "ERR_NO_LICENSE",
            0x03, "ERR_INVALID_MAC", 0x04, "ERR_INVALID_SCOPE", 0x06, "ERR_NO_LICENSE_SERVER",
            0x07, "STATUS_VALID_CLIENT", 0x08, "ERR_INVALID_CLIENT", 0x0B, "ERR_INVALID_PRODUCTID",
            0x0C, "ERR_INVALID_MESSAGE_LEN");
    static final ValueNames LICENSE_TRANSITION = ValueNames.of(1, "ST_TOTAL_ABORT", 2, "ST_NO_TRANSITION", 3, "ST_RESET_PHASE_TO_START",
            4, "ST_RESEND_LAST_MESSAGE");
    static final int SEC_EXCHANGE_PKT = 0x0001, SEC_ENCRYPT = 0x0008, SEC_INFO_PKT = 0x0040, SEC_LICENSE_PKT = 0x0080,
            SEC_PKT_MASK = 0x04C1;
    static final int CHANNEL_MAX_COUNT = 31;

    // ------------------------------------------------------------------ client data (GCC CCrq user data)

    public void clientData(Ctx ctx, Buf b) {
        L l = ctx.layer("rdp", "Remote Desktop Protocol, client data", b);
        Field top = RdpLe.tree(l, null, RdpFields.RDP_CLIENT_DATA, b.start(), b.length(), null);
        blocks(l, b, top, true);
        ctx.out().setInfo("MCS Connect Initial, ClientData");
    }

    public void serverData(Ctx ctx, Buf b) {
        L l = ctx.layer("rdp", "Remote Desktop Protocol, server data", b);
        Field top = RdpLe.tree(l, null, RdpFields.RDP_SERVER_DATA, b.start(), b.length(), null);
        ctx.out().setInfo("MCS Connect Response, ServerData");
        blocks(l, b, top, false);
    }

    private void blocks(L l, Buf b, Field top, boolean client) {
        int p = b.start();
        int n = 0;
        while (p < b.end() && n < 64) {
            if (!b.has(p, 4)) {
                l.payload(top, RdpFields.RDP_TRAILING, p, b.end() - p);
                return;
            }
            int type = b.u16le(p);
            int len = b.u16le(p + 2);
            int end = Math.min(b.end(), p + Math.max(4, len));
            String name = BLOCK.nameOr(type, client ? "clientUnknownData" : "serverUnknownData");
            FieldDef block = switch (type) {
                case CS_CORE -> RdpFields.RDP_CLIENT_CORE_DATA;
                case CS_SECURITY -> RdpFields.RDP_CLIENT_SECURITY_DATA;
                case CS_NET -> RdpFields.RDP_CLIENT_NETWORK_DATA;
                case CS_CLUSTER -> RdpFields.RDP_CLIENT_CLUSTER_DATA;
                case SC_CORE -> RdpFields.RDP_SERVER_CORE_DATA;
                case SC_SECURITY -> RdpFields.RDP_SERVER_SECURITY_DATA;
                case SC_NET -> RdpFields.RDP_SERVER_NETWORK_DATA;
                default -> client ? RdpFields.RDP_CLIENT_UNKNOWN_DATA : RdpFields.RDP_SERVER_UNKNOWN_DATA;
            };
            Field blk = RdpLe.tree(l, top, block.as(name), p, end - p, null);
            RdpLe.uint(l, blk, RdpFields.RDP_HEADER_TYPE, p, 2, v -> BLOCK.hexed(v, 4));
            Field lenF = RdpLe.uint(l, blk, RdpFields.RDP_HEADER_LENGTH, p + 2, 2);
            if (p + len > b.end()) {
                l.finding("FIELD-TRUNCATED", lenF, p + 2, 2, (p + len - b.end()) + " bytes short", len + " bytes");
            }
            int q = p + 4;
            switch (type) {
                case CS_CORE -> q = core(l, b, blk, q, end);
                case CS_SECURITY -> {
                    q = opt(l, b, blk, RdpFields.RDP_ENCRYPTION_METHODS, q, 4, end, 'b');
                    q = opt(l, b, blk, RdpFields.RDP_EXT_ENCRYPTION_METHODS, q, 4, end, 'b');
                }
                case CS_NET -> q = clientNet(l, b, blk, q, end);
                case CS_CLUSTER -> {
                    q = opt(l, b, blk, RdpFields.RDP_CLUSTER_FLAGS, q, 4, end, 'x');
                    q = opt(l, b, blk, RdpFields.RDP_REDIRECTED_SESSION_ID, q, 4, end, 'x');
                }
                case SC_CORE -> {
                    q = opt(l, b, blk, RdpFields.RDP_VERSION_MAJOR, q, 2, end, 'u');
                    q = opt(l, b, blk, RdpFields.RDP_VERSION_MINOR, q, 2, end, 'u');
                    q = opt(l, b, blk, RdpFields.RDP_CLIENT_REQUESTED_PROTOCOLS, q, 4, end, 'x');
                    q = opt(l, b, blk, RdpFields.RDP_EARLY_CAPABILITY_FLAGS, q, 4, end, 'u');
                }
                case SC_SECURITY -> q = serverSecurity(l, b, blk, q, end);
                case SC_NET -> q = serverNet(l, b, blk, q, end);
                default -> {
                }
            }
            if (q < end) l.payload(blk, RdpFields.RDP_BLOCK_DATA, q, end - q);
            p = end;
            n++;
        }
    }

    /**
     * One optional little-endian field that is present only when it fits in the block (MS-RDPBCGR lets clients and
     * servers end a block after any of the later fields). kind: u = decimal, x = hex, b = bytes, w = UTF-16 text.
     */
    private static int opt(L l, Buf b, Field parent, FieldDef def, int q, int len, int end, char kind) {
        if (q + len > end) return q;
        switch (kind) {
            case 'u' -> RdpLe.uint(l, parent, def, q, len);
            case 'x' -> RdpLe.hex(l, parent, def, q, len);
            case 'w' -> RdpLe.utf16(l, parent, def, q, len);
            default -> l.bytes(parent, def, q, len, null, null);
        }
        return q + len;
    }

    private static int core(L l, Buf b, Field blk, int q, int end) {
        q = opt(l, b, blk, RdpFields.RDP_VERSION_MAJOR, q, 2, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_VERSION_MINOR, q, 2, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_DESKTOP_WIDTH, q, 2, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_DESKTOP_HEIGHT, q, 2, end, 'u');
        if (q + 2 <= end) {
            RdpLe.uint(l, blk, RdpFields.RDP_COLOR_DEPTH, q, 2, v -> COLOR.hexed(v, 4));
            q += 2;
        }
        q = opt(l, b, blk, RdpFields.RDP_SASSEQUENCE, q, 2, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_KEYBOARD_LAYOUT, q, 4, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_CLIENT_BUILD, q, 4, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_CLIENT_NAME, q, 32, end, 'w');
        if (q + 4 <= end) {
            RdpLe.uint(l, blk, RdpFields.RDP_KEYBOARD_TYPE, q, 4, v -> KEYBOARD.dec(v));
            q += 4;
        }
        q = opt(l, b, blk, RdpFields.RDP_KEYBOARD_SUBTYPE, q, 4, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_KEYBOARD_FUNCTIONKEY, q, 4, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_IME_FILE_NAME, q, 64, end, 'b');
        if (q + 2 <= end) {
            RdpLe.uint(l, blk, RdpFields.RDP_POST_BETA2_COLOR_DEPTH, q, 2, v -> COLOR.hexed(v, 4));
            q += 2;
        }
        q = opt(l, b, blk, RdpFields.RDP_CLIENT_PRODUCT_ID, q, 2, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_SERIAL_NUMBER, q, 4, end, 'u');
        if (q + 2 <= end) {
            RdpLe.uint(l, blk, RdpFields.RDP_HIGH_COLOR_DEPTH, q, 2, v -> HIGH_COLOR.hexed(v, 4));
            q += 2;
        }
        q = opt(l, b, blk, RdpFields.RDP_SUPPORTED_COLOR_DEPTHS, q, 2, end, 'x');
        q = opt(l, b, blk, RdpFields.RDP_EARLY_CAPABILITY_FLAGS, q, 2, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_CLIENT_DIG_PRODUCT_ID, q, 64, end, 'w');
        if (q + 1 <= end) {
            RdpLe.uint(l, blk, RdpFields.RDP_CONNECTION_TYPE, q, 1, v -> CONNECTION.dec(v));
            q += 1;
        }
        q = opt(l, b, blk, RdpFields.RDP_PAD1OCTET, q, 1, end, 'x');
        q = opt(l, b, blk, RdpFields.RDP_SERVER_SELECTED_PROTOCOL, q, 4, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_DESKTOP_PHYSICAL_WIDTH, q, 4, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_DESKTOP_PHYSICAL_HEIGHT, q, 4, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_DESKTOP_ORIENTATION, q, 2, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_DESKTOP_SCALE_FACTOR, q, 4, end, 'u');
        q = opt(l, b, blk, RdpFields.RDP_DEVICE_SCALE_FACTOR, q, 4, end, 'u');
        return q;
    }

    private static int clientNet(L l, Buf b, Field blk, int q, int end) {
        if (q + 4 > end) return q;
        Field countF = RdpLe.uint(l, blk, RdpFields.RDP_CHANNEL_COUNT, q, 4);
        long count = countF.longValue();
        q += 4;
        if (count > CHANNEL_MAX_COUNT) {
            l.finding("RDP-CS-NET-TOO-MANY-CHANNELS", countF, Long.toString(count), "at most " + CHANNEL_MAX_COUNT);
        }
        int fit = (end - q) / 12;
        int n = (int) Math.min(count, fit);
        if (n <= 0) return q;
        Field arr = RdpLe.tree(l, blk, RdpFields.RDP_CHANNEL_DEF_ARRAY, q, n * 12, null);
        for (int i = 0; i < n; i++) {
            Field def = RdpLe.tree(l, arr, RdpFields.RDP_CHANNEL_DEF, q, 12, null);
            Field name = RdpLe.ansi(l, def, RdpFields.RDP_NAME, q, 8);
            boolean nul = false;
            for (int j = 0; j < 8; j++) nul |= b.u8(q + j) == 0;
            if (!nul) l.finding("RDP-CHANNEL-NAME-UNTERMINATED", name, name.display(), "a NUL within the 8 bytes");
            Field opts = RdpLe.hex(l, def, RdpFields.RDP_OPTIONS, q + 8, 4);
            for (FieldDef o : RdpFields.RDP_CHANNEL_OPTIONS) RdpLe.bits(l, opts, o, q + 8, 4, o.mask(), v -> Fmt.hex(v, 8));
            q += 12;
        }
        return q;
    }

    private static int serverSecurity(L l, Buf b, Field blk, int q, int end) {
        if (q + 8 > end) return q;
        long method = RdpLe.uint(l, blk, RdpFields.RDP_ENCRYPTION_METHOD, q, 4,
                v -> ENC_METHOD.hexed(v, 8)).longValue();
        long level = RdpLe.uint(l, blk, RdpFields.RDP_ENCRYPTION_LEVEL, q + 4, 4,
                v -> ENC_LEVEL.hexed(v, 8)).longValue();
        q += 8;
        l.ctx().out().setInfo("MCS Connect Response, ServerData, Encryption: " + ENC_METHOD.nameOr(method, "Unknown")
                + " (" + ENC_LEVEL.nameOr(level, "Unknown") + ")");
        if ((method == 0 && level == 0) || q + 8 > end) return q;
        long rl = RdpLe.uint(l, blk, RdpFields.RDP_SERVER_RANDOM_LEN, q, 4).longValue();
        long cl = RdpLe.uint(l, blk, RdpFields.RDP_SERVER_CERT_LEN, q + 4, 4).longValue();
        q += 8;
        if (rl > 0 && rl <= end - q) {
            l.bytes(blk, RdpFields.RDP_SERVER_RANDOM, q, (int) rl, null, null);
            q += (int) rl;
        }
        if (cl > 0 && cl <= end - q) {
            l.bytes(blk, RdpFields.RDP_SERVER_CERTIFICATE, q, (int) cl, null, null);
            q += (int) cl;
        }
        return q;
    }

    private static int serverNet(L l, Buf b, Field blk, int q, int end) {
        if (q + 4 > end) return q;
        RdpLe.uint(l, blk, RdpFields.RDP_MCSCHANNEL_ID, q, 2);
        Field countF = RdpLe.uint(l, blk, RdpFields.RDP_CHANNEL_COUNT, q + 2, 2);
        int count = (int) countF.longValue();
        q += 4;
        int n = Math.min(count, (end - q) / 2);
        if (n > 0) {
            Field arr = RdpLe.tree(l, blk, RdpFields.RDP_CHANNEL_ID_ARRAY, q, n * 2, null);
            for (int i = 0; i < n; i++) {
                RdpLe.uint(l, arr, RdpFields.RDP_MCSCHANNEL_ID, q, 2);
                q += 2;
            }
        }
        if ((count & 1) != 0) {
            if (q + 2 <= end) {
                RdpLe.uint(l, blk, RdpFields.RDP_PAD, q, 2);
                q += 2;
            } else {
                // MS-RDPBCGR 2.2.1.4.4: with an odd channelCount the Pad field MUST be present
                l.finding("RDP-SC-NET-PAD-MISSING", countF, count + " channels, block of " + (end - blk.offset())
                        + " bytes", "2 more bytes of Pad (the block size must be a multiple of 4)");
            }
        }
        return q;
    }

    // ------------------------------------------------------------------ MCS Send Data user data

    void sendData(Ctx ctx, Buf b) {
        L l = ctx.layer("rdp", "Remote Desktop Protocol", b);
        int s = b.start();
        Field top = RdpLe.tree(l, null, RdpFields.RDP_SEND_DATA, s, b.length(), null);
        if (!b.has(s, 4)) {
            l.payload(top, RdpFields.RDP_UNDECODED, s, b.length());
            return;
        }
        int flags = b.u16le(s);
        // Without a security header (Enhanced RDP Security, or Standard RDP Security at encryption level None) the data
        // starts with a share control header whose totalLength is the data's length; a security flags value never
        // equals it in practice.
        if (flags == b.length() && (flags & SEC_PKT_MASK) == 0) {
            shareControl(l, b, top, s);
            return;
        }
        int pkt = flags & SEC_PKT_MASK;
        Field parent = top;
        String info;
        switch (pkt) {
            case SEC_EXCHANGE_PKT -> {
                parent = RdpLe.tree(l, top, RdpFields.RDP_SECURITY_EXCHANGE_PDU, s, b.length(), null);
                info = "SecurityExchange";
            }
            case SEC_INFO_PKT -> {
                parent = RdpLe.tree(l, top, RdpFields.RDP_CLIENT_INFO_PDU, s, b.length(), null);
                info = "ClientInfo";
            }
            case SEC_LICENSE_PKT -> {
                parent = RdpLe.tree(l, top, RdpFields.RDP_VALID_CLIENT_LICENSE_DATA, s, b.length(), null);
                info = "Licensing";
            }
            default -> info = "Data";
        }
        int p = securityHeader(l, parent, s);
        boolean encrypted = (flags & SEC_ENCRYPT) != 0;
        if (pkt == SEC_EXCHANGE_PKT) {
            Field lenF = RdpLe.uint(l, parent, RdpFields.RDP_LENGTH, p, 4);
            long len = lenF.longValue();
            p += 4;
            int have = b.end() - p;
            if (len != have) {
                // MS-RDPBCGR 2.2.1.10.1: length is the size of encryptedClientRandom, which fills the rest of the PDU
                l.finding("RDP-SEC-EXCHANGE-LENGTH", lenF, len + " bytes", have + " bytes (the rest of the PDU)");
            }
            int n = (int) Math.min(len, have);
            if (n > 0) l.bytes(parent, RdpFields.RDP_ENCRYPTED_CLIENT_RANDOM, p, n, null, null);
            p += Math.max(n, 0);
        } else if (encrypted) {
            p = signature(l, b, parent, p);
            if (p < b.end()) {
                l.field(parent, RdpFields.RDP_ENCRYPTED_DATA, p, b.end() - p, 0, null,
                        (b.end() - p) + " bytes (RC4-encrypted, not decoded)", FieldKind.PAYLOAD);
                p = b.end();
            }
            info += ", [Encrypted]";
        } else if (pkt == SEC_LICENSE_PKT) {
            p = licensing(l, b, parent, p);
        }
        if (p < b.end()) l.payload(parent, RdpFields.RDP_UNDECODED.as("Not decoded"), p, b.end() - p);
        ctx.out().appendInfo(", ", info);
    }

    private static int securityHeader(L l, Field parent, int s) {
        Field f = RdpLe.hex(l, parent, RdpFields.RDP_FLAGS, s, 2);
        RdpLe.bits(l, f, RdpFields.RDP_FLAGS_PKT, s, 2, 0x04C1, v -> PKT.hexed(v, 3));
        RdpLe.bits(l, f, RdpFields.RDP_FLAGS_ENCRYPT, s, 2, 0x0008, v -> Fmt.hex(v, 1));
        RdpLe.bits(l, f, RdpFields.RDP_FLAGS_RESETSEQNO, s, 2, 0x0010, v -> Fmt.hex(v, 1));
        RdpLe.bits(l, f, RdpFields.RDP_FLAGS_IGNORESEQNO, s, 2, 0x0020, v -> Fmt.hex(v, 1));
        RdpLe.bits(l, f, RdpFields.RDP_FLAGS_LICENSEENCRYPT, s, 2, 0x0200, v -> Fmt.hex(v, 1));
        RdpLe.bits(l, f, RdpFields.RDP_FLAGS_SECURECHECKSUM, s, 2, 0x0800, v -> Fmt.hex(v, 1));
        RdpLe.bits(l, f, RdpFields.RDP_FLAGS_FLAGSHIVALID, s, 2, 0x8000, v -> Fmt.hex(v, 1));
        RdpLe.hex(l, parent, RdpFields.RDP_FLAGS_HI, s + 2, 2);
        return s + 4;
    }

    private static int signature(L l, Buf b, Field parent, int p) {
        int n = Math.min(8, b.end() - p);
        if (n <= 0) return p;
        l.bytes(parent, RdpFields.RDP_DATA_SIGNATURE, p, n, null, null);
        return p + n;
    }

    /** Unencrypted licensing PDU (MS-RDPBCGR 2.2.1.12.1.1 preamble; the error message of 2.2.1.12.1.3). */
    private static int licensing(L l, Buf b, Field parent, int p) {
        if (!b.has(p, 4)) return p;
        int type = (int) RdpLe.uint(l, parent, RdpFields.RDP_B_MSG_TYPE, p, 1, v -> LICENSE_MSG.hexed(v, 2)).longValue();
        RdpLe.uint(l, parent, RdpFields.RDP_B_VERSION, p + 1, 1, v -> Fmt.hex(v, 2));
        RdpLe.uint(l, parent, RdpFields.RDP_W_MSG_SIZE, p + 2, 2);
        p += 4;
        l.ctx().out().setInfo(LICENSE_MSG.nameOr(type, "Licensing"));
        if (type == 0xFF && b.has(p, 12)) {
            RdpLe.uint(l, parent, RdpFields.RDP_DW_ERROR_CODE, p, 4, v -> LICENSE_ERROR.hexed(v, 8));
            RdpLe.uint(l, parent, RdpFields.RDP_DW_STATE_TRANSITION, p + 4, 4, v -> LICENSE_TRANSITION.hexed(v, 8));
            RdpLe.uint(l, parent, RdpFields.RDP_W_BLOB_TYPE, p + 8, 2, v -> Fmt.hex(v, 4));
            int bl = (int) RdpLe.uint(l, parent, RdpFields.RDP_W_BLOB_LEN, p + 10, 2).longValue();
            p += 12;
            int n = Math.min(bl, b.end() - p);
            if (n > 0) {
                l.bytes(parent, RdpFields.RDP_BLOB_DATA, p, n, null, null);
                p += n;
            }
        } else if (p < b.end()) {
            l.payload(parent, RdpFields.RDP_LICENSE_DATA, p, b.end() - p);
            p = b.end();
        }
        return p;
    }

    /** TS_SHARECONTROLHEADER (MS-RDPBCGR 2.2.8.1.1.1.1) at the start of unprotected slow-path data. */
    private static void shareControl(L l, Buf b, Field top, int s) {
        Field h = RdpLe.tree(l, top, RdpFields.RDP_SHARE_CONTROL_HEADER, s, Math.min(6, b.length()), null);
        RdpLe.uint(l, h, RdpFields.RDP_TOTAL_LENGTH, s, 2);
        int p = s + 2;
        if (b.has(p, 2)) {
            Field t = RdpLe.hex(l, h, RdpFields.RDP_PDU_TYPE, p, 2);
            RdpLe.bits(l, t, RdpFields.RDP_PDU_TYPE_TYPE, p, 2, 0x000F, null);
            RdpLe.bits(l, t, RdpFields.RDP_PDU_TYPE_VERSION, p, 2, 0xFFF0, null);
            p += 2;
        }
        if (b.has(p, 2)) {
            RdpLe.uint(l, h, RdpFields.RDP_PDU_SOURCE, p, 2);
            p += 2;
        }
        if (p < b.end()) l.payload(top, RdpFields.RDP_UNDECODED.as("Share PDU body (not decoded)"), p, b.end() - p);
    }
}
