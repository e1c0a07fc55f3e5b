package jp.otasuke.ingest.syslog;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Syslog intake: plain TCP and UDP on one port, and over TLS (RFC 5425) when a certificate and its key are set. */
@ConfigMapping(prefix = "otasuke.syslog")
public interface SyslogConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("0.0.0.0")
    String host();

    /** TCP and UDP. */
    @WithDefault("5514")
    int port();

    Tls tls();

    /** On when a certificate and its key are configured ({@code otasuke.syslog.tls.*}). */
    interface Tls {

        @WithDefault("6514")
        int port();

        /** The server certificate (PEM, with its chain). */
        Optional<String> certFile();

        /** Its private key (PEM, PKCS#8). */
        Optional<String> keyFile();

        /** A connection that names no sensor within this time is closed. */
        @WithDefault("30s")
        Duration identifyWithin();
    }
}
