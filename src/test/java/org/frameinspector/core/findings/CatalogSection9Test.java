package org.frameinspector.core.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frameinspector.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue text must cover PROTOCOLS.md §9 exactly: every id of the §9 tables (read from the shared document at
 * test time) has an entry with the §9 severity, a layer, a short title, a reference, the context flag of the
 * condition and a real explanation.
 */
class CatalogSection9Test {
    /** One row of a §9 table. */
    record Row(String id, String severity, String condition, String citation) {
    }

    private static final Pattern ID = Pattern.compile("[A-Z0-9]+(?:-[A-Za-z0-9]+)+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
    private static final Set<String> LAYERS = Set.of("eth", "vlan", "llc", "sll", "ip", "ipv6", "tcp", "tpkt", "cotp",
            "rdp", "s7comm", "ses", "ber");
    private static Map<String, Row> rows;

    @BeforeAll
    static void readSection9() throws IOException {
        rows = parseSection9(Files.readString(TestFiles.shared().resolve("docs").resolve("PROTOCOLS.md")));
    }

    /** Rows of the tables between "## 9." and "## 10."; a row starts with "| ID" or "| **ID**". */
    static Map<String, Row> parseSection9(String doc) {
        Map<String, Row> out = new LinkedHashMap<>();
        boolean in = false;
        for (String line : doc.split("\r?\n")) {
            if (line.startsWith("## ")) in = line.startsWith("## 9.");
            if (!in || !line.startsWith("| ")) continue;
            String[] cells = line.split("\\|", -1);
            if (cells.length < 6) continue;
            String id = cells[1].replace("**", "").strip();
            if (!ID.matcher(id).matches()) continue;
            String sev = cells[2].replace("**", "").strip().split("[\\s(]")[0];
            out.put(id, new Row(id, sev, cells[3].strip(), cells[5].strip()));
        }
        return out;
    }

    @Test
    void section9HasAllItsRows() {
        // §9 says "That is 102 findings"; a lower count means the table parser broke, not the catalogue.
        assertThat(rows).hasSizeGreaterThanOrEqualTo(100).containsKey("TPKT-RESERVED-NONZERO")
                .containsKey("BER-LENGTH-0xFF").containsKey("COTP-RFC1006-EXPEDITED");
    }

    @Test
    void everySection9IdHasAnEntry() {
        List<String> missing = new ArrayList<>();
        for (String id : rows.keySet()) if (!Catalog.has(id)) missing.add(id);
        assertThat(missing).as("§9 ids without a catalogue entry").isEmpty();
    }

    @Test
    void catalogTxtHoldsExactlySection9() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        try (InputStream in = Catalog.class.getResourceAsStream("catalog.txt")) {
            assertThat(in).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                if (line.startsWith("id:")) assertThat(ids.add(line.substring(3).strip())).isTrue();
            }
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(rows.keySet());
    }

    @Test
    void entriesAreComplete() {
        List<String> problems = new ArrayList<>();
        for (Row r : rows.values()) {
            if (!Catalog.has(r.id())) continue;
            FindingDef d = Catalog.get(r.id());
            String id = r.id();
            if (!d.severity().name().equals(r.severity())) {
                problems.add(id + ": severity " + d.severity() + ", §9 says " + r.severity());
            }
            if (!LAYERS.contains(d.layer())) problems.add(id + ": layer '" + d.layer() + "'");
            if (d.title().isBlank() || d.title().equals(id) || d.title().length() > 60) {
                problems.add(id + ": title '" + d.title() + "'");
            }
            if (d.reference().isBlank()) problems.add(id + ": no reference");
            if (d.explanation().length() < 80) problems.add(id + ": explanation too short");
            Matcher m = PLACEHOLDER.matcher(d.explanation() + " " + d.title() + " " + d.reference());
            while (m.find()) {
                if (!m.group().equals("{observed}") && !m.group().equals("{expected}")) {
                    problems.add(id + ": placeholder " + m.group());
                }
            }
            int sentences = d.explanation().split("[.!?](\\s|$)").length;
            if (sentences < 2 || sentences > 6) problems.add(id + ": " + sentences + " sentences");
            boolean ctx = r.condition().toLowerCase(Locale.ROOT).contains("(context");
            if (d.context() != ctx) problems.add(id + ": context " + d.context() + ", §9 condition says " + ctx);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theKbFindingKeepsItsMeaning() {
        FindingDef d = Catalog.get("TPKT-RESERVED-NONZERO");
        assertThat(d.severity().name()).isEqualTo("RISK");
        assertThat(d.layer()).isEqualTo("tpkt");
        assertThat(d.reference()).contains("RFC 1006");
        assertThat(d.explanation()).contains("reserved").contains("03 00").contains("0x00")
                .contains("drop the connection").contains("{observed}");
    }

    @Test
    void parserReadsBoldAndPlainRows() {
        String doc = """
                ## 8. Before
                | NOT-THIS | INFO | x | y | z |
                ## 9. Findings
                | ID | Sev | Condition | Explanation idea | Citation |
                |----|-----|-----------|------------------|----------|
                | **A-B** | **RISK** (VIOLATION under X) | c | e | R [M] |
                | C-D-0xFF | VIOLATION (INFO for RDP) | (Context) c | e | R |
                ## 10. After
                | NOR-THIS | INFO | x | y | z |
                """;
        Map<String, Row> r = parseSection9(doc);
        assertThat(r).containsOnlyKeys("A-B", "C-D-0xFF");
        assertThat(r.get("A-B").severity()).isEqualTo("RISK");
        assertThat(r.get("A-B").citation()).isEqualTo("R [M]");
        assertThat(r.get("C-D-0xFF").severity()).isEqualTo("VIOLATION");
        assertThat(r.get("C-D-0xFF").condition()).startsWith("(Context)");
        assertThat(Path.of("x")).isNotNull();
    }
}
