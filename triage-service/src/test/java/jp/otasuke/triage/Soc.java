package jp.otasuke.triage;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.Tokens;

/** Someone at the triage API with a real Keycloak token: a SOC operator ({@code soc-1}) or an SME user. */
public final class Soc {

    private final String token;

    private Soc(String token) {
        this.token = token;
    }

    /** A person of the dev realm or a test user; the password is the username. */
    public static Soc as(String username) {
        return new Soc(Tokens.forUser(TestServers.keycloak().realmUrl(), username));
    }

    public RequestSpecification request() {
        return given().auth().oauth2(token);
    }

    public ValidatableResponse get(String path, Object... params) {
        return request().when().get(path, params).then();
    }

    public ValidatableResponse step(UUID incident, String step) {
        return request().when().post("/api/v1/incidents/{id}/" + step, incident).then();
    }

    public ValidatableResponse step(UUID incident, String step, Map<String, ?> body) {
        return request().contentType("application/json").body(body).when().post("/api/v1/incidents/{id}/" + step, incident).then();
    }

    public ValidatableResponse acknowledge(UUID incident) {
        return step(incident, "acknowledge");
    }

    public ValidatableResponse resolve(UUID incident) {
        return step(incident, "resolve", Map.of("resolution", "REMOTE_REMEDIATION", "summary", "Cleaned remotely"));
    }

    public ValidatableResponse requestOnsite(UUID incident) {
        return step(incident, "onsite-requests", Map.of("reason", "Machine must be isolated on site", "urgency", "IMMEDIATE"));
    }
}
