package jp.otasuke.triage.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.contract.security.Roles;

/**
 * The SOC's KPIs, computed by the database over triage's own incidents (percentiles included), so a page
 * shows figures over any number of incidents without fetching them. Merged incidents are not counted twice:
 * their alerts and clocks live on in the one that took them in.
 */
@Path("/api/v1/incidents/kpis")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SOC_OPERATOR)
public class KpiResource {

    private static final Duration LONGEST = Duration.ofDays(366);
    private static final String OPENED = " from incident where opened_at >= ?1 and opened_at < ?2 and status <> 'MERGED'";

    private final EntityManager db;

    KpiResource(EntityManager db) {
        this.db = db;
    }

    @GET
    public Kpis kpis(@QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
        Instant to = instant("to", toParam, Instant.now());
        Instant from = instant("from", fromParam, to.minus(Duration.ofDays(30)));
        if (!from.isBefore(to)) {
            throw ProblemException.badField("from", "from must be before to");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw ProblemException.badField("from", "The period is at most 366 days");
        }
        return new Kpis(from, to, byPriority(from, to), byCategory(from, to), byTenant(from, to), onsite(from, to),
                claims(from, to));
    }

    private List<Kpis.ByPriority> byPriority(Instant from, Instant to) {
        List<Object[]> rows = rows("""
                select priority, count(*), count(acknowledged_at), count(resolved_at),
                    percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - opened_at)),
                    percentile_cont(0.9) within group (order by extract(epoch from acknowledged_at - opened_at)),
                    percentile_cont(0.5) within group (order by extract(epoch from resolved_at - opened_at)),
                    percentile_cont(0.9) within group (order by extract(epoch from resolved_at - opened_at)),
                    count(*) filter (where acknowledged_at is not null and not sla_breached),
                    count(*) filter (where sla_breached)""" + OPENED + " group by priority order by priority", from, to);
        return rows.stream().map(r -> {
            long met = number(r[8]);
            long breached = number(r[9]);
            return new Kpis.ByPriority((String) r[0], number(r[1]), number(r[2]), number(r[3]),
                    new Kpis.Percentiles(decimal(r[4]), decimal(r[5])), new Kpis.Percentiles(decimal(r[6]), decimal(r[7])),
                    met, breached, met + breached == 0 ? null : (double) met / (met + breached));
        }).toList();
    }

    private List<Kpis.Count> byCategory(Instant from, Instant to) {
        return rows("select coalesce(category, kind), count(*)" + OPENED + " group by 1 order by 2 desc, 1", from, to)
                .stream().map(r -> new Kpis.Count((String) r[0], number(r[1]))).toList();
    }

    private List<Kpis.TenantCount> byTenant(Instant from, Instant to) {
        return rows("select i.tenant_id, t.name, count(*) from incident i left join known_tenant t on t.tenant_id = i.tenant_id"
                + " where i.opened_at >= ?1 and i.opened_at < ?2 and i.status <> 'MERGED'"
                + " group by i.tenant_id, t.name order by 3 desc, 2 limit 50", from, to)
                .stream().map(r -> new Kpis.TenantCount((UUID) r[0], (String) r[1], number(r[2]))).toList();
    }

    private Kpis.Onsite onsite(Instant from, Instant to) {
        Object[] r = rows("select count(onsite_request_id), count(*) filter (where job_status = 'COMPLETED')" + OPENED, from, to)
                .get(0);
        return new Kpis.Onsite(number(r[0]), number(r[1]));
    }

    private Kpis.Claims claims(Instant from, Instant to) {
        // paid once, whatever the claim's status now (a paid claim is closed later)
        Object[] r = rows("select count(claim_id), count(*) filter (where exists (select 1 from timeline_entry e"
                + " where e.incident_id = incident.id and e.type = 'claim.paid'))" + OPENED, from, to).get(0);
        return new Kpis.Claims(number(r[0]), number(r[1]));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Instant from, Instant to) {
        return db.createNativeQuery(sql).setParameter(1, from).setParameter(2, to).getResultList();
    }

    private static Instant instant(String name, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, name + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
