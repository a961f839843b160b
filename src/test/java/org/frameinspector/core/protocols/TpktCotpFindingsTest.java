package org.frameinspector.core.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Collectors;
import org.frameinspector.core.dissect.FrameDissector;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every TPKT/COTP finding that needs no connection context is raised by a crafted TPKT, at the right bytes. */
class TpktCotpFindingsTest {
    private static final FrameDissector FD = org.frameinspector.core.protocols.Protocols.dissector();

    static Dissection tpkt(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        return FD.dissect(Frame.of(1, b, Frame.LINK_TPKT), null, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // id; severity; offset; TPKT bytes
            "TPKT-RESERVED-NONZERO; RISK; 1; 03 11 00 2c 27 d0 01 ca 00 29 00 c1 0d 53 57 49 53 53 4c 49 46 45 54 53 41 50 c2 0d 45 58 43 48 41 4e 47 45 54 53 41 50 31 c0 01 0b",
            "TPKT-VERSION-NOT-3; INFO; 0; 04 00 00 07 02 f0 80",
            "TPKT-LENGTH-TOO-SMALL; VIOLATION; 2; 03 00 00 05 01 f0",
            "TPKT-INCOMPLETE; INFO; 2; 03 00 00 20 02 f0 80 32 01",
            "TPKT-MULTIPLE; INFO; 8; 03 00 00 08 02 f0 80 41 03 00 00 08 02 f0 80 42",
            "TPKT-TRAILING-GARBAGE; VIOLATION; 8; 03 00 00 08 02 f0 80 41 ff ff",
            "COTP-LI-ZERO; VIOLATION; 4; 03 00 00 07 00 f0 80",
            "COTP-LI-RESERVED-255; VIOLATION; 4; 03 00 00 07 ff f0 80",
            "COTP-LI-EXCEEDS-NSDU; VIOLATION; 4; 03 00 00 07 05 f0 80",
            "COTP-LI-BELOW-FIXED-PART; VIOLATION; 4; 03 00 00 08 03 e0 00 00",
            "COTP-UNKNOWN-TPDU-TYPE; VIOLATION; 5; 03 00 00 07 02 30 80",
            "COTP-TPDU-NOT-IN-CLASS0; VIOLATION; 5; 03 00 00 09 04 61 00 01 00",
            "COTP-CDT-NONZERO-CLASS0; VIOLATION; 5; 03 00 00 0b 06 e1 00 00 00 01 00",
            "COTP-DT-CODE-BITS; VIOLATION; 5; 03 00 00 08 02 f1 80 41",
            "COTP-CR-DSTREF-NONZERO; VIOLATION; 6; 03 00 00 0b 06 e0 00 05 00 01 00",
            "COTP-REF-ZERO; INFO; 8; 03 00 00 0b 06 e0 00 00 00 00 00",
            "COTP-CLASS-INVALID; VIOLATION; 10; 03 00 00 0b 06 e0 00 00 00 01 50",
            "COTP-OPTION-BITS; VIOLATION; 10; 03 00 00 0b 06 e0 00 00 00 01 04",
            "COTP-USERDATA-IN-CLASS0-CRCC; VIOLATION; 11; 03 00 00 0d 06 e0 00 00 00 01 00 41 42",
            "COTP-PARAM-TRUNCATED; VIOLATION; 12; 03 00 00 0e 09 e0 00 00 00 01 00 c1 05 41",
            "COTP-PARAM-UNKNOWN-IN-CR; INFO; 11; 03 00 00 0e 09 e0 00 00 00 01 00 99 01 00",
            "COTP-PARAM-UNKNOWN-NON-CR; VIOLATION; 11; 03 00 00 0e 09 d0 00 01 00 02 00 99 01 00",
            "COTP-PARAM-NOT-IN-CLASS0; VIOLATION; 11; 03 00 00 0e 09 e0 00 00 00 01 00 c4 01 01",
            "COTP-PARAM-DUPLICATE; RISK; 14; 03 00 00 11 0c e0 00 00 00 01 00 c0 01 0a c0 01 0a",
            "COTP-TPDU-SIZE-INVALID; VIOLATION; 13; 03 00 00 0e 09 e0 00 00 00 01 00 c0 01 05",
            "COTP-TPDU-SIZE-CLASS0; RISK; 13; 03 00 00 0e 09 e0 00 00 00 01 00 c0 01 0d",
            "COTP-TPDU-SIZE-EXTENSION; RISK; 13; 03 00 00 0e 09 e0 00 00 00 01 00 c0 01 0e",
            "COTP-TPDU-SIZE-LENGTH; VIOLATION; 12; 03 00 00 0f 0a e0 00 00 00 01 00 c0 02 0a 00",
            "COTP-PREFMAX-LENGTH; VIOLATION; 12; 03 00 00 12 0d e0 00 00 00 01 00 f0 05 00 00 00 00 01",
            "COTP-PREFMAX-UNKNOWN-TO-PEER; INFO; 13; 03 00 00 0e 09 e0 00 00 00 01 00 f0 01 10",
            "COTP-TSEL-LENGTH; INFO; 12; 03 00 00 0d 08 e0 00 00 00 01 00 c1 00",
            "COTP-DR-REASON-UNDEFINED; VIOLATION; 10; 03 00 00 0b 06 80 00 01 00 02 10",
            "COTP-DR-REASON-CLASS; RISK; 10; 03 00 00 0b 06 80 00 01 00 02 80",
            "COTP-DR-USERDATA-CLASS0; VIOLATION; 11; 03 00 00 0d 06 80 00 01 00 02 00 41 42",
            "COTP-ER-RECEIVED; INFO; 8; 03 00 00 09 04 70 00 01 02",
            "COTP-ER-MISSING-INVALID-TPDU; VIOLATION; 8; 03 00 00 09 04 70 00 01 02",
            "COTP-ER-CAUSE-UNDEFINED; VIOLATION; 8; 03 00 00 0c 07 70 00 01 07 c1 01 e0",
            "COTP-DT-TPDUNR-NONZERO; VIOLATION; 6; 03 00 00 08 02 f0 81 41",
            "COTP-DT-EMPTY; INFO; 6; 03 00 00 07 02 f0 80",
            "COTP-CONCATENATED-IN-TPKT; RISK; 9; 03 00 00 0c 04 60 00 01 00 02 f0 80",
            "COTP-RFC1006-EXPEDITED; INFO; 6; 03 00 00 08 02 10 80 41",
    })
    void raisesFinding(String id, Severity severity, int offset, String hex) {
        Dissection d = tpkt(hex);
        Finding f = d.finding(id);
        assertThat(f).as("findings of %s: %s", hex, d.findings()).isNotNull();
        assertThat(f.severity()).isEqualTo(severity);
        assertThat(f.offset()).isEqualTo(offset);
        assertThat(f.explanation()).isNotBlank();
        assertThat(f.reference()).isNotBlank();
        assertThat(d.findings()).noneMatch(x -> x.id().equals("INSPECTOR-INTERNAL-ERROR"));
    }

    @org.junit.jupiter.api.Test
    void aClassTwoCrOnPort102IsARiskForRfc1006Peers() {
        byte[] tpkt = HexFormat.of().parseHex("0300000b06e00000000120");
        Frame onTcp = org.frameinspector.core.output.Encapsulate.forCapture(Frame.of(1, tpkt, Frame.LINK_TPKT));
        Dissection d = FD.dissect(onTcp);
        assertThat(d.field("tcp.dstport").longValue()).isEqualTo(102);
        Finding f = d.finding("COTP-CLASS-NOT-0-ON-RFC1006");
        assertThat(f).as("%s", d.findings()).isNotNull();
        assertThat(f.severity()).isEqualTo(Severity.RISK);
        assertThat(f.offset()).isEqualTo(54 + 10); // the class/option octet
        assertThat(tpkt(HexFormat.of().formatHex(tpkt)).finding("COTP-CLASS-NOT-0-ON-RFC1006"))
                .as("without TCP there is no port to judge").isNull();
    }

    @ParameterizedTest(name = "clean {0}")
    @CsvSource(delimiter = ';', value = {
            "CR; 03 00 00 16 11 e0 00 00 00 01 00 c1 02 01 00 c2 02 01 02 c0 01 0a",
            "CC; 03 00 00 16 11 d0 00 01 44 31 00 c0 01 0a c1 02 01 00 c2 02 01 02",
            "DT; 03 00 00 19 02 f0 80 32 01 00 00 04 00 00 08 00 00 f0 00 00 01 00 01 01 e0",
            "DR; 03 00 00 0b 06 80 00 01 00 02 00",
    })
    void conformantTpdusRaiseNothing(String what, String hex) {
        Dissection d = tpkt(hex);
        assertThat(d.findings().stream().filter(f -> f.severity() != Severity.INFO).collect(Collectors.toList()))
                .as(what).isEmpty();
        assertThat(d.layer("cotp")).isNotNull();
    }
}
