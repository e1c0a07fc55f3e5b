package jp.otasuke.dispatch.job;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.panache.common.Parameters;
import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.QueryParams;
import jp.otasuke.common.security.Caller;
import jp.otasuke.common.tenants.KnownTenant;
import jp.otasuke.common.text.Languages;
import jp.otasuke.contract.security.Roles;

/**
 * Jobs: the SOC sees all, an engineer their own, an SME its tenant's (status, ETA, engineer's name). The scope
 * is part of every query, so another's job is 404.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final Caller caller;

    JobResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/jobs")
    @RolesAllowed({Roles.SOC_OPERATOR, Roles.FIELD_ENGINEER, Roles.SME_USER})
    public Page<JobView> list(@QueryParam("status") String status, @QueryParam("completedSince") String completedSince,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @HeaderParam("Accept-Language") String language) {
        return scoped(Keyset.page(limit, cursor))
                .where("status = :status", "status", QueryParams.enumValue(JobStatus.class, "status", status))
                // a new phone finds the day's finished jobs again
                .where("completedAt >= :since", "since", QueryParams.instant("completedSince", completedSince))
                .list((query, values) -> DispatchJob.<DispatchJob>find(query, values), view(language), j -> j.id);
    }

    @GET
    @Path("/jobs/{id}")
    @RolesAllowed({Roles.SOC_OPERATOR, Roles.FIELD_ENGINEER, Roles.SME_USER})
    public JobView get(@PathParam("id") UUID id, @HeaderParam("Accept-Language") String language) {
        DispatchJob job = scoped(Keyset.one()).where("id = :id", "id", id)
                .first((query, values) -> DispatchJob.<DispatchJob>find(query, values))
                .orElseThrow(() -> ProblemException.notFound("Job " + id));
        return view(language).apply(job);
    }

    /**
     * The engineer's own jobs in planned order (the next visit first, unplanned ones last); done and cancelled
     * ones are left out. Paged like every list: the cursor is the last job shown, and the next page continues
     * after its place in that order.
     */
    @GET
    @Path("/me/jobs")
    @RolesAllowed(Roles.FIELD_ENGINEER)
    public Page<JobView> mine(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @HeaderParam("Accept-Language") String language) {
        UUID engineer = caller.requireEngineerId();
        Keyset page = Keyset.page(limit, cursor).scope("engineerId", engineer).where("status in :open", "open", JobStatus.PLANNED)
                .orderedBy("plannedArrival nulls last, id", last -> after(last, engineer));
        List<DispatchJob> rows = page.rows((query, values) -> DispatchJob.<DispatchJob>find(query, values));
        java.util.Map<UUID, KnownTenant> tenants = new java.util.HashMap<>();
        if (!rows.isEmpty()) {
            KnownTenant.<KnownTenant>list("tenantId in ?1", rows.stream().map(j -> j.tenantId).distinct().toList())
                    .forEach(t -> tenants.put(t.tenantId, t));
        }
        return Page.of(rows, page.limit(), j -> JobView.full(j, tenants.get(j.tenantId), DispatchTexts.locale(language)),
                j -> j.id);
    }

    /** The engineer's jobs after the cursor's in planned order, unplanned ones (no arrival yet) last. */
    private static Optional<Keyset.After> after(String cursor, UUID engineer) {
        UUID id = Page.after(cursor);
        DispatchJob last = DispatchJob.<DispatchJob>find("id = ?1 and engineerId = ?2", id, engineer).firstResultOptional()
                .orElseThrow(() -> ProblemException.badField("cursor", "cursor is not one this API returned"));
        if (last.plannedArrival == null) {
            return Optional.of(new Keyset.After("plannedArrival is null and id > :after", Parameters.with("after", id)));
        }
        return Optional.of(new Keyset.After("plannedArrival > :arrival or (plannedArrival = :arrival and id > :after)"
                + " or plannedArrival is null", Parameters.with("after", id).and("arrival", last.plannedArrival)));
    }

    /** What dispatch charges for a visit, so that the engineer's app shows the cost lines before sending a report. */
    public record CostRates(long laborPerHourYen, long billedPerMinutes, long travelPerKmYen) {
    }

    @jakarta.inject.Inject
    jp.otasuke.dispatch.DispatchConfig config;

    @GET
    @Path("/cost-rates")
    @RolesAllowed({Roles.SOC_OPERATOR, Roles.FIELD_ENGINEER})
    public CostRates costRates() {
        return new CostRates(config.rates().laborPerHourYen(), 30, config.rates().travelPerKmYen());
    }

    /** The SOC sees every job, an engineer its own, an SME its tenant's: part of the query, never a filter after it. */
    private Keyset scoped(Keyset query) {
        if (caller.is(Roles.SOC_OPERATOR)) {
            return query;
        }
        return caller.is(Roles.FIELD_ENGINEER) ? query.scope("engineerId", caller.requireEngineerId())
                : query.scope("tenantId", caller.requireTenantId());
    }

    /** The words in the language asked for; asking nothing, an engineer reads Japanese, the SOC's tools English. */
    private java.util.function.Function<DispatchJob, JobView> view(String language) {
        if (caller.is(Roles.SOC_OPERATOR) || caller.is(Roles.FIELD_ENGINEER)) {
            java.util.Locale locale = Languages.preferred(language,
                    caller.is(Roles.FIELD_ENGINEER) ? Languages.JAPANESE : Languages.ENGLISH);
            return j -> JobView.full(j, locale);
        }
        return JobView::forCustomer;
    }
}
