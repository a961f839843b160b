package org.frameinspector.core.protocols.s7comm;

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
        Field idF = l.hex(data, "s7comm.data.userdata.szl_id", "SZL-ID", q, 2);
        l.bits(idF, "s7comm.data.userdata.szl_id.diag_type", "Diagnostic type", q, 2, 0xF000, v -> Fmt.hex(v, 1));
        l.bits(idF, "s7comm.data.userdata.szl_id.partlist_ex", "Number of the partial list extract", q, 2, 0x0FFF, v -> Fmt.hex(v, 4));
        l.bits(idF, "s7comm.data.userdata.szl_id.partlist_num", "Number of the partial list", q, 2, 0x00FF, v -> Fmt.hex(v, 2));
        int index = b.u16(q + 2);
        l.hex(data, "s7comm.data.userdata.szl_index", "SZL-Index", q + 2, 2);
        int p = q + 4;
        if (type != 8 || qe - p < 4) return p;
        int plen = (int) l.uint(data, "s7comm.data.userdata.szl_id.partlist_len", "SZL partial list length in bytes", p, 2).longValue();
        int pcnt = (int) l.uint(data, "s7comm.data.userdata.szl_id.partlist_cnt", "SZL partial list count", p + 2, 2).longValue();
        p += 4;
        for (int i = 1; i <= pcnt && plen > 0 && p + plen <= qe; i++) {
            Field t = l.tree(data, "s7comm.data.userdata.szl_data_tree", "SZL data tree", p, plen, null, "(list count no. " + i + ")");
            int used = szlEntry(l, b, t, id, index, p, plen);
            if (used < plen) l.bytes(t, "s7comm.data.userdata.szl_data", "SZL data (not decoded further)", p + used, plen - used, null, null);
            p += plen;
        }
        return p;
    }

    /** One partial-list entry; returns the bytes decoded. */
    private static int szlEntry(L l, Buf b, Field t, int id, int index, int p, int n) {
        int num = id & 0x00FF;
        if (id == 0x0000 || (id & 0x0FFF) == 0x0F00) {
            if (n < 2) return 0;
            l.hex(t, "s7comm.szl.0000.0000.szl_id", "SZL ID that exists", p, 2);
            return 2;
        }
        if (num == 0x11 && n >= 28) {
            String x = "s7comm.szl.xy11.0001.";
            l.hex(t, x + "index", "Index", p, 2);
            str(l, b, t, x + "anz", "MlfB (Order number of the module)", p + 2, 20);
            l.hex(t, x + "bgtyp", "BGTyp (Module type ID)", p + 22, 2);
            l.uint(t, x + "ausbg", "Ausbg (Version of the module or release of the operating system)", p + 24, 2);
            l.uint(t, x + "ausbe", "Ausbe (Release of the PG description file)", p + 26, 2);
            return 28;
        }
        if (num == 0x1C && n >= 34) {
            int ix = b.u16(p);
            l.hex(t, "s7comm.szl.001c.000x.index", "Index", p, 2);
            String x = "s7comm.szl.001c.";
            int u = 2;
            switch (ix) {
                case 1 -> u += str(l, b, t, x + "0001.name", "Name (Name of the PLC)", p + 2, 24);
                case 2 -> u += str(l, b, t, x + "0002.name", "Name (Name of the module)", p + 2, 24);
                case 3 -> u += str(l, b, t, x + "0003.tag", "Tag (Plant identification of the module)", p + 2, 32);
                case 4 -> u += str(l, b, t, x + "0004.copyright", "Copyright", p + 2, 26);
                case 5 -> u += str(l, b, t, x + "0005.serialn", "Serialn (Serialnumber of the module)", p + 2, 24);
                case 7 -> u += str(l, b, t, x + "0007.cputypname", "Cputypname (Module type name)", p + 2, 32);
                case 8 -> u += str(l, b, t, x + "0008.snmcmmc", "Sn_mc/mmc (Serial number of the Memory Card)", p + 2, 32);
                case 9 -> {
                    l.hex(t, x + "0009.manufacturer_id", "Manufacturer_id", p + 2, 2);
                    l.hex(t, x + "0009.profile_id", "Profile_id", p + 4, 2);
                    l.hex(t, x + "0009.profile_spec_typ", "Profile_spec_typ", p + 6, 2);
                    u += 6;
                }
                case 10 -> {
                    str(l, b, t, x + "000a.oem_copyright_string", "Oem_copyright_string (OEM Copyright ID)", p + 2, 26);
                    l.hex(t, x + "000a.oem_id", "Oem_id (OEM ID)", p + 28, 2);
                    l.hex(t, x + "000a.oem_add_id", "Oem_add_id (OEM additional ID)", p + 30, 4);
                    u += 32;
                }
                case 11 -> u += str(l, b, t, x + "000b.loc_id", "Loc_id (Location designation)", p + 2, 32);
                default -> {
                }
            }
            if (u > 2 && u < n) {
                l.bytes(t, x + "000x.res", "Reserved", p + u, n - u, null, FieldKind.RESERVED);
                u = n;
            }
            return u;
        }
        if (num == 0x13 && n >= 36) {
            String x = "s7comm.szl.0013.0000.";
            l.hex(t, x + "index", "Index", p, 2);
            l.hex(t, x + "code", "Code (Memory type)", p + 2, 2);
            l.uint(t, x + "size", "Size (Total size of the selected memory)", p + 4, 4);
            Field m = l.uint(t, x + "mode", "Mode (Logical mode of the memory)", p + 8, 2);
            l.bits(m, x + "mode.vol_mem", "Volatile memory area", p + 8, 2, 0x01, ValueNames::bool);
            l.bits(m, x + "mode.nvol_mem", "Non-volatile memory area", p + 8, 2, 0x02, ValueNames::bool);
            l.bits(m, x + "mode.mixed_mem", "Mixed memory area", p + 8, 2, 0x04, ValueNames::bool);
            l.bits(m, x + "mode.cd_sep", "Code and data separate (for work memory)", p + 8, 2, 0x08, ValueNames::bool);
            l.bits(m, x + "mode.cd_tog", "Code and data together (for work memory)", p + 8, 2, 0x10, ValueNames::bool);
            l.hex(t, x + "granu", "Granu", p + 10, 2);
            String[] a = {"ber1", "belegt1", "block1", "ber2", "belegt2", "block2"};
            for (int i = 0; i < a.length; i++) l.uint(t, x + a[i], a[i], p + 12 + 4 * i, 4);
            return 36;
        }
        if (num == 0x74 && n >= 4) {
            String x = "s7comm.szl.xy74.0000.";
            Field c = l.hex(t, x + "cpu_led_id", "cpu_led_id", p, 2);
            l.bits(c, x + "cpu_led_id.rackno", "Rack number", p, 2, 0x0700, null);
            l.bits(c, x + "cpu_led_id.cputype", "CPU Type (0=Standby, 1=Master)", p, 2, 0x0800, null);
            l.bits(c, x + "cpu_led_id.id", "LED ID", p, 2, 0x00FF, null);
            l.uint(t, x + "led_on", "Status of the LED", p + 2, 1);
            l.uint(t, x + "led_blink", "Flashing status of the LED", p + 3, 1);
            return 4;
        }
        if ((id & 0x0FFF) == 0x0424 && n >= 20) {
            String x = "s7comm.szl.0424.0000.";
            l.hex(t, x + "ereig", "ereig", p, 2);
            l.hex(t, x + "ae", "ae", p + 2, 1);
            Field z = l.hex(t, x + "bzu_id", "bzu-id", p + 3, 1);
            l.bits(z, x + "bzu_id.req", "Requested mode", p + 3, 1, 0x0F, v -> Fmt.hex(v, 1));
            l.bits(z, x + "bzu_id.pre", "Previous mode", p + 3, 1, 0xF0, v -> Fmt.hex(v, 1));
            l.bytes(t, x + "res", "res (Reserved)", p + 4, 4, null, FieldKind.RESERVED);
            for (int i = 1; i <= 4; i++) l.hex(t, x + "anlinfo" + i, "anlinfo" + i, p + 7 + i, 1);
            l.bytes(t, x + "time", "time", p + 12, 8, null, null);
            return 20;
        }
        if (id == 0x0131 && index == 1 && n >= 40) {
            String x = "s7comm.szl.0131.0001.";
            l.hex(t, x + "index", "Index", p, 2);
            l.uint(t, x + "pdu", "pdu (Maximum PDU size in bytes)", p + 2, 2);
            l.uint(t, x + "anz", "anz (Maximum number of communication connections)", p + 4, 2);
            l.hex(t, x + "mpi_bps", "mpi_bps (Maximum data rate of the MPI)", p + 6, 4);
            l.hex(t, x + "kbus_bps", "kbus_bps (Maximum data rate of the communication bus)", p + 10, 4);
            l.bytes(t, x + "res", "res (Reserved)", p + 14, n - 14, null, FieldKind.RESERVED);
            return n;
        }
        if (id == 0x0132 && index == 2 && n >= 40) {
            String x = "s7comm.szl.0132.0002.";
            l.hex(t, x + "index", "Index", p, 2);
            l.uint(t, x + "anz", "anz (Number of initialized test and installation jobs)", p + 2, 2);
            l.bytes(t, x + "res", "res (Reserved)", p + 4, n - 4, null, FieldKind.RESERVED);
            return n;
        }
        if (id == 0x0132 && index == 4 && n >= 40) {
            String x = "s7comm.szl.0132.0004.";
            l.hex(t, x + "index", "Index", p, 2);
            String[] u = {"key", "param", "real", "bart_sch", "crst_wrst"};
            for (int i = 0; i < u.length; i++) l.uint(t, x + u[i], u[i], p + 2 + 2 * i, 2);
            l.hex(t, x + "ken_f", "ken_f (Reserved)", p + 12, 2);
            l.hex(t, x + "ken_rel", "ken_rel (ID for valid version identifications/checksums)", p + 14, 2);
            String[] k = {"ken_ver1_hw", "ken_ver2_hw", "ken_ver1_awp", "ken_ver2_awp"};
            for (int i = 0; i < k.length; i++) {
                int off = p + 16 + 2 * i;
                int v = b.u16le(off);
                l.field(t, x + k[i], k[i] + " (little-endian)", off, 2, 0, (long) v, Fmt.hex(v, 4), FieldKind.NORMAL);
            }
            l.bytes(t, x + "res", "res (Reserved)", p + 24, n - 24, null, FieldKind.RESERVED);
            return n;
        }
        return 0;
    }

    /** A fixed-size ASCII field; the value stops at the first NUL like Wireshark's string display. */
    private static int str(L l, Buf b, Field parent, String abbrev, String name, int off, int len) {
        l.need(parent, abbrev, name, off, len);
        byte[] raw = b.copy(off, len);
        int z = 0;
        while (z < raw.length && raw[z] != 0) z++;
        String s = new String(raw, 0, z, StandardCharsets.ISO_8859_1);
        l.field(parent, abbrev, name, off, len, 0, s, s, FieldKind.NORMAL);
        return len;
    }

    // ---- block functions ----

    private static int blocks(L l, Buf b, Field data, int sub, int type, int q, int qe) {
        if (sub == 1 && type == 8) {
            int i = 1;
            for (; q + 4 <= qe; q += 4, i++) {
                int bt = b.u16(q);
                Field it = l.tree(data, "s7comm.data.item", "Item [" + i + "]", q, 4, null, "(Block type " + BLOCK_TYPE.nameOr(bt, "?") + ")");
                blockType(l, b, it, q);
                l.uint(it, "s7comm.blockinfo.block_count", "Block count", q + 2, 2);
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
                Field it = l.tree(data, "s7comm.data.item", "Item [" + i + "]", q, 4, null, "(Block number " + num + ")");
                l.uint(it, "s7comm.blockinfo.block_num", "Block number", q, 2);
                l.hex(it, "s7comm.blockinfo.flags", "Block flags (unknown)", q + 2, 1);
                l.uint(it, "s7comm.blockinfo.block_lang", "Block language", q + 3, 1, BLOCK_LANG::dec);
            }
            return q;
        }
        if (sub == 3 && type == 4 && qe - q >= 8) {
            blockType(l, b, data, q);
            str(l, b, data, "s7comm.data.blockinfo.block_number", "Block number", q + 2, 5);
            str(l, b, data, "s7comm.data.blockinfo.filesys", "Filesystem", q + 7, 1);
            return q + 8;
        }
        return q;
    }

    /** Two ASCII characters ("08" = OB, "0A" = DB …). */
    private static void blockType(L l, Buf b, Field parent, int q) {
        l.need(parent, "s7comm.blockinfo.blocktype", "Block type", q, 2);
        String s = new String(b.copy(q, 2), StandardCharsets.ISO_8859_1);
        l.field(parent, "s7comm.blockinfo.blocktype", "Block type", q, 2, 0, s,
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
        Field ts = l.field(data, "s7comm.data.ts", "S7 Timestamp", q, 10, 0, text, text, FieldKind.NORMAL);
        l.hex(ts, "s7comm.data.ts_reserved", "S7 Timestamp - Reserved", q, 1);
        String[] n = {"ts_year1", "ts_year2", "ts_month", "ts_day", "ts_hour", "ts_minute", "ts_second"};
        String[] t = {"Year 1", "Year 2", "Month", "Day", "Hour", "Minute", "Second"};
        for (int i = 0; i < n.length; i++) {
            int v = bcd(b.u8(q + 1 + i));
            l.field(ts, "s7comm.data." + n[i], "S7 Timestamp - " + t[i] + " (BCD)", q + 1 + i, 1, 0, (long) v,
                    Integer.toString(v), FieldKind.NORMAL);
        }
        l.field(ts, "s7comm.data.ts_millisecond", "S7 Timestamp - Milliseconds (BCD, high 3 digits)", q + 8, 2, 0xFFF0,
                (long) ms, Integer.toString(ms), FieldKind.NORMAL);
        int wd = msw & 0x0F;
        l.field(ts, "s7comm.data.ts_weekday", "S7 Timestamp - Weekday", q + 8, 2, 0x000F, (long) wd,
                (wd < WEEKDAYS.length ? WEEKDAYS[wd] : "Unknown") + " (" + wd + ")", FieldKind.NORMAL);
        return q + 10;
    }
}
