package jp.otasuke.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** infra/compose/compose.yaml against the compose specification's schema, and what a schema cannot see. */
class ComposeTest {

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws IOException {
        JsonNode compose = Manifests.file(Manifests.COMPOSE).get(0);

        assertEquals(Set.of(), schema().validate(compose));
    }

    @Test
    void aWrongComposeFileIsRefused() throws IOException {
        JsonNode wrong = Manifests.documents("""
                services:
                  triage-service:
                    image: otasuke/triage-service
                    healthcheck: {test: ["CMD", "true"], intervall: 10s}
                """).get(0);

        assertFalse(schema().validate(wrong).isEmpty());
    }

    @Test
    void everyServiceBecomesHealthyTheWayItsImageCan() throws IOException {
        JsonNode services = Manifests.file(Manifests.COMPOSE).get(0).path("services");
        for (String name : List.of("ingest-service", "triage-service", "dispatch-service", "insurance-service", "notify-service", "web")) {
            JsonNode test = services.path(name).at("/healthcheck/test");
            // /dev/tcp exists in bash only; CMD-SHELL runs sh, which is dash in the image
            assertTrue(!test.toString().contains("/dev/tcp") || test.get(0).asText().equals("CMD") && test.get(1).asText().equals("bash"),
                    name + ": " + test);
        }
        assertTrue(services.at("/kafka/environment/KAFKA_LOG_DIRS").asText().startsWith("/var/lib/kafka/data"), "Kafka's data on its volume");
        assertFalse(Files.readString(Manifests.COMPOSE).contains("start-dev"), "Keycloak started for production, on PostgreSQL");
        assertFalse(Files.readString(Manifests.COMPOSE).toLowerCase().contains(":-change-me"), "no default secret");
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = ComposeTest.class.getResourceAsStream("/schemas/compose-spec.json")) {
            ObjectNode spec = (ObjectNode) Manifests.JSON.readTree(in);
            spec.remove("$id"); // a relative id ("compose_spec.json") the validator will not take as the schema's base
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(spec);
        }
    }
}
