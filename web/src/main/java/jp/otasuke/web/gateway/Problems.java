package jp.otasuke.web.gateway;

import jakarta.ws.rs.core.Response;

import jp.otasuke.contract.problem.Problem;

/** web's own refusals, as the same problem document every service writes (API.md: problem+json). */
final class Problems {

    private Problems() {
    }

    static Response of(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail)).build();
    }

    static Response unavailable(String detail) {
        return Response.fromResponse(of(503, "Service Unavailable", detail)).header("Retry-After", "5").build();
    }
}
