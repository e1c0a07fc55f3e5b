package jp.otasuke.deployment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonParser;

/**
 * Kubernetes' own kinds, checked by the official Java client's models ({@code io.kubernetes:client-java-api}): each
 * model's {@code validateJsonElement} refuses a field the API does not have, a missing required field and a wrong
 * type, all the way down (a misspelt {@code livenessProbe} or {@code containerPort} is found).
 */
final class KubernetesSchemas {

    /** apiVersion → the prefix of its models' class names. */
    private static final Map<String, String> VERSIONS = Map.of(
            "v1", "V1", "apps/v1", "V1", "policy/v1", "V1", "networking.k8s.io/v1", "V1", "autoscaling/v2", "V2",
            "batch/v1", "V1", "rbac.authorization.k8s.io/v1", "V1");

    private KubernetesSchemas() {
    }

    static boolean knows(JsonNode resource) {
        return VERSIONS.containsKey(resource.path("apiVersion").asText());
    }

    /** The problem with a resource of a core kind, or null when it is valid. */
    static String problem(JsonNode resource) {
        String model = "io.kubernetes.client.openapi.models." + VERSIONS.get(resource.path("apiVersion").asText())
                + resource.path("kind").asText();
        try {
            Method validate = Class.forName(model).getMethod("validateJsonElement", com.google.gson.JsonElement.class);
            validate.invoke(null, JsonParser.parseString(Manifests.JSON.writeValueAsString(resource)));
            return null;
        } catch (ClassNotFoundException e) {
            return "no Kubernetes kind " + resource.path("kind").asText() + " in " + resource.path("apiVersion").asText();
        } catch (InvocationTargetException e) {
            String message = e.getCause().getMessage();
            // the models quote the whole offending JSON after the reason: the reason is what a person needs
            int json = message == null ? -1 : message.indexOf(" JSON: ");
            return json < 0 ? String.valueOf(message) : message.substring(0, json);
        } catch (ReflectiveOperationException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
