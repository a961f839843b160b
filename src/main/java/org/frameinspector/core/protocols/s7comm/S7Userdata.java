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

    /**
     * Decodes [q, qe) for (function group, subfunction, type); dur/last are a response's data unit reference and
     * last-data-unit octet. Returns where the decoded part ends.
     */
    static int data(L l, Buf b, Field data, int group, int sub, int type, int dur, int last, int q, int qe) {
        if (group == 4 && sub == 1) return S7Szl.decode(l, b, data, type, dur, last, q, qe);
        if (group == 3) return blocks(l, b, data, sub, type, q, qe);
        if (group == 7 && (sub == 1 || sub == 3) && type == 8 && qe - q >= 10) return timestamp(l, b, data, q, true);
        if (group == 7 && (sub == 2 || sub == 4) && type == 4 && qe - q >= 10) return timestamp(l, b, data, q, true);
        return q;
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
            S7Szl.str(l, b, data, S7commFields.S7COMM_DATA_BLOCKINFO_BLOCK_NUMBER, q + 2, 5);
            S7Szl.str(l, b, data, S7commFields.S7COMM_DATA_BLOCKINFO_FILESYS, q + 7, 1);
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

    /**
     * An S7 timestamp: 10 bytes (reserved, year 1, year 2, month, day, hour, minute, second, milliseconds + weekday)
     * or, with {@code withYear1} false, the 8-byte form without the first two (diagnostic buffer entries). BCD.
     */
    static int timestamp(L l, Buf b, Field parent, int q, boolean withYear1) {
        int y = withYear1 ? q + 2 : q;
        int len = withYear1 ? 10 : 8;
        int y2 = bcd(b.u8(y)), mo = bcd(b.u8(y + 1)), d = bcd(b.u8(y + 2));
        int h = bcd(b.u8(y + 3)), mi = bcd(b.u8(y + 4)), s = bcd(b.u8(y + 5));
        int msw = b.u16(y + 6);
        int ms = ((msw >> 12) & 0xF) * 100 + ((msw >> 8) & 0xF) * 10 + ((msw >> 4) & 0xF);
        int year = y2 >= 90 ? 1900 + y2 : 2000 + y2;
        // out-of-range BCD values roll over into the next unit, as Wireshark's mktime-based display does
        java.time.LocalDateTime t = java.time.LocalDateTime.of(year, 1, 1, 0, 0).plusMonths(mo - 1L).plusDays(d - 1L)
                .plusHours(h).plusMinutes(mi).plusSeconds(s);
        String text = MONTHS[t.getMonthValue() - 1] + " " + String.format("%2d", t.getDayOfMonth()) + ", "
                + t.getYear() + " " + String.format("%02d:%02d:%02d.%03d000000 UTC", t.getHour(), t.getMinute(),
                t.getSecond(), ms);
        Field ts = l.field(parent, S7commFields.S7COMM_DATA_TS, q, len, 0, text, text, FieldKind.NORMAL);
        if (withYear1) {
            l.hex(ts, S7commFields.S7COMM_DATA_TS_RESERVED, q, 1);
            int y1 = bcd(b.u8(q + 1));
            l.field(ts, S7commFields.S7COMM_DATA_TS_YEAR1, q + 1, 1, 0, (long) y1, Integer.toString(y1), FieldKind.NORMAL);
        }
        FieldDef[] n = {S7commFields.S7COMM_DATA_TS_YEAR2, S7commFields.S7COMM_DATA_TS_MONTH,
            S7commFields.S7COMM_DATA_TS_DAY, S7commFields.S7COMM_DATA_TS_HOUR, S7commFields.S7COMM_DATA_TS_MINUTE,
            S7commFields.S7COMM_DATA_TS_SECOND};
        for (int i = 0; i < n.length; i++) {
            int v = bcd(b.u8(y + i));
            l.field(ts, n[i], y + i, 1, 0, (long) v, Integer.toString(v), FieldKind.NORMAL);
        }
        l.field(ts, S7commFields.S7COMM_DATA_TS_MILLISECOND, y + 6, 2, 0xFFF0,
                (long) ms, Integer.toString(ms), FieldKind.NORMAL);
        int wd = msw & 0x0F;
        l.field(ts, S7commFields.S7COMM_DATA_TS_WEEKDAY, y + 6, 2, 0x000F, (long) wd,
                (wd < WEEKDAYS.length ? WEEKDAYS[wd] : "Unknown") + " (" + wd + ")", FieldKind.NORMAL);
        return q + len;
    }
}
