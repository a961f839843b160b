package org.frameinspector.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The result of dissecting one frame: layers, findings, extra data sources and the summary columns. */
public final class Dissection {
    private final Frame frame;
    private final List<Layer> layers = new ArrayList<>(8);
    private final List<Finding> findings = new ArrayList<>(2);
    private final List<DataSource> sources = new ArrayList<>(1);
    private String src = "", dst = "", protocol = "", info = "";
    private String startLayer;

    public Dissection(Frame frame) {
        this.frame = frame;
        sources.add(new DataSource(DataSource.FRAME, "Frame (" + frame.capturedLength() + " bytes)", frame.data(),
                List.of(new SourcePart(frame.number(), 0, 0, frame.capturedLength()))));
    }

    public Frame frame() { return frame; }
    public List<Layer> layers() { return layers; }
    public List<Finding> findings() { return findings; }
    /** Data sources; index 0 is always the frame itself. */
    public List<DataSource> sources() { return sources; }
    public String src() { return src; }
    public String dst() { return dst; }
    public String protocol() { return protocol; }
    public String info() { return info; }
    /** The layer the bytes start at (e.g. "eth", "ip", "tpkt"). */
    public String startLayer() { return startLayer; }

    public void setSrc(String s) { src = s; }
    public void setDst(String s) { dst = s; }
    public void setProtocol(String p) { protocol = p; }
    public void setInfo(String i) { info = i; }
    public void setStartLayer(String s) { startLayer = s; }

    public DataSource source(String id) {
        for (DataSource s : sources) if (s.id().equals(id)) return s;
        return null;
    }

    public Layer layer(String protocol) {
        for (Layer l : layers) if (l.protocol().equals(protocol)) return l;
        return null;
    }

    /** The most severe finding, or null. */
    public Severity worst() {
        Severity w = null;
        for (Finding f : findings) if (w == null || f.severity().ordinal() < w.ordinal()) w = f.severity();
        return w;
    }

    public Finding finding(String id) {
        for (Finding f : findings) if (f.id().equals(id)) return f;
        return null;
    }

    /** Visits every field, depth first. */
    public void forEachField(Consumer<Field> c) {
        for (Layer l : layers) for (Field f : l.fields()) walk(f, c);
    }

    private static void walk(Field f, Consumer<Field> c) {
        c.accept(f);
        for (Field ch : f.children()) walk(ch, c);
    }

    /** All fields with the given abbreviation. */
    public List<Field> fields(String abbrev) {
        List<Field> out = new ArrayList<>();
        forEachField(f -> { if (abbrev.equals(f.abbrev())) out.add(f); });
        return out;
    }

    public Field field(String abbrev) {
        List<Field> l = fields(abbrev);
        return l.isEmpty() ? null : l.get(0);
    }

    /** The deepest field in the given source covering byte {@code offset}, or null. */
    public Field deepestFieldAt(String source, int offset) {
        Field best = null;
        for (Layer l : layers) {
            if (!l.source().equals(source)) continue;
            for (Field f : l.fields()) {
                Field d = deepest(f, source, offset);
                if (d != null) best = d;
            }
        }
        return best;
    }

    private static Field deepest(Field f, String source, int offset) {
        if (!f.source().equals(source)) return null;
        if (offset < f.offset() || offset >= f.end() || f.length() == 0) {
            // children may still cover it when the parent is a zero-length tree node
            if (f.length() != 0) return null;
        }
        Field best = (f.length() > 0 && offset >= f.offset() && offset < f.end()) ? f : null;
        for (Field c : f.children()) {
            Field d = deepest(c, source, offset);
            if (d != null) best = d;
        }
        return best;
    }

    /** The layer owning a field (by identity). */
    public Layer layerOf(Field f) {
        Field top = f;
        while (top.parent() != null) top = top.parent();
        for (Layer l : layers) for (Field x : l.fields()) if (x == top) return l;
        return null;
    }
}
