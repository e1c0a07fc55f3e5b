package jp.otasuke.infra.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real access tokens from the real Keycloak, as the portals and the insurers' systems get them. */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.concurrent.ConcurrentMap<String, Object> SIGN_INS = new java.util.concurrent.ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A person's token through the dev realm's public portal client (password = username in the dev realm). */
    public static String forUser(String realmUrl, String username) {
        return forUser(realmUrl, username, username);
    }

    public static String forUser(String realmUrl, String username, String password) {
        // one sign-in of a person at a time: Keycloak, its brute-force guard on, answers concurrent sign-ins of one user
        // "Invalid user credentials" (seen with eight at once in the time-to-help benchmark)
        synchronized (SIGN_INS.computeIfAbsent(realmUrl + " " + username, key -> new Object())) {
            return token(realmUrl, Map.of("grant_type", "password", "client_id", "otasuke-portal",
                    "username", username, "password", password, "scope", "openid"));
        }
    }

    /** A system's token through the client-credentials grant (e.g. insurer-a / insurer-a-secret). */
    public static String forClient(String realmUrl, String clientId, String secret) {
        return token(realmUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private static String token(String realmUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): "
                        + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer at " + realmUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
