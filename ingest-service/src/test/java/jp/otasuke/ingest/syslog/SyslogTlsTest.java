package jp.otasuke.ingest.syslog;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.AlertReceived;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.ingest.intake.IntakeFixtures;

/**
 * Syslog over TLS (RFC 5425) with a real client from Debian: rsyslog, started with its own configuration file, reads
 * FortiGate lines from a file and forwards them over TLS (the ossl driver, verifying the server's certificate), each
 * message carrying the sensor's key in structured data. A sender that never names a sensor is counted and closed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
@QuarkusTestResource(SyslogTlsCertificate.class)
class SyslogTlsTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    SyslogServer syslog;

    @Test
    void rsyslogForwardsOverTlsWithTheSensorKeyAndTheAlertsReachTheRightTenant() throws Exception {
        IntakeFixtures.Sensor sensor = IntakeFixtures.sensorByKey(realm);
        Path dir = Files.createTempDirectory("otasuke-rsyslog-");
        Process rsyslog = null;
        try {
            Path input = Files.writeString(dir.resolve("fortigate.log"), "");
            Path conf = Files.writeString(dir.resolve("rsyslog.conf"), rsyslogConf(dir, input, sensor.apiKey()));
            Files.createDirectories(dir.resolve("work"));
            rsyslog = new ProcessBuilder(rsyslogd(), "-n", "-f", conf.toString(), "-i", dir.resolve("rsyslog.pid").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslog.out").toFile()).start();
            Thread.sleep(1_000);
            Files.writeString(input, SyslogIntakeTest.FORTIGATE_LOGIN_FAIL.formatted("tls-1") + "\n"
                    + SyslogIntakeTest.FORTIGATE_LOGIN_FAIL.formatted("tls-2") + "\n", java.nio.file.StandardOpenOption.APPEND);

            List<AlertReceived> alerts = IntakeFixtures.published(bootstrap, sensor.tenantId(), 2);
            assertEquals(2, alerts.size(), "rsyslog said: " + Files.readString(dir.resolve("rsyslog.out")));
            assertTrue(alerts.stream().allMatch(a -> a.sensorId().toString().equals(sensor.sensorId())
                    && a.category() == AlertCategory.BRUTE_FORCE && "203.0.113.7".equals(a.srcIp())));
            assertTrue(alerts.stream().noneMatch(a -> a.raw().contains(sensor.apiKey())), "the key is no part of the record");
        } finally {
            if (rsyslog != null) {
                rsyslog.destroy();
                if (!rsyslog.waitFor(10, TimeUnit.SECONDS)) {
                    rsyslog.destroyForcibly();
                }
            }
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aTlsSenderThatNeverNamesASensorIsCountedAndClosed() throws Exception {
        double dropped = metric("otasuke_syslog_dropped_total", "unidentified");
        double closed = metric("otasuke_syslog_closed_total", "unidentified");
        try (SSLSocket socket = (SSLSocket) trustingTheLocalCertificate().getSocketFactory()
                .createSocket("localhost", syslog.tlsPort())) {
            socket.getOutputStream().write(("<185>1 2026-12-02T10:00:00+09:00 fgt01 - - - - "
                    + SyslogIntakeTest.FORTIGATE_LOGIN_FAIL.formatted("anonymous") + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> metric("otasuke_syslog_dropped_total", "unidentified") >= dropped + 1);
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            assertEquals(-1, in.read(), "closed by the server once the time to name a sensor ran out");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> metric("otasuke_syslog_closed_total", "unidentified") >= closed + 1);
    }

    private String rsyslogConf(Path dir, Path input, String key) {
        String certificate = SyslogTlsCertificate.DIR.resolve("syslog-tls.crt").toAbsolutePath().toString();
        return String.join("\n",
                "global(workDirectory=\"" + dir.resolve("work") + "\" defaultNetstreamDriver=\"ossl\"",
                "       defaultNetstreamDriverCAFile=\"" + certificate + "\")",
                "module(load=\"imfile\" mode=\"polling\" PollingInterval=\"1\")",
                "input(type=\"imfile\" File=\"" + input + "\" Tag=\"fortigate\" Facility=\"local7\" ruleset=\"otasuke\")",
                "template(name=\"otasuke\" type=\"string\" string=\"<%PRI%>1 %TIMESTAMP:::date-rfc3339% %HOSTNAME% %APP-NAME% - -"
                        + " [otasuke@32473 key=\\\"" + key + "\\\"] %msg%\")",
                "ruleset(name=\"otasuke\") {",
                "  action(type=\"omfwd\" target=\"127.0.0.1\" port=\"" + syslog.tlsPort() + "\" protocol=\"tcp\" TCP_Framing=\"octet-counted\"",
                "         StreamDriver=\"ossl\" StreamDriverMode=\"1\" StreamDriverAuthMode=\"x509/name\"",
                "         StreamDriverPermittedPeers=\"localhost\" template=\"otasuke\")",
                "}", "");
    }

    private static String rsyslogd() {
        for (String candidate : List.of("/usr/sbin/rsyslogd", "/sbin/rsyslogd")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("rsyslogd is not installed (Debian packages rsyslog and rsyslog-openssl; .ci/run installs them)");
    }

    private static SSLContext trustingTheLocalCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(SyslogTlsCertificate.DIR.resolve("syslog-tls.crt"))) {
            trust.setCertificateEntry("otasuke-local", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private double metric(String name, String reason) {
        return SyslogMetrics.count(metrics, name, reason);
    }
}
