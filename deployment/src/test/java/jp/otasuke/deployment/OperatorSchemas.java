package jp.otasuke.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * The operators' kinds (Strimzi, CloudNativePG, Keycloak, KEDA, the Prometheus operator), checked against the
 * {@code openAPIV3Schema} of the CRD each operator installs (copied under {@code schemas/crds}, see PROVENANCE.md).
 * An API server drops a field its schema does not know; here it is refused, as {@code kubectl apply
 * --validate=strict} would: every object with declared properties is closed unless it says it keeps unknown fields.
 */
final class OperatorSchemas {

    private static final List<String> CRDS = List.of("040-Crd-kafka.yaml", "043-Crd-kafkatopic.yaml", "045-Crd-kafkanodepool.yaml",
            "clusters.yaml", "databases.yaml", "poolers.yaml", "scheduledbackups.yaml", "keycloaks.k8s.keycloak.org-v1.yml",
            "keycloakrealmimports.k8s.keycloak.org-v1.yml", "keda.sh_scaledobjects.yaml",
            "monitoring.coreos.com_servicemonitors.yaml", "monitoring.coreos.com_podmonitors.yaml",
            "monitoring.coreos.com_prometheusrules.yaml");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    /** "group/version Kind" → its schema. */
    private static final Map<String, JsonSchema> SCHEMAS = load();

    private OperatorSchemas() {
    }

    private static Map<String, JsonSchema> load() {
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (String file : CRDS) {
            try (InputStream in = OperatorSchemas.class.getResourceAsStream("/schemas/crds/" + file)) {
                JsonNode crd = Manifests.documents(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(0);
                String group = crd.at("/spec/group").asText();
                String kind = crd.at("/spec/names/kind").asText();
                for (JsonNode version : crd.at("/spec/versions")) {
                    if (version.path("served").asBoolean()) {
                        ObjectNode schema = version.at("/schema/openAPIV3Schema").deepCopy();
                        // every object has these, whether or not its CRD's schema names them (Keycloak's does not)
                        ObjectNode properties = schema.with("properties");
                        properties.putIfAbsent("apiVersion", Manifests.JSON.createObjectNode().put("type", "string"));
                        properties.putIfAbsent("kind", Manifests.JSON.createObjectNode().put("type", "string"));
                        properties.putIfAbsent("metadata", Manifests.JSON.createObjectNode().put("type", "object"));
                        closed(schema);
                        schemas.put(group + "/" + version.path("name").asText() + " " + kind, FACTORY.getSchema(schema));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(field -> closed(field.getValue()));
        } else if (schema != null && schema.isArray()) {
            schema.forEach(OperatorSchemas::closed);
        }
        return schema;
    }

    static boolean knows(JsonNode resource) {
        return SCHEMAS.containsKey(key(resource));
    }

    static boolean servesGroup(JsonNode resource) {
        String group = resource.path("apiVersion").asText().split("/")[0];
        return SCHEMAS.keySet().stream().anyMatch(key -> key.startsWith(group + "/"));
    }

    /** What is wrong with a resource of an operator's kind, or an empty string. */
    static String problems(JsonNode resource) {
        JsonSchema schema = SCHEMAS.get(key(resource));
        if (schema == null) {
            return "the operator serves no " + key(resource) + " (served: " + SCHEMAS.keySet().stream().sorted()
                    .filter(k -> k.startsWith(resource.path("apiVersion").asText().split("/")[0])).toList() + ")";
        }
        return schema.validate(resource).stream().map(Object::toString).sorted().collect(Collectors.joining("; "));
    }

    private static String key(JsonNode resource) {
        return resource.path("apiVersion").asText() + " " + resource.path("kind").asText();
    }
}
