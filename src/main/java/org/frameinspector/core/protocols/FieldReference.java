package org.frameinspector.core.protocols;

import java.util.List;
import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.ProtocolDef;
import org.frameinspector.core.model.ValueNames;

/**
 * The display-filter field reference ({@code docs/FIELDS.md}, and {@code frame-inspector fields}): every protocol and
 * field the standard dissectors declare, made from the declarations themselves, so it cannot drift from what the
 * dissectors emit and the filter accepts.
 */
public final class FieldReference {
    private FieldReference() {
    }

    /** The reference as Markdown, one table per protocol, in registration order. */
    public static String markdown(List<ProtocolDef> protocols) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Display filter field reference\n\n");
        sb.append("Generated from the field declarations of the dissectors (`*Fields.java` in each protocol package). ")
                .append("Every name below is accepted by `-Y` and by the filter bar of the desktop app; a name that is ")
                .append("not here is an error. Regenerate with `java -jar target/frame-inspector.jar fields > docs/FIELDS.md`.\n\n");
        int fields = 0;
        for (ProtocolDef p : protocols) fields += p.fields().size();
        sb.append(protocols.size()).append(" protocols, ").append(fields).append(" fields.\n\n");
        sb.append("| Protocol | Name | Fields |\n|---|---|---:|\n");
        for (ProtocolDef p : protocols) {
            sb.append("| [`").append(p.filterName()).append("`](#").append(anchor(p.filterName())).append(") | ")
                    .append(cell(p.name())).append(" | ").append(p.fields().size()).append(" |\n");
        }
        for (ProtocolDef p : protocols) {
            sb.append("\n## ").append(p.filterName()).append("\n\n").append(cell(p.name())).append("\n\n");
            if (p.fields().isEmpty()) {
                sb.append("A layer without fields of its own: `").append(p.filterName())
                        .append("` matches frames that have it.\n");
                continue;
            }
            sb.append("| Field | Name | Type | Mask | Values / notes |\n|---|---|---|---|---|\n");
            for (FieldDef f : p.fields()) {
                sb.append("| `").append(f.abbrev()).append("` | ").append(cell(f.name())).append(" | ")
                        .append(type(f)).append(" | ").append(f.mask() == 0 ? "" : "`0x" + Long.toHexString(f.mask()) + "`")
                        .append(" | ").append(notes(f)).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String type(FieldDef f) {
        String t = switch (f.type()) {
            case NONE -> "label";
            case UINT -> f.base() == FieldDef.Base.HEX ? "unsigned, hex" : "unsigned";
            case BOOLEAN -> "boolean";
            case BYTES -> "bytes";
            case STRING -> "text";
            case IPV4 -> "IPv4 address";
            case IPV6 -> "IPv6 address";
            case ETHER -> "MAC address";
            case ANY -> "varies";
        };
        return switch (f.kind()) {
            case RESERVED -> t + ", reserved";
            case GENERATED -> t + ", computed";
            case PAYLOAD -> t + ", payload";
            default -> t;
        };
    }

    private static String notes(FieldDef f) {
        StringBuilder sb = new StringBuilder(cell(f.blurb()));
        ValueNames v = f.values();
        if (v != null) {
            if (sb.length() > 0) sb.append(". ");
            sb.append(cell(v.describe()));
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static String anchor(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
