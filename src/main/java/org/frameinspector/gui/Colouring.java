package org.frameinspector.gui;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.filter.DisplayFilter;
import org.frameinspector.core.filter.FilterSyntaxException;
import org.frameinspector.core.model.Dissection;

/**
 * The colouring rules of the frame list (Wireshark's coloring rules are the model): an ordered list of display
 * filters with a background colour, the first rule that matches a frame colours its row. Defaults colour findings by
 * severity, TCP problems and the protocols; the user edits them (View → Colouring Rules…), they are kept in the
 * preferences, and View → Colourize Frame List turns them off and on.
 *
 * <p>A default rule whose filter names a field this build does not know (the TCP analysis fields, before the stream
 * layer emits them) is skipped quietly; a user's rule that does not compile is refused by the dialog and, if it comes
 * from the preferences, skipped.
 */
final class Colouring {
    /** One rule: on or off, a name, a display filter, a background colour (RGB, for the light theme). */
    record Rule(boolean enabled, String name, String filter, int rgb) {
        Rule with(boolean on) {
            return new Rule(on, name, filter, rgb);
        }

        boolean isDefault() {
            for (Rule d : DEFAULTS) if (d.name.equals(name) && d.filter.equals(filter)) return true;
            return false;
        }
    }

    static final List<Rule> DEFAULTS = List.of(
            new Rule(true, "Violation", "finding.severity == \"VIOLATION\"", 0xFFC4C4),
            new Rule(true, "Risk", "finding.severity == \"RISK\"", 0xFFE0A8),
            new Rule(true, "Bad TCP", "tcp.analysis.flags && !tcp.analysis.window_update && !tcp.analysis.keep_alive"
                    + " && !tcp.analysis.keep_alive_ack", 0xE2C6EC),
            new Rule(true, "TCP RST", "tcp.flags.reset == 1", 0xF2B8A2),
            new Rule(true, "TCP SYN/FIN", "tcp.flags.syn == 1 || tcp.flags.fin == 1", 0xD6D6D6),
            new Rule(true, "Info finding", "finding.severity == \"INFO\"", 0xDCE8FF),
            new Rule(true, "S7comm", "s7comm || s7comm-plus", 0xDDF2D2),
            new Rule(true, "Session / MMS", "ses || ber", 0xEDE3FF),
            new Rule(true, "RDP", "rdp || t125 || t124 || tls", 0xFFF6C2),
            new Rule(true, "COTP", "cotp", 0xE2F3F8),
            new Rule(true, "ARP / LLDP", "arp || lldp", 0xF6EEE2));

    /** Rules compiled for matching: those that compile, in order. */
    private record Compiled(List<Rule> rules, List<DisplayFilter> filters, List<Integer> colours, List<Rule> skipped) {
    }

    private static volatile Compiled current;
    private static volatile boolean enabled = true;

    private Colouring() {
    }

    /** Forgets the rules read, so the next use reads the preferences again (tests switch the preferences node). */
    static synchronized void reset() {
        current = null;
    }

    static synchronized void load() {
        if (current != null) return;
        enabled = AppPrefs.node().getBoolean("colouring.on", true);
        String stored = AppPrefs.node().get("colouring.rules", null);
        current = compile(stored == null ? DEFAULTS : parse(stored));
    }

    /** The rules as the user sees them (compiling or not). */
    static List<Rule> rules() {
        load();
        return current.rules();
    }

    /** Rules left out because their filter does not compile here (named in the dialog). */
    static List<Rule> skipped() {
        load();
        return current.skipped();
    }

    static boolean enabled() {
        load();
        return enabled;
    }

    static void setEnabled(boolean on) {
        load();
        enabled = on;
        AppPrefs.node().putBoolean("colouring.on", on);
        AppPrefs.flush();
    }

    /** Replaces the rules (and keeps them in the preferences). */
    static void setRules(List<Rule> rules) {
        current = compile(rules);
        AppPrefs.node().put("colouring.rules", format(rules));
        AppPrefs.flush();
    }

    /** The background of the first enabled rule that matches, as RGB, or -1 (any thread). */
    static int colourOf(Dissection d) {
        load();
        Compiled c = current;
        for (int i = 0; i < c.filters().size(); i++) {
            try {
                if (c.filters().get(i).matches(d)) return c.colours().get(i);
            } catch (RuntimeException e) {
                // a rule never takes a row down
            }
        }
        return -1;
    }

    /** The row background of a rule colour in the current theme (dark: the colour deepened toward the table's). */
    static Color background(int rgb, Color table) {
        Color c = new Color(rgb);
        if (!Theme.isDark()) return c;
        double k = 0.28;
        return new Color((int) (table.getRed() * (1 - k) + c.getRed() * k),
                (int) (table.getGreen() * (1 - k) + c.getGreen() * k), (int) (table.getBlue() * (1 - k) + c.getBlue() * k));
    }

    /** Why a rule's filter does not compile, or null. */
    static String problem(Rule r) {
        FilterSyntaxException e = DisplayFilter.validate(r.filter());
        return e == null ? null : e.getMessage();
    }

    private static Compiled compile(List<Rule> rules) {
        List<DisplayFilter> fs = new ArrayList<>();
        List<Integer> cs = new ArrayList<>();
        List<Rule> skipped = new ArrayList<>();
        for (Rule r : rules) {
            if (!r.enabled()) continue;
            try {
                DisplayFilter f = DisplayFilter.compile(r.filter());
                if (f.isEmpty()) continue;
                fs.add(f);
                cs.add(r.rgb());
            } catch (FilterSyntaxException e) {
                skipped.add(r);
            }
        }
        return new Compiled(List.copyOf(rules), fs, cs, skipped);
    }

    /** One rule a line: {@code 1|Name|#rrggbb|filter} (the filter last: it may hold '|'). */
    static String format(List<Rule> rules) {
        StringBuilder b = new StringBuilder();
        for (Rule r : rules) {
            b.append(r.enabled() ? '1' : '0').append('|').append(r.name().replace('|', '/').replace('\n', ' '))
                    .append('|').append(String.format("#%06x", r.rgb() & 0xFFFFFF)).append('|')
                    .append(r.filter().replace('\n', ' ')).append('\n');
        }
        return b.toString();
    }

    static List<Rule> parse(String text) {
        List<Rule> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] p = line.split("\\|", 4);
            if (p.length < 4 || !p[2].matches("#[0-9a-fA-F]{6}")) continue;
            out.add(new Rule(p[0].equals("1"), p[1], p[3], Integer.parseInt(p[2].substring(1), 16)));
        }
        return out;
    }
}
