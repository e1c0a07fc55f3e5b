package jp.otasuke.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.otasuke.common.json.StrictJson;

/** Request bodies are read as written (StrictJson), and each refusal names its field (ProblemMappers). */
class StrictRequestBodiesTest {

    record Plan(String name, long monthlyFeeYen, List<String> skills) {
    }

    private final ObjectMapper mapper = StrictJson.configure(new ObjectMapper());

    private String refusal(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Plan.class));
        return ProblemMappers.detail(e);
    }

    @Test
    void a_well_formed_body_reads_as_written() throws Exception {
        Plan plan = mapper.readValue("{\"name\":\"ネットワーク\\tplan\\n\",\"monthlyFeeYen\":9800,\"skills\":[\"UTM\"]}", Plan.class);
        assertEquals(new Plan("ネットワーク\tplan\n", 9800, List.of("UTM")), plan);
    }

    @Test
    void a_decimal_yen_amount_is_refused_not_rounded_down() {
        assertEquals("Field 'monthlyFeeYen' must be a whole number (a JSON integer, not a decimal or a text)",
                refusal("{\"name\":\"n\",\"monthlyFeeYen\":10000.9}"));
        assertEquals("Field 'monthlyFeeYen' must be a whole number (a JSON integer, not a decimal or a text)",
                refusal("{\"name\":\"n\",\"monthlyFeeYen\":1.0}"));
    }

    @Test
    void scalars_are_not_coerced() {
        assertEquals("Field 'monthlyFeeYen' must be a whole number (a JSON integer, not a decimal or a text)",
                refusal("{\"name\":\"n\",\"monthlyFeeYen\":\"9800\"}"));
        assertEquals("Field 'name' must be a text (a JSON string)", refusal("{\"name\":123,\"monthlyFeeYen\":1}"));
        assertEquals("Field 'skills[0]' must be a text (a JSON string)",
                refusal("{\"name\":\"n\",\"monthlyFeeYen\":1,\"skills\":[true]}"));
    }

    @Test
    void a_key_given_twice_is_refused_rather_than_the_last_winning() {
        assertEquals("Field 'monthlyFeeYen' appears more than once",
                refusal("{\"name\":\"n\",\"monthlyFeeYen\":50000,\"monthlyFeeYen\":1}"));
    }

    @Test
    void a_number_beyond_the_field_range_names_the_field() {
        assertEquals("Field 'monthlyFeeYen' is out of range",
                refusal("{\"name\":\"n\",\"monthlyFeeYen\":9223372036854775808}"));
    }

    @Test
    void nul_and_other_control_characters_are_refused_in_any_text() {
        assertEquals("Field 'name' must not contain control characters (such as NUL)",
                refusal("{\"name\":\"nul\\u0000name\",\"monthlyFeeYen\":1}"));
        assertEquals("Field 'skills[1]' must not contain control characters (such as NUL)",
                refusal("{\"name\":\"n\",\"monthlyFeeYen\":1,\"skills\":[\"UTM\",\"\\u001b[31m\"]}"));
        assertEquals("Field 'name' must not contain control characters (such as NUL)",
                refusal("{\"name\":\"\\u0085\",\"monthlyFeeYen\":1}"));
    }
}
