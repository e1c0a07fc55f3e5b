package jp.otasuke.ingest.syslog;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Syslog over TLS (RFC 5425): on when a certificate and its key are configured ({@code otasuke.syslog.tls.*}). */
@ConfigMapping(prefix = "otasuke.syslog.tls")
public interface SyslogTls {

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
