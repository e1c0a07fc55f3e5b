package jp.otasuke.ingest.syslog;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.otasuke.infra.tls.LocalCertificate;

/** The syslog-over-TLS listener's certificate in the tests: a local one, made as the launcher makes it. */
public class SyslogTlsCertificate implements QuarkusTestResourceLifecycleManager {

    static final Path DIR = Path.of("target", "syslog-tls");

    @Override
    public Map<String, String> start() {
        LocalCertificate certificate = LocalCertificate.in(DIR);
        return Map.of("otasuke.syslog.tls.cert-file", certificate.certificate().toAbsolutePath().toString(),
                "otasuke.syslog.tls.key-file", certificate.privateKey().toAbsolutePath().toString());
    }

    @Override
    public void stop() {
    }
}
