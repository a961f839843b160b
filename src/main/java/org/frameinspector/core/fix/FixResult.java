package org.frameinspector.core.fix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;

/**
 * The outcome of "make conformant" for one frame: the untouched original, the corrected copy, every byte change
 * (with the finding it addresses), what could not be fixed, and both dissections so a view can show which findings
 * are gone and which remain.
 */
public final class FixResult {
    private final Dissection before, after;
    private final Frame fixed;
    private final List<Change> changes;
    private final List<String> notFixed;

    FixResult(Dissection before, Frame fixed, Dissection after, List<Change> changes, List<String> notFixed) {
        this.before = before;
        this.fixed = fixed;
        this.after = after;
        this.changes = Collections.unmodifiableList(changes);
        this.notFixed = Collections.unmodifiableList(notFixed);
    }

    public Frame original() { return before.frame(); }
    public Frame fixed() { return fixed; }
    public Dissection before() { return before; }
    /** Dissection of the fixed frame. */
    public Dissection after() { return after; }
    public List<Change> changes() { return changes; }
    /** "FINDING-ID at 0x…: reason" for fixable findings this frame keeps. */
    public List<String> notFixed() { return notFixed; }
    public boolean changed() { return !changes.isEmpty(); }

    /** Findings of the fixed frame. */
    public List<Finding> remaining() { return after.findings(); }

    /** Findings of the fixed frame whose id is fixable (ideally none). */
    public List<Finding> remainingFixable() {
        List<Finding> out = new ArrayList<>();
        for (Finding f : after.findings()) if (FixableFindings.isFixable(f.id())) out.add(f);
        return out;
    }

    /** Ids present before and gone after. */
    public Set<String> resolvedIds() {
        Set<String> s = new LinkedHashSet<>();
        for (Finding f : before.findings()) s.add(f.id());
        for (Finding f : after.findings()) s.remove(f.id());
        return s;
    }

    /** Ids the fixed frame has and the original did not (should be empty). */
    public Set<String> newIds() {
        Set<String> s = new LinkedHashSet<>();
        for (Finding f : after.findings()) s.add(f.id());
        for (Finding f : before.findings()) s.remove(f.id());
        return s;
    }
}
