package jp.otasuke.web.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.logging.Log;
import jp.otasuke.web.session.CsrfTokens;
import jp.otasuke.web.session.Person;

/**
 * Same-origin {@code /api/<service>/<path>} calls, forwarded to that service's {@code /api/v1/<path>} with the
 * person's own access token, so every rule about who may see what stays in the service that owns the data.
 * Only to the configured services and only under their {@code /api/v1}: never an open proxy. State-changing
 * calls need the session's CSRF token.
 */
@Path("/api/{service}")
@PermitAll // a session is required for /api/* (application.properties); the service decides the rest
public class ApiGateway {

    /** Path segments a service's API uses; no dot segments, no encoded slashes, nothing that climbs out. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]*");
    /** Request headers the services read; nothing else (cookies above all) is passed on. */
    private static final List<String> FORWARDED = List.of("Accept", "Accept-Language", "Content-Type", "If-Match",
            "If-None-Match");
    /** Answer headers the page needs. */
    private static final List<String> RETURNED = List.of("Content-Type", "ETag", "Retry-After");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Upstreams upstreams;
    private final Person person;
    private final CsrfTokens csrf;

    ApiGateway(Upstreams upstreams, Person person, CsrfTokens csrf) {
        this.upstreams = upstreams;
        this.person = person;
        this.csrf = csrf;
    }

    @GET
    @Path("{path: .+}")
    public Response get(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forward("GET", service, path, uri, headers, null);
    }

    @POST
    @Path("{path: .+}")
    public Response post(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
            @Context HttpHeaders headers, byte[] body) {
        return forward("POST", service, path, uri, headers, body);
    }

    @PUT
    @Path("{path: .+}")
    public Response put(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
            @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", service, path, uri, headers, body);
    }

    @PATCH
    @Path("{path: .+}")
    public Response patch(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
            @Context HttpHeaders headers, byte[] body) {
        return forward("PATCH", service, path, uri, headers, body);
    }

    @DELETE
    @Path("{path: .+}")
    public Response delete(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return forward("DELETE", service, path, uri, headers, null);
    }

    private Response forward(String method, String service, String path, UriInfo uri, HttpHeaders headers, byte[] body) {
        URI base = upstreams.of(service).orElse(null);
        if (base == null || !isPlainPath(path)) {
            return Problems.of(404, "Not Found", "No such API");
        }
        if (!method.equals("GET") && !csrf.matches(person, headers.getHeaderString(CsrfTokens.HEADER))) {
            return Problems.of(403, "Forbidden", "The request carries no valid CSRF token (X-CSRF-Token); reload the page");
        }
        String query = uri.getRequestUri().getRawQuery();
        URI target = URI.create(base.toString().replaceAll("/+$", "") + "/api/v1/" + path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(upstreams.timeout())
                .header("Authorization", "Bearer " + person.accessToken())
                .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response.ResponseBuilder response = Response.status(answer.statusCode());
            if (answer.body().length > 0) {
                response.entity(answer.body());
            }
            for (String name : RETURNED) {
                answer.headers().firstValue(name).ifPresent(v -> response.header(name, v));
            }
            answer.headers().firstValue("Location").ifPresent(l -> response.header("Location", sameOrigin(service, l)));
            answer.headers().firstValue("Link").ifPresent(l -> response.header("Link", sameOriginLink(service, l)));
            return response.build();
        } catch (HttpTimeoutException e) {
            return Problems.unavailable(service + " did not answer in time");
        } catch (ConnectException e) {
            return Problems.unavailable(service + " is not reachable");
        } catch (IOException e) {
            Log.warnf("Forwarding %s %s to %s failed: %s", method, path, service, e.toString());
            return Problems.unavailable(service + " could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problems.unavailable("Interrupted");
        }
    }

    private static boolean isPlainPath(String path) {
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A {@code Link} header ({@code <…/api/v1/…?cursor=…>; rel="next"}) with its address as the page reaches it. */
    private static String sameOriginLink(String service, String link) {
        int open = link.indexOf('<');
        int close = link.indexOf('>', open + 1);
        return open < 0 || close < 0 ? link
                : link.substring(0, open + 1) + sameOrigin(service, link.substring(open + 1, close)) + link.substring(close);
    }

    /** A service's link (…/api/v1/incidents/42) as the page reaches it (/api/triage/incidents/42). */
    private static String sameOrigin(String service, String location) {
        int at = location.indexOf("/api/v1/");
        return at < 0 ? location : "/api/" + service + "/" + location.substring(at + "/api/v1/".length());
    }
}
