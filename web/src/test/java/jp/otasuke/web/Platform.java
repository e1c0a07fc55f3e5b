package jp.otasuke.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.otasuke.infra.platform.PackagedService;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.Tokens;

/** The world a browser test needs, made through the services' public API as an administrator and a sensor would. */
final class Platform {

    static final String SME_PASSWORD = "correct-horse-battery";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Sme(String tenantId, String name, String username, String sensorKey) {
    }

    private Platform() {
    }

    /** An SME onboarded by ops-admin, with an HTTP sensor. */
    static Sme onboardSme() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String admin = Tokens.forUser(TestServers.keycloak().realmUrl(), "ops-admin");
        String name = "大阪精密工業 " + unique;
        JsonNode tenant = call("POST", PackagedService.INGEST, "/api/v1/tenants", admin, Map.of("name", name,
                "industry", "精密加工", "contactEmail", "it-" + unique + "@osaka-seimitsu.example", "contactPhone", "06-6123-4567",
                "site", Map.of("postalCode", "530-0001", "prefecture", "大阪府", "address", "大阪市北区梅田1-1-1",
                        "latitude", 34.7025, "longitude", 135.4959),
                "plan", Map.of("type", "COMBINED", "endpointCount", 5, "monthlyFeeYen", 19_800),
                "admin", Map.of("email", "owner-" + unique + "@osaka-seimitsu.example", "name", "田中 一郎",
                        "initialPassword", SME_PASSWORD)), Map.of(), 201);
        String tenantId = tenant.get("id").asText();
        JsonNode sensor = call("POST", PackagedService.INGEST, "/api/v1/tenants/" + tenantId + "/sensors", admin,
                Map.of("kind", "NETWORK", "name", "Suricata"), Map.of(), 201);
        return new Sme(tenantId, name, tenant.get("adminUsername").asText(), sensor.get("apiKey").asText());
    }

    /** A field engineer onboarded by ops-admin; signs in with the e-mail and {@link #SME_PASSWORD}. */
    static String onboardEngineer() {
        String email = "eng-" + UUID.randomUUID().toString().substring(0, 6) + "@otasuke.example";
        call("POST", PackagedService.DISPATCH, "/api/v1/engineers", Tokens.forUser(TestServers.keycloak().realmUrl(), "ops-admin"),
                Map.of("name", "佐藤 健二", "email", email, "homeBase", Map.of("latitude", 34.6937, "longitude", 135.5023),
                        "skills", java.util.List.of("endpoint", "network"),
                        "shift", Map.of("days", java.util.List.of("MON", "TUE", "WED", "THU", "FRI"), "start", "09:00", "end", "18:00"),
                        "initialPassword", SME_PASSWORD), Map.of(), 201);
        return email;
    }

    /** One alert from the SME's sensor, as the sensor posts it. */
    static void alert(Sme sme, String host, String category, String severity, String title) {
        String ref = UUID.randomUUID().toString();
        call("POST", PackagedService.INGEST, "/api/v1/alerts", null, Map.of("sourceRef", ref,
                "observedAt", java.time.Instant.now().toString(), "category", category, "severity", severity, "title", title,
                "host", host, "details", Map.of("mitre", "T1486")), Map.of("X-Sensor-Key", sme.sensorKey()), 202);
    }

    static JsonNode call(String method, PackagedService service, String path, String token, Object body,
            Map<String, String> headers, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(WebPlatform.url(service) + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != expected) {
                throw new AssertionError(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
