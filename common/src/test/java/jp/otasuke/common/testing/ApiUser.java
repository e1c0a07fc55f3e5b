package jp.otasuke.common.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.Tokens;

/** Someone at a service's API with a real token from the test Keycloak (password = username unless given). */
public record ApiUser(String token) {

    public static ApiUser as(String username) {
        return new ApiUser(Tokens.forUser(TestServers.keycloak().realmUrl(), username));
    }

    public static ApiUser as(String username, String password) {
        return new ApiUser(Tokens.forUser(TestServers.keycloak().realmUrl(), username, password));
    }

    public static ApiUser client(String clientId, String secret) {
        return new ApiUser(Tokens.forClient(TestServers.keycloak().realmUrl(), clientId, secret));
    }

    public RequestSpecification request() {
        return given().auth().oauth2(token);
    }

    public RequestSpecification json(Object body) {
        return request().contentType("application/json").body(body);
    }

    /** Reads what a 201's {@code Location} names (its path on the service under test: the public URL's host is not here). */
    public ValidatableResponse follow(String location) {
        return request().when().get(java.net.URI.create(location).getPath()).then();
    }
}
