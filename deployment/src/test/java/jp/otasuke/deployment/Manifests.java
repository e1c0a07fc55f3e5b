package jp.otasuke.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The project's deployment files, read as a cluster or Docker would read them. */
final class Manifests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("infra/k8s");
    static final Path COMPOSE = ROOT.resolve("infra/compose/compose.yaml");

    private Manifests() {
    }

    /** What {@code kubectl apply -k infra/k8s} would send: the kustomization built by kubectl's own kustomize. */
    static List<JsonNode> built() {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", K8S.toString()).redirectErrorStream(false).start();
            byte[] out = kubectl.getInputStream().readAllBytes();
            String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + K8S + " failed: " + err);
            }
            return documents(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("kubectl (with kustomize) is needed to build infra/k8s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** YAML documents as JSON trees; SnakeYAML resolves anchors and merge keys ({@code <<:}) as Docker does. */
    static List<JsonNode> documents(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        options.setNestingDepthLimit(500); // the CRDs' schemas nest deeply
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(yaml)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    static List<JsonNode> file(Path path) {
        try {
            return documents(Files.readString(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String name(JsonNode resource) {
        return resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
    }
}
