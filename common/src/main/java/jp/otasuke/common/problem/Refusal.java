package jp.otasuke.common.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A business rule's "no", as a value: which rule said it ({@code code}, stable, so an app can put it in the
 * reader's words), the facts its message needs, the words for whoever reads the raw problem document, the HTTP
 * status it stands for, and the request field it is about, if one. Domain methods return
 * {@code Optional<Refusal>}; the edge raises it ({@link #raiseIf}) and {@link ProblemMappers} writes every one
 * the same way: {@code type} is {@code urn:otasuke:problem:<code>}, the facts go out as {@code facts}.
 */
public record Refusal(int status, String code, String detail, Map<String, Object> facts, String field) {

    public static final String TYPE_PREFIX = "urn:otasuke:problem:";

    public Refusal {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** 409: the action does not fit the object's current state. */
    public static Refusal conflict(String code, String detail, Object... namesAndValues) {
        return new Refusal(409, code, detail, facts(namesAndValues), null);
    }

    /** 422: the request is well formed but a business rule refuses it (a price cap, a limit). */
    public static Refusal unprocessable(String code, String detail, Object... namesAndValues) {
        return new Refusal(422, code, detail, facts(namesAndValues), null);
    }

    /** The same refusal, about one field of the request, so a form can show it there. */
    public Refusal atField(String name) {
        return new Refusal(status, code, detail, facts, name);
    }

    public String type() {
        return TYPE_PREFIX + code;
    }

    /** The refusal as the exception the edge throws. */
    public ProblemException problem() {
        return new ProblemException(this);
    }

    /** Throws the refusal when there is one: the step was refused and nothing of it applied. */
    public static void raiseIf(Optional<Refusal> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get().problem();
        }
    }

    /** No refusal: the step may go on. */
    public static Optional<Refusal> none() {
        return Optional.empty();
    }

    private static Map<String, Object> facts(Object... namesAndValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            facts.put((String) namesAndValues[i], value == null ? null : value instanceof Number || value instanceof Boolean
                    ? value : value.toString());
        }
        return facts;
    }
}
