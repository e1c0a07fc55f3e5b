package jp.otasuke.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import jp.otasuke.common.config.SharedConfig;

/**
 * Links the service hands out (a 201's {@code Location}, a list's next page) start with the configured public URL, never with
 * the request's {@code Host} header, which the caller controls.
 */
@ApplicationScoped
public class PublicLinks {

    private final String base;

    PublicLinks(SharedConfig config) {
        String base = config.publicUrl();
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** 201 Created with {@code Location} = public URL + path. */
    public Response.ResponseBuilder created(String path) {
        return Response.status(Response.Status.CREATED).header("Location", base + path);
    }

    /** A {@code Link} header's value naming the next page of a list answered as a plain array. */
    public String next(String pathAndQuery) {
        return "<" + base + pathAndQuery + ">; rel=\"next\"";
    }
}
