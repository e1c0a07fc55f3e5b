package jp.otasuke.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import jp.otasuke.infra.postgres.PostgresServer;

/**
 * What the services asked PostgreSQL during a phase, from {@code pg_stat_statements} (loaded when the benchmark starts
 * PostgreSQL): the statements that took the most time, with their calls per new incident of the phase.
 */
final class Statements {

    private Statements() {
    }

    static void reset(String jdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = db.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** A Markdown table of the {@code limit} statements of every database that took the most time since the reset. */
    static String top(String jdbc, long newIncidents, int limit) throws Exception {
        StringBuilder md = new StringBuilder(String.format("%n## What PostgreSQL was asked in the stress mix%n%n"
                + "From `pg_stat_statements`, every database, the %d statements that took the most time; calls per new "
                + "incident = calls ÷ %d.%n%n| database | calls | per new incident | total ms | mean ms | statement |%n"
                + "|---|---|---|---|---|---|%n", limit, newIncidents));
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = db.createStatement();
                ResultSet r = s.executeQuery("""
                        select d.datname, s.calls, s.total_exec_time, s.mean_exec_time, s.query
                        from pg_stat_statements s join pg_database d on d.oid = s.dbid
                        order by s.total_exec_time desc limit\s""" + limit)) {
            while (r.next()) {
                String query = r.getString(5).replaceAll("\\s+", " ").replace("|", "\\|");
                md.append(String.format("| %s | %d | %.2f | %.0f | %.3f | `%s` |%n", r.getString(1), r.getLong(2),
                        (double) r.getLong(2) / Math.max(1, newIncidents), r.getDouble(3), r.getDouble(4),
                        query.length() > 160 ? query.substring(0, 160) + "…" : query));
            }
            try (ResultSet all = s.executeQuery("select d.datname, sum(s.calls), sum(s.total_exec_time) from pg_stat_statements s "
                    + "join pg_database d on d.oid = s.dbid group by d.datname order by 3 desc")) {
                md.append("\nAll statements by database: ");
                while (all.next()) {
                    md.append(String.format("%s %d calls (%.2f per new incident), %.0f ms; ", all.getString(1), all.getLong(2),
                            (double) all.getLong(2) / Math.max(1, newIncidents), all.getDouble(3)));
                }
                md.append('\n');
            }
            try (ResultSet hot = s.executeQuery("select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relname = 'incident'")) {
                if (hot.next()) {
                    md.append(String.format("%nIncident rows updated: %d, of which HOT (no index written): %d.%n", hot.getLong(1),
                            hot.getLong(2)));
                }
            }
        }
        return md.toString();
    }

    /**
     * How PostgreSQL runs correlation's lookup (triage's {@code OpenIncidents.activeAmong}, the statement that took the
     * most time) for 100 of the open incidents' own keys, with the incidents the run left behind.
     */
    static String correlationPlan(String jdbc) throws Exception {
        StringBuilder md = new StringBuilder("\n## How correlation's lookup runs, 100 open incidents' keys, after the run\n\n```\n");
        try (Connection db = DriverManager.getConnection(jdbc, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = db.createStatement();
                ResultSet r = s.executeQuery("""
                        explain (analyze, buffers)
                        with k as (select array_agg(tenant_id) t, array_agg(correlation_key) c, array_agg(family) f
                                   from (select * from incident where status = 'OPEN' order by random() limit 100) x)
                        select * from incident where (tenant_id, correlation_key, family) in
                          (select * from unnest((select t from k), (select c from k), (select f from k)))
                          and status in ('OPEN', 'ACKNOWLEDGED', 'ONSITE_REQUESTED', 'ONSITE_IN_PROGRESS') order by id for update""")) {
            while (r.next()) {
                md.append(r.getString(1)).append('\n');
            }
        }
        return md.append("```\n").toString();
    }
}
