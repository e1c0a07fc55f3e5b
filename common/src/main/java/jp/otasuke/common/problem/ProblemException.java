package jp.otasuke.common.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.otasuke.contract.problem.Problem;

/**
 * A refusal to tell the client, as a problem document: 404 unknown (or another tenant's) object, 400 a bad
 * field, and so on. Business rules return their refusals as values ({@link Refusal}); the edge raises them
 * as one of these, and {@link ProblemMappers} writes it.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> facts;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        this("about:blank", status, title, detail, errors, null);
    }

    ProblemException(Refusal refusal) {
        this(refusal.type(), refusal.status(), title(refusal.status()), refusal.detail(),
                refusal.field() == null ? null : List.of(new Problem.FieldError(refusal.field(), refusal.detail())),
                refusal.facts());
    }

    private ProblemException(String type, int status, String title, String detail, List<Problem.FieldError> errors,
            Map<String, Object> facts) {
        super(detail);
        this.type = type;
        this.status = status;
        this.title = title;
        this.errors = errors;
        this.facts = facts;
    }

    /** A problem document read back (a refusal recorded earlier, answered again as it was). */
    public static ProblemException of(Problem problem) {
        return new ProblemException(problem.type(), problem.status(), problem.title(), problem.detail(), problem.errors(),
                problem.facts());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " not found");
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    /** 400 for one bad field or parameter, named in {@code errors} so a form can show it at the field. */
    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "Bad Request", message, List.of(new Problem.FieldError(field, message)));
    }

    /** 403: signed in with a role that may act, but without what this action needs (an engineer id, a tenant). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    /** 503: a dependency (Kafka, the database, Keycloak) is away; nothing was done, try again after {@code seconds}. */
    public static ProblemException unavailable(String detail, int seconds) {
        return new ProblemException(503, "Service Unavailable", detail).withHeader("Retry-After", String.valueOf(seconds));
    }

    /** A response header to send with the problem, e.g. Retry-After on 429 and 503. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public Problem problem() {
        return new Problem(type, title, status, getMessage(), errors, facts == null || facts.isEmpty() ? null : facts);
    }

    public int status() {
        return status;
    }

    private static String title(int status) {
        return switch (status) {
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Content";
            default -> "Error";
        };
    }
}
