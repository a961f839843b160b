package org.frameinspector.core.protocols.ber;

import org.frameinspector.core.dissect.DissectorRegistry;
import org.frameinspector.core.model.ValueNames;
import java.nio.charset.StandardCharsets;
import org.frameinspector.core.dissect.Buf;
import org.frameinspector.core.dissect.Ctx;
import org.frameinspector.core.dissect.Dissector;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;

/**
 * A generic X.690 BER tree for what sits above the session layer (presentation, ACSE, MMS, RTSE): tag class and
 * number (including the high-tag-number form), primitive/constructed, definite short/long and indefinite lengths.
 * Known elements get names from a small hint table. Recursion is bounded by depth and element count, and nothing is
 * allocated from a length field: every value is clipped to the bytes present.
 */
public final class Ber implements Dissector {
    /**
     * Ctx: what the ISO session layer found the BER data to be ("ses-cn", "ses-ac", "ses-rf", "ses-dt", "ses-other"),
     * so the element names of the presentation/ACSE/MMS PDU can be chosen.
     */
    public static final Ctx.Key<String> HINT = Ctx.Key.of("ber:hint");

    static final int MAX_DEPTH = 24;
    static final int MAX_ELEMENTS = 3000;
    static final String[] CLASS = {"UNIVERSAL", "APPLICATION", "CONTEXT", "PRIVATE"};
    static final ValueNames UNIVERSAL = ValueNames.of(1, "BOOLEAN", 2, "INTEGER", 3, "BIT STRING", 4, "OCTET STRING", 5, "NULL",
            6, "OBJECT IDENTIFIER", 7, "ObjectDescriptor", 8, "EXTERNAL", 9, "REAL", 10, "ENUMERATED",
            12, "UTF8String", 16, "SEQUENCE", 17, "SET", 18, "NumericString", 19, "PrintableString",
            20, "TeletexString", 22, "IA5String", 23, "UTCTime", 24, "GeneralizedTime", 26, "VisibleString",
            27, "GeneralString", 30, "BMPString");

    /** The generic BER tree (presentation, ACSE, MMS above the session layer), by name. */
    public static void register(DissectorRegistry r) {
        r.declare(BerFields.BER);
        r.named(new Ber());
    }

    @Override
    public String protocol() {
        return "ber";
    }

    /** Mutable per-call state. */
    private static final class St {
        int elements;
        boolean stopped;
    }

    @Override
    public void dissect(Ctx ctx, Buf buf) {
        String hint = ctx.get(HINT);
        ctx.put(HINT, null);
        L l = ctx.layer("ber", "BER-encoded upper layers (presentation / ACSE / MMS …)", buf);
        St st = new St();
        int end = seq(l, buf, null, buf.start(), buf.end(), 0, false, hint == null ? "ses-other" : hint, st);
        if (end < buf.end()) l.payload(null, BerFields.BER_UNPARSED, end, buf.end() - end);
        Field first = l.layer().fields().isEmpty() ? null : l.layer().fields().get(0);
        if (first != null) {
            String plain = l.layer().name();
            l.name(() -> first.display() != null ? "BER-encoded upper layers: " + first.name() : plain);
        }
    }

    /**
     * Decodes elements in [from, to). With {@code indefinite} it stops after an end-of-contents pair and returns the
     * offset after it, or returns -1 - reached when the pair is missing.
     */
    private int seq(L l, Buf b, Field parent, int from, int to, int depth, boolean indefinite, String hint, St st) {
        int q = from;
        while (q < to && !st.stopped) {
            if (indefinite && b.has(q, 2) && b.u8(q) == 0 && b.u8(q + 1) == 0 && q + 2 <= to) {
                l.field(parent, BerFields.BER_EOC, q, 2, 0, null, "00 00", FieldKind.NORMAL);
                return q + 2;
            }
            if (++st.elements > MAX_ELEMENTS) {
                l.payload(parent, BerFields.BER_UNPARSED.as("Not decoded (element limit reached)"), q, to - q);
                st.stopped = true;
                return to;
            }
            q = element(l, b, parent, q, to, depth, hint, st);
        }
        if (indefinite) return -1 - q;
        return q;
    }

    private int element(L l, Buf b, Field parent, int q, int to, int depth, String hint, St st) {
        int id0 = b.u8(q);
        int cls = id0 >> 6;
        boolean cons = (id0 & 0x20) != 0;
        long tag = id0 & 0x1F;
        int p = q + 1;
        if (tag == 0x1F) {
            tag = 0;
            int n = 0;
            while (true) {
                if (p >= to) { l.need(parent, BerFields.BER_IDENTIFIER.as("Identifier (high tag number)"), q, p - q + 1); }
                int c = b.u8(p++);
                tag = (tag << 7) | (c & 0x7F);
                if ((c & 0x80) == 0 || ++n >= 5) break;
            }
        }
        int idLen = p - q;
        if (p >= to) l.need(parent, BerFields.BER_LENGTH, p, 1);
        int lq = p;
        int l0 = b.u8(lq);
        long len;
        int ll;
        boolean indef = false;
        String[] nm = name(hint, cls, cons, tag);
        if (l0 < 0x80) { len = l0; ll = 1; }
        else if (l0 == 0x80) { len = -1; ll = 1; indef = true; }
        else if (l0 == 0xFF) {
            Field node = node(l, parent, q, to - q, nm, cls, cons, tag, () -> "length 0xFF (reserved)");
            ident(l, node, b, q, idLen, cls, cons, tag);
            Field lf = l.hex(node, BerFields.BER_LENGTH, lq, 1);
            l.finding("BER-LENGTH-0xFF", lf, "0xFF", "0x00–0x7F, 0x80 (indefinite) or 0x81–0x84");
            st.stopped = true;
            return lq + 1;
        } else {
            int n = l0 & 0x7F;
            l.need(parent, BerFields.BER_LENGTH, lq, 1 + n);
            len = 0;
            boolean huge = false;
            for (int i = 0; i < n; i++) {
                if (len > (Integer.MAX_VALUE >> 8)) huge = true;
                len = (len << 8) | b.u8(lq + 1 + i);
            }
            if (huge) len = Long.MAX_VALUE;
            ll = 1 + n;
        }
        int cs = lq + ll;
        int avail = to - cs;
        boolean overrun = !indef && len > avail;
        int ce = indef ? to : (int) Math.min(cs + (long) Math.max(0, avail), cs + len);
        final long fl = len;
        final boolean fi = indef;
        Field node = node(l, parent, q, ce - q, nm, cls, cons, tag,
                () -> fi ? "indefinite length" : "length " + (fl == Long.MAX_VALUE ? "(huge)" : Long.toString(fl)));
        ident(l, node, b, q, idLen, cls, cons, tag);
        Field lf = indef ? l.field(node, BerFields.BER_LENGTH, lq, ll, 0, null, "Indefinite", FieldKind.NORMAL)
                : l.field(node, BerFields.BER_LENGTH, lq, ll, 0, len,
                        v -> v == Long.MAX_VALUE ? "more than 2^31" : Long.toString(v), FieldKind.NORMAL);
        if (overrun) {
            l.finding("BER-LENGTH-OVERRUN", lf, (len == Long.MAX_VALUE ? "more than 2^31" : Long.toString(len)) + " bytes",
                    "at most " + Math.max(0, avail) + " bytes (the rest of the enclosing element or data)");
        }
        if (indef && !cons) {
            l.finding("BER-INDEFINITE-PRIMITIVE", lf, "0x80 on a primitive encoding", "a definite length");
            st.stopped = true;
            node.setLength(cs - q);
            return cs;
        }
        if (cons) {
            if (depth >= MAX_DEPTH) {
                l.payload(node, BerFields.BER_UNPARSED.as("Not decoded (nesting limit reached)"), cs, ce - cs);
                return ce;
            }
            int r = seq(l, b, node, cs, ce, depth + 1, indef, nm[1], st);
            if (indef) {
                if (r < 0) {
                    int reached = -1 - r;
                    if (!st.stopped) {
                        l.finding("BER-INDEFINITE-PRIMITIVE", lf, "no end-of-contents octets before offset " + reached,
                                "00 00 closing the indefinite length");
                    }
                    node.setLength(reached - q);
                    return reached;
                }
                node.setLength(r - q);
                return r;
            }
            if (overrun) st.stopped = true;
            return ce;
        }
        if (ce > cs) value(l, b, node, cls, tag, cs, ce - cs);
        if (overrun) st.stopped = true;
        return ce;
    }

    private static Field node(L l, Field parent, int q, int len, String[] nm, int cls, boolean cons, long tag,
                             java.util.function.Supplier<String> what) {
        String tagText = tagText(cls, tag);
        return l.lazyTree(parent, BerFields.BER_ELEMENT.as(nm[0] != null ? nm[0] : tagText), q, len, null,
                () -> tagText + (cons ? " constructed" : "") + ", " + what.get());
    }

    /** "[3]", "[APPLICATION 1]", "SEQUENCE" …; the low tags of each class are made once. */
    private static String tagText(int cls, long tag) {
        if (tag >= 0 && tag < TAG_TEXT[cls].length) return TAG_TEXT[cls][(int) tag];
        return makeTagText(cls, tag);
    }

    private static String makeTagText(int cls, long tag) {
        return cls == 0 ? UNIVERSAL.nameOr(tag, "UNIVERSAL " + tag) : "[" + (cls == 2 ? "" : CLASS[cls] + " ") + tag + "]";
    }

    private static final String[][] TAG_TEXT = new String[4][32];

    static {
        for (int c = 0; c < 4; c++) for (int t = 0; t < 32; t++) TAG_TEXT[c][t] = makeTagText(c, t);
    }

    private static void ident(L l, Field node, Buf b, int q, int idLen, int cls, boolean cons, long tag) {
        Field id = l.hex(node, BerFields.BER_IDENTIFIER, q, idLen);
        // the identifier's parts are made when shown (no finding points at them)
        l.later(id, () -> {
            l.bits(id, BerFields.BER_ID_CLASS, q, 1, 0xC0, v -> CLASS[(int) v] + " (" + v + ")");
            l.bits(id, BerFields.BER_ID_CONSTRUCTED, q, 1, 0x20, v -> v != 0 ? "Constructed" : "Primitive");
            if (idLen == 1) {
                l.bits(id, BerFields.BER_ID_TAG, q, 1, 0x1F, null);
            } else {
                l.generated(id, BerFields.BER_ID_TAG.as("Tag number (high-tag-number form)"), q + 1, idLen - 1, tag,
                        Long.toString(tag));
            }
        });
    }

    private static void value(L l, Buf b, Field node, int cls, long tag, int off, int len) {
        byte[] a = b.bytes();
        int kind = cls != 0 ? -1 : (int) tag;
        if ((kind == 2 || kind == 10) && len <= 8) {
            long x = a[off];
            for (int i = 1; i < len; i++) x = (x << 8) | (a[off + i] & 0xFF);
            l.field(node, BerFields.BER_VALUE, off, len, 0, x, L.DECIMAL, FieldKind.NORMAL);
            return;
        }
        byte[] v = b.copy(off, len);
        // the text is made from the copy when something shows the value (a findings-only pass never does)
        l.put(node, Field.lazy(BerFields.BER_VALUE, off, len, 0, v, () -> display(kind, v), l.src(), FieldKind.NORMAL));
    }

    /** How a primitive value of universal tag {@code kind} (-1: not universal) is shown. */
    private static String display(int kind, byte[] v) {
        int len = v.length;
        String disp = switch (kind) {
            case 1 -> len == 1 ? (v[0] != 0 ? "TRUE" : "FALSE") : null;
            case 6 -> oid(v, 0, len);
            case 12, 18, 19, 20, 22, 26, 27 -> new String(v, 0, len, kind == 12
                    ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            default -> null;
        };
        if (disp != null) return disp;
        String pr = len >= 3 ? Fmt.printable(v, 0, len) : null;
        return pr != null ? "\"" + pr + "\" (" + Fmt.colonHex(v, 0, Math.min(len, 24)) + (len > 24 ? "…" : "") + ")"
                : Fmt.colonHex(v, 0, Math.min(len, 32)) + (len > 32 ? "…" : "");
    }

    static String oid(byte[] a, int off, int len) {
        StringBuilder sb = new StringBuilder();
        long cur = 0;
        boolean first = true;
        for (int i = 0; i < len; i++) {
            int c = a[off + i] & 0xFF;
            if (cur > (Long.MAX_VALUE >> 8)) return null;
            cur = (cur << 7) | (c & 0x7F);
            if ((c & 0x80) == 0) {
                if (first) {
                    long x = cur < 40 ? 0 : cur < 80 ? 1 : 2;
                    sb.append(x).append('.').append(cur - 40 * x);
                    first = false;
                } else sb.append('.').append(cur);
                cur = 0;
            }
        }
        return first ? null : sb.toString();
    }

    /** Name and child hint for an element, given the parent's hint. */
    static String[] name(String hint, int cls, boolean cons, long tag) {
        int id = (cls << 6) | (cons ? 0x20 : 0) | (int) Math.min(tag, 0x1F);
        if (tag >= 0x1F) id = -1;
        String n = null, h = "none";
        switch (hint) {
            case "ses-cn" -> { if (id == 0x31) { n = "CP-type (presentation connect)"; h = "cp"; } }
            case "ses-ac" -> { if (id == 0x31) { n = "CPA-PPDU (presentation connect accept)"; h = "cp"; } }
            case "ses-rf" -> { if (id == 0x30) { n = "CPR-PPDU (presentation connect reject)"; h = "cp"; } }
            case "ses-dt", "ses-other" -> {
                if (id == 0x61) { n = "Fully-encoded-data (P-DATA user data)"; h = "fed"; }
                else if (id == 0xB0 || id == 0xA0) { n = id == 0xB0 ? "ARU-PPDU / RTSE" : "ARP-PPDU"; h = "cp"; }
            }
            case "cp" -> {
                switch (id) {
                    case 0xA0 -> n = "mode-selector";
                    case 0xA1 -> n = "x410-mode-parameters";
                    case 0xA2 -> { n = "normal-mode-parameters"; h = "cpnorm"; }
                    default -> { }
                }
            }
            case "cpnorm" -> {
                switch (id) {
                    case 0x80 -> n = "protocol-version";
                    case 0x81 -> n = "calling-presentation-selector";
                    case 0x82 -> n = "called/responding-presentation-selector";
                    case 0x83 -> n = "responding-presentation-selector";
                    case 0xA4 -> { n = "presentation-context-definition-list"; h = "ctxlist"; }
                    case 0xA5 -> { n = "presentation-context-definition-result-list"; h = "ctxlist"; }
                    case 0x86 -> n = "default-context-name / result";
                    case 0x88 -> n = "presentation-requirements";
                    case 0x89 -> n = "user-session-requirements";
                    case 0x61 -> { n = "user-data: fully-encoded-data"; h = "fed"; }
                    default -> { }
                }
            }
            case "ctxlist" -> { if (id == 0x30) { n = "presentation context"; h = "ctxitem"; } }
            case "ctxitem" -> {
                if (id == 0x02) n = "presentation-context-identifier";
                else if (id == 0x06) n = "abstract/transfer syntax name";
                else if (id == 0x30) n = "transfer-syntax-name-list";
                else if (id == 0x80) n = "result";
            }
            case "fed" -> { if (id == 0x30) { n = "PDV-list"; h = "pdv"; } }
            case "pdv" -> {
                switch (id) {
                    case 0x06 -> n = "transfer-syntax-name";
                    case 0x02 -> n = "presentation-context-identifier";
                    case 0xA0 -> { n = "presentation-data-values: single-ASN1-type"; h = "app"; }
                    case 0x81 -> n = "presentation-data-values: octet-aligned";
                    case 0x82, 0xA2 -> n = "presentation-data-values: arbitrary";
                    default -> { }
                }
            }
            case "app" -> {
                switch (id) {
                    case 0x60 -> { n = "ACSE AARQ-apdu"; h = "acse"; }
                    case 0x61 -> { n = "ACSE AARE-apdu"; h = "acse"; }
                    case 0x62 -> { n = "ACSE RLRQ-apdu"; h = "acse"; }
                    case 0x63 -> { n = "ACSE RLRE-apdu"; h = "acse"; }
                    case 0x64 -> { n = "ACSE ABRT-apdu"; h = "acse"; }
                    case 0xA0 -> n = "MMS confirmed-RequestPDU";
                    case 0xA1 -> n = "MMS confirmed-ResponsePDU";
                    case 0xA2 -> n = "MMS confirmed-ErrorPDU";
                    case 0xA3 -> n = "MMS unconfirmed-PDU";
                    case 0xA4 -> n = "MMS rejectPDU";
                    case 0xA5 -> n = "MMS cancel-RequestPDU";
                    case 0xA6 -> n = "MMS cancel-ResponsePDU";
                    case 0xA7 -> n = "MMS cancel-ErrorPDU";
                    case 0xA8 -> n = "MMS initiate-RequestPDU";
                    case 0xA9 -> n = "MMS initiate-ResponsePDU";
                    case 0xAA -> n = "MMS initiate-ErrorPDU";
                    case 0x8B -> n = "MMS conclude-RequestPDU";
                    case 0x8C -> n = "MMS conclude-ResponsePDU";
                    case 0xAD -> n = "MMS conclude-ErrorPDU";
                    case 0xB0 -> n = "RTSE RTORQ-apdu";
                    case 0xB1 -> n = "RTSE RTOAC-apdu";
                    case 0xB2 -> n = "RTSE RTORJ-apdu";
                    case 0xB6 -> n = "RTSE RTAB-apdu";
                    default -> { }
                }
            }
            case "acse" -> {
                switch (id) {
                    case 0x80 -> n = "protocol-version";
                    case 0xA1 -> n = "aSO-context-name";
                    case 0xA2 -> n = "called-AP-title / result";
                    case 0xA3 -> n = "called-AE-qualifier / result-source-diagnostic";
                    case 0xA4 -> n = "responding-AP-title / called-AP-invocation-identifier";
                    case 0xA6 -> n = "calling-AP-title";
                    case 0xA7 -> n = "calling-AE-qualifier";
                    case 0x8A -> n = "sender-acse-requirements";
                    case 0xAC -> n = "calling-authentication-value";
                    case 0xBE -> { n = "user-information"; h = "ext"; }
                    default -> { }
                }
            }
            case "ext" -> { if (id == 0x28) { n = "EXTERNAL"; h = "extv"; } }
            case "extv" -> {
                if (id == 0x06) n = "direct-reference";
                else if (id == 0x02) n = "indirect-reference";
                else if (id == 0xA0) { n = "encoding: single-ASN1-type"; h = "app"; }
                else if (id == 0x81) n = "encoding: octet-aligned";
            }
            default -> { }
        }
        return new String[]{n, h};
    }
}
