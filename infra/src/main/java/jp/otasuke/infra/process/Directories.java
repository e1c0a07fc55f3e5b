package jp.otasuke.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where unpacked server distributions are cached between runs, and small file-tree helpers. */
public final class Directories {

    private Directories() {
    }

    /**
     * The cache for unpacked distributions (PostgreSQL binaries, the Keycloak server and its one-time
     * build). It is world-readable on purpose: PostgreSQL refuses to run as root, so when we are root
     * it runs as {@code nobody}, which must be able to read the binaries.
     */
    public static Path cache() {
        String configured = System.getenv("OTASUKE_CACHE_DIR");
        Path cache = configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : Paths.get(System.getProperty("java.io.tmpdir"), "otasuke-cache");
        return create(cache);
    }

    public static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
