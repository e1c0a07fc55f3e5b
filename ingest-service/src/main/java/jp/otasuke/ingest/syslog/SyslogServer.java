package jp.otasuke.ingest.syslog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;


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
import io.vertx.core.net.PemKeyCertOptions;
import jp.otasuke.ingest.intake.AlertIntake;
import jp.otasuke.ingest.intake.AlertPublisher;
import jp.otasuke.ingest.intake.format.AlertFormat;
import jp.otasuke.ingest.intake.format.LineParser;
import jp.otasuke.ingest.intake.format.Lines;
import jp.otasuke.ingest.sensor.Sensor;

/**
 * Syslog intake on TCP and UDP (RFC 5424 and RFC 3164; LF or octet-counted framing on TCP), and over TLS (RFC 5425)
 * where a certificate is configured. On the plain port the sender is the sensor registered with its source address
 * (LAN senders); over TLS, where relays and NAT hide the address, a sensor names itself with its API key in an RFC 5424
 * structured-data element ({@code [otasuke@32473 key="osk_…"]}), and a connection that never does is closed after a
 * while. Unknown and unidentified senders are dropped and counted. Each TCP connection is read in order and paused
 * while its batch is published, so a slow or absent Kafka holds the sender back (TCP back-pressure) instead of losing
 * its alerts; UDP cannot be held back, so a datagram Kafka does not take after a few tries is dropped and counted.
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
    private final SyslogConfig.Tls tlsConfig;
    private NetServer tcp;
    private NetServer tls;
    private DatagramSocket udp;
    private volatile boolean running;

    SyslogServer(Vertx vertx, AlertIntake intake, MeterRegistry metrics, SyslogConfig config) {
        this.vertx = vertx;
        this.intake = intake;
        this.metrics = metrics;
        this.enabled = config.enabled();
        this.host = config.host();
        this.port = config.port();
        this.tlsConfig = config.tls();
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
        if (tlsConfig.certFile().isPresent() && tlsConfig.keyFile().isPresent()) {
            tls = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(tlsConfig.port()).setTcpNoDelay(true)
                    .setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(tlsConfig.certFile().get())
                            .setKeyPath(tlsConfig.keyFile().get())));
            tls.connectHandler(this::onTlsConnection);
            tls.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Log.infof("Syslog over TLS listening on %s: TCP %d (sensors name themselves by their key)", host, tlsPort());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (tcp != null) {
            tcp.close();
        }
        if (tls != null) {
            tls.close();
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

    /** The TLS listener's port; -1 when no certificate is configured. */
    public int tlsPort() {
        return tls == null ? -1 : tls.actualPort();
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
                deliver(address, decoded(frames), parser, () -> open[0] && running);
                return null;
            }, false).onComplete(done -> socket.resume());
        });
    }

    /**
     * A TLS connection: its messages name their sensor by key; a message without one belongs to the sensor the
     * connection last named. One that names none within the configured time is closed (and counted).
     */
    private void onTlsConnection(NetSocket socket) {
        SyslogFramer framer = new SyslogFramer();
        LineParser parser = AlertFormat.AUTO.newParser();
        boolean[] open = {true};
        Sensor[] named = {null};
        long deadline = vertx.setTimer(tlsConfig.identifyWithin().toMillis(), id -> {
            if (named[0] == null && open[0]) {
                metrics.counter("otasuke.syslog.closed", "reason", "unidentified").increment();
                Log.debugf("Closed a TLS syslog connection from %s that never named its sensor", socket.remoteAddress());
                socket.close();
            }
        });
        socket.closeHandler(v -> {
            open[0] = false;
            vertx.cancelTimer(deadline);
        });
        socket.handler(buffer -> {
            List<byte[]> frames = framer.feed(buffer.getBytes());
            if (frames.isEmpty()) {
                return;
            }
            socket.pause();
            vertx.executeBlocking(() -> {
                for (Run run : bySensor(decoded(frames), named)) {
                    publish(run.sensor(), run.messages(), parser, () -> open[0] && running);
                }
                return null;
            }, false).onComplete(done -> socket.resume());
        });
    }

    /** Consecutive messages of one sensor. */
    private record Run(Sensor sensor, List<String> messages) {
    }

    /**
     * The messages of a TLS batch in runs by the sensor each names (or the connection named last), in their order;
     * messages naming no known sensor are dropped and counted.
     */
    private List<Run> bySensor(List<String> messages, Sensor[] named) {
        List<Run> runs = new ArrayList<>();
        Map<String, Optional<Sensor>> keys = new HashMap<>();
        int unidentified = 0;
        int unknown = 0;
        for (String message : messages) {
            Optional<String> key = SyslogMessage.sensorKey(message);
            if (key.isPresent()) {
                Optional<Sensor> sensor = keys.computeIfAbsent(key.get(),
                        k -> QuarkusTransaction.requiringNew().call(() -> Sensor.byKey(k)));
                if (sensor.isEmpty()) {
                    unknown++;
                    continue;
                }
                named[0] = sensor.get();
            } else if (named[0] == null) {
                unidentified++;
                continue;
            }
            if (runs.isEmpty() || !runs.get(runs.size() - 1).sensor().id.equals(named[0].id)) {
                runs.add(new Run(named[0], new ArrayList<>()));
            }
            runs.get(runs.size() - 1).messages().add(message);
        }
        if (unidentified > 0) {
            metrics.counter("otasuke.syslog.dropped", "reason", "unidentified").increment(unidentified);
        }
        if (unknown > 0) {
            metrics.counter("otasuke.syslog.dropped", "reason", "unknown-key").increment(unknown);
        }
        return runs;
    }

    private void onDatagram(DatagramPacket packet) {
        String address = packet.sender().hostAddress();
        List<String> messages = Lines.split(packet.data().getBytes()).stream().map(Lines.NumberedLine::text).toList();
        int[] tries = {0};
        vertx.executeBlocking(() -> {
            deliver(address, messages, AlertFormat.AUTO.newParser(), () -> ++tries[0] < UDP_TRIES && running);
            return null;
        }, false);
    }

    /** Each frame once into text (UTF-8, else Shift_JIS): what the sensor's key is looked for in and what is parsed. */
    private static List<String> decoded(List<byte[]> frames) {
        return frames.stream().map(f -> Lines.decode(f, 0, f.length)).toList();
    }

    /** One batch of a plain-port sender, known by its address; an unregistered address is dropped and counted. */
    private void deliver(String address, List<String> messages, LineParser parser, java.util.function.BooleanSupplier keepTrying) {
        Optional<Sensor> sensor = sender(address);
        if (sensor.isEmpty()) {
            metrics.counter("otasuke.syslog.dropped", "reason", "unknown-sender").increment(messages.size());
            Log.debugf("Dropped %d syslog messages from unregistered sender %s", messages.size(), address);
            return;
        }
        publish(sensor.get(), messages, parser, keepTrying);
    }

    /** Parses and publishes one batch; retries while {@code keepTrying} says so, else drops and counts it. */
    private void publish(Sensor sensor, List<String> messages, LineParser parser, java.util.function.BooleanSupplier keepTrying) {
        List<AlertIntake.Numbered> batch = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            batch.add(new AlertIntake.Numbered(i + 1, parser.parse(SyslogMessage.payload(messages.get(i)))));
        }
        while (true) {
            try {
                intake.take(sensor, batch, "syslog");
                return;
            } catch (AlertPublisher.KafkaUnavailable e) {
                if (!keepTrying.getAsBoolean()) {
                    metrics.counter("otasuke.syslog.dropped", "reason", "kafka-unavailable").increment(messages.size());
                    Log.warnf("Dropped %d syslog messages of sensor %s: Kafka unavailable", messages.size(), sensor.id);
                    return;
                }
                Log.warnf("Kafka unavailable; holding sensor %s back and retrying", sensor.id);
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
