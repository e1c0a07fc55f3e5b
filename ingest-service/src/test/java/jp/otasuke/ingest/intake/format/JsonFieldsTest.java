package jp.otasuke.ingest.intake.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The streaming reader of a line's few fields reads exactly what the tree reader ({@link Json#object} and
 * {@link Json#text}) reads: the Suricata path took it for speed, and must not read a single alert differently.
 */
class JsonFieldsTest {

    private static final JsonFields<SuricataEve.Field> FIELDS = new JsonFields<>(SuricataEve.Field.class);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"surevego_eve.jsonl", "surevego_eve_broken_lines.jsonl", "gtkcyber_eve_subset.jsonl",
            "crowdsec_suricata-eve-detect.jsonl", "crowdsec_suricata-logs-evelog.jsonl", "wazuh_engine_suricata_alerts.jsonl",
            "wazuh_ruleset_malicious-ioc_eve.jsonl", "telegraf_eve_misc.jsonl", "telegraf_stats_very_long_line.jsonl",
            "oisf_docs_eve_examples.jsonl"})
    void everySampleLineReadsAsTheTreeReadsIt(String file) {
        for (Lines.NumberedLine line : Lines.split(Samples.bytes("suricata_eve/" + file))) {
            assertReadAsTheTree(line.text());
        }
    }

    @Test
    void oddLinesReadAsTheTreeReadsThem() {
        for (String line : new String[] {
                "{\"event_type\":\"alert\",\"alert\":{\"signature\":\"first\",\"severity\":1},\"alert\":{\"signature\":\"second\"}}",
                "{\"alert\":{\"signature\":\"object\"},\"alert\":\"text\",\"event_type\":\"alert\"}",
                "{\"alert\":[1,2],\"http\":\"x\",\"event_type\":\"alert\"}",
                "{\"alert\":{\"metadata\":{\"former_category\":[\"EXPLOIT\",\"WEB\"]},\"gid\":{\"a\":[1,{\"b\":null}]}}}",
                "{\"flow_id\":18446744073709551615,\"src_port\":-0,\"dest_port\":1.5e3,\"alert\":{\"rev\":-12}}",
                "{\"src_ip\":\"\",\"dest_ip\":null,\"proto\":true,\"app_proto\":false,\"http\":{\"url\":\"\\u00e9\\/\"}}",
                "{\"event_type\":\"alert\"} trailing words",
                "{\"event_type\":\"alert\",\"src_ip\":\"10.0.0.1\",\"rest\":[1,2,",
                "{\"event_type\":\"alert\",\"rest\":\"a \\q escape\"}",
                "{\"event_type\":\"alert\",\"rest\":\"a raw\ttab\"}",
                "[{\"event_type\":\"alert\"}]", "\"alert\"", "42", "", "   ", "not json", "{}",
        }) {
            assertReadAsTheTree(line);
        }
    }

    @Test
    void aRepeatedObjectReplacesTheFirstWhole() {
        JsonFields.Values<SuricataEve.Field> values = FIELDS.read(
                "{\"alert\":{\"signature\":\"first\",\"severity\":1},\"alert\":{\"signature\":\"second\"}}");
        assertEquals("second", values.text(SuricataEve.Field.SIGNATURE));
        assertNull(values.text(SuricataEve.Field.SEVERITY), "the second alert object has no severity");
    }

    @Test
    void aLineThatIsNotAJsonObjectReadsAsNone() {
        assertNull(FIELDS.read("{\"event_type\":\"alert\",\"rest\":[1,2,"), "broken after the fields read");
        assertNull(FIELDS.read("[{\"event_type\":\"alert\"}]"));
    }

    private static void assertReadAsTheTree(String line) {
        JsonNode tree = Json.object(line);
        JsonFields.Values<SuricataEve.Field> values = FIELDS.read(line);
        assertEquals(tree == null, values == null, () -> "an object for one reader and not the other: " + line);
        if (tree == null) {
            return;
        }
        for (SuricataEve.Field field : SuricataEve.Field.values()) {
            assertEquals(Json.text(tree, field.path().split("\\.")), values.text(field), () -> field.path() + " of " + line);
        }
        JsonNode alert = tree.get("alert");
        assertEquals(alert != null && alert.isObject(), JsonFields.isObject(values, FIELDS.objectIndex("alert")),
                () -> "alert is an object in " + line);
    }
}
