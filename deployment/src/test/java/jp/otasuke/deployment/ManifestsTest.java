package jp.otasuke.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import jp.otasuke.common.kafka.PlatformTopics;
import jp.otasuke.infra.platform.PackagedService;

/**
 * infra/k8s as a cluster with today's operators would take it, checked without one: every resource against its
 * schema, and the mistakes that a schema cannot see but a production cluster would pay for.
 */
class ManifestsTest {

    /** What a JVM uses beside heap, metaspace, code cache and direct buffers: threads, GC, symbols, malloc (NMT, ingest run5). */
    private static final long JVM_OTHER_MIB = 100;
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|_KEY)$");
    private static final Set<String> AUTOSCALED = Set.of("ingest-service", "triage-service", "dispatch-service",
            "insurance-service", "notify-service", "web");

    private static List<JsonNode> resources;

    @BeforeAll
    static void build() {
        // the generated manifests are part of the build: when asked to, write them before building
        Generated.drift(Generated.TOPICS, Generated.topics());
        Generated.drift(Generated.REALM_IMPORT, Generated.realmImport());
        resources = Manifests.built();
    }

    @Test
    void everyResourceIsValidForKubernetesAndItsOperator() {
        List<String> problems = new ArrayList<>();
        for (JsonNode resource : resources) {
            String problem = problem(resource);
            if (problem != null && !problem.isEmpty()) {
                problems.add(Manifests.name(resource) + ": " + problem);
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(resources.size() > 60, "the whole platform was built: " + resources.size());
    }

    @Test
    void aWrongResourceIsRefused() {
        JsonNode misspelt = Manifests.documents("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: triage-service}
                spec:
                  selector: {matchLabels: {app: triage}}
                  template:
                    metadata: {labels: {app: triage}}
                    spec:
                      containers:
                        - name: triage
                          image: triage:1
                          livenesProbe: {httpGet: {path: /q/health/live, port: 9000}}
                """).get(0);
        JsonNode oldStrimzi = Manifests.documents("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: otasuke.alerts.v1}
                spec: {partitions: 12, replicas: 3}
                """).get(0);
        JsonNode unknownField = Manifests.documents("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: otasuke.alerts.v1}
                spec: {partitions: 12, replicas: 3, retention: 7d}
                """).get(0);
        JsonNode noWildcardDatabase = Manifests.documents("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Database
                metadata: {name: triage}
                spec: {name: triage, cluster: {name: otasuke-pg}}
                """).get(0);

        assertTrue(problem(misspelt).contains("livenesProbe"), problem(misspelt));
        assertTrue(problem(oldStrimzi).contains("serves no kafka.strimzi.io/v1beta2 KafkaTopic"), problem(oldStrimzi));
        assertTrue(problem(unknownField).contains("retention"), problem(unknownField));
        assertTrue(problem(noWildcardDatabase).contains("owner"), problem(noWildcardDatabase));
    }

    @Test
    void everyTopicTheCodeUsesIsDeclaredWithItsRetention() {
        assertNull(Generated.drift(Generated.TOPICS, Generated.topics()));
        Set<String> declared = ofKind("KafkaTopic").stream().map(t -> t.at("/metadata/name").asText()).collect(Collectors.toSet());
        for (PlatformTopics.Topic topic : PlatformTopics.all()) {
            assertTrue(declared.contains(topic.name()), topic.name());
            JsonNode config = ofKind("KafkaTopic").stream().filter(t -> t.at("/metadata/name").asText().equals(topic.name()))
                    .findFirst().orElseThrow().at("/spec/config");
            assertTrue(config.has("retention.ms") || "compact".equals(config.path("cleanup.policy").asText()),
                    topic.name() + " keeps its records for a stated time");
        }
        assertEquals(24, declared.size(), "8 streams and 16 dead-letter topics");
    }

    @Test
    void theRealmImportIsTheRealmMadeFitForProduction() {
        assertNull(Generated.drift(Generated.REALM_IMPORT, Generated.realmImport()));
        JsonNode realm = ofKind("KeycloakRealmImport").get(0).at("/spec/realm");
        assertEquals("external", realm.path("sslRequired").asText());
        assertEquals(Set.copyOf(Generated.PLATFORM_CLIENTS), names(realm.path("clients"), "clientId"));
        realm.path("users").forEach(user -> assertTrue(user.has("serviceAccountClientId"), "no person: " + user));
        String text = realm.toString();
        assertTrue(!text.contains("localhost") && !text.contains("127.0.0.1"), "no development address");
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                assertEquals("${" + Generated.placeholder(client.path("clientId").asText()) + "}", client.path("secret").asText());
            }
        }
    }

    @Test
    void noSecretIsShippedAndEachServiceGetsOnlyItsOwn() {
        assertEquals(List.of(), ofKind("Secret").stream().map(Manifests::name).toList(), "Secrets are provided, not shipped");
        assertTrue(resources.stream().noneMatch(r -> r.toString().toLowerCase().contains("change-me")), "no change-me value");
        for (JsonNode deployment : ofKind("Deployment")) {
            String service = deployment.at("/metadata/name").asText();
            for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                assertTrue(StreamSupport.stream(container.path("envFrom").spliterator(), false).noneMatch(e -> e.has("secretRef")),
                        service + " takes named keys, not a whole Secret");
                for (JsonNode env : container.path("env")) {
                    String name = env.path("name").asText();
                    // a secret comes from a Secret: by key, or as a file of a mounted one (the syslog TLS key)
                    assertTrue(!SECRET_NAME.matcher(name).matches() || env.has("valueFrom")
                            || env.path("value").asText().startsWith("/etc/otasuke/"), service + ": " + name + " comes from a Secret");
                    String secret = env.at("/valueFrom/secretKeyRef/name").asText();
                    assertTrue(secret.isEmpty() || !secret.startsWith("otasuke-db-") || secret.equals("otasuke-db-"
                            + service.replace("-service", "")), service + " reads only its own database's credentials: " + secret);
                }
            }
        }
    }

    @Test
    void everyContainerHasLimitsProbesAndTheRestrictedProfile() {
        for (JsonNode deployment : ofKind("Deployment")) {
            JsonNode pod = deployment.at("/spec/template/spec");
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), Manifests.name(deployment));
            assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText(), Manifests.name(deployment));
            for (JsonNode container : pod.path("containers")) {
                String name = Manifests.name(deployment) + " " + container.path("name").asText();
                assertTrue(container.at("/resources/limits/memory").isTextual(), name + " memory limit");
                assertTrue(container.at("/resources/requests/cpu").isTextual(), name + " cpu request");
                assertTrue(container.has("readinessProbe") && container.has("livenessProbe") && container.has("startupProbe"), name + " probes");
                assertEquals(false, container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), name);
                assertEquals("[\"ALL\"]", container.at("/securityContext/capabilities/drop").toString(), name);
                assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), name);
            }
        }
    }

    @Test
    void everyJvmFitsItsLimitWithTheHeapTheLauncherUses() {
        List<PackagedService> services = new ArrayList<>(PackagedService.ALL);
        services.add(PackagedService.WEB);
        for (PackagedService service : services) {
            JsonNode container = ofKind("Deployment").stream().filter(d -> d.at("/metadata/name").asText().equals(service.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("no Deployment for " + service.name()))
                    .at("/spec/template/spec/containers/0");
            String options = StreamSupport.stream(container.path("env").spliterator(), false)
                    .filter(e -> e.path("name").asText().equals("JAVA_OPTS")).findFirst().orElseThrow().path("value").asText();
            assertEquals(mib(service.defaultHeap()), mib(option(options, "-Xmx")), service.name() + ": the launcher's heap");
            for (String cap : PackagedService.NATIVE_MEMORY_CAPS) {
                assertTrue(options.contains(cap), service.name() + ": the launcher's " + cap);
            }
            long configured = mib(option(options, "-Xmx")) + mib(option(options, "-XX:MaxMetaspaceSize="))
                    + mib(option(options, "-XX:ReservedCodeCacheSize=")) + mib(option(options, "-XX:MaxDirectMemorySize=")) + JVM_OTHER_MIB;
            long limit = mib(container.at("/resources/limits/memory").asText());
            assertTrue(configured <= limit, service.name() + ": the JVM may take " + configured + " MiB in a " + limit + " MiB limit");
        }
    }

    @Test
    void anAutoscaledDeploymentLeavesItsReplicasToTheAutoscaler() {
        Set<String> scaled = new java.util.HashSet<>();
        ofKind("HorizontalPodAutoscaler").forEach(h -> scaled.add(h.at("/spec/scaleTargetRef/name").asText()));
        ofKind("ScaledObject").forEach(s -> scaled.add(s.at("/spec/scaleTargetRef/name").asText()));
        assertEquals(AUTOSCALED, scaled);
        for (JsonNode deployment : ofKind("Deployment")) {
            assertTrue(!deployment.at("/spec").has("replicas"), Manifests.name(deployment) + " sets replicas an autoscaler owns");
        }
        for (JsonNode scaler : ofKind("ScaledObject")) {
            for (JsonNode trigger : scaler.at("/spec/triggers")) {
                assertTrue(trigger.at("/metadata/bootstrapServers").asText().contains(".otasuke.svc:"),
                        "KEDA runs in its own namespace: Kafka by its full name");
            }
        }
    }

    private static String problem(JsonNode resource) {
        if (KubernetesSchemas.knows(resource)) {
            return KubernetesSchemas.problem(resource);
        }
        if (OperatorSchemas.knows(resource) || OperatorSchemas.servesGroup(resource)) {
            return OperatorSchemas.problems(resource);
        }
        return "no schema for " + resource.path("apiVersion").asText() + " " + resource.path("kind").asText();
    }

    private static List<JsonNode> ofKind(String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static Set<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).collect(Collectors.toSet());
    }

    private static String option(String options, String prefix) {
        Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(prefix) + "(\\S+)").matcher(options);
        if (!m.find()) {
            throw new AssertionError("JAVA_OPTS without " + prefix + ": " + options);
        }
        return m.group(1);
    }

    /** 256m, 768Mi, 1Gi, 1g → MiB. */
    private static long mib(String size) {
        Matcher m = Pattern.compile("(\\d+)(m|M|Mi|g|G|Gi)").matcher(size);
        if (!m.matches()) {
            throw new AssertionError("not a size: " + size);
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).toLowerCase().startsWith("g") ? n * 1024 : n;
    }
}
