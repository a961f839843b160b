package org.frameinspector.core.filter;

import java.util.Set;
import org.frameinspector.core.model.Dissection;

/**
 * A compiled display filter in Wireshark's syntax (the commonly used part), matched against {@link Dissection}s.
 * Immutable and thread-safe: compile once, match from any thread. See the package documentation for the full
 * language; in short:
 * <ul>
 * <li>{@code tpkt}, {@code cotp.tpdu_size}: a protocol is present / a field occurs;</li>
 * <li>{@code tpkt.reserved != 0}, {@code tcp.port == 102}, {@code ip.src == 10.0.0.0/8},
 * {@code eth.addr == 00:1b:21:aa:bb:cc}, {@code data.data == 03:00}, {@code cotp.type == 0x0d};
 * {@code == < > <= >=} hold when <em>some</em> occurrence satisfies them, {@code !=} when the field occurs and
 * <em>no</em> occurrence is equal (Wireshark 4's "all not equal"; unlike {@code !(a == b)} it is false when the
 * field is absent), {@code ===} when all are equal, {@code !==} when some differs;</li>
 * <li>{@code contains}, {@code matches "regex"}, {@code in {102 3389 1000..1010}}, slices {@code frame[0x37]};</li>
 * <li>{@code ! && ||} (and {@code not and or}), parentheses; not binds tighter than and, and tighter than or;</li>
 * <li>{@code finding}, {@code finding.id == "TPKT-RESERVED-NONZERO"}, {@code finding.severity >= "RISK"},
 * {@code finding.layer == "tpkt"}.</li>
 * </ul>
 */
public final class DisplayFilter {
    private static final DisplayFilter ALL = new DisplayFilter("", null, Set.of());

    private final String text;
    private final Node root;
    private final Set<String> abbrevs;

    private DisplayFilter(String text, Node root, Set<String> abbrevs) {
        this.text = text;
        this.root = root;
        this.abbrevs = abbrevs;
    }

    /** Compiles against the standard {@link FieldRegistry}; an empty or blank text matches every frame. */
    public static DisplayFilter compile(String text) throws FilterSyntaxException {
        return compile(text, FieldRegistry.standard());
    }

    public static DisplayFilter compile(String text, FieldRegistry registry) throws FilterSyntaxException {
        if (text == null || text.isBlank()) return ALL;
        Parser.Result r = Parser.parse(text, registry);
        return new DisplayFilter(text, r.root(), r.abbrevs());
    }

    /** Null when the text compiles, else the error (cheap enough to call on every keystroke). */
    public static FilterSyntaxException validate(String text) {
        return validate(text, FieldRegistry.standard());
    }

    public static FilterSyntaxException validate(String text, FieldRegistry registry) {
        try {
            compile(text, registry);
            return null;
        } catch (FilterSyntaxException e) {
            return e;
        }
    }

    /** True when the dissection passes the filter. */
    public boolean matches(Dissection d) {
        if (root == null) return true;
        return root.eval(new Eval(d, abbrevs));
    }

    /** The filter text as given. */
    public String text() { return text; }

    /** True for the empty filter, which lets every frame through. */
    public boolean isEmpty() { return root == null; }

    /** Field abbreviations the filter reads (including the targets of ip.addr-style aliases). */
    public Set<String> fields() { return abbrevs; }

    /** The parsed form with explicit parentheses, for debugging ("(tpkt && !(cotp.type == 13))"). */
    public String describe() { return root == null ? "" : root.toString(); }

    @Override
    public String toString() { return text; }
}
