package jp.otasuke.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The alerts and the dashboard read figures that exist: the platform's own (named in its code) or a known exporter's. */
class MonitoringTest {

    /** Figures from elsewhere: Quarkus' HTTP and JVM metrics, Strimzi's Kafka Exporter, the kubelet, kube-state-metrics. */
    private static final Set<String> EXPORTED_ELSEWHERE = Set.of("http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket", "jvm_memory_used_bytes", "kafka_consumergroup_lag",
            "container_memory_working_set_bytes", "kube_pod_container_resource_limits");
    private static final Pattern OUR_METRIC = Pattern.compile("(?:gauge|counter)\\(\"(otasuke\\.[a-z.]+)\"");
    private static final Pattern METRIC_IN_QUERY = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*(?:\\{|\\[)");

    @Test
    void everyFigureAnAlertOrTheDashboardReadsIsExposed() throws IOException {
        Set<String> exposed = new TreeSet<>(EXPORTED_ELSEWHERE);
        exposed.addAll(platformMetrics());
        List<String> queries = new ArrayList<>();
        for (JsonNode resource : Manifests.file(Manifests.K8S.resolve("monitoring.yaml"))) {
            resource.at("/spec/groups").forEach(group -> group.path("rules").forEach(rule -> queries.add(rule.path("expr").asText())));
        }
        JsonNode dashboard = Manifests.JSON.readTree(Manifests.K8S.resolve("dashboards/otasuke-platform.json").toFile());
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.path("expr").asText())));

        Set<String> unknown = new TreeSet<>();
        for (String query : queries) {
            Matcher m = METRIC_IN_QUERY.matcher(query);
            while (m.find()) {
                if (!exposed.contains(m.group(1))) {
                    unknown.add(m.group(1));
                }
            }
        }
        assertEquals(Set.of(), unknown, "read by an alert or a panel, exposed by nobody");
        assertTrue(queries.size() >= 20, "alerts and panels were read: " + queries.size());
    }

    /** Each name the services register, as Prometheus shows it (dots to underscores, counters with _total). */
    private static Set<String> platformMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Manifests.ROOT)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                Matcher m = OUR_METRIC.matcher(Files.readString(source));
                while (m.find()) {
                    String name = m.group(1).replace('.', '_');
                    names.add(m.group(0).startsWith("counter") ? name + "_total" : name);
                }
            }
        }
        return names;
    }
}
