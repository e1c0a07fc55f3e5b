package jp.otasuke.infra.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.otasuke.infra.keycloak.KeycloakServer;

/**
 * People for tests of services that do not onboard them themselves (an SME user for triage's SME view, a
 * field engineer for dispatch): created in the real Keycloak through its admin REST API, with the same
 * provisioning client the services use, so their tokens carry the same claims as in production.
 */
public final class TestUsers {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestUsers() {
    }

    /** An sme-user of the tenant; the password is the username. */
    public static String smeUser(KeycloakServer keycloak, UUID tenantId) {
        return create(keycloak, "sme-" + UUID.randomUUID().toString().substring(0, 8), "sme-user",
                Map.of("tenant_id", List.of(tenantId.toString())));
    }

    /** A field-engineer with the engineer id claim; the password is the username. */
    public static String fieldEngineer(KeycloakServer keycloak, UUID engineerId) {
        return create(keycloak, "eng-" + UUID.randomUUID().toString().substring(0, 8), "field-engineer",
                Map.of("engineer_id", List.of(engineerId.toString())));
    }

    private static String create(KeycloakServer keycloak, String username, String role, Map<String, List<String>> attributes) {
        String admin = keycloak.url() + "/admin/realms/" + KeycloakServer.REALM;
        String token = Tokens.forClient(keycloak.realmUrl(), "otasuke-provisioner", "otasuke-provisioner-secret");
        Map<String, Object> user = Map.of("username", username, "enabled", true, "email", username + "@example.jp",
                "emailVerified", true, "firstName", username, "lastName", "Test", "attributes", attributes,
                "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false)));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(admin + "/users")), token, "POST", user);
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Keycloak created no user: " + created.body()));
        String userId = location.substring(location.lastIndexOf('/') + 1);
        JsonNode roleRepresentation = read(send(HttpRequest.newBuilder(URI.create(admin + "/roles/" + role)), token, "GET", null));
        send(HttpRequest.newBuilder(URI.create(admin + "/users/" + userId + "/role-mappings/realm")), token, "POST",
                List.of(roleRepresentation));
        return username;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token, String method, Object body) {
        try {
            request.header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak admin API answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API answered no JSON: " + response.body(), e);
        }
    }
}
