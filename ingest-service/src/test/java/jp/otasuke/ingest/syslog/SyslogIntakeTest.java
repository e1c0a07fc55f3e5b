package jp.otasuke.ingest.syslog;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

/** Syslog over real TCP and UDP sockets and the real util-linux logger, into real Kafka. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class SyslogIntakeTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    static final String FORTIGATE_LOGIN_FAIL = "date=2024-10-14 time=13:46:40 eventtime=1728938800841267391 tz=\"-0700\" "
            + "logid=\"0101039426\" type=\"event\" subtype=\"vpn\" level=\"alert\" vd=\"root\" logdesc=\"SSL VPN login fail\" "
            + "action=\"ssl-login-fail\" remip=203.0.113.7 user=\"admin\" reason=\"sslvpn_login_unknown_user\" msg=\"SSL user failed to logged in %s\"";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    SyslogServer syslog;

    @Test
    void aRegisteredSenderIsHeardOverTcpWithBothFramingsAndOverUdp() throws Exception {
        IntakeFixtures.Sensor sensor = IntakeFixtures.sensorAt(realm, "127.0.0.1");

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), syslog.tcpPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("<185>Oct 14 13:46:40 fgt01 " + FORTIGATE_LOGIN_FAIL.formatted("lf") + "\n").getBytes(StandardCharsets.UTF_8));
            String counted = "<185>1 2024-10-14T13:46:40-07:00 fgt01 - - - - " + FORTIGATE_LOGIN_FAIL.formatted("counted");
            out.write((counted.getBytes(StandardCharsets.UTF_8).length + " " + counted).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] datagram = ("<185>" + FORTIGATE_LOGIN_FAIL.formatted("udp")).getBytes(StandardCharsets.UTF_8);
            udp.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), syslog.udpPort())));
        }

        List<AlertReceived> alerts = IntakeFixtures.published(bootstrap, sensor.tenantId(), 3);
        assertTrue(alerts.stream().allMatch(a -> a.category() == AlertCategory.BRUTE_FORCE && "203.0.113.7".equals(a.srcIp())));
        assertTrue(alerts.stream().allMatch(a -> a.format().equals("fortigate")));
    }

    @Test
    void theUtilLinuxLoggerIsARealClientOverTcpAndUdp() throws Exception {
        IntakeFixtures.Sensor sensor = IntakeFixtures.sensorAt(realm, "127.0.0.1");

        logger("-T", "--octet-count", "-P", Integer.toString(syslog.tcpPort()), FORTIGATE_LOGIN_FAIL.formatted("logger-tcp"));
        logger("-T", "-P", Integer.toString(syslog.tcpPort()), FORTIGATE_LOGIN_FAIL.formatted("logger-tcp-lf"));
        logger("--udp", "-P", Integer.toString(syslog.udpPort()), FORTIGATE_LOGIN_FAIL.formatted("logger-udp"));

        List<AlertReceived> alerts = IntakeFixtures.published(bootstrap, sensor.tenantId(), 3);
        assertEquals(3, alerts.stream().map(AlertReceived::alertId).distinct().count());
    }

    @Test
    void anUnknownSenderIsDroppedAndCounted() throws Exception {
        double before = droppedUnknown();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), syslog.tcpPort()));
            socket.getOutputStream().write(("<185>" + FORTIGATE_LOGIN_FAIL.formatted("stranger") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> droppedUnknown() >= before + 1);
    }

    private double droppedUnknown() {
        return SyslogMetrics.count(metrics, "otasuke_syslog_dropped_total", "unknown-sender");
    }

    private static void logger(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("logger", "-n", "127.0.0.1", "-t", "fortigate"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "logger did not finish");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
