package org.frameinspector.core.findings;

import org.frameinspector.core.model.Severity;

/**
 * A catalogue entry: the stable id of a finding, its default severity, the layer it belongs to, a short title, the
 * explanation in plain words and the clause it cites. {@code {observed}} and {@code {expected}} in the explanation
 * are replaced by the values of the raised finding.
 */
public record FindingDef(String id, Severity severity, String layer, String title, String explanation,
                         String reference, boolean context) {
}
