package org.frameinspector.core.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.frameinspector.core.dissect.L;
import org.frameinspector.core.findings.Catalog;
import org.frameinspector.core.findings.FindingDef;
import org.frameinspector.core.model.DataSource;
import org.frameinspector.core.model.Finding;

/**
 * A finding that only the end of the input can raise, about an earlier frame: a TPKT, or a COTP message segmented
 * over DTs, that a connection direction had begun when the input ended ({@link Conversations#endFindings()}). The
 * frame was handed on long before the end is known, so it is not in that frame's dissection; every consumer takes
 * these from the one list the in-order pass leaves and shows each as a finding of {@link #frame} (check, dissect
 * --json, the exports, the desktop app's tree and Expert Info).
 *
 * <p>Both ids are INFO and our own (catalog-stream.txt), not TPKT-INCOMPLETE ("continues in a later segment", which
 * would be wrong here) nor TPKT-LENGTH-VS-SEGMENTS / COTP-DT-EOT-SEQUENCE-BROKEN (VIOLATIONs raised when a FIN, RST
 * or another TPDU proves the sender wrong): when the capture simply stops, nothing says the sender did anything
 * wrong, only that the PDU cannot be judged.
 *
 * @param frame the number of the frame where the unfinished PDU starts
 */
public record EndFinding(int frame, Finding finding) {
    static final String TPKT = "STREAM-TPKT-UNFINISHED-AT-END";
    static final String TSDU = "STREAM-TSDU-UNFINISHED-AT-END";

    /** Those of {@code all} about frames {@code shown} accepts (the frames a filtered command showed). */
    public static List<EndFinding> about(List<EndFinding> all, IntPredicate shown) {
        List<EndFinding> out = new ArrayList<>(all.size());
        for (EndFinding e : all) if (shown.test(e.frame())) out.add(e);
        return out;
    }

    /** A finding of catalogue entry {@code id} at [offset, offset + length) of frame {@code frame}, tied to no field. */
    static EndFinding of(String id, int frame, int offset, int length, String observed, String expected) {
        FindingDef d = Catalog.get(id);
        Finding f = new Finding(id, d.severity(), d.layer(), null, DataSource.FRAME, offset, length, observed, expected,
                L.explain(d, observed, expected), d.reference(), d.context());
        return new EndFinding(frame, f);
    }
}
