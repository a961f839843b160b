package org.frameinspector.core.protocols.s7comm;

import org.frameinspector.core.protocols.cotp.CotpDissector;
import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.ValueNames;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.Heuristic;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;

/**
 * Siemens S7comm (protocol id 0x32) in COTP DT user data: header, setup communication, read/write variable items and
 * the userdata parameter header. Field names follow Wireshark's s7comm dissector. There is no public standard; the
 * layout is the community's reverse-engineered one (PROTOCOLS.md §6.2).
 */
public final class S7comm implements Heuristic {
    static final ValueNames ROSCTR = ValueNames.of(1, "Job", 2, "Ack", 3, "Ack_Data", 7, "Userdata");
    static final ValueNames ERRCLS = ValueNames.of(0, "No error", 0x81, "Application relationship", 0x82, "Object definition",
            0x83, "No resources available", 0x84, "Error on service processing", 0x85, "Error on supplies",
            0x87, "Access error");
    static final ValueNames FUNC = ValueNames.of(0x00, "CPU services", 0xF0, "Setup communication", 0x04, "Read Var",
            0x05, "Write Var", 0x1A, "Request download", 0x1B, "Download block", 0x1C, "Download ended",
            0x1D, "Start upload", 0x1E, "Upload", 0x1F, "End upload", 0x28, "PI-Service", 0x29, "PLC Stop");
    static final ValueNames SYNTAX = ValueNames.of(0x10, "S7ANY", 0x13, "PBC-R_ID", 0x15, "ALARM_LOCKFREE", 0x16, "ALARM_IND",
            0x19, "ALARM_ACK", 0x1A, "ALARM_QUERYREQ", 0x1C, "NOTIFY_IND", 0x82, "NCK", 0x83, "NCK_M", 0x84, "NCK_I",
            0xA2, "DRIVEESANY", 0xB2, "1200SYM", 0xB0, "DBREAD");
    static final ValueNames TSIZE = ValueNames.of(1, "BIT", 2, "BYTE", 3, "CHAR", 4, "WORD", 5, "INT", 6, "DWORD", 7, "DINT",
            8, "REAL", 9, "DATE", 10, "TOD", 11, "TIME", 12, "S5TIME", 15, "DATE_AND_TIME", 28, "COUNTER",
            29, "TIMER", 30, "IEC TIMER", 31, "IEC COUNTER", 32, "HS COUNTER");
    static final ValueNames AREA = ValueNames.of(0x01, "Data record", 0x03, "System info of 200 family",
            0x05, "System flags of 200 family", 0x06, "Analog inputs of 200 family",
            0x07, "Analog outputs of 200 family", 0x80, "Direct peripheral access (P)", 0x81, "Inputs (I)",
            0x82, "Outputs (Q)", 0x83, "Flags (M)", 0x84, "Data blocks (DB)", 0x85, "Instance data blocks (DI)",
            0x86, "Local data (L)", 0x87, "Unknown yet (V)", 0x1C, "S7 counters (C)", 0x1D, "S7 timers (T)",
            0x1E, "IEC counters (200 family)", 0x1F, "IEC timers (200 family)");
    static final ValueNames AREA_SHORT = ValueNames.of(0x80, "P", 0x81, "I", 0x82, "Q", 0x83, "M", 0x84, "DB", 0x85, "DI",
            0x86, "L", 0x87, "V", 0x1C, "C", 0x1D, "T");
    static final ValueNames RETCODE = ValueNames.of(0x00, "Reserved", 0x01, "Hardware error",
            0x03, "Accessing the object not allowed", 0x05, "Invalid address", 0x06, "Data type not supported",
            0x07, "Data type inconsistent", 0x0A, "Object does not exist", 0xFF, "Success");
    static final ValueNames DTSIZE = ValueNames.of(0x00, "NULL", 0x03, "BIT", 0x04, "BYTE/WORD/DWORD", 0x05, "INTEGER",
            0x06, "DINTEGER", 0x07, "REAL", 0x09, "OCTET STRING", 0x11, "NCK ADDRESS1", 0x12, "NCK ADDRESS2");
    static final ValueNames METHOD = ValueNames.of(0x00, "Undef", 0x11, "Req", 0x12, "Res");
    static final ValueNames UD_TYPE = ValueNames.of(0, "Push", 4, "Request", 8, "Response", 3, "NC Push", 7, "NC Request",
            11, "NC Response");
    static final ValueNames FGROUP = ValueNames.of(0, "Mode-transition", 1, "Programmer commands", 2, "Cyclic services",
            3, "Block functions", 4, "CPU functions", 5, "Security", 6, "PBC BSEND/BRECV", 7, "Time functions",
            15, "NC programming");
    static final ValueNames[] SUBFUNC = new ValueNames[16];
    static {
        SUBFUNC[1] = ValueNames.of(1, "Block status", 2, "Variable status", 3, "Output ISTACK", 4, "Output BSTACK",
                5, "Output LSTACK", 6, "Time measurement from to", 7, "Force selection", 8, "Modify variable",
                9, "Force", 10, "Breakpoint", 11, "Exit HOLD", 12, "Memory reset", 13, "Disable job",
                14, "Enable job", 15, "Delete job", 16, "Read job list", 17, "Read job", 18, "Replace job",
                19, "Block status v2", 22, "Flash LED");
        SUBFUNC[2] = ValueNames.of(1, "Cyclic transfer", 4, "Unsubscribe", 5, "Change driven transfer",
                7, "Change driven transfer modify", 8, "RDREC");
        SUBFUNC[3] = ValueNames.of(1, "List blocks", 2, "List blocks of type", 3, "Get block info");
        SUBFUNC[4] = ValueNames.of(1, "Read SZL", 2, "Message service", 3, "Diagnostic message", 5, "ALARM_8 indication",
                6, "NOTIFY indication", 7, "ALARM_8 lock", 8, "ALARM_8 unlock", 9, "SCAN indication",
                11, "ALARM ack", 12, "ALARM ack indication", 13, "ALARM lock indication",
                14, "ALARM unlock indication", 17, "ALARM_SQ indication", 18, "ALARM_S indication",
                19, "ALARM query", 22, "NOTIFY_8 indication");
        SUBFUNC[5] = ValueNames.of(1, "PLC password");
        SUBFUNC[7] = ValueNames.of(1, "Read clock", 2, "Set clock", 3, "Read clock (following)", 4, "Set clock");
        SUBFUNC[15] = ValueNames.of(1, "Request download", 2, "Download block", 3, "Continue download",
                4, "Download ended", 6, "Start upload", 7, "Upload", 8, "Continue upload");
    }

    /** S7comm and S7comm-plus in COTP DT user data (both recognised from their first octet). */
    public static void register(DissectorRegistry r) {
        r.declare(S7commFields.S7COMM, S7commFields.S7COMM_PLUS);
        r.heuristic(CotpDissector.PAYLOAD_TABLE, new S7comm());
        r.heuristic(CotpDissector.PAYLOAD_TABLE, new S7commPlus());
    }

    @Override
    public String protocol() {
        return "s7comm";
    }

    @Override
    public boolean accepts(Ctx ctx, Buf buf) {
        if (buf.length() < 10 || buf.peek(buf.start()) != 0x32) return false;
        int r = buf.peek(buf.start() + 1);
        return r >= 1 && r <= 7;
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        L l = ctx.layer("s7comm", "S7 Communication", buf);
        int s = buf.start();
        int rosctr = buf.u8(s + 1);
        int hlen = rosctr == 2 || rosctr == 3 ? 12 : 10;
        Field h = l.tree(null, S7commFields.S7COMM_HEADER, s, hlen, null, "(" + ROSCTR.nameOr(rosctr, "Unknown") + ")");
        l.hex(h, S7commFields.S7COMM_HEADER_PROTID, s, 1);
        Field rf = l.uint(h, S7commFields.S7COMM_HEADER_ROSCTR, s + 1, 1, ROSCTR::dec);
        if (ROSCTR.name(rosctr) == null) l.finding("S7-ROSCTR-UNKNOWN", rf, Integer.toString(rosctr), "1, 2, 3 or 7");
        Field red = l.num(h, S7commFields.S7COMM_HEADER_REDID, s + 2, 2, 0,
                FieldKind.RESERVED, v -> Fmt.hex(v, 4));
        if (red.longValue() != 0) l.finding("S7-REDUNDANCY-ID-NONZERO", red, Fmt.hex(red.longValue(), 4), "0x0000");
        l.uint(h, S7commFields.S7COMM_HEADER_PDUREF, s + 4, 2);
        Field parF = l.uint(h, S7commFields.S7COMM_HEADER_PARLG, s + 6, 2);
        Field datF = l.uint(h, S7commFields.S7COMM_HEADER_DATLG, s + 8, 2);
        int parlg = (int) parF.longValue(), datlg = (int) datF.longValue();
        int errcls = -1;
        if (hlen == 12) {
            errcls = (int) l.uint(h, S7commFields.S7COMM_HEADER_ERRCLS, s + 10, 1, v -> ERRCLS.hexed(v, 2)).longValue();
            l.hex(h, S7commFields.S7COMM_HEADER_ERRCOD, s + 11, 1);
        }
        if (hlen + parlg + datlg != buf.length()) {
            l.finding("S7-LENGTH-MISMATCH", parF, s + 6, 4, hlen + " + " + parlg + " + " + datlg + " = "
                    + (hlen + parlg + datlg) + " bytes", buf.length() + " bytes (the COTP user data)");
        }
        int ps = s + hlen;
        int ds = ps + parlg;
        int end = Math.min(buf.end(), ds + datlg);
        String info = "ROSCTR:[" + ROSCTR.nameOr(rosctr, "Unknown") + "]";
        if (parlg > 0 && buf.has(ps, 1)) {
            int func = buf.u8(ps);
            if (rosctr == 7) info += userdata(l, buf, ps, parlg, ds, datlg);
            else {
                info += " Function:[" + FUNC.nameOr(func, "Unknown") + "]";
                job(l, buf, rosctr, ps, parlg, ds, datlg, errcls);
            }
        } else if (datlg > 0) {
            l.payload(null, S7commFields.S7COMM_DATA_USERDATA, ds, datlg);
        }
        ctx.out().setInfo(info);
        l.end(end);
        if (end < buf.end()) ctx.data(buf.from(end));
    }

    private void job(L l, Buf b, int rosctr, int ps, int parlg, int ds, int datlg, int errcls) {
        int func = b.u8(ps);
        Field par = l.tree(null, S7commFields.S7COMM_PARAM, ps, parlg, null, "(" + FUNC.nameOr(func, "Unknown") + ")");
        l.uint(par, S7commFields.S7COMM_PARAM_FUNC, ps, 1, v -> FUNC.hexed(v, 2));
        int pe = Math.min(b.end(), ps + parlg);
        if (func == 0xF0 && parlg >= 8) {
            l.hex(par, S7commFields.S7COMM_PARAM_SETUP_RESERVED1, ps + 1, 1);
            l.uint(par, S7commFields.S7COMM_PARAM_MAXAMQ_CALLING, ps + 2, 2);
            l.uint(par, S7commFields.S7COMM_PARAM_MAXAMQ_CALLED, ps + 4, 2);
            l.uint(par, S7commFields.S7COMM_PARAM_PDU_LENGTH, ps + 6, 2);
            if (parlg > 8) l.bytes(par, S7commFields.S7COMM_PARAM_DATA, ps + 8, parlg - 8, null, null);
        } else if ((func == 0x04 || func == 0x05) && parlg >= 2) {
            int count = (int) l.uint(par, S7commFields.S7COMM_PARAM_ITEMCOUNT, ps + 1, 1).longValue();
            int p = ps + 2;
            if (rosctr == 1) {
                for (int i = 1; i <= count && p < pe; i++) p = reqItem(l, b, par, p, i, pe);
            }
            if (p < pe) l.bytes(par, S7commFields.S7COMM_PARAM_DATA, p, pe - p, null, null);
            if (datlg > 0 && b.has(ds, 1)) {
                Field data = l.tree(null, S7commFields.S7COMM_DATA, ds, datlg, null, "");
                int de = Math.min(b.end(), ds + datlg);
                int q = ds;
                boolean writeResp = func == 0x05 && rosctr == 3;
                for (int i = 1; i <= count && q < de; i++) {
                    q = writeResp ? writeRespItem(l, b, data, q, i) : dataItem(l, b, data, q, i, i == count, de);
                }
                if (q < de) l.payload(data, S7commFields.S7COMM_DATA_USERDATA, q, de - q);
            }
        } else if (rosctr == 1 && (func == 0x1A || func == 0x1B || func == 0x1C || func == 0x1D) && parlg >= 9
                && b.has(ps + 9, b.u8(ps + 8)) && ps + 9 + b.u8(ps + 8) <= pe) {
            int p = blockControl(l, b, par, func, ps, pe);
            if (p < pe) l.bytes(par, S7commFields.S7COMM_PARAM_DATA, p, pe - p, null, null);
            if (datlg > 0 && b.has(ds, 1)) {
                Field data = l.tree(null, S7commFields.S7COMM_DATA, ds, datlg, null, "");
                l.payload(data, S7commFields.S7COMM_DATA_USERDATA, ds, datlg);
            }
        } else {
            if (parlg > 1) l.bytes(par, S7commFields.S7COMM_PARAM_DATA, ps + 1, Math.min(parlg - 1, b.end() - ps - 1), null, null);
            if (datlg > 0 && b.has(ds, 1)) {
                Field data = l.tree(null, S7commFields.S7COMM_DATA, ds, datlg, null, "");
                l.payload(data, S7commFields.S7COMM_DATA_USERDATA, ds, datlg);
            }
        }
    }

    /** Job parameters of request download / download block / download ended / start upload. */
    private int blockControl(L l, Buf b, Field par, int func, int ps, int pe) {
        Field fs = l.hex(par, S7commFields.S7COMM_PARAM_BLOCKCONTROL_FUNCTIONSTATUS, ps + 1, 1);
        l.bits(fs, S7commFields.S7COMM_PARAM_BLOCKCONTROL_FUNCTIONSTATUS_MORE, ps + 1, 1, 0x01, ValueNames::bool);
        l.bits(fs, S7commFields.S7COMM_PARAM_BLOCKCONTROL_FUNCTIONSTATUS_ERROR, ps + 1, 1, 0x02, ValueNames::bool);
        if (func == 0x1C) l.hex(par, S7commFields.S7COMM_DATA_BLOCKCONTROL_ERRORCODE, ps + 2, 2);
        else l.bytes(par, S7commFields.S7COMM_DATA_BLOCKCONTROL_UNKNOWN1, ps + 2, 2, null, null);
        if (func == 0x1D) l.hex(par, S7commFields.S7COMM_DATA_BLOCKCONTROL_UPLOADID, ps + 4, 4);
        else l.bytes(par, S7commFields.S7COMM_DATA_BLOCKCONTROL_UNKNOWN1, ps + 4, 4, null, null);
        int n = (int) l.uint(par, S7commFields.S7COMM_PARAM_BLOCKCONTROL_FILENAME_LEN, ps + 8, 1).longValue();
        String name = ascii(b, ps + 9, n);
        Field fn = l.field(par, S7commFields.S7COMM_PARAM_BLOCKCONTROL_FILENAME, ps + 9, n, 0, name, name, FieldKind.NORMAL);
        if (n == 9) {
            text(l, b, fn, S7commFields.S7COMM_DATA_BLOCKCONTROL_FILE_IDENTIFIER, ps + 9, 1);
            text(l, b, fn, S7commFields.S7COMM_DATA_BLOCKCONTROL_BLOCK_TYPE, ps + 10, 2);
            text(l, b, fn, S7commFields.S7COMM_DATA_BLOCKCONTROL_BLOCK_NUMBER, ps + 12, 5);
            text(l, b, fn, S7commFields.S7COMM_DATA_BLOCKCONTROL_DEST_FILESYS, ps + 17, 1);
        }
        int p = ps + 9 + n;
        if (func == 0x1A && p + 14 <= pe) {
            l.uint(par, S7commFields.S7COMM_DATA_BLOCKCONTROL_PART2_LEN, p, 1);
            text(l, b, par, S7commFields.S7COMM_DATA_BLOCKCONTROL_PART2_UNKNOWN, p + 1, 1);
            text(l, b, par, S7commFields.S7COMM_DATA_BLOCKCONTROL_LOADMEM_LEN, p + 2, 6);
            text(l, b, par, S7commFields.S7COMM_DATA_BLOCKCONTROL_MC7CODE_LEN, p + 8, 6);
            p += 14;
        }
        return p;
    }

    private static String ascii(Buf b, int off, int len) {
        return new String(b.copy(off, len), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void text(L l, Buf b, Field parent, FieldDef def, int off, int len) {
        l.need(parent, def, off, len);
        String s = ascii(b, off, len);
        l.field(parent, def, off, len, 0, s, s, FieldKind.NORMAL);
    }

    private int reqItem(L l, Buf b, Field par, int p, int i, int pe) {
        int specLen = b.has(p + 1, 1) ? b.u8(p + 1) : 0;
        boolean any = b.peek(p + 2) == 0x10 && specLen == 10;
        String disp = "";
        if (any && b.has(p, 12)) {
            int ts = b.u8(p + 3), len = b.u16(p + 4), db = b.u16(p + 6), area = b.u8(p + 8);
            long a = b.u24(p + 9);
            String ar = AREA_SHORT.nameOr(area, Fmt.hex2(area));
            disp = "(" + (area == 0x84 ? "DB " + db + ".DBX " : ar + " ") + (a >> 3) + "." + (a & 7) + " "
                    + TSIZE.nameOr(ts, "?") + " " + len + ")";
        }
        Field it = l.tree(par, S7commFields.S7COMM_PARAM_ITEM.as("Item [" + i + "]"), p, 2 + specLen, null, disp);
        l.hex(it, S7commFields.S7COMM_PARAM_ITEM_VARSPEC, p, 1);
        l.uint(it, S7commFields.S7COMM_PARAM_ITEM_VARSPEC_LENGTH, p + 1, 1);
        l.uint(it, S7commFields.S7COMM_PARAM_ITEM_SYNTAXID, p + 2, 1, v -> SYNTAX.hexed(v, 2));
        if (any) {
            l.uint(it, S7commFields.S7COMM_PARAM_ITEM_TRANSP_SIZE, p + 3, 1, TSIZE::dec);
            l.uint(it, S7commFields.S7COMM_PARAM_ITEM_LENGTH, p + 4, 2);
            l.uint(it, S7commFields.S7COMM_PARAM_ITEM_DB, p + 6, 2);
            int area = (int) l.uint(it, S7commFields.S7COMM_PARAM_ITEM_AREA, p + 8, 1, v -> AREA.hexed(v, 2)).longValue();
            Field addr = l.hex(it, S7commFields.S7COMM_PARAM_ITEM_ADDRESS, p + 9, 3);
            if (area == 0x1C || area == 0x1D || area == 0x1E || area == 0x1F) {
                l.bits(addr, S7commFields.S7COMM_PARAM_ITEM_ADDRESS_NUMBER, p + 9, 3, 0xFFFFFF, null);
            } else {
                l.bits(addr, S7commFields.S7COMM_PARAM_ITEM_ADDRESS_BYTE, p + 9, 3, 0x7FFF8, null);
                l.bits(addr, S7commFields.S7COMM_PARAM_ITEM_ADDRESS_BIT, p + 9, 3, 0x7, null);
            }
        } else if (specLen > 1) {
            l.bytes(it, S7commFields.S7COMM_PARAM_DATA.as("Address specification"), p + 3, Math.max(0, Math.min(specLen - 1, pe - p - 3)), null, null);
        }
        return p + 2 + specLen;
    }

    /**
     * Response data item (read) or request data item (write): return code, transport size, length, data, fill. Like
     * Wireshark, the item spans 4 + length bytes (the fill byte after an odd-length item that is not the last one is
     * shown inside it but outside its extent); data follows only for return code 0xFF (success) or 0x00.
     */
    private int dataItem(L l, Buf b, Field data, int q, int i, boolean last, int de) {
        int rc = b.u8(q);
        int ts = b.has(q + 1, 1) ? b.u8(q + 1) : 0;
        int raw = b.has(q + 2, 2) ? b.u16(q + 2) : 0;
        int len = lengthInBytes(ts, raw);
        boolean hasData = rc == 0xFF || rc == 0x00;
        int fill = (hasData && len % 2 == 1 && !last) ? 1 : 0;
        Field it = l.tree(data, S7commFields.S7COMM_DATA_ITEM.as("Item [" + i + "]"), q, 4 + len, null,
                "(" + RETCODE.nameOr(rc, "Unknown") + ")");
        l.uint(it, S7commFields.S7COMM_DATA_RETURNCODE, q, 1, v -> RETCODE.hexed(v, 2));
        l.uint(it, S7commFields.S7COMM_DATA_TRANSPORTSIZE, q + 1, 1, v -> DTSIZE.hexed(v, 2));
        l.need(it, S7commFields.S7COMM_DATA_LENGTH, q + 2, 2);
        l.field(it, S7commFields.S7COMM_DATA_LENGTH, q + 2, 2, 0, (long) len, Integer.toString(len), FieldKind.NORMAL);
        if (!hasData) return q + 4;
        if (len > 0) l.bytes(it, S7commFields.S7COMM_RESP_DATA, q + 4, Math.min(len, de - q - 4), null, null);
        if (fill == 1 && b.has(q + 4 + len, 1)) l.num(it, S7commFields.S7COMM_DATA_FILLBYTE, q + 4 + len, 1, 0, FieldKind.PAYLOAD, v -> Fmt.hex2((int) v));
        return q + 4 + len + fill;
    }

    static int lengthInBytes(int ts, int raw) {
        // BYTE/WORD/DWORD and INTEGER give the length in bits; BIT gives a bit count stored in one byte each
        if (ts == 0x04 || ts == 0x05 || ts == 0x06) return raw / 8 + (raw % 8 != 0 ? 1 : 0);
        return raw;
    }

    private int writeRespItem(L l, Buf b, Field data, int q, int i) {
        int rc = b.u8(q);
        Field it = l.tree(data, S7commFields.S7COMM_DATA_ITEM.as("Item [" + i + "]"), q, 1, null, "(" + RETCODE.nameOr(rc, "Unknown") + ")");
        l.uint(it, S7commFields.S7COMM_DATA_RETURNCODE, q, 1, v -> RETCODE.hexed(v, 2));
        return q + 1;
    }

    private String userdata(L l, Buf b, int ps, int parlg, int ds, int datlg) {
        int method = b.has(ps + 4, 1) ? b.u8(ps + 4) : 0;
        int tg = b.has(ps + 5, 1) ? b.u8(ps + 5) : 0;
        int type = tg >> 4, group = tg & 0x0F;
        int sub = b.has(ps + 6, 1) ? b.u8(ps + 6) : 0;
        ValueNames subs = SUBFUNC[group];
        String subName = subs == null ? "Unknown" : subs.nameOr(sub, "Unknown");
        String typeName = type == 0 ? "Push" : type == 4 ? "Request" : type == 8 ? "Response" : UD_TYPE.nameOr(type, "Unknown");
        Field par = l.tree(null, S7commFields.S7COMM_PARAM, ps, parlg, null,
                "(" + typeName + ") ->(" + FGROUP.nameOr(group, "Unknown") + ") ->(" + subName + ")");
        l.hex(par, S7commFields.S7COMM_PARAM_USERDATA_HEAD, ps, 3);
        l.uint(par, S7commFields.S7COMM_PARAM_USERDATA_LENGTH, ps + 3, 1);
        l.uint(par, S7commFields.S7COMM_PARAM_USERDATA_REQRES1, ps + 4, 1, v -> METHOD.hexed(v, 2));
        l.bits(par, S7commFields.S7COMM_PARAM_USERDATA_TYPE, ps + 5, 1, 0xF0, UD_TYPE::dec);
        l.bits(par, S7commFields.S7COMM_PARAM_USERDATA_FUNCGROUP, ps + 5, 1, 0x0F, FGROUP::dec);
        l.uint(par, S7commFields.S7COMM_PARAM_USERDATA_SUBFUNC, ps + 6, 1, v -> (subs == null ? "Unknown" : subs.nameOr(v, "Unknown")) + " (" + v + ")");
        l.uint(par, S7commFields.S7COMM_PARAM_USERDATA_SEQ_NUM, ps + 7, 1);
        int pe = ps + parlg;
        if (parlg >= 12 && method == 0x12) {
            l.uint(par, S7commFields.S7COMM_PARAM_USERDATA_DATAUNITREF, ps + 8, 1);
            l.uint(par, S7commFields.S7COMM_PARAM_USERDATA_LASTDATAUNIT, ps + 9, 1, v -> (v == 0 ? "Yes" : v == 1 ? "No" : "Unknown") + " (" + Fmt.hex2((int) v) + ")");
            l.uint(par, S7commFields.S7COMM_PARAM_ERRCOD, ps + 10, 2, v -> (v == 0 ? "No error" : "Error") + " (" + Fmt.hex4((int) v) + ")");
            if (parlg > 12) l.bytes(par, S7commFields.S7COMM_PARAM_DATA, ps + 12, parlg - 12, null, null);
        } else if (parlg > 8) {
            l.bytes(par, S7commFields.S7COMM_PARAM_DATA, ps + 8, Math.min(parlg - 8, b.end() - ps - 8), null, null);
        }
        if (datlg > 0 && b.has(ds, 1)) {
            Field data = l.tree(null, S7commFields.S7COMM_DATA, ds, datlg, null, "");
            int de = Math.min(b.end(), ds + datlg);
            l.uint(data, S7commFields.S7COMM_DATA_RETURNCODE, ds, 1, v -> RETCODE.hexed(v, 2));
            if (datlg >= 4) {
                l.uint(data, S7commFields.S7COMM_DATA_TRANSPORTSIZE, ds + 1, 1, v -> DTSIZE.hexed(v, 2));
                int dlen = (int) l.uint(data, S7commFields.S7COMM_DATA_LENGTH, ds + 2, 2).longValue();
                int q = ds + 4;
                int qe = Math.min(de, q + dlen);
                boolean frag = parlg >= 12 && method == 0x12 && b.has(ps + 9, 1);
                int dur = frag ? b.u8(ps + 8) : 0, last = frag ? b.u8(ps + 9) : 0;
                boolean ok = type != 8 || b.u8(ds) == 0xFF; // a response carries data only with return code success
                if (qe > q && ok) q = S7Userdata.data(l, b, data, group, sub, type, dur, last, q, qe);
                if (de > q) l.payload(data, S7commFields.S7COMM_DATA_USERDATA, q, de - q);
            } else if (datlg > 1) {
                l.payload(data, S7commFields.S7COMM_DATA_USERDATA, ds + 1, de - ds - 1);
            }
        }
        return " Function:[" + FGROUP.nameOr(group, "Unknown") + "] -> [" + subName + "]";
    }
}
