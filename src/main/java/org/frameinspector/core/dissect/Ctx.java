package org.frameinspector.core.dissect;

import org.frameinspector.core.model.Fmt;
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
    private Object[] slots = new Object[Math.max(8, Key.count())];
    private int depth;
    /** Layers and fields this frame may still create; see {@link #spend}. */
    private int layersLeft = MAX_LAYERS, fieldsLeft = MAX_FIELDS;
    private boolean overBudget;

    /**
     * The decoding budget of one frame. A real frame (at most 64 KiB on the wire, a few MiB when reassembled) stays far
     * below it; a pasted dump of 300,000 back-to-back 7-byte TPDUs in one line would otherwise keep ~2 million fields
     * (450 MB). Past the budget the rest is shown as undecoded with one INSPECTOR-DECODE-LIMIT finding.
     */
    public static final int MAX_LAYERS = 65_536, MAX_FIELDS = 262_144;

    public Ctx(Dissection out, DissectorRegistry reg, StreamHook stream) {
        this.out = out;
        this.reg = reg;
        this.stream = stream;
    }

    public Dissection out() { return out; }
    public DissectorRegistry registry() { return reg; }
    /** Connection state, or null for a lone frame. */
    public StreamHook stream() { return stream; }

    /**
     * A typed slot in the per-frame context: what one layer leaves for the layers above it (TCP's {@link TcpInfo},
     * where the link layer's payload ends, whether the TCP segment ended inside a TPKT …). A key is declared once, as a
     * constant next to the dissector that writes it; readers use the same constant, so the compiler checks the type
     * and {@code ArchitectureTest} checks that no key is read that nothing writes.
     */
    public static final class Key<T> {
        private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();
        private final String name;
        private final int id;

        private Key(String name) {
            this.name = name;
            this.id = NEXT.getAndIncrement();
        }

        /** A new key; {@code name} is for debugging only. */
        public static <T> Key<T> of(String name) {
            return new Key<>(name);
        }

        static int count() {
            return NEXT.get();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Set by the framing layer (TPKT) when the bytes it was given end inside a PDU because the transport segment ended
     * there: a layer that then runs out of data blames the cut, not the sender (no FIELD-TRUNCATED).
     */
    public static final Key<Boolean> SEGMENT_CUT = Key.of("segment_cut");

    /** Sets (or, with null, clears) a context slot. */
    public <T> void put(Key<T> key, T value) {
        if (key.id >= slots.length) slots = java.util.Arrays.copyOf(slots, Math.max(key.id + 1, slots.length * 2));
        slots[key.id] = value;
    }

    /** The value a lower layer left in this slot for the current frame, or null. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        return key.id < slots.length ? (T) slots[key.id] : null;
    }

    /** True when the slot holds {@link Boolean#TRUE}. */
    public boolean is(Key<Boolean> key) {
        return Boolean.TRUE.equals(get(key));
    }

    /**
     * Per protocol name: the name in capitals for the Protocol column (made once) and how many top-level fields its
     * layers had at most (up to {@link #MAX_HINT}), so a new layer's list is made big enough at once.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Proto> PROTOS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_HINT = 48;

    private static final class Proto {
        final String upper;
        /** Racy by design: a stale value only makes a list grow once more. */
        int fields = 8;

        Proto(String name) {
            upper = name.toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** Remembers the size of this frame's layers for the next ones (called once the frame is dissected). */
    void learnLayerSizes() {
        java.util.List<Layer> ls = out.layers();
        for (int i = 0; i < ls.size(); i++) {
            Layer l = ls.get(i);
            Proto p = PROTOS.get(l.protocol());
            int n = Math.min(MAX_HINT, l.fields().size());
            if (p != null && n > p.fields) p.fields = n;
        }
    }

    /** Starts a layer at {@code buf.start()} running to the end of buf (adjust with {@link L#end}). */
    public L layer(String protocol, String name, Buf buf) {
        if (--layersLeft < 0) spent(buf, "layers", MAX_LAYERS);
        Proto p = PROTOS.get(protocol);
        if (p == null) p = PROTOS.computeIfAbsent(protocol, Proto::new);
        Layer l = new Layer(protocol, name, buf.sourceId(), buf.start(), buf.length(), p.fields);
        out.layers().add(l);
        out.setProtocol(p.upper);
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
        if (overBudget) return;
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

    /** Counts one field against the frame's budget (called for every field a layer adds). */
    void spendField(Buf buf, int off) {
        if (--fieldsLeft < 0) spent(buf.slice(Math.max(buf.start(), Math.min(off, buf.end())), 0), "fields", MAX_FIELDS);
    }

    /**
     * Over budget: the first time, one finding from here to the end of the data source; inside a dissector the layer
     * ends at once (ShortData, which {@link #call} catches; every later call returns at once). Outside a dissector
     * (the stream layer's own bookkeeping layers) nothing is refused, as those are bounded by the stream's limits.
     */
    private void spent(Buf at, String what, int max) {
        if (!overBudget) {
            overBudget = true;
            int from = Math.max(0, at.start());
            int total = at.bytes().length;
            finding("INSPECTOR-DECODE-LIMIT", null, "frame", null, at.sourceId(), from, Math.max(0, total - from),
                    "more than " + max + " " + what, max + " " + what, null);
        }
        if (depth > 0) throw new ShortData(at.start(), 0, at.end());
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
        int n = buf.length();
        L d = layer("data", null, buf);
        d.name(() -> "Data (" + n + " bytes)");
        byte[] v = buf.copy(buf.start(), n);
        // texts made when shown (a findings-only pass never shows them)
        d.put(null, Field.lazy(BaseFields.DATA_DATA, buf.start(), n, 0, v,
                () -> Fmt.colonHex(v, 0, Math.min(n, 32)) + (n > 32 ? "…" : ""), buf.sourceId(), FieldKind.PAYLOAD));
        d.field(null, BaseFields.DATA_LEN, buf.start(), 0, 0, n, L.DECIMAL, FieldKind.GENERATED);
    }

    /** Raises a catalogue finding. {@code sev} null = the catalogue's default. */
    public Finding finding(String id, Severity sev, String layer, Field field, String source, int off, int len,
                           String observed, String expected, String extra) {
        FindingDef d = Catalog.get(id);
        java.util.function.Supplier<String> expl = () -> {
            String e = L.explain(d, observed, expected);
            return extra != null && !extra.isEmpty() ? e + " " + extra : e;
        };
        Finding f = new Finding(id, sev == null ? d.severity() : sev, layer, field, source, off, len, observed,
                expected, expl, d.reference(), d.context());
        out.findings().add(f);
        return f;
    }
}
