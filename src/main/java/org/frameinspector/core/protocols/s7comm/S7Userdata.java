package org.frameinspector.core.protocols.s7comm;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.ValueNames;
import java.nio.charset.StandardCharsets;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;

/**
 * The data part of S7comm userdata PDUs after return code / transport size / length: SZL (system status list)
 * requests and responses with the common partial lists, block-function lists and the CPU clock. Field names and
 * layouts follow Wireshark's s7comm dissector (the only public description of these community-decoded structures).
 */
final class S7Userdata {
    private S7Userdata() {
    }

    static final ValueNames BLOCK_TYPE = ValueNames.of(0x3038, "OB", 0x3039, "CMOD", 0x3041, "DB", 0x3042, "SDB", 0x3043, "FC",
            0x3044, "SFC", 0x3045, "FB", 0x3046, "SFB");
    static final ValueNames BLOCK_LANG = ValueNames.of(0, "Not defined", 1, "AWL", 2, "KOP", 3, "FUP", 4, "SCL", 5, "DB",
            6, "GRAPH", 7, "SDB", 8, "CPU-DB", 17, "SDB (after overall reset)", 18, "SDB (Routing)", 41, "Encrypt");
    static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static final String[] WEEKDAYS = {"Undefined", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    /** Decodes [q, qe) for (function group, subfunction, type); returns where the decoded part ends. */
    static int data(L l, Buf b, Field data, int group, int sub, int type, int q, int qe) {
        if (group == 4 && sub == 1) return szl(l, b, data, type, q, qe);
        if (group == 3) return blocks(l, b, data, sub, type, q, qe);
        if (group == 7 && (sub == 1 || sub == 3) && type == 8 && qe - q >= 10) return timestamp(l, b, data, q);
        if (group == 7 && (sub == 2 || sub == 4) && type == 4 && qe - q >= 10) return timestamp(l, b, data, q);
        return q;
    }

    // ---- SZL ----

    private static int szl(L l, Buf b, Field data, int type, int q, int qe) {
        if (qe - q < 4) return q;
        int id = b.u16(q);
        Field idF = l.hex(data, S7commFields.S7COMM_DATA_USERDATA_SZL_ID, q, 2);
        l.bits(idF, S7commFields.S7COMM_DATA_USERDATA_SZL_ID_DIAG_TYPE, q, 2, 0xF000, v -> Fmt.hex(v, 1));
        l.bits(idF, S7commFields.S7COMM_DATA_USERDATA_SZL_ID_PARTLIST_EX, q, 2, 0x0FFF, v -> Fmt.hex(v, 4));
        l.bits(idF, S7commFields.S7COMM_DATA_USERDATA_SZL_ID_PARTLIST_NUM, q, 2, 0x00FF, v -> Fmt.hex(v, 2));
        int index = b.u16(q + 2);
        l.hex(data, S7commFields.S7COMM_DATA_USERDATA_SZL_INDEX, q + 2, 2);
        int p = q + 4;
        if (type != 8 || qe - p < 4) return p;
        int plen = (int) l.uint(data, S7commFields.S7COMM_DATA_USERDATA_SZL_ID_PARTLIST_LEN, p, 2).longValue();
        int pcnt = (int) l.uint(data, S7commFields.S7COMM_DATA_USERDATA_SZL_ID_PARTLIST_CNT, p + 2, 2).longValue();
        p += 4;
        for (int i = 1; i <= pcnt && plen > 0 && p + plen <= qe; i++) {
            Field t = l.tree(data, S7commFields.S7COMM_DATA_USERDATA_SZL_DATA_TREE, p, plen, null, "(list count no. " + i + ")");
            int used = szlEntry(l, b, t, id, index, p, plen);
            if (used < plen) l.bytes(t, S7commFields.S7COMM_DATA_USERDATA_SZL_DATA, p + used, plen - used, null, null);
            p += plen;
        }
        return p;
    }

    /** One partial-list entry; returns the bytes decoded. */
    private static int szlEntry(L l, Buf b, Field t, int id, int index, int p, int n) {
        int num = id & 0x00FF;
        if (id == 0x0000 || (id & 0x0FFF) == 0x0F00) {
            if (n < 2) return 0;
            l.hex(t, S7commFields.S7COMM_SZL_0000_0000_SZL_ID, p, 2);
            return 2;
        }
        if (num == 0x11 && n >= 28) {
            l.hex(t, S7commFields.S7COMM_SZL_XY11_0001_INDEX, p, 2);
            str(l, b, t, S7commFields.S7COMM_SZL_XY11_0001_ANZ, p + 2, 20);
            l.hex(t, S7commFields.S7COMM_SZL_XY11_0001_BGTYP, p + 22, 2);
            l.uint(t, S7commFields.S7COMM_SZL_XY11_0001_AUSBG, p + 24, 2);
            l.uint(t, S7commFields.S7COMM_SZL_XY11_0001_AUSBE, p + 26, 2);
            return 28;
        }
        if (num == 0x1C && n >= 34) {
            int ix = b.u16(p);
            l.hex(t, S7commFields.S7COMM_SZL_001C_000X_INDEX, p, 2);
            int u = 2;
            switch (ix) {
                case 1 -> u += str(l, b, t, S7commFields.S7COMM_SZL_001C_0001_NAME, p + 2, 24);
                case 2 -> u += str(l, b, t, S7commFields.S7COMM_SZL_001C_0002_NAME, p + 2, 24);
                case 3 -> u += str(l, b, t, S7commFields.S7COMM_SZL_001C_0003_TAG, p + 2, 32);
                case 4 -> u += str(l, b, t, S7commFields.S7COMM_SZL_001C_0004_COPYRIGHT, p + 2, 26);
                case 5 -> u += str(l, b, t, S7commFields.S7COMM_SZL_001C_0005_SERIALN, p + 2, 24);
                case 7 -> u += str(l, b, t, S7commFields.S7COMM_SZL_001C_0007_CPUTYPNAME, p + 2, 32);
                case 8 -> u += str(l, b, t, S7commFields.S7COMM_SZL_001C_0008_SNMCMMC, p + 2, 32);
                case 9 -> {
                    l.hex(t, S7commFields.S7COMM_SZL_001C_0009_MANUFACTURER_ID, p + 2, 2);
                    l.hex(t, S7commFields.S7COMM_SZL_001C_0009_PROFILE_ID, p + 4, 2);
                    l.hex(t, S7commFields.S7COMM_SZL_001C_0009_PROFILE_SPEC_TYP, p + 6, 2);
                    u += 6;
                }
                case 10 -> {
                    str(l, b, t, S7commFields.S7COMM_SZL_001C_000A_OEM_COPYRIGHT_STRING, p + 2, 26);
                    l.hex(t, S7commFields.S7COMM_SZL_001C_000A_OEM_ID, p + 28, 2);
                    l.hex(t, S7commFields.S7COMM_SZL_001C_000A_OEM_ADD_ID, p + 30, 4);
                    u += 32;
                }
                case 11 -> u += str(l, b, t, S7commFields.S7COMM_SZL_001C_000B_LOC_ID, p + 2, 32);
                default -> {
                }
            }
            if (u > 2 && u < n) {
                l.bytes(t, S7commFields.S7COMM_SZL_001C_000X_RES, p + u, n - u, null, FieldKind.RESERVED);
                u = n;
            }
            return u;
        }
        if (num == 0x13 && n >= 36) {
            l.hex(t, S7commFields.S7COMM_SZL_0013_0000_INDEX, p, 2);
            l.hex(t, S7commFields.S7COMM_SZL_0013_0000_CODE, p + 2, 2);
            l.uint(t, S7commFields.S7COMM_SZL_0013_0000_SIZE, p + 4, 4);
            Field m = l.uint(t, S7commFields.S7COMM_SZL_0013_0000_MODE, p + 8, 2);
            l.bits(m, S7commFields.S7COMM_SZL_0013_0000_MODE_VOL_MEM, p + 8, 2, 0x01, ValueNames::bool);
            l.bits(m, S7commFields.S7COMM_SZL_0013_0000_MODE_NVOL_MEM, p + 8, 2, 0x02, ValueNames::bool);
            l.bits(m, S7commFields.S7COMM_SZL_0013_0000_MODE_MIXED_MEM, p + 8, 2, 0x04, ValueNames::bool);
            l.bits(m, S7commFields.S7COMM_SZL_0013_0000_MODE_CD_SEP, p + 8, 2, 0x08, ValueNames::bool);
            l.bits(m, S7commFields.S7COMM_SZL_0013_0000_MODE_CD_TOG, p + 8, 2, 0x10, ValueNames::bool);
            l.hex(t, S7commFields.S7COMM_SZL_0013_0000_GRANU, p + 10, 2);
            FieldDef[] a = {S7commFields.S7COMM_SZL_0013_0000_BER1, S7commFields.S7COMM_SZL_0013_0000_BELEGT1,
                S7commFields.S7COMM_SZL_0013_0000_BLOCK1, S7commFields.S7COMM_SZL_0013_0000_BER2,
                S7commFields.S7COMM_SZL_0013_0000_BELEGT2, S7commFields.S7COMM_SZL_0013_0000_BLOCK2};
            for (int i = 0; i < a.length; i++) l.uint(t, a[i], p + 12 + 4 * i, 4);
            return 36;
        }
        if (num == 0x74 && n >= 4) {
            Field c = l.hex(t, S7commFields.S7COMM_SZL_XY74_0000_CPU_LED_ID, p, 2);
            l.bits(c, S7commFields.S7COMM_SZL_XY74_0000_CPU_LED_ID_RACKNO, p, 2, 0x0700, null);
            l.bits(c, S7commFields.S7COMM_SZL_XY74_0000_CPU_LED_ID_CPUTYPE, p, 2, 0x0800, null);
            l.bits(c, S7commFields.S7COMM_SZL_XY74_0000_CPU_LED_ID_ID, p, 2, 0x00FF, null);
            l.uint(t, S7commFields.S7COMM_SZL_XY74_0000_LED_ON, p + 2, 1);
            l.uint(t, S7commFields.S7COMM_SZL_XY74_0000_LED_BLINK, p + 3, 1);
            return 4;
        }
        if ((id & 0x0FFF) == 0x0424 && n >= 20) {
            l.hex(t, S7commFields.S7COMM_SZL_0424_0000_EREIG, p, 2);
            l.hex(t, S7commFields.S7COMM_SZL_0424_0000_AE, p + 2, 1);
            Field z = l.hex(t, S7commFields.S7COMM_SZL_0424_0000_BZU_ID, p + 3, 1);
            l.bits(z, S7commFields.S7COMM_SZL_0424_0000_BZU_ID_REQ, p + 3, 1, 0x0F, v -> Fmt.hex(v, 1));
            l.bits(z, S7commFields.S7COMM_SZL_0424_0000_BZU_ID_PRE, p + 3, 1, 0xF0, v -> Fmt.hex(v, 1));
            l.bytes(t, S7commFields.S7COMM_SZL_0424_0000_RES, p + 4, 4, null, FieldKind.RESERVED);
            FieldDef[] anl = {S7commFields.S7COMM_SZL_0424_0000_ANLINFO1, S7commFields.S7COMM_SZL_0424_0000_ANLINFO2,
                S7commFields.S7COMM_SZL_0424_0000_ANLINFO3, S7commFields.S7COMM_SZL_0424_0000_ANLINFO4};
            for (int i = 1; i <= 4; i++) l.hex(t, anl[i - 1], p + 7 + i, 1);
            l.bytes(t, S7commFields.S7COMM_SZL_0424_0000_TIME, p + 12, 8, null, null);
            return 20;
        }
        if (id == 0x0131 && index == 1 && n >= 40) {
            l.hex(t, S7commFields.S7COMM_SZL_0131_0001_INDEX, p, 2);
            l.uint(t, S7commFields.S7COMM_SZL_0131_0001_PDU, p + 2, 2);
            l.uint(t, S7commFields.S7COMM_SZL_0131_0001_ANZ, p + 4, 2);
            l.hex(t, S7commFields.S7COMM_SZL_0131_0001_MPI_BPS, p + 6, 4);
            l.hex(t, S7commFields.S7COMM_SZL_0131_0001_KBUS_BPS, p + 10, 4);
            l.bytes(t, S7commFields.S7COMM_SZL_0131_0001_RES, p + 14, n - 14, null, FieldKind.RESERVED);
            return n;
        }
        if (id == 0x0132 && index == 2 && n >= 40) {
            l.hex(t, S7commFields.S7COMM_SZL_0132_0002_INDEX, p, 2);
            l.uint(t, S7commFields.S7COMM_SZL_0132_0002_ANZ, p + 2, 2);
            l.bytes(t, S7commFields.S7COMM_SZL_0132_0002_RES, p + 4, n - 4, null, FieldKind.RESERVED);
            return n;
        }
        if (id == 0x0132 && index == 4 && n >= 40) {
            l.hex(t, S7commFields.S7COMM_SZL_0132_0004_INDEX, p, 2);
            FieldDef[] u = {S7commFields.S7COMM_SZL_0132_0004_KEY, S7commFields.S7COMM_SZL_0132_0004_PARAM,
                S7commFields.S7COMM_SZL_0132_0004_REAL, S7commFields.S7COMM_SZL_0132_0004_BART_SCH,
                S7commFields.S7COMM_SZL_0132_0004_CRST_WRST};
            for (int i = 0; i < u.length; i++) l.uint(t, u[i], p + 2 + 2 * i, 2);
            l.hex(t, S7commFields.S7COMM_SZL_0132_0004_KEN_F, p + 12, 2);
            l.hex(t, S7commFields.S7COMM_SZL_0132_0004_KEN_REL, p + 14, 2);
            FieldDef[] k = {S7commFields.S7COMM_SZL_0132_0004_KEN_VER1_HW, S7commFields.S7COMM_SZL_0132_0004_KEN_VER2_HW,
                S7commFields.S7COMM_SZL_0132_0004_KEN_VER1_AWP, S7commFields.S7COMM_SZL_0132_0004_KEN_VER2_AWP};
            for (int i = 0; i < k.length; i++) {
                int off = p + 16 + 2 * i;
                int v = b.u16le(off);
                l.field(t, k[i], off, 2, 0, (long) v, Fmt.hex(v, 4), FieldKind.NORMAL);
            }
            l.bytes(t, S7commFields.S7COMM_SZL_0132_0004_RES, p + 24, n - 24, null, FieldKind.RESERVED);
            return n;
        }
        return 0;
    }

    /** A fixed-size ASCII field; the value stops at the first NUL like Wireshark's string display. */
    private static int str(L l, Buf b, Field parent, FieldDef def, int off, int len) {
        l.need(parent, def, off, len);
        byte[] raw = b.copy(off, len);
        int z = 0;
        while (z < raw.length && raw[z] != 0) z++;
        String s = new String(raw, 0, z, StandardCharsets.ISO_8859_1);
        l.field(parent, def, off, len, 0, s, s, FieldKind.NORMAL);
        return len;
    }

    // ---- block functions ----

    private static int blocks(L l, Buf b, Field data, int sub, int type, int q, int qe) {
        if (sub == 1 && type == 8) {
            int i = 1;
            for (; q + 4 <= qe; q += 4, i++) {
                int bt = b.u16(q);
                Field it = l.tree(data, S7commFields.S7COMM_DATA_ITEM.as("Item [" + i + "]"), q, 4, null, "(Block type " + BLOCK_TYPE.nameOr(bt, "?") + ")");
                blockType(l, b, it, q);
                l.uint(it, S7commFields.S7COMM_BLOCKINFO_BLOCK_COUNT, q + 2, 2);
            }
            return q;
        }
        if (sub == 2 && type == 4 && qe - q >= 2) {
            blockType(l, b, data, q);
            return q + 2;
        }
        if (sub == 2 && type == 8) {
            int i = 1;
            for (; q + 4 <= qe; q += 4, i++) {
                int num = b.u16(q);
                Field it = l.tree(data, S7commFields.S7COMM_DATA_ITEM.as("Item [" + i + "]"), q, 4, null, "(Block number " + num + ")");
                l.uint(it, S7commFields.S7COMM_BLOCKINFO_BLOCK_NUM, q, 2);
                l.hex(it, S7commFields.S7COMM_BLOCKINFO_FLAGS, q + 2, 1);
                l.uint(it, S7commFields.S7COMM_BLOCKINFO_BLOCK_LANG, q + 3, 1, BLOCK_LANG::dec);
            }
            return q;
        }
        if (sub == 3 && type == 4 && qe - q >= 8) {
            blockType(l, b, data, q);
            str(l, b, data, S7commFields.S7COMM_DATA_BLOCKINFO_BLOCK_NUMBER, q + 2, 5);
            str(l, b, data, S7commFields.S7COMM_DATA_BLOCKINFO_FILESYS, q + 7, 1);
            return q + 8;
        }
        return q;
    }

    /** Two ASCII characters ("08" = OB, "0A" = DB …). */
    private static void blockType(L l, Buf b, Field parent, int q) {
        l.need(parent, S7commFields.S7COMM_BLOCKINFO_BLOCKTYPE, q, 2);
        String s = new String(b.copy(q, 2), StandardCharsets.ISO_8859_1);
        l.field(parent, S7commFields.S7COMM_BLOCKINFO_BLOCKTYPE, q, 2, 0, s,
                s + " (" + BLOCK_TYPE.nameOr(b.u16(q), "Unknown") + ")", FieldKind.NORMAL);
    }

    // ---- time ----

    private static int bcd(int v) {
        return (v >> 4) * 10 + (v & 0x0F);
    }

    private static int timestamp(L l, Buf b, Field data, int q) {
        int y1 = bcd(b.u8(q + 1)), y2 = bcd(b.u8(q + 2)), mo = bcd(b.u8(q + 3)), d = bcd(b.u8(q + 4));
        int h = bcd(b.u8(q + 5)), mi = bcd(b.u8(q + 6)), s = bcd(b.u8(q + 7));
        int msw = b.u16(q + 8);
        int ms = ((msw >> 12) & 0xF) * 100 + ((msw >> 8) & 0xF) * 10 + ((msw >> 4) & 0xF);
        int year = y2 >= 90 ? 1900 + y2 : 2000 + y2;
        String text = (mo >= 1 && mo <= 12 ? MONTHS[mo - 1] : "?") + " " + d + ", " + year + " "
                + String.format("%02d:%02d:%02d.%03d000000 UTC", h, mi, s, ms);
        Field ts = l.field(data, S7commFields.S7COMM_DATA_TS, q, 10, 0, text, text, FieldKind.NORMAL);
        l.hex(ts, S7commFields.S7COMM_DATA_TS_RESERVED, q, 1);
        FieldDef[] n = {S7commFields.S7COMM_DATA_TS_YEAR1, S7commFields.S7COMM_DATA_TS_YEAR2,
            S7commFields.S7COMM_DATA_TS_MONTH, S7commFields.S7COMM_DATA_TS_DAY, S7commFields.S7COMM_DATA_TS_HOUR,
            S7commFields.S7COMM_DATA_TS_MINUTE, S7commFields.S7COMM_DATA_TS_SECOND};
        for (int i = 0; i < n.length; i++) {
            int v = bcd(b.u8(q + 1 + i));
            l.field(ts, n[i], q + 1 + i, 1, 0, (long) v,
                    Integer.toString(v), FieldKind.NORMAL);
        }
        l.field(ts, S7commFields.S7COMM_DATA_TS_MILLISECOND, q + 8, 2, 0xFFF0,
                (long) ms, Integer.toString(ms), FieldKind.NORMAL);
        int wd = msw & 0x0F;
        l.field(ts, S7commFields.S7COMM_DATA_TS_WEEKDAY, q + 8, 2, 0x000F, (long) wd,
                (wd < WEEKDAYS.length ? WEEKDAYS[wd] : "Unknown") + " (" + wd + ")", FieldKind.NORMAL);
        return q + 10;
    }
}
