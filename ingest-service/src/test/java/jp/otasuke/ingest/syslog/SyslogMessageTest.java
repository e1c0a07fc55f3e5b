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

    @Test
    void theSensorKeyIsReadFromOurStructuredDataElementOnly() {
        assertEquals(java.util.Optional.of("osk_AbC-123_x"), SyslogMessage.sensorKey(
                "<189>1 2026-12-02T10:00:00+09:00 fgt01 - - - [meta seq=\"1\"][otasuke@32473 site=\"umeda\" key=\"osk_AbC-123_x\"] date=x"));
        assertEquals(java.util.Optional.empty(), SyslogMessage.sensorKey("<189>1 2026-12-02T10:00:00+09:00 fgt01 - - - [meta key=\"osk_no\"] x"));
        assertEquals(java.util.Optional.empty(), SyslogMessage.sensorKey("<13>Nov 25 10:00:00 host app: key=\"osk_no\""));
        assertEquals("date=x", SyslogMessage.payload(
                "<189>1 2026-12-02T10:00:00+09:00 fgt01 - - - [otasuke@32473 key=\"osk_AbC\"] date=x"), "the key is not part of the record");
    }
}
