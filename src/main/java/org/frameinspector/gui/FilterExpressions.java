package org.frameinspector.gui;

import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Fmt;
import org.frameinspector.core.model.Layer;

/**
 * Display filters made from what the user points at (Apply / Prepare as Filter, Conversation Filter): a field and
 * its value, a protocol, a finding id, the TCP or IP conversation of a frame. Each one matches the frame it was made
 * from (FilterExpressionsTest checks that over the fields of shared captures).
 */
final class FilterExpressions {
    private FilterExpressions() {
    }

    /** {@code abbrev == value} in the filter's syntax, or just the abbreviation for a field without a value. */
    static String of(Field f) {
        Object v = f.value();
        String a = f.abbrev();
        if (v == null) return a;
        FieldDef.Type t = f.def().type();
        if (v instanceof Long n) {
            return a + " == " + (f.def().base() == FieldDef.Base.HEX ? "0x" + Long.toHexString(n) : Long.toString(n));
        }
        if (v instanceof byte[] b) return b.length == 0 ? a : a + " == " + Fmt.colonHex(b, 0, b.length);
        String s = v.toString();
        if (t == FieldDef.Type.IPV4 || t == FieldDef.Type.IPV6 || t == FieldDef.Type.ETHER) return a + " == " + s;
        return a + " == " + quote(s);
    }

    /** The protocol of a layer (matches every frame that has it). */
    static String of(Layer l) {
        return l.protocol();
    }

    static String of(Finding x) {
        return "finding.id == " + quote(x.id());
    }

    /** The frame's conversation: both addresses and, for TCP, both ports; null when it has no IP layer. */
    static String conversation(Dissection d) {
        String[][] ips = {{"ip.src", "ip.dst", "ip.addr"}, {"ipv6.src", "ipv6.dst", "ipv6.addr"}};
        for (String[] ip : ips) {
            Field src = d.field(ip[0]), dst = d.field(ip[1]);
            if (src == null || dst == null || src.value() == null || dst.value() == null) continue;
            StringBuilder b = new StringBuilder().append(ip[2]).append(" == ").append(src.value()).append(" && ")
                    .append(ip[2]).append(" == ").append(dst.value());
            Field sp = d.field("tcp.srcport"), dp = d.field("tcp.dstport");
            if (sp != null && dp != null && sp.value() instanceof Long s && dp.value() instanceof Long t) {
                b.append(" && tcp.port == ").append(s).append(" && tcp.port == ").append(t);
            }
            return b.toString();
        }
        return null;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\');
            b.append(c);
        }
        return b.append('"').toString();
    }
}
