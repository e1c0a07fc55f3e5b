package jp.otasuke.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SyslogMessageTest {

    @Test
    void rfc5424HeaderAndStructuredDataAreRemoved() {
        assertEquals("date=2024-10-14 time=13:46:40 type=\"event\"", SyslogMessage.payload(
                "<189>1 2024-10-14T13:46:40+09:00 fgt01 - - - [meta seq=\"1\" note=\"a ] b\"] date=2024-10-14 time=13:46:40 type=\"event\""));
        assertEquals("hello", SyslogMessage.payload("<13>1 2026-11-25T01:02:03.000Z host app 42 ID47 - \uFEFFhello"));
    }

    @Test
    void rfc3164HeaderAndTagAreRemoved() {
        assertEquals("id=firewall sn=1 msg=\"x\"", SyslogMessage.payload("<134>Jan  3 13:45:36 192.168.5.1 id=firewall sn=1 msg=\"x\""));
        assertEquals("CEF:0|a|b|1|2|n|5|src=1.2.3.4",
                SyslogMessage.payload("<134>Aug  3 10:49:35 Barracuda CEF:0|a|b|1|2|n|5|src=1.2.3.4"));
        assertEquals("alert text", SyslogMessage.payload("<13>Nov 25 10:00:00 host suricata[123]: alert text"));
    }

    @Test
    void aMessageWithoutHeaderIsTakenWhole() {
        assertEquals("{\"event_type\":\"alert\"}", SyslogMessage.payload("{\"event_type\":\"alert\"}"));
    }
}
