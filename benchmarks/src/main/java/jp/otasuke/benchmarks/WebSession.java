package jp.otasuke.benchmarks;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to web the way a browser does it: web sends the client to Keycloak's page, the form is posted
 * there, Keycloak sends the code back to web, which sets its session cookie. The client keeps the cookies.
 */
final class WebSession {

    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    final HttpClient http;
    final String base;

    private WebSession(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    static WebSession signIn(String base, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalCookies())
                .followRedirects(HttpClient.Redirect.ALWAYS).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/session")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher form = FORM.matcher(login.body());
        if (!form.find()) {
            throw new IllegalStateException("No Keycloak sign-in form at " + login.uri());
        }
        String action = form.group(1).replace("&amp;", "&");
        String fields = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(fields))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (session.statusCode() != 200 || !session.body().contains("csrfToken")) {
            throw new IllegalStateException("Sign-in did not end at /session: " + session.statusCode() + " " + session.uri());
        }
        return new WebSession(http, base);
    }

    /**
     * Cookies of this machine's web and Keycloak, kept as a browser keeps them for {@code localhost}: Keycloak
     * marks its cookies Secure, which a browser honours on localhost (a secure context) but Java's CookieManager
     * would never send over http.
     */
    private static final class LocalCookies extends CookieHandler {
        private final Map<String, HttpCookie> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            List<String> matching = cookies.values().stream()
                    .filter(c -> !c.hasExpired() && path.startsWith(c.getPath() == null ? "/" : c.getPath()))
                    .map(c -> c.getName() + "=" + c.getValue()).toList();
            return matching.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", matching)));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            headers.forEach((name, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(name)) {
                    for (String value : values) {
                        for (HttpCookie cookie : HttpCookie.parse(value)) {
                            if (cookie.getMaxAge() == 0) {
                                cookies.remove(cookie.getName());
                            } else {
                                cookies.put(cookie.getName(), cookie);
                            }
                        }
                    }
                }
            });
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Requested-With", "JavaScript");
    }
}
