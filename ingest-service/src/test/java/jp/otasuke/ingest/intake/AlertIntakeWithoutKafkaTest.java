package jp.otasuke.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.otasuke.infra.testing.RealInfrastructure;

/** With no Kafka to acknowledge them, alerts are refused with 503 and Retry-After: nothing is half-accepted. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "ingest"), @ResourceArg(name = "kafka", value = "unreachable")})
class AlertIntakeWithoutKafkaTest {

    // health and metrics live on the management interface, not on the API port
    @TestHTTPResource(value = "/health/ready", management = true) // under the management root, /q
    URL readiness;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Test
    void alertsAreRefusedWith503AndRetryAfterWhileKafkaIsDown() {
        SensorFixture sensor = SensorFixture.create(realm, "NETWORK", null);

        given().header("X-Sensor-Key", sensor.apiKey()).contentType(ContentType.JSON)
                .body(AlertIntakeTest.MALWARE.formatted("while-kafka-down"))
                .when().post("/api/v1/alerts")
                .then().statusCode(503).header("Retry-After", "5")
                .contentType("application/problem+json").body("status", equalTo(503));
    }

    @Test
    void readinessSaysKafkaIsDown() {
        given().when().get(readiness).then().statusCode(503).body("status", equalTo("DOWN"));
    }
}
