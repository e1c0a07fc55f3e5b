package jp.otasuke.infra.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.otasuke.infra.postgres.PostgresServer;

/**
 * Quarkus test resource: points a service at real Kafka, PostgreSQL and Keycloak servers started by
 * {@link TestServers} (no Docker, no in-memory stand-ins). Arguments: {@code database} (the service's
 * database name, recreated empty for each test run), {@code keycloak} ("false" to leave it out), {@code mail} ("true": the mailer at the mail server), {@code kafka} and
 * {@code keycloakAdmin} ("unreachable" to point the service at a closed port).
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "app";
    private boolean keycloak = true;
    private boolean kafkaUnreachable;
    private boolean keycloakAdminUnreachable;
    private boolean mail;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        keycloak = !"false".equals(initArgs.get("keycloak"));
        kafkaUnreachable = "unreachable".equals(initArgs.get("kafka"));
        keycloakAdminUnreachable = "unreachable".equals(initArgs.get("keycloakAdmin"));
        mail = "true".equals(initArgs.get("mail"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafkaUnreachable
                ? "127.0.0.1:" + jp.otasuke.infra.process.FreePorts.find()
                : TestServers.kafka().bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", TestServers.freshDatabase(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        if (keycloak) {
            config.put("quarkus.oidc.auth-server-url", TestServers.keycloak().realmUrl());
            // tokens still come from the real Keycloak; only the admin API (user provisioning) can be made unreachable
            config.put("quarkus.keycloak.admin-client.server-url", keycloakAdminUnreachable
                    ? "http://127.0.0.1:" + jp.otasuke.infra.process.FreePorts.find()
                    : TestServers.keycloak().url());
        }
        if (mail) {
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", Integer.toString(TestServers.mail().smtpPort()));
        }
        return config;
    }

    @Override
    public void stop() {
        // The servers are shared by every test class of this JVM and stop when it exits (TestServers).
    }
}
