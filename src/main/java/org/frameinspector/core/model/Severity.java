package org.frameinspector.core.model;

/** How bad a finding is; see PROTOCOLS.md §0.3. */
public enum Severity {
    /** A sender broke a MUST/SHALL, or an encoding with no legal reading. */
    VIOLATION,
    /** Legal or only a SHOULD, but known to break strict peers. */
    RISK,
    /** Worth showing: context, capture artefact, unusual but legal. */
    INFO;

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
