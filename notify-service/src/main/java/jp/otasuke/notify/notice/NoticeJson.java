package jp.otasuke.notify.notice;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A notice's facts as JSON text, for the insert that skips a notice already written. */
final class NoticeJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NoticeJson() {
    }

    static String write(Map<String, Object> facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("facts that are not JSON: " + facts, e);
        }
    }
}
