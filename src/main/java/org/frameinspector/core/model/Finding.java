package org.frameinspector.core.model;

/**
 * Something in the bytes that breaks or bends a standard. The id, severity, citation and base explanation come from
 * the catalogue ({@code org.frameinspector.core.findings.Catalog}); observed/expected and the range from the frame.
 */
public final class Finding {
    private final String id;
    private final Severity severity;
    private final String layer;
    private final Field field;
    private final String fieldAbbrev;
    private final String source;
    private final int offset;
    private final int length;
    private final String observed;
    private final String expected;
    /** The explanation, or a Supplier that makes it when something first asks (most findings of a check are counted, not read). */
    private volatile Object explanation;
    private final String reference;
    private final boolean needsContext;

    public Finding(String id, Severity severity, String layer, Field field, String source, int offset, int length,
                   String observed, String expected, String explanation, String reference, boolean needsContext) {
        this(id, severity, layer, field, source, offset, length, observed, expected, (Object) explanation, reference,
                needsContext);
    }

    /** As above with an explanation made by {@code explanation} only when it is first read. */
    public Finding(String id, Severity severity, String layer, Field field, String source, int offset, int length,
                   String observed, String expected, java.util.function.Supplier<String> explanation, String reference,
                   boolean needsContext) {
        this(id, severity, layer, field, source, offset, length, observed, expected, (Object) explanation, reference,
                needsContext);
    }

    private Finding(String id, Severity severity, String layer, Field field, String source, int offset, int length,
                    String observed, String expected, Object explanation, String reference, boolean needsContext) {
        this.id = id;
        this.severity = severity;
        this.layer = layer;
        this.field = field;
        this.fieldAbbrev = field == null ? null : field.abbrev();
        this.source = source == null ? DataSource.FRAME : source;
        this.offset = offset;
        this.length = length;
        this.observed = observed;
        this.expected = expected;
        this.explanation = explanation;
        this.reference = reference;
        this.needsContext = needsContext;
        if (field != null) field.attach(this);
    }

    public String id() { return id; }
    public Severity severity() { return severity; }
    public String layer() { return layer; }
    /** The field the finding concerns, or null. */
    public Field field() { return field; }
    public String fieldAbbrev() { return fieldAbbrev; }
    public String source() { return source; }
    public int offset() { return offset; }
    public int length() { return length; }
    public String observed() { return observed; }
    public String expected() { return expected; }
    @SuppressWarnings("unchecked")
    public String explanation() {
        Object e = explanation;
        if (e instanceof java.util.function.Supplier<?> s) {
            e = ((java.util.function.Supplier<String>) s).get();
            explanation = e;
        }
        return (String) e;
    }
    public String reference() { return reference; }
    /** True when the check used earlier frames of the connection. */
    public boolean needsContext() { return needsContext; }

    /** One-line summary for lists: "TPKT-RESERVED-NONZERO: observed 0x11, expected 0x00". */
    public String message() {
        StringBuilder sb = new StringBuilder(id);
        if (observed != null) sb.append(": observed ").append(observed);
        if (expected != null) sb.append(observed != null ? ", expected " : ": expected ").append(expected);
        return sb.toString();
    }

    @Override
    public String toString() {
        return severity + " " + message() + " @" + offset + "+" + length;
    }
}
