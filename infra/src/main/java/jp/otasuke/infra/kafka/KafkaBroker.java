package jp.otasuke.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

import jp.otasuke.infra.process.FreePorts;
import jp.otasuke.infra.process.Wait;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) from the Apache Kafka jars,
 * running in this JVM. The same class serves the local launcher (fixed port 9092, data kept in the
 * launcher's folder) and the tests (random port, temporary folder). It can be stopped and started again
 * on the same port and data, which is how fault tests take Kafka away from the services.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The controller's port is part of the formatted quorum, so a restart must reuse it. */
    private static final String CONTROLLER_PORT_FILE = "controller.port";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats the data folder on first use, starts the broker and waits until it answers. */
    public static KafkaBroker start(Path dataDir, int port) {
        KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort(dataDir));
        broker.start();
        return broker;
    }

    private static int controllerPort(Path dataDir) {
        Path remembered = dataDir.resolve(CONTROLLER_PORT_FILE);
        try {
            return Files.exists(remembered) ? Integer.parseInt(Files.readString(remembered).trim()) : FreePorts.find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        sayWhyBeforeEnding();
        Properties props = serverProperties();
        format(props);
        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        Wait.until("Kafka on port " + port, Duration.ofSeconds(60), this::answers, () -> true, System.out::println);
    }

    /**
     * A broker that meets a fatal fault ends the whole JVM it runs in (Kafka's {@code Exit.halt(1)}), which here is the
     * launcher's, a test run's or a benchmark's, and its own log may go nowhere: the reason goes to stderr first.
     */
    private static void sayWhyBeforeEnding() {
        Exit.setHaltProcedure((status, message) -> {
            System.err.println("The in-process Kafka broker halts this JVM (" + status + "): " + message);
            new Throwable("halted from thread " + Thread.currentThread().getName()).printStackTrace();
            Runtime.getRuntime().halt(status);
        });
        Exit.setExitProcedure((status, message) -> {
            System.err.println("The in-process Kafka broker exits this JVM (" + status + "): " + message);
            new Throwable("exited from thread " + Thread.currentThread().getName()).printStackTrace();
            System.exit(status);
        });
    }

    /** Stops the broker; the data stays, so {@link #start()} brings the same topics back. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answers() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("num.partitions", "6");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    /** KRaft needs its storage formatted once; the controller port is remembered for restarts. */
    private void format(Properties props) {
        try {
            Files.createDirectories(dataDir);
            Path meta = dataDir.resolve("logs").resolve("meta.properties");
            Path config = dataDir.resolve("server.properties");
            if (Files.exists(meta)) {
                return;
            }
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "Otasuke SOC local KRaft broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString(), "--standalone"}, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("Kafka storage format failed: " + output);
            }
            Files.writeString(dataDir.resolve(CONTROLLER_PORT_FILE), Integer.toString(controllerPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
