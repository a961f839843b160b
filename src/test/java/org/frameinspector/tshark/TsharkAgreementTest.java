package org.frameinspector.tshark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.frameinspector.TestFiles;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.input.FrameSource;
import org.frameinspector.core.input.Inputs;
import org.frameinspector.core.model.Dissection;
import org.junit.jupiter.api.Test;

/**
 * Issue 2's "done when": over all shared captures we reproduce at least 99 % of tshark's link/IP/TCP/TPKT/COTP
 * fields (abbreviation, offset, length, value). Skips when tshark is missing (fails instead when CI=true) and while
 * the dissectors are not merged yet (the seed frame yields no "tcp" layer).
 */
class TsharkAgreementTest {

    @Test
    void coreProtocolsAgreeWithTsharkOnAllCaptures() throws Exception {
        if (!TsharkAgreement.tsharkAvailable()) {
            if ("true".equals(System.getenv("CI"))) fail("tshark is required when CI=true but was not found on PATH");
            assumeTrue(false, "tshark not installed");
        }
        assumeTrue(dissectorsPresent(), "link/IP/TCP dissectors not merged yet: the seed frame has no tcp layer");

        List<TsharkAgreement.CaptureResult> results = new TsharkAgreement(Agreement.CORE).runAll(TestFiles.captures());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TsharkAgreement.print(results, 8, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String report = buf.toString(StandardCharsets.UTF_8);
        System.out.println(report);
        Agreement.Tally all = TsharkAgreement.overall(results);
        assertThat(all.compared()).as("tshark fields compared").isGreaterThan(10_000);
        assertThat(all.percent()).as("overall agreement with tshark, report:%n%s", report).isGreaterThanOrEqualTo(99.0);
    }

    /** True once FrameDissector.standard() decodes the KB seed frame down to TCP. */
    static boolean dissectorsPresent() {
        try (FrameSource fs = Inputs.open(TestFiles.seed(), null).frames()) {
            if (fs.size() == 0) return false;
            Dissection d = FrameDissector.standard().dissect(fs.frame(0));
            return d.layer("tcp") != null;
        } catch (Exception e) {
            return false;
        }
    }
}
