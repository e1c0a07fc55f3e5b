package jp.otasuke.common.http;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.vertx.http.HttpServer;
import jp.otasuke.common.config.SharedConfig;

/**
 * Links the service hands out (a 201's {@code Location}, a list's next page) start with the configured public URL,
 * never with the request's {@code Host} header, which the caller controls. Without one (this machine, the tests),
 * they start with the address the service listens on, read when the link is made: a random test port is known only
 * once the server is up, after configuration was read.
 */
@ApplicationScoped
public class PublicLinks {

    private final Optional<String> configured;
    private final HttpServer server;

    PublicLinks(SharedConfig config, HttpServer server) {
        this.configured = config.publicUrl().map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.server = server;
    }

    /** 201 Created with {@code Location} = public URL + path. */
    public Response.ResponseBuilder created(String path) {
        return Response.status(Response.Status.CREATED).header("Location", base() + path);
    }

    /** A {@code Link} header's value naming the next page of a list answered as a plain array. */
    public String next(String pathAndQuery) {
        return "<" + base() + pathAndQuery + ">; rel=\"next\"";
    }

    private String base() {
        return configured.orElseGet(() -> "http://localhost:" + server.getPort());
    }
}
