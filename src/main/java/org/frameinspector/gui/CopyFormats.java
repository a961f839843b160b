package org.frameinspector.gui;

import java.util.Arrays;
import java.util.Locale;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.Finding;

/** The texts behind "Copy as …" on a field, a finding or a hex selection. Pure functions, so tests can call them. */
final class CopyFormats {
    private CopyFormats() {
    }

    /** Bytes of a range of a data source (clamped to it). */
    static byte[] slice(Dissection d, String sourceId, int offset, int length) {
        DataSource s = d == null ? null : d.source(sourceId == null ? DataSource.FRAME : sourceId);
        if (s == null || offset < 0) return new byte[0];
        int from = Math.min(offset, s.bytes().length);
        int to = Math.min(s.bytes().length, from + Math.max(0, length));
        return Arrays.copyOfRange(s.bytes(), from, to);
    }

    static byte[] bytes(Dissection d, Field f) {
        return slice(d, f.source(), f.offset(), f.length());
    }

    static byte[] bytes(Dissection d, Finding x) {
        return slice(d, x.source(), x.offset(), Math.max(1, x.length()));
    }

    /** {@code 0311} */
    static String hexStream(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) sb.append(String.format("%02x", x & 0xFF));
        return sb.toString();
    }

    /** {@code 03 11 00 16} */
    static String hexBytes(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int i = 0; i < b.length; i++) {
            if (i > 0) sb.append(' ');
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb.toString();
    }

    /** A C array named after the field, eight bytes a line. */
    static String cArray(String name, byte[] b) {
        String id = name == null || name.isBlank() ? "bytes"
                : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (Character.isDigit(id.charAt(0))) id = "_" + id;
        StringBuilder sb = new StringBuilder("static const unsigned char ").append(id).append('[').append(b.length)
                .append("] = {");
        for (int i = 0; i < b.length; i++) {
            sb.append(i % 8 == 0 ? "\n    " : " ").append(String.format("0x%02x", b[i] & 0xFF));
            if (i < b.length - 1) sb.append(',');
        }
        return sb.append("\n};\n").toString();
    }

    /** {@code "\x03\x11"} — every byte escaped, so it pastes into C, Python or a shell printf as is. */
    static String escaped(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 4 + 2).append('"');
        for (byte x : b) sb.append(String.format("\\x%02x", x & 0xFF));
        return sb.append('"').toString();
    }

    /** The field's value as shown (display text, else the raw value). */
    static String value(Field f) {
        if (f.display() != null && !f.display().isEmpty()) return f.display();
        return f.value() == null ? "" : String.valueOf(f.value());
    }

    /** A field as one annotated line per the dump style: offset, bytes, abbreviation, label and its findings. */
    static String annotated(Dissection d, Field f) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("0x%04X  %-24s %s  %s", f.offset(), hexBytes(bytes(d, f)), f.abbrev(),
                f.treeLabel()));
        if (!f.inFrame() && d != null && d.source(f.source()) != null) sb.append("  [").append(d.source(f.source()).name()).append(']');
        sb.append('\n');
        // the message starts with the finding's id ("TPKT-RESERVED-NONZERO: observed 0x11, expected 0x00")
        for (Finding x : f.findings()) sb.append("        ^ ").append(x.severity()).append(' ').append(x.message())
                .append('\n');
        return sb.toString();
    }

    static String annotated(Dissection d, Finding x) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("0x%04X  %-24s %s %s", x.offset(), hexBytes(bytes(d, x)), x.severity(), x.message()));
        if (x.fieldAbbrev() != null) sb.append("  (").append(x.fieldAbbrev()).append(')');
        sb.append('\n');
        if (x.explanation() != null && !x.explanation().isBlank()) {
            sb.append("        ").append(x.explanation().strip().replace("\n", "\n        ")).append('\n');
        }
        if (x.reference() != null) sb.append("        see: ").append(x.reference()).append('\n');
        return sb.toString();
    }
}
