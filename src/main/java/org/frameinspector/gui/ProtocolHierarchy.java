package org.frameinspector.gui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.ProtocolDef;
import org.frameinspector.core.protocols.Protocols;

/**
 * Statistics → Protocol Hierarchy: the protocols of the frames by layer path (eth > ip > tcp > tpkt > cotp > s7comm),
 * counted from the dissections of the in-order pass as it goes ({@link DissectionCache} hands each one to
 * {@link #add}). A frame counts once under each protocol of its path (a frame with three TPDUs counts once for
 * cotp); its bytes under a protocol are the bytes from that layer's start to the end of the data it is in (the frame, or
 * the reassembled buffer of a layer in reassembled data). Thread-safe: the pass adds, the window takes a {@link #snapshot}.
 */
final class ProtocolHierarchy {
    /** One protocol at one place in the tree. */
    static final class Node {
        final String protocol;
        String name;
        final Node parent;
        long frames, bytes;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String protocol, String name, Node parent) {
            this.protocol = protocol;
            this.name = name;
            this.parent = parent;
        }

        List<Node> children() {
            return new ArrayList<>(children.values());
        }

        int depth() {
            int d = 0;
            for (Node n = parent; n != null && n.parent != null; n = n.parent) d++;
            return d;
        }

        private Node copy(Node to) {
            Node c = new Node(protocol, name, to);
            c.frames = frames;
            c.bytes = bytes;
            for (Node k : children.values()) c.children.put(k.protocol, k.copy(c));
            return c;
        }
    }

    private final Node root = new Node("", "", null);

    /** Counts one dissected frame. */
    synchronized void add(Dissection d) {
        root.frames++;
        root.bytes += d.frame().capturedLength();
        Node at = root;
        Set<String> seen = new HashSet<>();
        for (Layer l : d.layers()) {
            if (!seen.add(l.protocol())) continue;
            Node n = at.children.get(l.protocol());
            if (n == null) {
                n = new Node(l.protocol(), name(l), at);
                at.children.put(l.protocol(), n);
            }
            n.frames++;
            n.bytes += bytes(d, l);
            at = n;
        }
    }

    private static long bytes(Dissection d, Layer l) {
        DataSource s = d.source(l.source());
        int end = s != null ? s.bytes().length : l.end();
        return Math.max(0, end - l.offset());
    }

    private static volatile Map<String, String> names;

    /** The protocol's declared long name ("Transmission Control Protocol"); else its layer's name up to a comma. */
    static String name(Layer l) {
        Map<String, String> m = names;
        if (m == null) {
            m = new java.util.HashMap<>();
            for (ProtocolDef p : Protocols.standard().declarations()) m.putIfAbsent(p.filterName(), p.name());
            names = m;
        }
        String n = m.get(l.protocol());
        if (n != null) return n;
        String s = l.name() == null ? l.protocol() : l.name();
        int c = s.indexOf(", ");
        return c > 0 ? s.substring(0, c) : s;
    }

    /** A copy of the tree as it is now (the root's frames and bytes are the totals). */
    synchronized Node snapshot() {
        return root.copy(null);
    }

    /** Frames under each protocol, wherever it occurs in the tree (the frames a filter on the protocol keeps). */
    static Map<String, Long> framesPerProtocol(Node root) {
        Map<String, Long> m = new java.util.TreeMap<>();
        List<Node> todo = new ArrayList<>(root.children.values());
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            m.merge(n.protocol, n.frames, Long::sum);
            todo.addAll(n.children.values());
        }
        return m;
    }
}
