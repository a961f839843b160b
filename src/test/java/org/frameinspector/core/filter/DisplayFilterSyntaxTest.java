package org.frameinspector.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which texts compile, and for those that do not, the column and wording of the error. */
class DisplayFilterSyntaxTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "tpkt",
            "cotp.tpdu_size",
            "tcp.flags.res",
            "s7comm-plus",
            "_ws.undecoded",
            "tpkt.reserved != 0",
            "tpkt.reserved ne 0",
            "tpkt.version == 3 && cotp.type == 0x0d",
            "tpkt.version eq 3 and not cotp or tcp",
            "!(tpkt.reserved == 0)",
            "not not tpkt",
            "((tpkt))",
            "tcp.port == 102 || tcp.port == 3389",
            "tcp.port in {102 3389 1000..1010}",
            "tcp.port in {102, 3389}",
            "tcp.port not in {80}",
            "ip.src == 192.168.0.1",
            "ip.addr == 10.0.0.0/8",
            "ipv6.addr == fe80::1",
            "ipv6.src == ::ffff:10.1.2.3",
            "eth.addr == 00:1B:21:AA:bb:cc",
            "eth.src == 00-1b-21-aa-bb-cc",
            "eth.dst == 001b.21aa.bbcc",
            "data.data == 03:00",
            "data.data == 03.00.00.2c",
            "data.data contains \"SAP\"",
            "data.data contains 53:41:50",
            "frame contains \"EXCHANGE\"",
            "frame.comment matches \"(?i)ticket [0-9]+\"",
            "frame.comment ~ \"x\"",
            "frame[0x37] == 11",
            "frame[1:3] == 11:00:2c",
            "frame[-1] == 0b",
            "frame[0-1,4] == 03:11:27",
            "tpkt[1:] contains 2c",
            "tcp.srcport == tcp.dstport",
            "tcp.flags.syn == 1 && tcp.flags.ack == false",
            "ip.flags.df == true",
            "tpkt.length >= 7 && tpkt.length <= 65535",
            "tpkt.length lt 10 || tpkt.length gt 100 || tpkt.length le 4 || tpkt.length ge 1",
            "tpkt.length < 0b1000",
            "cotp.type === 0x0d",
            "cotp.type !== 0x0d",
            "cotp.type any_ne 13 || cotp.type all_eq 13",
            "finding",
            "finding.id == \"TPKT-RESERVED-NONZERO\"",
            "finding.severity == \"VIOLATION\"",
            "finding.severity >= RISK",
            "finding.layer == \"tpkt\"",
            "frame.comment == \"tab\\there \\\"q\\\" \\x41\\101\"",
            "tpkt.version == '\\x03'",
            "tpkt.version == 'A'",
            "tpkt&&cotp||!tcp",
            "tpkt or tcp AND cotp",
    })
    void compiles(String text) {
        assertThat(DisplayFilter.validate(text)).as(text).isNull();
        assertThat(DisplayFilter.compile(text).text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // text | column | start of the message
            "(tpkt.reserved != 0))              | 20 | unexpected ')'",
            "tpkt.reserved != 0)                | 18 | unexpected ')'",
            "tpkt ==                            |  7 | unexpected end of filter; expected a value after '=='",
            "(tpkt                              |  5 | expected ')' to close the '(' at column 1",
            "tpkt &&                            |  7 | unexpected end of filter; expected a field",
            "&& tpkt                            |  0 | unexpected '&&'",
            "tpkt.reserved = 0                  | 14 | '=' is not an operator; use '=='",
            "tpkt & cotp                        |  5 | '&' is not an operator",
            "`tpkt | cotp`                      |  5 | `'|' is not an operator`",
            "tpkt.reservd != 0                  |  0 | unknown field 'tpkt.reservd' at column 1 — did you mean 'tpkt.reserved'?",
            "tpk.version == 3                   |  0 | unknown field 'tpk.version' (no protocol 'tpk') at column 1 — did you mean 'tpkt.version'?",
            "tpkt && cotpp                      |  8 | unknown protocol 'cotpp' at column 9 — did you mean 'cotp'?",
            "http                               |  0 | unknown protocol 'http'",
            "finding.sevrity == \"RISK\"        |  0 | unknown field 'finding.sevrity' at column 1 — did you mean 'finding.severity'?",
            "tpkt.version == 3 cotp             | 18 | unexpected 'cotp'; expected '&&', '||'",
            "frame.comment == \"abc             | 17 | unterminated string",
            "frame.comment == \"a\\qb\"         | 19 | unknown escape '\\q'",
            "frame.comment matches \"(\"        | 22 | invalid regular expression",
            "frame.comment matches abc          | 22 | 'matches' needs a regular expression in double quotes",
            "102 == tcp.port                    |  0 | expected a field or protocol name, found the value '102'",
            "ip.src == 10.0.0.999               | 10 | '10.0.0.999' is not a valid value",
            "tcp.port == bogus                  | 12 | unknown protocol 'bogus'",
            "tcp.port in 80                     | 12 | expected '{' after 'in'",
            "tcp.port in {80                    | 15 | expected '}' to close the '{' at column 13",
            "tcp.port in {}                     | 12 | empty set",
            "frame[x] == 00                     |  6 | 'x' is not a byte range",
            "frame[] == 00                      |  6 | expected a byte range",
            "tpkt $ cotp                        |  5 | unexpected character '$'",
            "== 3                               |  0 | expected a field or protocol name before '=='",
            "\"tpkt\"                           |  0 | expected a field or protocol name, found a value",
            "!                                  |  1 | unexpected end of filter",
            "()                                 |  1 | unexpected ')'",
            "tpkt.version == )                  | 16 | expected a value after '==', found ')'",
            "ip..src                            |  0 | 'ip..src' is not a valid field name",
    })
    void rejects(String text, int column, String message) {
        FilterSyntaxException e = DisplayFilter.validate(text.strip());
        assertThat(e).as(text).isNotNull();
        assertThat(e.getMessage()).as(text).startsWith(message.strip());
        assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
        assertThat(e.getMessage()).contains("at column " + (column + 1)); // counted from 1 for people
        assertThatThrownBy(() -> DisplayFilter.compile(text.strip())).isInstanceOf(FilterSyntaxException.class);
    }

    @Test
    void emptyFilterMatchesEverything() {
        assertThat(DisplayFilter.compile("").isEmpty()).isTrue();
        assertThat(DisplayFilter.compile("   ").isEmpty()).isTrue();
        assertThat(DisplayFilter.validate("")).isNull();
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        assertThat(DisplayFilter.compile("a1 || tpkt && !cotp", FieldRegistry.standard().withProtocols(
                java.util.List.of("a1"))).describe()).isEqualTo("(a1 || (tpkt && !cotp))");
        assertThat(DisplayFilter.compile("tpkt and cotp or tcp and ip").describe())
                .isEqualTo("((tpkt && cotp) || (tcp && ip))");
        assertThat(DisplayFilter.compile("!tpkt || cotp").describe()).isEqualTo("(!tpkt || cotp)");
    }

    @Test
    void aliasesReadBothDirections() {
        assertThat(DisplayFilter.compile("tcp.port == 102").fields())
                .containsExactlyInAnyOrder("tcp.port", "tcp.srcport", "tcp.dstport");
        assertThat(DisplayFilter.compile("ip.addr == 1.2.3.4 && eth.addr == 00:00:00:00:00:01").fields())
                .contains("ip.src", "ip.dst", "eth.src", "eth.dst");
    }

    @Test
    void registryCanLearnFieldsAndSuggest() {
        FieldRegistry r = FieldRegistry.standard().withFields(java.util.List.of("rdp.neg_type", "tpkt.extra"));
        assertThat(DisplayFilter.validate("tpkt.extra == 1", r)).isNull();
        assertThat(DisplayFilter.validate("tpkt.extra == 1")).isNotNull();
        assertThat(r.completions("tpkt.")).contains("tpkt.extra", "tpkt.reserved", "tpkt.version");
        assertThat(r.completions("rdp")).contains("rdp", "rdp.neg_type");
    }

    @Test
    void validateIsFastEnoughForTyping() {
        String[] typical = {"tpkt.reserved != 0", "tcp.port == 102 && (cotp.type == 0x0d || finding.severity >= RISK)",
                "ip.addr == 10.0.0.0/8 && !(tcp.flags.syn == 1)", "frame contains \"EXCHANGE\"", "tpkt.reservd"};
        for (int i = 0; i < 2000; i++) for (String t : typical) DisplayFilter.validate(t); // warm up
        int n = 20000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) DisplayFilter.validate(typical[i % typical.length]);
        double perCallMs = (System.nanoTime() - t0) / 1e6 / n;
        assertThat(perCallMs).isLessThan(1.0);
    }
}
