package org.frameinspector.core.dissect;

import java.util.HashMap;
import java.util.Map;
import org.frameinspector.core.findings.Catalog;
import org.frameinspector.core.findings.FindingDef;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;
import org.frameinspector.core.model.SourcePart;

/**
 * Per-frame dissection state: the result being built, the registry to dispatch with, the optional stream hook and
 * a small property bag in which lower layers leave what upper layers need (addresses for the pseudo-header, ports,
 * whether this is an RFC 1006 connection …).
 */
public final class Ctx {
    private final Dissection out;
    private final DissectorRegistry reg;
    private final StreamHook stream;
    private final Map<String, Object> props = new HashMap<>();
    private int depth;

    public Ctx(Dissection out, DissectorRegistry reg, StreamHook stream) {
        this.out = out;
        this.reg = reg;
        this.stream = stream;
    }

    public Dissection out() { return out; }
    public DissectorRegistry registry() { return reg; }
    /** Connection state, or null for a lone frame. */
    public StreamHook stream() { return stream; }

    public void put(String key, Object v) { props.put(key, v); }
    @SuppressWarnings("unchecked")
    public <T> T get(String key) { return (T) props.get(key); }
    public int getInt(String key, int dflt) { Object v = props.get(key); return v instanceof Integer i ? i : dflt; }

    /** Starts a layer at {@code buf.start()} running to the end of buf (adjust with {@link L#end}). */
    public L layer(String protocol, String name, Buf buf) {
        Layer l = new Layer(protocol, name, buf.sourceId(), buf.start(), buf.length());
        out.layers().add(l);
        out.setProtocol(protocol.toUpperCase(java.util.Locale.ROOT));
        return new L(this, l, buf);
    }

    /** Adds a reassembled buffer as a data source and returns it. */
    public DataSource addSource(String name, byte[] bytes, java.util.List<SourcePart> parts) {
        DataSource s = new DataSource("r" + out.sources().size(), name, bytes, parts);
        out.sources().add(s);
        return s;
    }

    /** Runs a dissector on buf; bad data or a bug never escapes. */
    public void call(Dissector d, Buf buf) {
        if (d == null || buf.length() <= 0 && !"data".equals(d.protocol())) return;
        if (++depth > 64) { depth--; return; }
        try {
            d.dissect(this, buf);
        } catch (ShortData e) {
            // the partial field and its finding were added where the data ran out
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            finding("INSPECTOR-INTERNAL-ERROR", null, d.protocol(), null, buf.sourceId(), buf.start(),
                    buf.length(), what + " in the " + d.protocol() + " dissector", null, null);
        } finally {
            depth--;
        }
    }

    /** Dispatches buf through table/key, falling back to the table's heuristics, then to "data". */
    public boolean next(String table, int key, Buf buf) {
        if (buf.length() <= 0) return false;
        Dissector d = reg.lookup(table, key);
        if (d == null) d = reg.heuristic(table, this, buf);
        if (d == null) return false;
        call(d, buf);
        return true;
    }

    /** Like {@link #next} but shows undissected bytes as "data". */
    public void nextOrData(String table, int key, Buf buf) {
        if (!next(table, key, buf)) data(buf);
    }

    /** Shows buf as a "Data" layer. */
    public void data(Buf buf) {
        if (buf.length() <= 0) return;
        L d = layer("data", "Data (" + buf.length() + " bytes)", buf);
        d.field(null, "data.data", "Data", buf.start(), buf.length(), 0, buf.copy(buf.start(), buf.length()),
                Fmt.colonHex(buf.bytes(), buf.start(), Math.min(buf.length(), 32)) + (buf.length() > 32 ? "…" : ""),
                FieldKind.PAYLOAD);
        d.field(null, "data.len", "Length", buf.start(), 0, 0, (long) buf.length(), Integer.toString(buf.length()),
                FieldKind.GENERATED);
    }

    /** Raises a catalogue finding. {@code sev} null = the catalogue's default. */
    public Finding finding(String id, Severity sev, String layer, Field field, String source, int off, int len,
                           String observed, String expected, String extra) {
        FindingDef d = Catalog.get(id);
        String expl = L.explain(d, observed, expected);
        if (extra != null && !extra.isEmpty()) expl = expl + " " + extra;
        Finding f = new Finding(id, sev == null ? d.severity() : sev, layer, field, source, off, len, observed,
                expected, expl, d.reference(), d.context());
        out.findings().add(f);
        return f;
    }
}
