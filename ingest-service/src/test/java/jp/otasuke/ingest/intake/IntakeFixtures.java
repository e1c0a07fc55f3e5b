package jp.otasuke.ingest.intake;

import static io.restassured.RestAssured.given;

import java.util.List;

import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.infra.testing.Tokens;

/** Fixtures shared by the intake tests of other packages (syslog). */
public final class IntakeFixtures {

    /** A registered sensor: its tenant, id and key. */
    public record Sensor(String tenantId, String sensorId, String apiKey) {
    }

    private IntakeFixtures() {
    }

    /**
     * A new SME whose network sensor sends syslog from {@code address}; an earlier sensor at the same address
     * is revoked first (one active sensor per sender).
     */
    public static Sensor sensorAt(String realm, String address) {
        jp.otasuke.ingest.sensor.Sensor existing = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> jp.otasuke.ingest.sensor.Sensor.bySourceAddress(address).orElse(null));
        if (existing != null) {
            given().auth().oauth2(Tokens.forUser(realm, "ops-admin"))
                    .when().delete("/api/v1/tenants/" + existing.tenantId + "/sensors/" + existing.id).then().statusCode(204);
        }
        SensorFixture created = SensorFixture.create(realm, "NETWORK", address);
        return new Sensor(created.tenantId(), created.sensorId(), created.apiKey());
    }

    /** A new SME whose network sensor is known by its key only (no source address: behind NAT or a relay). */
    public static Sensor sensorByKey(String realm) {
        SensorFixture created = SensorFixture.create(realm, "NETWORK", null);
        return new Sensor(created.tenantId(), created.sensorId(), created.apiKey());
    }

    public static List<AlertReceived> published(String bootstrap, String tenantId, int expected) {
        return AlertsTopic.read(bootstrap, tenantId, expected);
    }
}
