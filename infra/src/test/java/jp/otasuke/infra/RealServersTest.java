package jp.otasuke.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.otasuke.infra.postgres.PostgresServer;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.Tokens;

/** The three real servers start, answer, and the dev realm hands out the tokens API.md promises. */
class RealServersTest {

    @Test
    void kafkaBrokerAcknowledgesAndDeliversRecordsAndSurvivesARestart() throws Exception {
        String bootstrap = TestServers.kafka().bootstrapServers();
        send(bootstrap, "before-restart");
        TestServers.kafka().stop();
        TestServers.kafka().start();
        send(bootstrap, "after-restart");

        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "infra-test");
        props.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("infra-test"));
            java.util.Set<String> seen = new java.util.HashSet<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (seen.size() < 2 && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> seen.add(r.value()));
            }
            assertEquals(java.util.Set.of("before-restart", "after-restart"), seen);
        }
    }

    @Test
    void postgresServesAFreshDatabasePerService() throws Exception {
        String url = TestServers.freshDatabase("infra_check");
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                ResultSet rs = c.createStatement().executeQuery("select current_database(), version()")) {
            rs.next();
            assertEquals("infra_check", rs.getString(1));
            assertTrue(rs.getString(2).startsWith("PostgreSQL 17"), rs.getString(2));
        }
    }

    @Test
    void devRealmIssuesTokensWithRolesAndInsurerClaims() throws Exception {
        String realm = TestServers.keycloak().realmUrl();

        JsonNode soc = claims(Tokens.forUser(realm, "soc-1"));
        assertTrue(roles(soc).contains("soc-operator"), soc.toString());
        assertEquals(realm, soc.get("iss").asText());

        JsonNode admin = claims(Tokens.forUser(realm, "ops-admin"));
        assertTrue(roles(admin).contains("platform-admin"), admin.toString());

        JsonNode insurerA = claims(Tokens.forClient(realm, "insurer-a", "insurer-a-secret"));
        assertTrue(roles(insurerA).contains("insurer"), insurerA.toString());
        assertEquals("INS-A", insurerA.get("insurer_id").asText());

        JsonNode insurerB = claims(Tokens.forClient(realm, "insurer-b", "insurer-b-secret"));
        assertEquals("INS-B", insurerB.get("insurer_id").asText());
    }

    @Test
    void keycloaksMasterAdministratorHasARandomPasswordKeptOwnerOnlyNotAdminAdmin() throws Exception {
        var keycloak = TestServers.keycloak();
        java.nio.file.Path file = keycloak.adminPasswordFile();
        String password = java.nio.file.Files.readString(file).strip();

        assertTrue(password.length() >= 20, "a generated password, not a word");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)));
        assertEquals(401, masterLogin(keycloak.url(), "admin", "admin"));
        assertEquals(200, masterLogin(keycloak.url(), "admin", password));
    }

    private static int masterLogin(String keycloak, String user, String password) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + user + "&password="
                + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void send(String bootstrap, String value) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("infra-test", "k", value)).get();
        }
    }

    private static JsonNode claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new java.util.ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }
}
