package jp.otasuke.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.otasuke.common.kafka.PlatformTopics;

/**
 * The two manifests written from a source of truth elsewhere in the project: the KafkaTopics from common's
 * {@link PlatformTopics} and the realm import from {@code infra/keycloak/otasuke-realm.json} made fit for production.
 * {@code ./mvnw -pl deployment test -Dmanifests.write=true} rewrites them; without it, a difference fails the build.
 */
final class Generated {

    static final Path TOPICS = Manifests.K8S.resolve("kafka-topics.yaml");
    static final Path REALM_IMPORT = Manifests.K8S.resolve("keycloak-realm-import.yaml");
    static final Path REALM = Manifests.ROOT.resolve("infra/keycloak/otasuke-realm.json");

    /** The platform's own clients; insurers' clients are made per contract, never shipped with development secrets. */
    static final List<String> PLATFORM_CLIENTS = List.of("otasuke-portal", "otasuke-web", "otasuke-provisioner");
    /** Each confidential client's secret: a placeholder the operator fills from a Secret the platform's operator provides. */
    static final Map<String, String> CLIENT_SECRETS = Map.of(
            "otasuke-web", "web-oidc/client-secret",
            "otasuke-provisioner", "otasuke-provisioner/secret");
    static final String APPS = "https://app.otasuke.example";

    private static final String WRITE_HINT = "; run ./mvnw -pl deployment test -Dmanifests.write=true and commit the result";

    private Generated() {
    }

    static String topics() {
        StringBuilder yaml = new StringBuilder("""
                # Generated from common's PlatformTopics (the one list of topics in code) by the deployment module: do not
                # edit here. Change the list, then ./mvnw -pl deployment test -Dmanifests.write=true.
                # Partitions bound how many instances of a consumer group work in parallel; three replicas, two in sync.
                """);
        for (PlatformTopics.Topic topic : PlatformTopics.all()) {
            String config = topic.config().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
                    .collect(Collectors.joining(", "));
            yaml.append("---\n# ").append(topic.why()).append('\n')
                    .append("apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\n")
                    .append("metadata: {name: ").append(topic.name()).append(", namespace: otasuke, labels: {strimzi.io/cluster: otasuke}}\n")
                    .append("spec: {partitions: ").append(topic.partitions()).append(", replicas: 3, config: {").append(config).append("}}\n");
        }
        return yaml.toString();
    }

    static String realmImport() {
        ObjectNode realm = (ObjectNode) read(REALM);
        realm.put("sslRequired", "external");
        ArrayNode clients = realm.putArray("clients");
        for (JsonNode client : read(REALM).path("clients")) {
            String id = client.path("clientId").asText();
            if (!PLATFORM_CLIENTS.contains(id)) {
                continue;
            }
            ObjectNode kept = client.deepCopy();
            if (kept.has("secret")) {
                kept.put("secret", "${" + placeholder(id) + "}");
            }
            if (kept.has("redirectUris")) {
                Set<String> uris = new LinkedHashSet<>();
                kept.path("redirectUris").forEach(uri -> uris.add(uri.asText().matches("http://(localhost|127\\.0\\.0\\.1):\\*")
                        ? APPS + "/*" : uri.asText()));
                ArrayNode redirects = kept.putArray("redirectUris");
                uris.forEach(redirects::add);
            }
            clients.add(kept);
        }
        ArrayNode users = realm.putArray("users");
        // people are onboarded through the apps; only the platform's own clients' service accounts are part of the realm
        read(REALM).path("users").forEach(user -> {
            if (PLATFORM_CLIENTS.contains(user.path("serviceAccountClientId").asText())) {
                users.add(user);
            }
        });
        StringBuilder yaml = new StringBuilder("""
                # Generated from ../keycloak/otasuke-realm.json by the deployment module (ManifestsTest): do not edit here.
                # The development realm made fit for production: sslRequired external, no development users or insurers,
                # the apps' address instead of localhost, client secrets from Secrets the platform's operator provides.
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: otasuke-realm, namespace: otasuke}
                spec:
                  keycloakCRName: otasuke-keycloak
                  placeholders:
                """);
        CLIENT_SECRETS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(secret -> {
            String[] ref = secret.getValue().split("/");
            yaml.append("    ").append(placeholder(secret.getKey())).append(": {secret: {name: ").append(ref[0])
                    .append(", key: ").append(ref[1]).append("}}\n");
        });
        yaml.append("  realm:\n");
        try {
            // JSON is YAML: the realm document indented under spec.realm
            String json = Manifests.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
            json.lines().forEach(line -> yaml.append("    ").append(line).append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return yaml.toString();
    }

    static String placeholder(String clientId) {
        return clientId.toUpperCase().replace('-', '_') + "_CLIENT_SECRET";
    }

    /** Compares the committed file with what it should be; rewrites it when asked to. Returns the difference, if any. */
    static String drift(Path file, String expected) {
        try {
            String actual = Files.exists(file) ? Files.readString(file) : "";
            if (actual.equals(expected)) {
                return null;
            }
            if (Boolean.getBoolean("manifests.write")) {
                Files.writeString(file, expected);
                return null;
            }
            return Manifests.ROOT.relativize(file) + " is not what its source says it should be" + WRITE_HINT;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path path) {
        try {
            return Manifests.JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
