package org.frameinspector.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frameinspector.core.stream.StreamKit.*;

import org.frameinspector.core.json.Json;
import org.junit.jupiter.api.Test;

class ConversationsViewTest {
    @Test
    void rowSummariesAndJson() {
        StreamKit k = new StreamKit().connect(true);
        k.client.send(tpkt(cr(0x0001, 0, 0x0A, new byte[] {1, 0}, new byte[] {1, 2})));
        k.server.send(tpkt(0x11, cc(0x0001, 0x0044, 0, 0x0A, new byte[] {1, 0}, new byte[] {1, 2})));
        k.client.rst();
        k.conv.finish();
        Conversation c = k.conv.rows().get(0);
        assertThat(c.endSummary()).isEqualTo("RST by A in frame 6");
        assertThat(c.findingSummary()).isEqualTo("TPKT-RESERVED-NONZERO, TCP-RST-AFTER-DATA, COTP-PEER-CLOSED-AFTER-TPDU");
        Json j = new Json();
        c.toJson(j);
        assertThat(j.toString())
                .contains("\"a\":\"10.0.0.1:40001\"", "\"b\":\"10.0.0.2:102\"", "\"callingTsap\":\"0100\"",
                        "\"tpduSize\":1024", "\"tpdus\":{\"CR\":1,\"CC\":1}", "\"how\":\"RST\"",
                        "\"COTP-PEER-CLOSED-AFTER-TPDU\":1");
    }
}
