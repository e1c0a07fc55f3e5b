package jp.otasuke.common.problem;

import java.util.List;

/**
 * A refusal to tell the client, as a problem document: 404 unknown (or another tenant's) object, 409
 * wrong state, 422 a business rule, and so on. Business rules return their rejections as values; the
 * edge turns them into one of these.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " not found");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable Content", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    /** 400 for one bad field or parameter, named in {@code errors} so a form can show it at the field. */
    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "Bad Request", message, List.of(new Problem.FieldError(field, message)));
    }

    /** 422 for one field that breaks a business rule, named in {@code errors}. */
    public static ProblemException unprocessableField(String field, String message) {
        return new ProblemException(422, "Unprocessable Content", message, List.of(new Problem.FieldError(field, message)));
    }

    /** A response header to send with the problem, e.g. Retry-After on 429 and 503. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public java.util.Map<String, String> headers() {
        return java.util.Collections.unmodifiableMap(headers);
    }

    public Problem problem() {
        return new Problem("about:blank", title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
