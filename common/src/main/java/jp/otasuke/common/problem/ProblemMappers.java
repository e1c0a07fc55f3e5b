package jp.otasuke.common.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jp.otasuke.contract.problem.Problem;

/** Every error leaves a service as {@code application/problem+json} with a detail a person can act on. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder builder = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.problem());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    /** Bean Validation on request bodies and parameters: 400, one entry per bad field. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem("about:blank", "Bad Request", 400, "The request has invalid fields", errors));
    }

    /** A body that is not JSON, or not of the expected shape: 400 naming the field. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return respond(Problem.of(400, "Bad Request", detail(e)));
    }

    /** What was wrong with the body, naming the field the way the client wrote it. */
    static String detail(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = "Field '" + path(m) + "'";
            if (e instanceof InvalidFormatException f && !isScalar(f.getTargetType())) {
                return f.getTargetType() == String.class ? field + " must not contain control characters (such as NUL)"
                        : field + " has an invalid value" + (f.getValue() instanceof String || f.getValue() instanceof Number
                                ? ": " + f.getValue() : "");
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return field + " must be " + expected(mismatch.getTargetType());
            }
            if (m.getCause() instanceof InputCoercionException) {
                return field + " is out of range";
            }
            return field + " is invalid";
        }
        java.util.regex.Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return "Field '" + duplicate.group(1) + "' appears more than once";
        }
        String detail = "The body is not valid JSON";
        if (e.getLocation() != null) {
            detail += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return detail;
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate field '([^']*)'");

    /** Numbers and booleans: a wrong value there is a wrong kind of JSON value (10000.9 for yen, "9800"). */
    private static boolean isScalar(Class<?> type) {
        return type != null && (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class);
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == java.math.BigInteger.class) {
            return "a whole number (a JSON integer, not a decimal or a text)";
        }
        if (type == String.class) {
            return "a text (a JSON string)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list (a JSON array)";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + (type.isRecord() || !type.getName().startsWith("java.") ? "JSON object" : type.getSimpleName());
    }

    /** Quarkus REST has built-in mappers for these subtypes; ours must be as specific to win. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unmapped(JsonMappingException e) {
        return unreadable(e);
    }

    /**
     * No token, or one that is forged, expired or from another issuer. Authentication is lazy
     * ({@code quarkus.http.auth.proactive=false}) so that these reach the REST layer and leave with a body,
     * like every other error, instead of the bare challenge the HTTP layer sends.
     */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("Sign in first: this needs a bearer token");
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return unauthorized("The bearer token is not valid (expired, forged or from another issuer)");
    }

    private static Response unauthorized(String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of(401, "Unauthorized", detail)).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role does not allow this"));
    }

    /** 404 for unknown paths, 405, 406, 415 and the other statuses the framework raises. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable); // the JSON reader wraps what the parser refused (a key given twice)
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "Cannot produce the requested media type";
            case 415 -> "Unsupported content type";
            default -> e.getMessage();
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, detail));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** "create.request.site.latitude" → "site.latitude": the field as the client wrote it. */
    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }
}
