package org.frameinspector.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.frameinspector.core.model.Dissection;
import org.frameinspector.core.model.Field;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.Finding;
import org.frameinspector.core.model.Frame;
import org.frameinspector.core.model.Layer;
import org.frameinspector.core.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What filters match, over dissections built by hand (no dissector involved). */
class DisplayFilterSemanticsTest {
    /** 54 bytes of Ethernet/IPv4/TCP headers, then the TPKT/COTP CONNECT CONFIRM of the KB article. */
    static final String TPKT_HEX = "0311002c27d001ca002900c10d5357495353"
            + "4c494645545341 50c20d45584348414e474554534150 31c0010b".replace(" ", "");
    static final byte[] BYTES = HexFormat.of().parseHex("001b21aabbcc" + "00155d010203" + "0800"
            + "4500005e1234400080060000c0a80001c0a80002"
            + "0d3d0066000000010000000150120000" + "00000000" + TPKT_HEX);

    /** The KB frame: eth/ip/tcp/tpkt/cotp with the reserved byte 0x11 and two findings. */
    static Dissection kb() {
        Dissection d = new Dissection(Frame.of(7, BYTES, Frame.LINK_ETHERNET).withComment("ticket 4711"));
        Layer eth = add(d, "eth", 0, 14);
        eth.add(f("eth.dst", 0, 6, "00:1b:21:aa:bb:cc"));
        eth.add(f("eth.src", 6, 6, "00:15:5d:01:02:03"));
        eth.add(f("eth.type", 12, 2, 0x0800L));
        Layer ip = add(d, "ip", 14, 20);
        Field flags = ip.add(new Field(org.frameinspector.TestDefs.def("ip.flags", "Flags"), 20, 1, 0xe0, 0x2L, "0x2", null, FieldKind.TREE));
        flags.add(new Field(org.frameinspector.TestDefs.def("ip.flags.rb", "Reserved bit"), 20, 1, 0x80, 0L, "Not set", null, FieldKind.RESERVED));
        flags.add(new Field(org.frameinspector.TestDefs.def("ip.flags.df", "Don't fragment"), 20, 1, 0x40, 1L, "Set", null, FieldKind.NORMAL));
        flags.add(new Field(org.frameinspector.TestDefs.def("ip.flags.mf", "More fragments"), 20, 1, 0x20, 0L, "Not set", null, FieldKind.NORMAL));
        ip.add(f("ip.ttl", 22, 1, 128L));
        ip.add(f("ip.src", 26, 4, "192.168.0.1"));
        ip.add(f("ip.dst", 30, 4, "192.168.0.2"));
        Layer tcp = add(d, "tcp", 34, 20);
        tcp.add(f("tcp.srcport", 34, 2, 3389L));
        tcp.add(f("tcp.dstport", 36, 2, 102L));
        Field tf = tcp.add(new Field(org.frameinspector.TestDefs.def("tcp.flags", "Flags"), 46, 2, 0x0fff, 0x012L, "0x012 (SYN, ACK)", null, FieldKind.TREE));
        tf.add(new Field(org.frameinspector.TestDefs.def("tcp.flags.syn", "Syn"), 46, 2, 0x0002, 1L, "Set", null, FieldKind.NORMAL));
        tf.add(new Field(org.frameinspector.TestDefs.def("tcp.flags.ack", "Acknowledgment"), 46, 2, 0x0010, 1L, "Set", null, FieldKind.NORMAL));
        tf.add(new Field(org.frameinspector.TestDefs.def("tcp.flags.fin", "Fin"), 46, 2, 0x0001, 0L, "Not set", null, FieldKind.NORMAL));
        Layer tpkt = add(d, "tpkt", 54, 4);
        tpkt.add(f("tpkt.version", 54, 1, 3L));
        Field reserved = tpkt.add(new Field(org.frameinspector.TestDefs.def("tpkt.reserved", "Reserved"), 55, 1, 0, 0x11L, "17", null, FieldKind.RESERVED));
        tpkt.add(f("tpkt.length", 56, 2, 44L));
        Layer cotp = add(d, "cotp", 58, 40);
        cotp.add(f("cotp.li", 58, 1, 39L));
        cotp.add(new Field(org.frameinspector.TestDefs.def("cotp.type", "PDU Type"), 59, 1, 0xf0, 0x0dL, "CC Connect Confirm (0x0d)", null, FieldKind.NORMAL));
        Field p1 = cotp.add(new Field(org.frameinspector.TestDefs.def("cotp.parameter", "Parameter"), 65, 15, 0, null, "", null, FieldKind.TREE));
        p1.add(f("cotp.parameter_code", 65, 1, 0xc1L));
        p1.add(f("cotp.parameter_value", 67, 13, "SWISSLIFETSAP".getBytes(StandardCharsets.US_ASCII)));
        Field p2 = cotp.add(new Field(org.frameinspector.TestDefs.def("cotp.parameter", "Parameter"), 80, 15, 0, null, "", null, FieldKind.TREE));
        p2.add(f("cotp.parameter_code", 80, 1, 0xc2L));
        p2.add(f("cotp.parameter_value", 82, 13, "EXCHANGETSAP1".getBytes(StandardCharsets.US_ASCII)));
        cotp.add(f("cotp.tpdu_size", 97, 1, 0x0bL));
        d.findings().add(new Finding("TPKT-RESERVED-NONZERO", Severity.RISK, "tpkt", reserved, null, 55, 1, "0x11",
                "0x00", "reserved byte set", "RFC 1006 §6", false));
        d.findings().add(new Finding("COTP-NOTE", Severity.INFO, "cotp", null, null, 58, 40, null, null, "note",
                "ISO 8073", true));
        return d;
    }

    /** An IPv6 frame with nothing above TCP and no findings. */
    static Dissection v6() {
        Dissection d = new Dissection(Frame.of(8, new byte[74], Frame.LINK_ETHERNET));
        Layer eth = add(d, "eth", 0, 14);
        eth.add(f("eth.dst", 0, 6, "00:00:5e:00:53:01"));
        eth.add(f("eth.src", 6, 6, "00:00:5e:00:53:02"));
        Layer ip6 = add(d, "ipv6", 14, 40);
        ip6.add(f("ipv6.src", 22, 16, "2001:db8::1"));
        ip6.add(f("ipv6.dst", 38, 16, "fe80::a:b"));
        Layer tcp = add(d, "tcp", 54, 20);
        tcp.add(f("tcp.srcport", 54, 2, 80L));
        tcp.add(f("tcp.dstport", 56, 2, 80L));
        return d;
    }

    static Layer add(Dissection d, String proto, int off, int len) {
        Layer l = new Layer(proto, proto.toUpperCase(), null, off, len);
        d.layers().add(l);
        return l;
    }

    static Field f(String abbrev, int off, int len, Object value) {
        String display = value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value);
        return new Field(org.frameinspector.TestDefs.def(abbrev, abbrev), off, len, 0, value, display, null, FieldKind.NORMAL);
    }

    @ParameterizedTest(name = "{0} -> kb {1}, v6 {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            // presence
            "tpkt                                          ; true ; false",
            "cotp.tpdu_size                                ; true ; false",
            "tcp                                           ; true ; true",
            "tcp.flags.res                                 ; false ; false",
            "ipv6                                          ; false ; true",
            "!tpkt                                         ; false ; true",
            "frame                                         ; true ; true",
            // integers, hex, octal, binary, booleans, bit fields
            "tpkt.reserved != 0                            ; true ; false",
            "!(tpkt.reserved == 0)                         ; true ; true",
            "tpkt.reserved == 0x11                         ; true ; false",
            "tpkt.reserved == 17                           ; true ; false",
            "tpkt.reserved == 021                          ; true ; false",
            "tpkt.reserved == 0b10001                      ; true ; false",
            "tpkt.reserved > 16 && tpkt.reserved < 18      ; true ; false",
            "tpkt.reserved ge 17 and tpkt.reserved le 17   ; true ; false",
            "tpkt.reserved <= 16 || tpkt.reserved >= 18    ; false ; false",
            "tpkt.version eq 3 && tpkt.length == 44        ; true ; false",
            "cotp.type == 0x0d                             ; true ; false",
            "ip.flags.df == 1                              ; true ; false",
            "ip.flags.df == true                           ; true ; false",
            "ip.flags.mf == false                          ; true ; false",
            "tcp.flags.syn == 1 && tcp.flags.ack == 1      ; true ; false",
            "tcp.flags.fin == 1                            ; false ; false",
            "tpkt.version == '\\x03'                        ; true ; false",
            // text of an integer field is its display
            "cotp.type == \"CC Connect Confirm (0x0d)\"    ; true ; false",
            "cotp.type contains \"Confirm\"                ; true ; false",
            "cotp.type matches \"^CC \"                    ; true ; false",
            // either-direction aliases and multiple occurrences
            "tcp.port == 102                               ; true ; false",
            "tcp.port == 3389                              ; true ; false",
            "tcp.port == 80                                ; false ; true",
            "tcp.port != 80                                ; true ; false",
            "tcp.port != 102                               ; false ; true",
            "tcp.port === 80                               ; false ; true",
            "tcp.port !== 80                               ; true ; false",
            "tcp.port in {102 3389}                        ; true ; false",
            "tcp.port in {1000..4000}                      ; true ; false",
            "tcp.port in {79..81, 443}                     ; false ; true",
            "tcp.port not in {80}                          ; true ; false",
            "tcp.srcport == tcp.dstport                    ; false ; true",
            "tcp.srcport > tcp.dstport                     ; true ; false",
            "tcp.srcport != tcp.dstport                    ; true ; false",
            "cotp.parameter_code == 0xc2                   ; true ; false",
            "cotp.parameter_code != 0xc2                   ; false ; false",
            "cotp.parameter_code === 0xc1                  ; false ; false",
            // addresses
            "ip.src == 192.168.0.1                         ; true ; false",
            "ip.addr == 192.168.0.2                        ; true ; false",
            "ip.addr == 192.168.0.0/24                     ; true ; false",
            "ip.addr == 192.168.1.0/24                     ; false ; false",
            "ip.src > 192.168.0.0 && ip.src < 192.168.0.10 ; true ; false",
            "ip.dst == \"192.168.0.2\"                     ; true ; false",
            "ip.addr != 10.0.0.1                           ; true ; false",
            "eth.addr == 00:1B:21:AA:BB:CC                 ; true ; false",
            "eth.src == 00-15-5D-01-02-03                  ; true ; false",
            "eth.dst == 001b.21aa.bbcc                     ; true ; false",
            "eth.dst == \"00:1B:21:AA:BB:CC\"              ; true ; false",
            "ipv6.addr == 2001:DB8:0:0::1                  ; false ; true",
            "ipv6.dst == fe80:0:0:0:0:0:a:b                ; false ; true",
            "ipv6.addr == 2001:db8::/32                    ; false ; true",
            "ipv6.src == fe80::/10                         ; false ; false",
            // bytes, strings, contains, matches
            "cotp.parameter_value == \"EXCHANGETSAP1\"     ; true ; false",
            "cotp.parameter_value contains \"SWISS\"       ; true ; false",
            "cotp.parameter_value contains 53:57:49        ; true ; false",
            "cotp.parameter_value contains \"swiss\"       ; false ; false",
            "cotp.parameter_value matches \"(?i)swiss\"    ; true ; false",
            "cotp.parameter_value matches \"^EXCH.*1$\"    ; true ; false",
            "cotp.parameter_value == 45:58:43              ; false ; false",
            "cotp.parameter_value > 45:58:43               ; true ; false",
            "frame contains \"EXCHANGE\"                   ; true ; false",
            "frame contains 03:11:00:2c                    ; true ; false",
            "tpkt == 03:11:00:2c                           ; true ; false",
            "tpkt contains 11                              ; true ; false",
            "tcp contains 0d:3d                            ; true ; false",
            // slices
            "frame[0x37] == 11                             ; true ; false",
            "frame[55] == 0x11                             ; true ; false",
            "frame[54:2] == 03:11                          ; true ; false",
            "frame[54-57] == 03.11.00.2c                   ; true ; false",
            "frame[0:6] == 00:1b:21:aa:bb:cc               ; true ; false",
            "tpkt[1] != 00                                 ; true ; false",
            "tpkt[0:2] == 03:00                            ; false ; false",
            "tpkt.reserved[0] == 11                        ; true ; false",
            "eth.src[0:3] == 00:15:5d                      ; true ; false",
            "frame[-1] == 0b                               ; true ; false",
            "frame[0,54] == 00:03                          ; true ; false",
            "frame[1000] == 00                             ; false ; false",
            "frame[72:] contains \"TSAP\"                  ; true ; false",
            // frame pseudo-fields
            "frame.number == 7                             ; true ; false",
            "frame.len == 98 && frame.cap_len == 98        ; true ; false",
            "frame.len == 74                               ; false ; true",
            "frame.comment contains \"4711\"               ; true ; false",
            "frame.comment                                 ; true ; false",
            "frame.protocols == \"eth:ip:tcp:tpkt:cotp\"   ; true ; false",
            "frame.protocols contains \"ipv6\"             ; false ; true",
            "frame.link_type == 1                          ; true ; true",
            // findings
            "finding                                       ; true ; false",
            "!finding                                      ; false ; true",
            "finding.id == \"TPKT-RESERVED-NONZERO\"       ; true ; false",
            "finding.id == \"TPKT-RESERVED-ZERO\"          ; false ; false",
            "finding.id contains \"TPKT\"                  ; true ; false",
            "finding.id matches \"^COTP-\"                 ; true ; false",
            "finding.severity == \"RISK\"                  ; true ; false",
            "finding.severity == VIOLATION                 ; false ; false",
            "finding.severity >= RISK                      ; true ; false",
            "finding.severity >= \"risk\"                  ; true ; false",
            "finding.severity > RISK                       ; false ; false",
            "finding.severity === INFO                     ; false ; false",
            "finding.severity != VIOLATION                 ; true ; false",
            "finding.layer == \"tpkt\"                     ; true ; false",
            "finding.layer == \"ip\"                       ; false ; false",
            "finding.field == \"tpkt.reserved\"            ; true ; false",
            "finding.offset == 0x37                        ; true ; false",
            "finding.context == 1                          ; true ; false",
            "finding.observed == \"0x11\"                  ; true ; false",
            // logic
            "tpkt && !finding || tcp.port == 80            ; false ; true",
            "tpkt && (!finding || tcp.port == 80)          ; false ; false",
            "not tpkt or finding.severity >= RISK          ; true ; true",
            "(tcp.port == 102 || tcp.port == 80) && ip     ; true ; false",
            // fields absent: comparisons are false, negations true
            "tpkt.reserved == 0                            ; false ; false",
            "ipv6.addr != ::1                              ; false ; true",
            "!(ipv6.addr == ::1)                           ; true ; true",
            "data.data contains 00                         ; false ; false",
            // tree nodes have no value: present but never equal
            "cotp.parameter                                ; true ; false",
            "cotp.parameter == 00                          ; false ; false",
    })
    void matches(String filter, boolean kb, boolean v6) {
        DisplayFilter df = DisplayFilter.compile(filter.strip());
        assertThat(df.matches(kb())).as("kb: " + filter).isEqualTo(kb);
        assertThat(df.matches(v6())).as("v6: " + filter).isEqualTo(v6);
    }

    @Test
    void emptyFilterPassesEverything() {
        assertThat(DisplayFilter.compile("").matches(kb())).isTrue();
        assertThat(DisplayFilter.compile(null).matches(v6())).isTrue();
    }

    @Test
    void oneFilterServesManyThreads() throws Exception {
        DisplayFilter df = DisplayFilter.compile("tpkt.reserved != 0 && tcp.port in {102} && finding.severity >= RISK");
        Dissection a = kb(), b = v6();
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> x = ex.submit(() -> count(df, a, b));
            Future<Integer> y = ex.submit(() -> count(df, a, b));
            assertThat(x.get()).isEqualTo(5000);
            assertThat(y.get()).isEqualTo(5000);
        } finally {
            ex.shutdownNow();
        }
    }

    private static int count(DisplayFilter df, Dissection a, Dissection b) {
        int n = 0;
        for (int i = 0; i < 5000; i++) {
            if (df.matches(a)) n++;
            if (df.matches(b)) n++;
        }
        return n;
    }
}
