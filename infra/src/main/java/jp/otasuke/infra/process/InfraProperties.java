package jp.otasuke.infra.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the build wrote into {@code infra.properties}: the server versions and where Maven put them. */
public final class InfraProperties {

    private static final Properties VALUES = load();

    private InfraProperties() {
    }

    public static String get(String key) {
        String value = VALUES.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("infra.properties has no " + key);
        }
        return value;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = InfraProperties.class.getResourceAsStream("/jp/otasuke/infra/infra.properties")) {
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
