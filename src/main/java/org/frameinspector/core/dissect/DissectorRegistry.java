package org.frameinspector.core.dissect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frameinspector.core.model.ProtocolDef;

/**
 * Dissector tables in the manner of Wireshark: "linktype", "ethertype", "ip.proto", "tcp.port", "tpkt",
 * "cotp.payload" … each mapping an integer key to a dissector, plus heuristics per table tried in order.
 */
public final class DissectorRegistry {
    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, List<Heuristic>> heuristics = new HashMap<>();
    private final Map<String, Dissector> byName = new HashMap<>();
    private final List<ProtocolDef> declared = new ArrayList<>();

    /** A registry with the framework's own declarations (frame, data, undecoded bytes); protocols add theirs. */
    public DissectorRegistry() {
        declare(BaseFields.FRAME, BaseFields.DATA, BaseFields.WS, BaseFields.UNDECODED);
    }

    /**
     * Declares the protocols (and so the fields) a dissector registered here produces: the display filter, the
     * field reference and the checks of emitted fields read these.
     */
    public DissectorRegistry declare(ProtocolDef... protocols) {
        for (ProtocolDef p : protocols) if (!declared.contains(p)) declared.add(p);
        return this;
    }

    /** Every protocol declared, in the order of registration. */
    public List<ProtocolDef> declarations() {
        return java.util.Collections.unmodifiableList(declared);
    }

    public DissectorRegistry register(String table, int key, Dissector d) {
        tables.computeIfAbsent(table, t -> new Table()).put(key, d);
        byName.putIfAbsent(d.protocol(), d);
        return this;
    }

    public DissectorRegistry heuristic(String table, Heuristic h) {
        heuristics.computeIfAbsent(table, t -> new ArrayList<>()).add(h);
        byName.putIfAbsent(h.protocol(), h);
        return this;
    }

    public DissectorRegistry named(Dissector d) {
        byName.put(d.protocol(), d);
        return this;
    }

    public Dissector lookup(String table, int key) {
        Table t = tables.get(table);
        return t == null ? null : t.get(key);
    }

    /** One dissector table: integer keys (sorted) and their dissectors, searched without boxing the key. */
    private static final class Table {
        int[] keys = new int[0];
        Dissector[] values = new Dissector[0];

        void put(int key, Dissector d) {
            int i = java.util.Arrays.binarySearch(keys, key);
            if (i >= 0) {
                values[i] = d;
                return;
            }
            i = -i - 1;
            int[] k = new int[keys.length + 1];
            Dissector[] v = new Dissector[keys.length + 1];
            System.arraycopy(keys, 0, k, 0, i);
            System.arraycopy(values, 0, v, 0, i);
            k[i] = key;
            v[i] = d;
            System.arraycopy(keys, i, k, i + 1, keys.length - i);
            System.arraycopy(values, i, v, i + 1, keys.length - i);
            keys = k;
            values = v;
        }

        Dissector get(int key) {
            int i = java.util.Arrays.binarySearch(keys, key);
            return i >= 0 ? values[i] : null;
        }
    }

    public Dissector heuristic(String table, Ctx ctx, Buf buf) {
        List<Heuristic> hs = heuristics.get(table);
        if (hs == null) return null;
        for (Heuristic h : hs) {
            try {
                if (h.accepts(ctx, buf)) return h;
            } catch (RuntimeException e) {
                // a heuristic that throws simply does not match
            }
        }
        return null;
    }

    /** A dissector by protocol name ("eth", "ip", "tpkt", "cotp" …), for --starts-at and decode-as. */
    public Dissector byName(String protocol) {
        return byName.get(protocol);
    }
}
