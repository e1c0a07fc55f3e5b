package jp.otasuke.ingest.intake;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import jp.otasuke.infra.testing.Tokens;

/** A freshly onboarded SME with one registered sensor, made through the real API. */
record SensorFixture(String tenantId, String sensorId, String apiKey) {

    static SensorFixture create(String realm, String kind, String sourceAddress) {
        String admin = Tokens.forUser(realm, "ops-admin");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String tenant = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                "name", "堺印刷 " + unique, "industry", "printing", "contactEmail", "it-" + unique + "@sakai.example",
                "site", Map.of("postalCode", "590-0078", "prefecture", "大阪府", "address", "堺市堺区南瓦町3-1",
                        "latitude", 34.5733, "longitude", 135.4828),
                "plan", Map.of("type", "NETWORK", "endpointCount", 0, "monthlyFeeYen", 9_800),
                "admin", Map.of("email", "admin-" + unique + "@sakai.example", "name", "佐藤 花子",
                        "initialPassword", "correct-horse-battery")))
                .when().post("/api/v1/tenants").then().statusCode(201).extract().path("id");
        Map<String, Object> sensor = sourceAddress == null ? Map.of("kind", kind, "name", "UTM " + unique)
                : Map.of("kind", kind, "name", "UTM " + unique, "sourceAddress", sourceAddress);
        var created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(sensor)
                .when().post("/api/v1/tenants/" + tenant + "/sensors").then().statusCode(201).extract();
        return new SensorFixture(tenant, created.path("id"), created.path("apiKey"));
    }
}
