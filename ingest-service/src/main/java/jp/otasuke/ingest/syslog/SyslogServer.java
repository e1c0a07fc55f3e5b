package jp.otasuke.ingest.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import jp.otasuke.ingest.intake.AlertIntake;
import jp.otasuke.ingest.intake.AlertPublisher;
import jp.otasuke.ingest.intake.format.AlertFormat;
import jp.otasuke.ingest.intake.format.LineParser;
import jp.otasuke.ingest.intake.format.Lines;
import jp.otasuke.ingest.sensor.Sensor;

/**
 * Syslog intake on TCP and UDP (RFC 5424 and RFC 3164; LF or octet-counted framing on TCP). The sender is
 * the sensor registered with its source address; unknown senders are dropped and counted. Each TCP
 * connection is read in order and paused while its batch is published, so a slow or absent Kafka holds
 * the sender back (TCP back-pressure) instead of losing its alerts; UDP cannot be held back, so a datagram
 * Kafka does not take after a few tries is dropped and counted.
 */
@ApplicationScoped
public class SyslogServer {

    private static final Duration TCP_RETRY = Duration.ofSeconds(2);
    private static final int UDP_TRIES = 3;

    private final Vertx vertx;
    private final AlertIntake intake;
    private final MeterRegistry metrics;
    private final boolean enabled;
    private final String host;
    private final int port;
    private NetServer tcp;
    private DatagramSocket udp;
    private volatile boolean running;

    SyslogServer(Vertx vertx, AlertIntake intake, MeterRegistry metrics,
            @ConfigProperty(name = "otasuke.syslog.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "otasuke.syslog.host", defaultValue = "0.0.0.0") String host,
            @ConfigProperty(name = "otasuke.syslog.port", defaultValue = "5514") int port) {
        this.vertx = vertx;
        this.intake = intake;
        this.metrics = metrics;
        this.enabled = enabled;
        this.host = host;
        this.port = port;
    }

    void start(@Observes StartupEvent event) throws Exception {
        if (!enabled) {
            return;
        }
        running = true;
        tcp = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true));
        tcp.connectHandler(this::onConnection);
        tcp.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        udp = vertx.createDatagramSocket();
        udp.handler(this::onDatagram);
        udp.listen(port, host).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Log.infof("Syslog intake listening on %s: TCP %d, UDP %d", host, tcpPort(), udpPort());
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (tcp != null) {
            tcp.close();
        }
        if (udp != null) {
            udp.close();
        }
    }

    public int tcpPort() {
        return tcp.actualPort();
    }

    public int udpPort() {
        return udp.localAddress().port();
    }

    private void onConnection(NetSocket socket) {
        String address = socket.remoteAddress().hostAddress();
        SyslogFramer framer = new SyslogFramer();
        LineParser parser = AlertFormat.AUTO.newParser(); // per connection: a Zeek header stays with its rows
        boolean[] open = {true};
        socket.closeHandler(v -> open[0] = false);
        socket.handler(buffer -> {
            List<byte[]> frames = framer.feed(buffer.getBytes());
            if (frames.isEmpty()) {
                return;
            }
            // the connection stays paused until its batch is published, so its order holds without an ordered
            // executor; an ordered one would queue every connection's batches behind each other (one context)
            socket.pause();
            vertx.executeBlocking(() -> {
                deliver(address, frames, parser, () -> open[0] && running);
                return null;
            }, false).onComplete(done -> socket.resume());
        });
    }

    private void onDatagram(DatagramPacket packet) {
        String address = packet.sender().hostAddress();
        List<byte[]> frames = new ArrayList<>();
        for (Lines.NumberedLine line : Lines.split(packet.data().getBytes())) {
            frames.add(line.text().getBytes(StandardCharsets.UTF_8));
        }
        int[] tries = {0};
        vertx.executeBlocking(() -> {
            deliver(address, frames, AlertFormat.AUTO.newParser(), () -> ++tries[0] < UDP_TRIES && running);
            return null;
        }, false);
    }

    /** Parses and publishes one batch; retries while {@code keepTrying} says so, else drops and counts it. */
    private void deliver(String address, List<byte[]> frames, LineParser parser, java.util.function.BooleanSupplier keepTrying) {
        Optional<Sensor> sensor = sender(address);
        if (sensor.isEmpty()) {
            metrics.counter("otasuke.syslog.dropped", "reason", "unknown-sender").increment(frames.size());
            Log.debugf("Dropped %d syslog messages from unregistered sender %s", frames.size(), address);
            return;
        }
        List<AlertIntake.Numbered> batch = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            String message = Lines.decode(frames.get(i), 0, frames.get(i).length);
            batch.add(new AlertIntake.Numbered(i + 1, parser.parse(SyslogMessage.payload(message))));
        }
        while (true) {
            try {
                intake.take(sensor.get(), batch, "syslog");
                return;
            } catch (AlertPublisher.KafkaUnavailable e) {
                if (!keepTrying.getAsBoolean()) {
                    metrics.counter("otasuke.syslog.dropped", "reason", "kafka-unavailable").increment(frames.size());
                    Log.warnf("Dropped %d syslog messages of sensor %s: Kafka unavailable", frames.size(), sensor.get().id);
                    return;
                }
                Log.warnf("Kafka unavailable; holding syslog sender %s back and retrying", address);
                try {
                    Thread.sleep(TCP_RETRY.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * The sensor registered for the address, looked up for every batch (an indexed query), so that a
     * revoked or re-registered sender takes effect at once on every instance.
     */
    private Optional<Sensor> sender(String address) {
        return QuarkusTransaction.requiringNew().call(() -> Sensor.bySourceAddress(address));
    }
}
