package jp.otasuke.common.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Gauges whose value is a count in the service's own database (unsent outbox rows, overdue incidents, silent sensors,
 * jobs waiting for an engineer): what the provider's alerts page on (infra/k8s/monitoring.yaml). Every instance
 * reports the same figure, so the alert rules take its max. Counted every 30 s on a thread of its own, so a scrape
 * never waits for the database; NaN while the database cannot be asked, which the rules read as "unknown".
 */
@ApplicationScoped
public class CountedInDatabase {

    private static final long EVERY_SECONDS = 30;

    private record Figure(String sql, AtomicReference<Double> value) {
    }

    private final DataSource database;
    private final MeterRegistry registry;
    private final List<Figure> figures = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService counting;

    CountedInDatabase(DataSource database, MeterRegistry registry) {
        this.database = database;
        this.registry = registry;
    }

    /** A gauge {@code name} (with tags as name, value pairs) reading the single number {@code sql} returns. */
    public synchronized void gauge(String name, String description, String sql, String... tags) {
        Figure figure = new Figure(sql, new AtomicReference<>(Double.NaN));
        figures.add(figure);
        Gauge.builder(name, figure.value(), AtomicReference::get).description(description).tags(tags).register(registry);
        if (counting == null) {
            counting = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "counted-in-database");
                thread.setDaemon(true);
                return thread;
            });
            counting.scheduleWithFixedDelay(this::count, 0, EVERY_SECONDS, TimeUnit.SECONDS);
        }
    }

    void count() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(10);
            for (Figure figure : figures) {
                try (ResultSet result = statement.executeQuery(figure.sql())) {
                    result.next();
                    figure.value().set(result.getDouble(1));
                }
            }
        } catch (Exception e) {
            figures.forEach(figure -> figure.value().set(Double.NaN));
            Log.debugf("Could not count the gauges' figures: %s", e.getMessage());
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (counting != null) {
            counting.shutdownNow();
        }
    }
}
