package org.frameinspector.core.protocols.s7comm;

import static org.frameinspector.core.protocols.s7comm.S7commFields.*;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.model.ValueNames;

/**
 * "Read SZL" (system status list, Siemens' SSL) requests and responses in S7comm userdata (function group 4,
 * subfunction 1). A request carries an SZL-ID and an index; a response adds the partial-list header (record length,
 * record count) and the records. The records of the SZL-IDs and indexes Wireshark 4.0 decodes are decoded with its
 * field names and layouts; any other record is one raw {@code s7comm.param.userdata.szl_part_list} of its length.
 *
 * <p>Lying lengths never throw: records are decoded only as far as the data reaches, what is left is shown as raw
 * bytes, and a response that is complete in this PDU (not the first part of a multi-PDU answer) whose count × length
 * does not fill its data raises S7-SZL-LIST-LENGTH; a record shorter than its SZL-ID's layout raises
 * S7-SZL-RECORD-SHORT.
 */
final class S7Szl {
    private S7Szl() {
    }

    /** SZL-IDs whose records Wireshark 4.0 decodes as module status information (16-byte records). */
    static final Set<Integer> MODULE_STATUS_IDS = Set.of(0x0091, 0x0191, 0x0291, 0x0391, 0x0491, 0x0591, 0x0991,
            0x0A91, 0x0C91, 0x0D91, 0x0E91, 0x4C91);

    /** Record sizes of the decoded layouts (a record may be longer; the rest is shown as SZL data). */
    static final int LIST_ENTRY = 2, MODULE_ID = 28, COMPONENT_ID = 34, MEMORY = 36, LED = 4, MODE_TRANSITION = 20,
            COMMUNICATION = 40, MODULE_STATUS = 16, DIAG_ENTRY = 20;

    /**
     * Decodes [q, qe) of a Read-SZL PDU; returns where the decoded part ends. {@code type} is the userdata type
     * (4 request, 8 response); {@code dur}/{@code last} are the response's data unit reference and last-data-unit
     * octet (0/0 for a response in one PDU).
     */
    static int decode(L l, Buf b, Field data, int type, int dur, int last, int q, int qe) {
        if (type == 8 && dur != 0 && last == 0) {
            // the last PDU of a multi-PDU answer: the records continue the earlier PDU's list
            Field t = l.tree(data, S7COMM_DATA_USERDATA_SZL_DATA_TREE, q, qe - q, null,
                    "[Fragment, continuation of previous data]");
            l.bytes(t, S7COMM_DATA_USERDATA_SZL_DATA, q, qe - q, null, null);
            return qe;
        }
        if (qe - q < 4) return q;
        int id = b.u16(q);
        Field idF = l.num(data, S7COMM_DATA_USERDATA_SZL_ID, q, 2, 0, FieldKind.NORMAL,
                v -> Fmt.hex(v, 4) + " (" + SZL_ID_NAMES.nameOr(v, "Unknown") + ")");
        l.num(idF, S7COMM_DATA_USERDATA_SZL_ID_DIAG_TYPE, q, 2, 0xF000, FieldKind.NORMAL,
                v -> SZL_MODULE_CLASS_NAMES.hexed(v, 1));
        l.num(idF, S7COMM_DATA_USERDATA_SZL_ID_PARTLIST_EX, q, 2, 0xFFFF, FieldKind.NORMAL,
                v -> SZL_ID_NAMES.hexed(v, 4));
        l.num(idF, S7COMM_DATA_USERDATA_SZL_ID_PARTLIST_NUM, q, 2, 0x00FF, FieldKind.NORMAL,
                v -> SZL_LIST_NAMES.hexed(v, 2));
        int index = b.u16(q + 2);
        l.hex(data, S7COMM_DATA_USERDATA_SZL_INDEX, q + 2, 2);
        int p = q + 4;
        if (type != 8) return p;
        boolean complete = dur == 0 && last == 0;
        if (qe - p < 4) {
            if (complete && qe > p) {
                Field rest = l.bytes(data, S7COMM_DATA_USERDATA_SZL_DATA, p, qe - p, null, FieldKind.UNDECODED);
                l.finding("S7-SZL-LIST-LENGTH", rest, (qe - p) + " bytes after the SZL-ID and index",
                        "4 bytes of partial-list header (record length and count) before the records");
                return qe;
            }
            return p;
        }
        Field lenF = l.uint(data, S7COMM_DATA_USERDATA_SZL_ID_PARTLIST_LEN, p, 2);
        l.uint(data, S7COMM_DATA_USERDATA_SZL_ID_PARTLIST_CNT, p + 2, 2);
        int plen = b.u16(p), pcnt = b.u16(p + 2);
        p += 4;
        int avail = qe - p;
        long announced = (long) plen * pcnt;
        int fit = plen == 0 ? 0 : (int) Math.min(pcnt, avail / plen);
        for (int i = 1; i <= fit; i++) {
            Field t = l.tree(data, S7COMM_DATA_USERDATA_SZL_DATA_TREE, p, plen, null, "(list count no. " + i + ")");
            record(l, b, t, id, index, p, plen);
            p += plen;
        }
        if (p < qe) {
            if (fit < pcnt) {
                Field t = l.tree(data, S7COMM_DATA_USERDATA_SZL_DATA_TREE, p, qe - p, null, "(list count no. "
                        + (fit + 1) + ") [" + (qe - p) + " of " + plen + " bytes in this PDU]");
                l.bytes(t, S7COMM_DATA_USERDATA_SZL_DATA, p, qe - p, null, complete ? FieldKind.UNDECODED : null);
            } else {
                l.bytes(data, S7COMM_DATA_USERDATA_SZL_DATA.as("SZL data after the last record"), p, qe - p, null,
                        FieldKind.UNDECODED);
            }
        }
        if (complete && (announced != avail || (plen == 0 && pcnt > 0))) {
            l.finding("S7-SZL-LIST-LENGTH", lenF, lenF.offset(), 4,
                    pcnt + " records of " + plen + " bytes = " + announced + " bytes",
                    plen == 0 ? "a record length above 0 for " + pcnt + " records"
                            : avail + " bytes (the data after the partial-list header)");
        }
        return qe;
    }

    /** One record of [p, p+n) under tree t. */
    private static void record(L l, Buf b, Field t, int id, int index, int p, int n) {
        int need = layoutSize(id, index);
        if (need == 0) {
            l.bytes(t, S7COMM_PARAM_USERDATA_SZL_PART_LIST, p, n, null, null);
            return;
        }
        if (n < need) {
            Field raw = l.bytes(t, S7COMM_PARAM_USERDATA_SZL_PART_LIST, p, n, null, FieldKind.UNDECODED);
            l.finding("S7-SZL-RECORD-SHORT", raw, n + " bytes", need + " bytes (SZL-ID " + Fmt.hex(id, 4)
                    + (index != 0 ? ", index " + Fmt.hex(index, 4) : "") + ")");
            return;
        }
        int used = layout(l, b, t, id, index, p, n);
        if (used < n) l.bytes(t, S7COMM_DATA_USERDATA_SZL_DATA, p + used, n - used, null, null);
    }

    /** The record size of the layout Wireshark 4.0 decodes for (id, index); 0 when it has none. */
    static int layoutSize(int id, int index) {
        if (id == 0x0000) return LIST_ENTRY;
        if (id == 0x0011 || id == 0x0111) return MODULE_ID;
        if (id == 0x001C || id == 0x011C || id == 0x021C || id == 0x031C) return COMPONENT_ID;
        if ((id == 0x0013 || id == 0x0113) && index == 0) return MEMORY;
        if (id == 0x0019 || id == 0x0119 || id == 0x0074 || id == 0x0174) return LED;
        if ((id == 0x0124 || id == 0x0424) && index == 0) return MODE_TRANSITION;
        if (id == 0x0131 && index >= 1 && index <= 4) return COMMUNICATION;
        if (id == 0x0132 && (index == 2 || index == 4 || index == 8)) return COMMUNICATION;
        if (MODULE_STATUS_IDS.contains(id)) return MODULE_STATUS;
        if ((id & 0xF0FF) == 0x00A0 && SZL_ID_NAMES.name(id) != null && id != 0x0FA0) return DIAG_ENTRY;
        return 0;
    }

    /** Decodes a record whose size is at least layoutSize(id, index); returns the bytes decoded. */
    private static int layout(L l, Buf b, Field t, int id, int index, int p, int n) {
        if (id == 0x0000) {
            u(l, t, S7COMM_SZL_0000_0000_SZL_ID, p, 2);
            return 2;
        }
        if (id == 0x0011 || id == 0x0111) return moduleId(l, b, t, p);
        if (id == 0x0019 || id == 0x0119 || id == 0x0074 || id == 0x0174) return led(l, t, p);
        if (id == 0x0131) {
            return switch (index) {
                case 1 -> comm1(l, t, p);
                case 2 -> comm2(l, t, p);
                case 3 -> comm3(l, t, p);
                default -> comm4(l, t, p);
            };
        }
        if (id == 0x0132) {
            return switch (index) {
                case 2 -> status2(l, t, p);
                case 4 -> status4(l, b, t, p);
                default -> status8(l, t, p);
            };
        }
        if (MODULE_STATUS_IDS.contains(id)) return moduleStatus(l, t, id, p);
        if ((id & 0xFF) == 0xA0) return diagEntry(l, b, t, p);
        if ((id & 0xFF) == 0x1C) return componentId(l, b, t, p);
        if ((id & 0xFF) == 0x13) return memory(l, t, p);
        return modeTransition(l, t, p);
    }

    // ---- helpers ----

    /** An integer field of len bytes shown as its declaration says (base, value names), with the declared kind. */
    static Field u(L l, Field parent, FieldDef d, int off, int len) {
        return l.num(parent, d, off, len, 0, d.kind(), v -> d.format(v, len));
    }

    /** A masked part of the integer at [off, off+len): flags as True/False, others as declared. */
    static Field part(L l, Field parent, FieldDef d, int off, int len) {
        return l.num(parent, d, off, len, d.mask(), d.kind(),
                d.type() == FieldDef.Type.BOOLEAN ? ValueNames::bool : v -> d.format(v, len));
    }

    /** A flags octet (or word): its hex value and the names of the flags set, then one field per bit part. */
    static Field flags(L l, Buf b, Field parent, FieldDef whole, int off, int len, FieldDef... bits) {
        l.need(parent, whole, off, len);
        long v = b.uint(off, len);
        StringBuilder s = new StringBuilder(Fmt.hex(v, len * 2));
        for (FieldDef d : bits) if (d.type() == FieldDef.Type.BOOLEAN && (v & d.mask()) != 0) s.append(", ").append(d.name());
        Field f = l.field(parent, whole, off, len, 0, v, s.toString(), whole.kind());
        for (FieldDef d : bits) part(l, f, d, off, len);
        return f;
    }

    /** A fixed-size ASCII field; the value stops at the first NUL like Wireshark's string display. */
    static int str(L l, Buf b, Field parent, FieldDef def, int off, int len) {
        l.need(parent, def, off, len);
        byte[] raw = b.copy(off, len);
        int z = 0;
        while (z < raw.length && raw[z] != 0) z++;
        String s = new String(raw, 0, z, StandardCharsets.ISO_8859_1);
        l.field(parent, def, off, len, 0, s, s, FieldKind.NORMAL);
        return len;
    }

    private static void bytes(L l, Field parent, FieldDef d, int off, int len) {
        l.bytes(parent, d, off, len, null, d.kind());
    }

    // ---- records ----

    private static int moduleId(L l, Buf b, Field t, int p) {
        u(l, t, S7COMM_SZL_XY11_0001_INDEX, p, 2);
        str(l, b, t, S7COMM_SZL_XY11_0001_ANZ, p + 2, 20);
        u(l, t, S7COMM_SZL_XY11_0001_BGTYP, p + 22, 2);
        u(l, t, S7COMM_SZL_XY11_0001_AUSBG, p + 24, 2);
        u(l, t, S7COMM_SZL_XY11_0001_AUSBE, p + 26, 2);
        return MODULE_ID;
    }

    private static int led(L l, Field t, int p) {
        Field c = u(l, t, S7COMM_SZL_XY74_0000_CPU_LED_ID, p, 2);
        part(l, c, S7COMM_SZL_XY74_0000_CPU_LED_ID_RACKNO, p, 2);
        part(l, c, S7COMM_SZL_XY74_0000_CPU_LED_ID_CPUTYPE, p, 2);
        part(l, c, S7COMM_SZL_XY74_0000_CPU_LED_ID_ID, p, 2);
        u(l, t, S7COMM_SZL_XY74_0000_LED_ON, p + 2, 1);
        u(l, t, S7COMM_SZL_XY74_0000_LED_BLINK, p + 3, 1);
        return LED;
    }

    private static int comm1(L l, Field t, int p) {
        u(l, t, S7COMM_SZL_0131_0001_INDEX, p, 2);
        u(l, t, S7COMM_SZL_0131_0001_PDU, p + 2, 2);
        u(l, t, S7COMM_SZL_0131_0001_ANZ, p + 4, 2);
        l.hex(t, S7COMM_SZL_0131_0001_MPI_BPS, p + 6, 4);
        l.hex(t, S7COMM_SZL_0131_0001_KBUS_BPS, p + 10, 4);
        bytes(l, t, S7COMM_SZL_0131_0001_RES, p + 14, COMMUNICATION - 14);
        return COMMUNICATION;
    }

    /** 0x0131 index 2: test and installation function constants. */
    private static int comm2(L l, Field t, int p) {
        u(l, t, S7COMM_SZL_0131_0002_INDEX, p, 2);
        Buf b = l.buf();
        flags(l, b, t, S7COMM_SZL_0131_0002_FUNKT_0, p + 2, 1, S7COMM_SZL_0131_0002_FUNKT_0_BIT0_RES,
                S7COMM_SZL_0131_0002_FUNKT_0_BLOCK_STAT, S7COMM_SZL_0131_0002_FUNKT_0_VAR_STAT,
                S7COMM_SZL_0131_0002_FUNKT_0_OUTP_ISTACK, S7COMM_SZL_0131_0002_FUNKT_0_OUTP_BSTACK,
                S7COMM_SZL_0131_0002_FUNKT_0_OUTP_LSTACK, S7COMM_SZL_0131_0002_FUNKT_0_TIME_MEAS,
                S7COMM_SZL_0131_0002_FUNKT_0_FORCE_SEL);
        flags(l, b, t, S7COMM_SZL_0131_0002_FUNKT_1, p + 3, 1, S7COMM_SZL_0131_0002_FUNKT_1_MOD_VAR,
                S7COMM_SZL_0131_0002_FUNKT_1_FORCE, S7COMM_SZL_0131_0002_FUNKT_1_BREAKP,
                S7COMM_SZL_0131_0002_FUNKT_1_EXIT_HOLD, S7COMM_SZL_0131_0002_FUNKT_1_MEM_RES,
                S7COMM_SZL_0131_0002_FUNKT_1_DIS_JOB, S7COMM_SZL_0131_0002_FUNKT_1_EN_JOB,
                S7COMM_SZL_0131_0002_FUNKT_1_DEL_JOB);
        flags(l, b, t, S7COMM_SZL_0131_0002_FUNKT_2, p + 4, 1, S7COMM_SZL_0131_0002_FUNKT_2_RD_JOB_LIST,
                S7COMM_SZL_0131_0002_FUNKT_2_RD_JOB, S7COMM_SZL_0131_0002_FUNKT_2_REPL_JOB,
                S7COMM_SZL_0131_0002_FUNKT_2_BLOCK_STAT_V2, S7COMM_SZL_0131_0002_FUNKT_2_BIT4_RES,
                S7COMM_SZL_0131_0002_FUNKT_2_BIT5_RES, S7COMM_SZL_0131_0002_FUNKT_2_FLASH_LED,
                S7COMM_SZL_0131_0002_FUNKT_2_BIT7_RES);
        u(l, t, S7COMM_SZL_0131_0002_FUNKT_3, p + 5, 1);
        u(l, t, S7COMM_SZL_0131_0002_FUNKT_4, p + 6, 1);
        u(l, t, S7COMM_SZL_0131_0002_FUNKT_5, p + 7, 1);
        bytes(l, t, S7COMM_SZL_0131_0002_ASEG, p + 8, 6);
        bytes(l, t, S7COMM_SZL_0131_0002_ESEG, p + 14, 6);
        flags(l, b, t, S7COMM_SZL_0131_0002_TRGEREIG_0, p + 20, 1, S7COMM_SZL_0131_0002_TRGEREIG_0_IMMED,
                S7COMM_SZL_0131_0002_TRGEREIG_0_SYS_TRIG, S7COMM_SZL_0131_0002_TRGEREIG_0_SYS_CP_MCS,
                S7COMM_SZL_0131_0002_TRGEREIG_0_SYS_CP_MCE, S7COMM_SZL_0131_0002_TRGEREIG_0_MTRANS_RS,
                S7COMM_SZL_0131_0002_TRGEREIG_0_ACODE_ADR, S7COMM_SZL_0131_0002_TRGEREIG_0_CODE_ADR_A,
                S7COMM_SZL_0131_0002_TRGEREIG_0_DATA_ADR);
        flags(l, b, t, S7COMM_SZL_0131_0002_TRGEREIG_1, p + 21, 1, S7COMM_SZL_0131_0002_TRGEREIG_1_DATA_ADR_A,
                S7COMM_SZL_0131_0002_TRGEREIG_1_LOC_ADR, S7COMM_SZL_0131_0002_TRGEREIG_1_LOC_ADR_A,
                S7COMM_SZL_0131_0002_TRGEREIG_1_RANGE_TRIG, S7COMM_SZL_0131_0002_TRGEREIG_1_BCODE_ADR,
                S7COMM_SZL_0131_0002_TRGEREIG_1_BIT5_RES, S7COMM_SZL_0131_0002_TRGEREIG_1_BIT6_RES,
                S7COMM_SZL_0131_0002_TRGEREIG_1_BIT7_RES);
        u(l, t, S7COMM_SZL_0131_0002_TRGEREIG_2, p + 22, 1);
        u(l, t, S7COMM_SZL_0131_0002_TRGBED, p + 23, 1);
        u(l, t, S7COMM_SZL_0131_0002_PFAD, p + 24, 1);
        u(l, t, S7COMM_SZL_0131_0002_TIEFE, p + 25, 1);
        u(l, t, S7COMM_SZL_0131_0002_SYSTRIG, p + 26, 1);
        u(l, t, S7COMM_SZL_0131_0002_ERG_PAR, p + 27, 1);
        u(l, t, S7COMM_SZL_0131_0002_ERG_PAT_1, p + 28, 2);
        u(l, t, S7COMM_SZL_0131_0002_ERG_PAT_2, p + 30, 2);
        u(l, t, S7COMM_SZL_0131_0002_FORCE, p + 32, 2);
        u(l, t, S7COMM_SZL_0131_0002_TIME, p + 34, 2);
        u(l, t, S7COMM_SZL_0131_0002_RES, p + 36, 4);
        return COMMUNICATION;
    }

    /**
     * 0x0131 index 3: operator interface. Wireshark 4.0 names the upper bits of funkt_0..funkt_3 with the index-2
     * prefix ({@code s7comm.szl.0131.0002.funkt_0.clr_cycl_read} …); we keep its names so filters match.
     */
    private static int comm3(L l, Field t, int p) {
        u(l, t, S7COMM_SZL_0131_0003_INDEX, p, 2);
        Buf b = l.buf();
        flags(l, b, t, S7COMM_SZL_0131_0003_FUNKT_0, p + 2, 1, S7COMM_SZL_0131_0003_FUNKT_0_READ_ONCE,
                S7COMM_SZL_0131_0003_FUNKT_0_WRITE_ONCE, S7COMM_SZL_0131_0003_FUNKT_0_INIT_CYCL_READ_IMPL,
                S7COMM_SZL_0131_0003_FUNKT_0_INIT_CYCL_READ_EXPL, S7COMM_SZL_0131_0003_FUNKT_0_START_CYCL_READ,
                S7COMM_SZL_0131_0003_FUNKT_0_STOP_CYCL_READ, S7COMM_SZL_0131_0002_FUNKT_0_CLR_CYCL_READ,
                S7COMM_SZL_0131_0002_FUNKT_0_BIT7_RES);
        flags(l, b, t, S7COMM_SZL_0131_0003_FUNKT_1, p + 3, 1, S7COMM_SZL_0131_0003_FUNKT_1_BIT0_RES,
                S7COMM_SZL_0131_0003_FUNKT_1_BIT1_RES, S7COMM_SZL_0131_0003_FUNKT_1_BIT2_RES,
                S7COMM_SZL_0131_0003_FUNKT_1_BIT3_RES, S7COMM_SZL_0131_0003_FUNKT_1_PERIPH_IO,
                S7COMM_SZL_0131_0003_FUNKT_1_INPUTS, S7COMM_SZL_0131_0002_FUNKT_1_OUTPUTS,
                S7COMM_SZL_0131_0002_FUNKT_1_BIT_MEM);
        flags(l, b, t, S7COMM_SZL_0131_0003_FUNKT_2, p + 4, 1, S7COMM_SZL_0131_0003_FUNKT_2_USER_DB,
                S7COMM_SZL_0131_0003_FUNKT_2_DATA_REC, S7COMM_SZL_0131_0003_FUNKT_2_BIT2_RES,
                S7COMM_SZL_0131_0003_FUNKT_2_BIT3_RES, S7COMM_SZL_0131_0003_FUNKT_2_BIT4_RES,
                S7COMM_SZL_0131_0003_FUNKT_2_BIT5_RES, S7COMM_SZL_0131_0002_FUNKT_2_BIT6_RES,
                S7COMM_SZL_0131_0002_FUNKT_2_S7_COUNTER);
        flags(l, b, t, S7COMM_SZL_0131_0003_FUNKT_3, p + 5, 1, S7COMM_SZL_0131_0003_FUNKT_3_S7_TIMER,
                S7COMM_SZL_0131_0003_FUNKT_3_IEC_COUNTER, S7COMM_SZL_0131_0003_FUNKT_3_IEC_TIMER,
                S7COMM_SZL_0131_0003_FUNKT_3_HS_COUNTER, S7COMM_SZL_0131_0003_FUNKT_3_BIT4_RES,
                S7COMM_SZL_0131_0003_FUNKT_3_BIT5_RES, S7COMM_SZL_0131_0002_FUNKT_3_BIT6_RES,
                S7COMM_SZL_0131_0002_FUNKT_3_BIT7_RES);
        u(l, t, S7COMM_SZL_0131_0003_DATA, p + 6, 2);
        u(l, t, S7COMM_SZL_0131_0003_ANZ, p + 8, 2);
        u(l, t, S7COMM_SZL_0131_0003_PER_MIN, p + 10, 2);
        u(l, t, S7COMM_SZL_0131_0003_PER_MAX, p + 12, 2);
        bytes(l, t, S7COMM_SZL_0131_0003_RES, p + 14, COMMUNICATION - 14);
        return COMMUNICATION;
    }

    /** 0x0131 index 4: object management system. */
    private static int comm4(L l, Field t, int p) {
        u(l, t, S7COMM_SZL_0131_0004_INDEX, p, 2);
        Buf b = l.buf();
        flags(l, b, t, S7COMM_SZL_0131_0004_FUNKT_0, p + 2, 1, S7COMM_SZL_0131_0004_FUNKT_0_BIT0_RES,
                S7COMM_SZL_0131_0004_FUNKT_0_DIR_H1, S7COMM_SZL_0131_0004_FUNKT_0_DIR_H2,
                S7COMM_SZL_0131_0004_FUNKT_0_DIR_H3, S7COMM_SZL_0131_0004_FUNKT_0_COPY,
                S7COMM_SZL_0131_0004_FUNKT_0_CHAIN_LIST, S7COMM_SZL_0131_0004_FUNKT_0_CHAIN_COPIED,
                S7COMM_SZL_0131_0004_FUNKT_0_DELETE_LIST);
        flags(l, b, t, S7COMM_SZL_0131_0004_FUNKT_1, p + 3, 1, S7COMM_SZL_0131_0004_FUNKT_1_UPL_ON_PG,
                S7COMM_SZL_0131_0004_FUNKT_1_ASGN_W_CHAIN, S7COMM_SZL_0131_0004_FUNKT_1_LOAD_W_CHG,
                S7COMM_SZL_0131_0004_FUNKT_1_BIT3_RES, S7COMM_SZL_0131_0004_FUNKT_1_BIT4_RES,
                S7COMM_SZL_0131_0004_FUNKT_1_BIT5_RES, S7COMM_SZL_0131_0004_FUNKT_1_BIT6_RES,
                S7COMM_SZL_0131_0004_FUNKT_1_DELETE_ALL);
        flags(l, b, t, S7COMM_SZL_0131_0004_FUNKT_2, p + 4, 1, S7COMM_SZL_0131_0004_FUNKT_2_LOAD_RAM,
                S7COMM_SZL_0131_0004_FUNKT_2_LOAD_EPROM, S7COMM_SZL_0131_0004_FUNKT_2_SAVE_RAM,
                S7COMM_SZL_0131_0004_FUNKT_2_SAVE_EPROM, S7COMM_SZL_0131_0004_FUNKT_2_SAVE_ALL,
                S7COMM_SZL_0131_0004_FUNKT_2_COMPRESS, S7COMM_SZL_0131_0004_FUNKT_2_FW_UPDATE,
                S7COMM_SZL_0131_0004_FUNKT_2_SET_RAM_MODE);
        flags(l, b, t, S7COMM_SZL_0131_0004_FUNKT_3, p + 5, 1, S7COMM_SZL_0131_0004_FUNKT_3_SET_EPROM_MODE,
                S7COMM_SZL_0131_0004_FUNKT_3_BIT1_RES, S7COMM_SZL_0131_0004_FUNKT_3_BIT2_RES,
                S7COMM_SZL_0131_0004_FUNKT_3_BIT3_RES, S7COMM_SZL_0131_0004_FUNKT_3_BIT4_RES,
                S7COMM_SZL_0131_0004_FUNKT_3_BIT5_RES, S7COMM_SZL_0131_0004_FUNKT_3_ASGN_PAR_MOD,
                S7COMM_SZL_0131_0004_FUNKT_3_ASGN_PAR_MC);
        flags(l, b, t, S7COMM_SZL_0131_0004_FUNKT_4, p + 6, 1, S7COMM_SZL_0131_0004_FUNKT_4_ASGN_PAR_LPROG,
                S7COMM_SZL_0131_0004_FUNKT_4_ASGN_PAR_CRES, S7COMM_SZL_0131_0004_FUNKT_4_ASGN_PAR_RES,
                S7COMM_SZL_0131_0004_FUNKT_4_COMPRESS, S7COMM_SZL_0131_0004_FUNKT_4_EV_MC,
                S7COMM_SZL_0131_0004_FUNKT_4_FW_UPDATE_MC, S7COMM_SZL_0131_0004_FUNKT_4_BIT6_RES,
                S7COMM_SZL_0131_0004_FUNKT_4_BIT7_RES);
        u(l, t, S7COMM_SZL_0131_0004_FUNKT_5, p + 7, 1);
        u(l, t, S7COMM_SZL_0131_0004_FUNKT_6, p + 8, 1);
        u(l, t, S7COMM_SZL_0131_0004_FUNKT_7, p + 9, 1);
        u(l, t, S7COMM_SZL_0131_0004_KOP, p + 10, 1);
        u(l, t, S7COMM_SZL_0131_0004_DEL, p + 11, 1);
        u(l, t, S7COMM_SZL_0131_0004_KETT, p + 12, 1);
        u(l, t, S7COMM_SZL_0131_0004_HOCH, p + 13, 1);
        u(l, t, S7COMM_SZL_0131_0004_VER, p + 14, 1);
        bytes(l, t, S7COMM_SZL_0131_0004_RES, p + 15, COMMUNICATION - 15);
        return COMMUNICATION;
    }

    private static int status2(L l, Field t, int p) {
        l.hex(t, S7COMM_SZL_0132_0002_INDEX, p, 2);
        l.uint(t, S7COMM_SZL_0132_0002_ANZ, p + 2, 2);
        bytes(l, t, S7COMM_SZL_0132_0002_RES, p + 4, COMMUNICATION - 4);
        return COMMUNICATION;
    }

    private static int status4(L l, Buf b, Field t, int p) {
        l.hex(t, S7COMM_SZL_0132_0004_INDEX, p, 2);
        FieldDef[] u = {S7COMM_SZL_0132_0004_KEY, S7COMM_SZL_0132_0004_PARAM, S7COMM_SZL_0132_0004_REAL,
            S7COMM_SZL_0132_0004_BART_SCH, S7COMM_SZL_0132_0004_CRST_WRST};
        for (int i = 0; i < u.length; i++) u(l, t, u[i], p + 2 + 2 * i, 2);
        l.hex(t, S7COMM_SZL_0132_0004_KEN_F, p + 12, 2);
        l.hex(t, S7COMM_SZL_0132_0004_KEN_REL, p + 14, 2);
        FieldDef[] k = {S7COMM_SZL_0132_0004_KEN_VER1_HW, S7COMM_SZL_0132_0004_KEN_VER2_HW,
            S7COMM_SZL_0132_0004_KEN_VER1_AWP, S7COMM_SZL_0132_0004_KEN_VER2_AWP};
        for (int i = 0; i < k.length; i++) {
            int off = p + 16 + 2 * i;
            int v = b.u16le(off);
            l.field(t, k[i], off, 2, 0, (long) v, Fmt.hex(v, 4), FieldKind.NORMAL);
        }
        bytes(l, t, S7COMM_SZL_0132_0004_RES, p + 24, COMMUNICATION - 24);
        return COMMUNICATION;
    }

    /** 0x0132 index 8: time system (run-time meters, current date and time). */
    private static int status8(L l, Field t, int p) {
        u(l, t, S7COMM_SZL_0132_0008_INDEX, p, 2);
        u(l, t, S7COMM_SZL_0132_0008_ZYKL, p + 2, 2);
        u(l, t, S7COMM_SZL_0132_0008_KORR, p + 4, 2);
        FieldDef[] clocks = {S7COMM_SZL_0132_0008_CLOCK0, S7COMM_SZL_0132_0008_CLOCK1, S7COMM_SZL_0132_0008_CLOCK2,
            S7COMM_SZL_0132_0008_CLOCK3, S7COMM_SZL_0132_0008_CLOCK4, S7COMM_SZL_0132_0008_CLOCK5,
            S7COMM_SZL_0132_0008_CLOCK6, S7COMM_SZL_0132_0008_CLOCK7};
        for (int i = 0; i < clocks.length; i++) u(l, t, clocks[i], p + 6 + 2 * i, 2);
        bytes(l, t, S7COMM_SZL_0132_0008_TIME, p + 22, 8);
        bytes(l, t, S7COMM_SZL_0132_0008_RES, p + 30, 10);
        return COMMUNICATION;
    }

    /** Module status information (0x0091 family), 16 bytes. */
    private static int moduleStatus(L l, Field t, int id, int p) {
        u(l, t, S7COMM_SZL_0091_0000_ADR1, p, 2);
        u(l, t, S7COMM_SZL_0091_0000_ADR2, p + 2, 2);
        u(l, t, S7COMM_SZL_0091_0000_LOGADR, p + 4, 2);
        u(l, t, S7COMM_SZL_0091_0000_EXPTYPE, p + 6, 2);
        u(l, t, S7COMM_SZL_0091_0000_ACTTYPE, p + 8, 2);
        FieldDef res = id == 0x0C91 || id == 0x4C91 ? S7COMM_SZL_0091_0000_RES1_0C_4C_4D
                : id == 0x0D91 ? S7COMM_SZL_0091_0000_RES1_0D : S7COMM_SZL_0091_0000_RES1;
        u(l, t, res, p + 10, 2);
        Buf b = l.buf();
        flags(l, b, t, S7COMM_SZL_0091_0000_EASTAT, p + 12, 2, S7COMM_SZL_0091_0000_EASTAT_MODERROR,
                S7COMM_SZL_0091_0000_EASTAT_MODEXISTS, S7COMM_SZL_0091_0000_EASTAT_MODNOTAV,
                S7COMM_SZL_0091_0000_EASTAT_MODDISABL, S7COMM_SZL_0091_0000_EASTAT_STATERR,
                S7COMM_SZL_0091_0000_EASTAT_CIRBUSY, S7COMM_SZL_0091_0000_EASTAT_RES,
                S7COMM_SZL_0091_0000_EASTAT_MODLOCSEG, S7COMM_SZL_0091_0000_EASTAT_DATAID);
        flags(l, b, t, S7COMM_SZL_0091_0000_BERBGBR, p + 14, 2, S7COMM_SZL_0091_0000_BERBGBR_WIDTH,
                S7COMM_SZL_0091_0000_BERBGBR_BIT3_RES, S7COMM_SZL_0091_0000_BERBGBR_AREAID,
                S7COMM_SZL_0091_0000_BERBGBR_BIT7_RES);
        return MODULE_STATUS;
    }

    /** One diagnostic buffer entry (SZL 0xxA0), 20 bytes, as Wireshark's CPU diagnostic message. */
    private static int diagEntry(L l, Buf b, Field t, int p) {
        int ev = b.u16(p);
        Field m = l.tree(t, S7COMM_CPU_DIAG_MSG, p, DIAG_ENTRY, null, "Event ID " + Fmt.hex(ev, 4));
        flags(l, b, m, S7COMM_CPU_DIAG_MSG_EVENTID, p, 2, S7COMM_CPU_DIAG_MSG_EVENTID_CLASS,
                S7COMM_CPU_DIAG_MSG_EVENTID_IDENT_ENTLEAVE, S7COMM_CPU_DIAG_MSG_EVENTID_IDENT_DIAGBUF,
                S7COMM_CPU_DIAG_MSG_EVENTID_IDENT_INTERR, S7COMM_CPU_DIAG_MSG_EVENTID_IDENT_EXTERR,
                S7COMM_CPU_DIAG_MSG_EVENTID_NR);
        u(l, m, S7COMM_CPU_DIAG_MSG_PRIOCLASS, p + 2, 1);
        u(l, m, S7COMM_CPU_DIAG_MSG_OBNUMBER, p + 3, 1);
        u(l, m, S7COMM_CPU_DIAG_MSG_DATID, p + 4, 2);
        u(l, m, S7COMM_CPU_DIAG_MSG_INFO1, p + 6, 2);
        u(l, m, S7COMM_CPU_DIAG_MSG_INFO2, p + 8, 4);
        S7Userdata.timestamp(l, b, m, p + 12, false);
        return DIAG_ENTRY;
    }
    /** 0x001C family: component identification; the index says which string follows. */
    private static int componentId(L l, Buf b, Field t, int p) {
        int ix = b.u16(p);
        u(l, t, S7COMM_SZL_001C_000X_INDEX, p, 2);
        int u = 2;
        switch (ix) {
            case 1 -> u += str(l, b, t, S7COMM_SZL_001C_0001_NAME, p + 2, 24);
            case 2 -> u += str(l, b, t, S7COMM_SZL_001C_0002_NAME, p + 2, 24);
            case 3 -> u += str(l, b, t, S7COMM_SZL_001C_0003_TAG, p + 2, 32);
            case 4 -> u += str(l, b, t, S7COMM_SZL_001C_0004_COPYRIGHT, p + 2, 26);
            case 5 -> u += str(l, b, t, S7COMM_SZL_001C_0005_SERIALN, p + 2, 24);
            case 7 -> u += str(l, b, t, S7COMM_SZL_001C_0007_CPUTYPNAME, p + 2, 32);
            case 8 -> u += str(l, b, t, S7COMM_SZL_001C_0008_SNMCMMC, p + 2, 32);
            case 9 -> {
                l.hex(t, S7COMM_SZL_001C_0009_MANUFACTURER_ID, p + 2, 2);
                l.hex(t, S7COMM_SZL_001C_0009_PROFILE_ID, p + 4, 2);
                l.hex(t, S7COMM_SZL_001C_0009_PROFILE_SPEC_TYP, p + 6, 2);
                u += 6;
            }
            case 10 -> {
                str(l, b, t, S7COMM_SZL_001C_000A_OEM_COPYRIGHT_STRING, p + 2, 26);
                l.hex(t, S7COMM_SZL_001C_000A_OEM_ID, p + 28, 2);
                l.hex(t, S7COMM_SZL_001C_000A_OEM_ADD_ID, p + 30, 4);
                u += 32;
            }
            case 11 -> u += str(l, b, t, S7COMM_SZL_001C_000B_LOC_ID, p + 2, 32);
            default -> {
            }
        }
        if (u > 2 && u < COMPONENT_ID) {
            l.bytes(t, S7COMM_SZL_001C_000X_RES, p + u, COMPONENT_ID - u, null, FieldKind.RESERVED);
            u = COMPONENT_ID;
        }
        return u;
    }

    /** 0x0013 / 0x0113 index 0: memory areas. */
    private static int memory(L l, Field t, int p) {
        u(l, t, S7COMM_SZL_0013_0000_INDEX, p, 2);
        u(l, t, S7COMM_SZL_0013_0000_CODE, p + 2, 2);
        l.uint(t, S7COMM_SZL_0013_0000_SIZE, p + 4, 4);
        Buf b = l.buf();
        flags(l, b, t, S7COMM_SZL_0013_0000_MODE, p + 8, 2, S7COMM_SZL_0013_0000_MODE_VOL_MEM,
                S7COMM_SZL_0013_0000_MODE_NVOL_MEM, S7COMM_SZL_0013_0000_MODE_MIXED_MEM,
                S7COMM_SZL_0013_0000_MODE_CD_SEP, S7COMM_SZL_0013_0000_MODE_CD_TOG);
        l.hex(t, S7COMM_SZL_0013_0000_GRANU, p + 10, 2);
        FieldDef[] a = {S7COMM_SZL_0013_0000_BER1, S7COMM_SZL_0013_0000_BELEGT1, S7COMM_SZL_0013_0000_BLOCK1,
            S7COMM_SZL_0013_0000_BER2, S7COMM_SZL_0013_0000_BELEGT2, S7COMM_SZL_0013_0000_BLOCK2};
        for (int i = 0; i < a.length; i++) l.uint(t, a[i], p + 12 + 4 * i, 4);
        return MEMORY;
    }

    /** 0x0124 / 0x0424 index 0: mode transition. */
    private static int modeTransition(L l, Field t, int p) {
        l.hex(t, S7COMM_SZL_0424_0000_EREIG, p, 2);
        l.hex(t, S7COMM_SZL_0424_0000_AE, p + 2, 1);
        Field z = l.hex(t, S7COMM_SZL_0424_0000_BZU_ID, p + 3, 1);
        part(l, z, S7COMM_SZL_0424_0000_BZU_ID_REQ, p + 3, 1);
        part(l, z, S7COMM_SZL_0424_0000_BZU_ID_PRE, p + 3, 1);
        l.bytes(t, S7COMM_SZL_0424_0000_RES, p + 4, 4, null, FieldKind.RESERVED);
        FieldDef[] anl = {S7COMM_SZL_0424_0000_ANLINFO1, S7COMM_SZL_0424_0000_ANLINFO2,
            S7COMM_SZL_0424_0000_ANLINFO3, S7COMM_SZL_0424_0000_ANLINFO4};
        for (int i = 0; i < 4; i++) u(l, t, anl[i], p + 8 + i, 1);
        l.bytes(t, S7COMM_SZL_0424_0000_TIME, p + 12, 8, null, null);
        return MODE_TRANSITION;
    }
}
