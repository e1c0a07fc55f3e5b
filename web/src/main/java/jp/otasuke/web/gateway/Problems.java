package jp.otasuke.web.gateway;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import io.vertx.core.json.Json;

/** web's own refusals, in the platform's error format (API.md: problem+json). */
final class Problems {

    private Problems() {
    }

    static Response of(int status, String title, String detail) {
        String body = Json.encode(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail));
        return Response.status(status).type("application/problem+json").entity(body).build();
    }

    static Response unavailable(String detail) {
        Response problem = of(503, "Service Unavailable", detail);
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }
}
