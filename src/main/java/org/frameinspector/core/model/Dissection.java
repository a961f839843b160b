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
    private String src = "", dst = "", protocol = "";
    /** The Info column, built in place so a frame with many TPDUs (300,000 in one pasted line) stays linear. */
    private final StringBuilder info = new StringBuilder();
    /**
     * The start of the Info text when a layer gave it as a Supplier ({@link #setInfo(java.util.function.Supplier)}):
     * made when the text is read, followed by whatever upper layers appended to {@link #info}.
     */
    private java.util.function.Supplier<String> infoHead;
    private String infoText = "";
    private boolean infoDirty;
    /** Incremental search state of {@link #appendInfoAfter}: the marker looked for and how far the text was searched. */
    private String markerSought;
    private int markerSearchedTo;
    private boolean markerFound;
    private String startLayer;
    private boolean findingsOnly;

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
    public String info() {
        if (infoHead != null) foldHead();
        if (infoDirty) { infoText = info.toString(); infoDirty = false; }
        return infoText;
    }

    /** Makes the lazy start of the Info text and puts it in front of what was appended after it. */
    private void foldHead() {
        String h = infoHead.get();
        infoHead = null;
        info.insert(0, h);
        infoDirty = true;
        markerSearchedTo = 0; // offsets moved: search the marker again from the start

    }
    /**
     * True for a dissection made for its findings only ({@code check} without a display filter): the same dissectors
     * ran and raised the same findings, but the tree lacks what only a reader of the tree needs (the "undecoded" ranges,
     * and of the fields the stream layer adds, tcp.nxtseq and the SEQ/ACK analysis subtree: no finding points at them).
     */
    public boolean findingsOnly() { return findingsOnly; }
    public void setFindingsOnly(boolean b) { findingsOnly = b; }

    /** The layer the bytes start at (e.g. "eth", "ip", "tpkt"). */
    public String startLayer() { return startLayer; }

    public void setSrc(String s) { src = s; }
    public void setDst(String s) { dst = s; }
    public void setProtocol(String p) { protocol = p; }
    public void setInfo(String i) {
        infoHead = null;
        info.setLength(0);
        if (i != null) info.append(i);
        infoDirty = true;
        markerSought = null;
    }

    /**
     * Sets the Info text to what {@code text} makes when the text is read (once; what upper layers append follows
     * it). For a summary whose numbers a later step of the same frame may still change (TCP's relative sequence
     * numbers) and that a findings-only pass never reads. The text must not contain a marker of
     * {@link #appendInfoAfter} (it is not searched for one).
     */
    public void setInfo(java.util.function.Supplier<String> text) {
        setInfo((String) null);
        infoHead = text;
    }

    /** Appends {@code part} to the Info text, after {@code sep} when the text is not empty. Amortised O(part). */
    public void appendInfo(String sep, String part) {
        if (info.length() > 0 || infoHead != null) info.append(sep);
        info.append(part);
        infoDirty = true;
    }

    /**
     * Appends {@code part} after {@code sep} when the Info text so far contains {@code marker}, otherwise replaces the
     * text with {@code part} (how a layer that lists several of its units in one frame continues its own list but
     * takes over a lower layer's summary). The marker search resumes where the last one stopped, so a frame with N
     * units costs O(total length), not O(N * length).
     */
    public void appendInfoAfter(String marker, String sep, String part) {
        if (!marker.equals(markerSought)) { markerSought = marker; markerSearchedTo = 0; markerFound = false; }
        if (!markerFound) {
            // a lazy head is a lower layer's summary (TCP's), which never holds an upper layer's marker: not searched
            int from = Math.max(0, markerSearchedTo - marker.length() + 1);
            markerFound = info.indexOf(marker, from) >= 0;
            markerSearchedTo = info.length();
        }
        if (markerFound) {
            appendInfo(sep, part);
        } else {
            setInfo(part);
            markerSought = marker;
            markerFound = part.contains(marker);
            markerSearchedTo = info.length();
        }
    }
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
