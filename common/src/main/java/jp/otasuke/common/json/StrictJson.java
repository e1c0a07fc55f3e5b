package jp.otasuke.common.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How every service reads a request body: exactly what the client wrote, or 400 naming the field. No
 * scalar is coerced ({@code "9800"} is not a number, {@code 123} not a text, {@code 10000.9} not a yen
 * amount), a key given twice is refused rather than the last one winning, and no text may carry NUL or
 * another control character (PostgreSQL refuses NUL, and the identity provider refuses control
 * characters in names, which otherwise surfaced as 500 and 503). Tab and line breaks stay allowed here for
 * free-form text; one-line fields refuse them too with {@link SingleLine}.
 *
 * <p>Sensors' alert lines are data, not requests, and are not read through this mapper: ingest keeps them
 * as they came, with NUL escaped.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** Also for tests and tools that read request bodies with a mapper of their own. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.registerModule(new SimpleModule("otasuke-strict-text").addDeserializer(String.class, new Text()));
        return mapper;
    }

    /** The first control character a text holds, other than tab and line breaks; -1 when none. */
    public static int controlCharacterIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return i;
            }
        }
        return -1;
    }

    /** A JSON string, and only a JSON string, without control characters. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            int at = controlCharacterIn(text);
            if (at >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, text, String.format(
                        "contains a control character (U+%04X) at position %d", (int) text.charAt(at), at));
            }
            return text;
        }
    }
}
