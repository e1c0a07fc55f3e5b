package jp.otasuke.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.otasuke.infra.postgres.PostgresServer;
import jp.otasuke.infra.testing.TestServers;

/** Gauges counted in a real PostgreSQL database, and what they say when it cannot be asked. */
class CountedInDatabaseTest {

    @Test
    void aGaugeReadsTheCountAndSaysUnknownWhenTheDatabaseIsAway() throws SQLException {
        String url = TestServers.freshDatabase("gauges_test");
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            c.createStatement().execute("create table job (status text); insert into job values ('UNASSIGNED'), ('UNASSIGNED'), ('DONE')");
        }
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(url);
        database.setUser(PostgresServer.USER);
        database.setPassword(PostgresServer.PASSWORD);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CountedInDatabase counted = new CountedInDatabase(database, registry);
        try {
            counted.gauge("jobs.unassigned", "Jobs without an engineer", "select count(*) from job where status = 'UNASSIGNED'");
            counted.count();
            assertEquals(2.0, registry.get("jobs.unassigned").gauge().value());

            database.setPassword("not the password");
            counted.count();
            assertTrue(Double.isNaN(registry.get("jobs.unassigned").gauge().value()), "unknown, not a stale or a zero count");
        } finally {
            counted.stop();
        }
    }
}
