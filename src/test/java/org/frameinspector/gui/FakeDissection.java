package org.frameinspector.gui;

import java.util.HexFormat;
import java.util.function.Function;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;

/**
 * A hand-built dissection of the KB Q151626 CONNECT CONFIRM, standing in for the core dissectors while they are
 * written in parallel: Ethernet / IPv4 / TCP / TPKT / COTP layers with a few bit fields, reserved fields and the
 * TPKT-RESERVED-NONZERO finding on byte 0x37. Test code only; the app uses the real FrameDissector.
 */
public final class FakeDissection {
    /** The frame bytes of the seed article (98 bytes). */
    public static final byte[] SEED = HexFormat.of().parseHex(
            "0000a200c04a00805fd4a04808004500" + "0054e9a640002006040a8626344d8626"
            + "2c5a0066061301cf46c85d5b6a315018" + "220960730000031100" + "2c27d001ca0029"
            + "00c10d53574953534c49464554534150" + "c20d45584348414e474554534150 31c0".replace(" ", "")
            + "010b");

    private FakeDissection() {
    }

    /** The fake for the seed bytes, the real dissector for anything else. */
    public static Function<Frame, Dissection> dissector() {
        FrameDissector real = org.frameinspector.core.protocols.Protocols.dissector();
        return f -> java.util.Arrays.equals(f.data(), SEED) ? of(f) : real.dissect(f);
    }

    public static Dissection of(Frame frame) {
        byte[] b = frame.data();
        Dissection d = new Dissection(frame);
        d.setStartLayer("eth");

        Layer eth = layer(d, "eth", "Ethernet II, Src: 00:80:5f:d4:a0:48, Dst: 00:00:a2:00:c0:4a", 0, 14);
        eth.add(f(b, "eth.dst", "Destination", 0, 6, 0, "00:00:a2:00:c0:4a", FieldKind.NORMAL));
        eth.add(f(b, "eth.src", "Source", 6, 6, 0, "00:80:5f:d4:a0:48", FieldKind.NORMAL));
        eth.add(f(b, "eth.type", "Type", 12, 2, 0, "IPv4 (0x0800)", FieldKind.NORMAL));

        Layer ip = layer(d, "ip", "Internet Protocol Version 4, Src: 134.38.52.77, Dst: 134.38.44.90", 14, 20);
        ip.add(f(b, "ip.version", "Version", 14, 1, 0xF0, "4", FieldKind.NORMAL));
        ip.add(f(b, "ip.hdr_len", "Header Length", 14, 1, 0x0F, "20 bytes (5)", FieldKind.NORMAL));
        ip.add(f(b, "ip.dsfield", "Differentiated Services Field", 15, 1, 0, "0x00", FieldKind.NORMAL));
        ip.add(f(b, "ip.len", "Total Length", 16, 2, 0, "84", FieldKind.NORMAL));
        ip.add(f(b, "ip.id", "Identification", 18, 2, 0, "0xe9a6 (59814)", FieldKind.NORMAL));
        Field flags = ip.add(f(b, "ip.flags", "Flags", 20, 1, 0, "0x2, Don't fragment", FieldKind.TREE));
        flags.add(f(b, "ip.flags.rb", "Reserved bit", 20, 2, 0x8000, "Not set", FieldKind.RESERVED));
        flags.add(f(b, "ip.flags.df", "Don't fragment", 20, 2, 0x4000, "Set", FieldKind.NORMAL));
        flags.add(f(b, "ip.flags.mf", "More fragments", 20, 2, 0x2000, "Not set", FieldKind.NORMAL));
        ip.add(f(b, "ip.frag_offset", "Fragment Offset", 20, 2, 0x1FFF, "0", FieldKind.NORMAL));
        ip.add(f(b, "ip.ttl", "Time to Live", 22, 1, 0, "32", FieldKind.NORMAL));
        ip.add(f(b, "ip.proto", "Protocol", 23, 1, 0, "TCP (6)", FieldKind.NORMAL));
        ip.add(f(b, "ip.checksum", "Header Checksum", 24, 2, 0, "0x040a", FieldKind.NORMAL));
        ip.add(f(b, "ip.src", "Source Address", 26, 4, 0, "134.38.52.77", FieldKind.NORMAL));
        ip.add(f(b, "ip.dst", "Destination Address", 30, 4, 0, "134.38.44.90", FieldKind.NORMAL));

        Layer tcp = layer(d, "tcp", "Transmission Control Protocol, Src Port: 102, Dst Port: 1555, Len: 44", 34, 20);
        tcp.add(f(b, "tcp.srcport", "Source Port", 34, 2, 0, "102", FieldKind.NORMAL));
        tcp.add(f(b, "tcp.dstport", "Destination Port", 36, 2, 0, "1555", FieldKind.NORMAL));
        tcp.add(f(b, "tcp.seq_raw", "Sequence Number (raw)", 38, 4, 0, "30361288", FieldKind.NORMAL));
        tcp.add(f(b, "tcp.ack_raw", "Acknowledgment Number (raw)", 42, 4, 0, "1574660657", FieldKind.NORMAL));
        tcp.add(f(b, "tcp.hdr_len", "Header Length", 46, 1, 0xF0, "20 bytes (5)", FieldKind.NORMAL));
        Field tf = tcp.add(f(b, "tcp.flags", "Flags", 46, 2, 0x0FFF, "0x018 (PSH, ACK)", FieldKind.TREE));
        tf.add(f(b, "tcp.flags.res", "Reserved", 46, 2, 0x0E00, "Not set", FieldKind.RESERVED));
        tf.add(f(b, "tcp.flags.ack", "Acknowledgment", 46, 2, 0x0010, "Set", FieldKind.NORMAL));
        tf.add(f(b, "tcp.flags.push", "Push", 46, 2, 0x0008, "Set", FieldKind.NORMAL));
        tcp.add(f(b, "tcp.window_size_value", "Window", 48, 2, 0, "8713", FieldKind.NORMAL));
        tcp.add(f(b, "tcp.checksum", "Checksum", 50, 2, 0, "0x6073 [unverified]", FieldKind.NORMAL));
        tcp.add(f(b, "tcp.urgent_pointer", "Urgent Pointer", 52, 2, 0, "0", FieldKind.NORMAL));

        Layer tpkt = layer(d, "tpkt", "TPKT, Version: 3, Length: 44", 54, 4);
        tpkt.add(f(b, "tpkt.version", "Version", 54, 1, 0, "3", FieldKind.NORMAL));
        Field reserved = tpkt.add(f(b, "tpkt.reserved", "Reserved", 55, 1, 0, "17 (0x11)", FieldKind.RESERVED));
        tpkt.add(f(b, "tpkt.length", "Length", 56, 2, 0, "44", FieldKind.NORMAL));

        Layer cotp = layer(d, "cotp", "ISO 8073/X.224 COTP Connection-Oriented Transport Protocol", 58, 40);
        cotp.add(f(b, "cotp.li", "Length", 58, 1, 0, "39", FieldKind.NORMAL));
        cotp.add(f(b, "cotp.type", "PDU Type", 59, 1, 0xF0, "CC Connect Confirm (0x0d)", FieldKind.NORMAL));
        cotp.add(f(b, "cotp.cdt", "CDT", 59, 1, 0x0F, "0", FieldKind.NORMAL));
        cotp.add(f(b, "cotp.dstref", "Destination reference", 60, 2, 0, "0x01ca", FieldKind.NORMAL));
        cotp.add(f(b, "cotp.srcref", "Source reference", 62, 2, 0, "0x0029", FieldKind.NORMAL));
        cotp.add(f(b, "cotp.class", "Class", 64, 1, 0xF0, "0", FieldKind.NORMAL));
        cotp.add(f(b, "cotp.opts.extended_formats", "Extended formats", 64, 1, 0x02, "False", FieldKind.NORMAL));
        Field p1 = cotp.add(f(b, "cotp.param", "Parameter: src-tsap", 65, 15, 0, "SWISSLIFETSAP", FieldKind.TREE));
        p1.add(f(b, "cotp.parameter_code", "Parameter code", 65, 1, 0, "src-tsap (0xc1)", FieldKind.NORMAL));
        p1.add(f(b, "cotp.parameter_length", "Parameter length", 66, 1, 0, "13", FieldKind.NORMAL));
        p1.add(f(b, "cotp.src_tsap", "Source TSAP", 67, 13, 0, "SWISSLIFETSAP", FieldKind.NORMAL));
        Field p2 = cotp.add(f(b, "cotp.param", "Parameter: dst-tsap", 80, 15, 0, "EXCHANGETSAP1", FieldKind.TREE));
        p2.add(f(b, "cotp.parameter_code", "Parameter code", 80, 1, 0, "dst-tsap (0xc2)", FieldKind.NORMAL));
        p2.add(f(b, "cotp.parameter_length", "Parameter length", 81, 1, 0, "13", FieldKind.NORMAL));
        p2.add(f(b, "cotp.dst_tsap", "Destination TSAP", 82, 13, 0, "EXCHANGETSAP1", FieldKind.NORMAL));
        Field p3 = cotp.add(f(b, "cotp.param", "Parameter: tpdu-size", 95, 3, 0, "2048", FieldKind.TREE));
        p3.add(f(b, "cotp.parameter_code", "Parameter code", 95, 1, 0, "tpdu-size (0xc0)", FieldKind.NORMAL));
        p3.add(f(b, "cotp.parameter_length", "Parameter length", 96, 1, 0, "1", FieldKind.NORMAL));
        p3.add(f(b, "cotp.tpdu_size", "TPDU size", 97, 1, 0, "2048", FieldKind.NORMAL));

        java.util.Map<String, String> def = catalogEntry("TPKT-RESERVED-NONZERO");
        d.findings().add(new Finding(def.get("id"), Severity.valueOf(def.get("severity")), def.get("layer"), reserved,
                DataSource.FRAME, 0x37, 1, "0x11", "0x00",
                def.get("explanation").replace("{observed}", "0x11").replace("{expected}", "0x00"),
                def.get("reference"), false));

        d.setSrc("134.38.52.77");
        d.setDst("134.38.44.90");
        d.setProtocol("COTP");
        d.setInfo("102 → 1555 CC TPDU src-ref: 0x0029 dst-ref: 0x01ca");
        return d;
    }

    /**
     * Reads one entry of the findings catalogue file directly. (Catalog's static initialiser currently reads its
     * FILES array before it is assigned, so the class cannot be initialised; reported to the core owners.)
     */
    static java.util.Map<String, String> catalogEntry(String id) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try (java.io.InputStream in = FakeDissection.class.getResourceAsStream(
                "/org/frameinspector/core/findings/catalog.txt")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            boolean inEntry = false;
            String last = null;
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) continue;
                if (line.isBlank()) {
                    if (inEntry) break;
                    continue;
                }
                if (Character.isWhitespace(line.charAt(0)) && last != null) {
                    if (inEntry) out.put(last, out.get(last) + " " + line.strip());
                    continue;
                }
                int c = line.indexOf(':');
                last = line.substring(0, c).strip();
                String v = line.substring(c + 1).strip();
                if (last.equals("id")) inEntry = v.equals(id);
                if (inEntry) out.put(last, v);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (out.isEmpty()) throw new IllegalStateException(id + " not in catalog.txt");
        return out;
    }

    private static Layer layer(Dissection d, String proto, String name, int off, int len) {
        Layer l = new Layer(proto, name, DataSource.FRAME, off, len);
        d.layers().add(l);
        return l;
    }

    private static Field f(byte[] b, String abbrev, String name, int off, int len, long mask, String display,
                           FieldKind kind) {
        long v = 0;
        for (int i = 0; i < len && off + i < b.length && len <= 8; i++) v = (v << 8) | (b[off + i] & 0xFF);
        if (mask != 0) v = (v & mask) >>> Long.numberOfTrailingZeros(mask);
        Object value = len <= 8 ? (Object) v : null;
        return new Field(org.frameinspector.TestDefs.def(abbrev, name), off, len, mask, value, display, DataSource.FRAME, kind);
    }
}
