package jp.otasuke.ingest.intake;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import jp.otasuke.infra.testing.Tokens;
import jp.otasuke.ingest.tenant.Tenants;

/** A freshly onboarded SME with one registered sensor, made through the real API. */
record SensorFixture(String tenantId, String sensorId, String apiKey) {

    static SensorFixture create(String realm, String kind, String sourceAddress) {
        String tenant = Tenants.onboard(realm).tenantId();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> sensor = sourceAddress == null ? Map.of("kind", kind, "name", "UTM " + unique)
                : Map.of("kind", kind, "name", "UTM " + unique, "sourceAddress", sourceAddress);
        var created = given().auth().oauth2(Tokens.forUser(realm, "ops-admin")).contentType(ContentType.JSON).body(sensor)
                .when().post("/api/v1/tenants/" + tenant + "/sensors").then().statusCode(201).extract();
        return new SensorFixture(tenant, created.path("id"), created.path("apiKey"));
    }
}
