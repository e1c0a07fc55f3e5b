package jp.otasuke.web.apps;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
        return person.home().map(home -> Response.seeOther(URI.create(home)).build()).orElseGet(this::notForYourRole);
    }

    @GET
    @Path("soc")
    public Response socWithoutSlash() {
        return Response.seeOther(URI.create("/soc/")).build();
    }

    @GET
    @Path("soc/")
    @Produces(MediaType.TEXT_HTML)
    public Response soc() {
        return person.has(Person.SOC_OPERATOR) ? shell("soc", "Otasuke SOC — SOCコンソール") : notForYourRole();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public String signedOut() {
        return Pages.plain("サインアウトしました — Signed out", "サインアウトしました。", "You are signed out.",
                "<a class=\"button\" href=\"/\">もう一度サインイン / Sign in again</a>");
    }

    private Response shell(String app, String title) {
        String html = """
                <!doctype html>
                <html lang="ja">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="%s">
                <script type="module" src="%s"></script>
                </head>
                <body>
                <otasuke-app app="%s"></otasuke-app>
                <noscript>JavaScript を有効にしてください / Please enable JavaScript.</noscript>
                </body>
                </html>
                """.formatted(title, bundle.style("app"), bundle.script("app"), app);
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private Response notForYourRole() {
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.plain("このアプリはご利用いただけません — Not for your role",
                        "このページはあなたのロールでは使えません。", "This app is not for your role.",
                        "<a class=\"button\" href=\"/logout\">サインアウト / Sign out</a>"))
                .build();
    }
}
