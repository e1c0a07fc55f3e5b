package jp.otasuke.web.apps;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.web.bundler.runtime.Bundle;
import jp.otasuke.web.session.Person;

/**
 * The people's front door: {@code /} sends a signed-in person to their app; each app's page is served only to
 * its role (others get a plain "not for your role" page and no data). The pages are shells: the bundled script
 * draws the app and reads everything through {@code /api}.
 */
@Path("/")
@PermitAll // every path here needs a session (application.properties); the role check is below, per app
public class AppPages {

    @Inject
    Person person;
    @Inject
    Bundle bundle;

    @GET
    public Response home() {
        return App.of(person).map(home -> Response.seeOther(URI.create(home.path())).build()).orElseGet(this::notForYourRole);
    }

    @GET
    @Path("{app: " + App.PATHS + "}")
    public Response withoutSlash(@PathParam("app") String app) {
        return Response.seeOther(URI.create(App.named(app).path())).build();
    }

    /** An app's page, to its role only. */
    @GET
    @Path("{app: " + App.PATHS + "}/")
    @Produces(MediaType.TEXT_HTML)
    public Response app(@PathParam("app") String name) {
        App app = App.named(name);
        return person.has(app.role) ? shell(app) : notForYourRole();
    }

    /** The engineer's app is installable: its manifest and its service worker (both public, neither holds data). */
    @GET
    @Path("field/manifest.webmanifest")
    public Response fieldManifest() {
        String manifest = """
                {"name": "Otasuke 駆付け", "short_name": "駆付け", "lang": "ja", "start_url": "/field/", "scope": "/field/",
                 "display": "standalone", "background_color": "#f6f7f9", "theme_color": "#102a43",
                 "icons": [{"src": "/field-icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}]}
                """;
        return Response.ok(manifest, "application/manifest+json").build();
    }

    @GET
    @Path("field/sw.js")
    public Response fieldServiceWorker() throws java.io.IOException {
        try (var script = AppPages.class.getResourceAsStream("/field/sw.js")) {
            return Response.ok(new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "text/javascript")
                    .header("Cache-Control", "no-cache").header("Service-Worker-Allowed", "/field/").build();
        }
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public String signedOut() {
        return Pages.plain("サインアウトしました — Signed out", "サインアウトしました。", "You are signed out.",
                "<a class=\"button\" href=\"/\">もう一度サインイン / Sign in again</a>");
    }

    private Response shell(App app) {
        String head = (app == App.FIELD ? """
                <link rel="manifest" href="/field/manifest.webmanifest">
                <meta name="theme-color" content="#102a43">
                """ : "") + "<link rel=\"stylesheet\" href=\"" + bundle.style("app") + "\">\n"
                + "<script type=\"module\" src=\"" + bundle.script("app") + "\"></script>";
        return Response.ok(Pages.shell(app.title, head, app.name), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private Response notForYourRole() {
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.plain("このアプリはご利用いただけません — Not for your role",
                        "このページはあなたのロールでは使えません。", "This app is not for your role.",
                        "<a class=\"button\" href=\"/logout\">サインアウト / Sign out</a>"))
                .build();
    }
}
