package jp.otasuke.dispatch.job;

import java.util.List;
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
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.QueryParams;
import jp.otasuke.common.security.Caller;
import jp.otasuke.common.security.Roles;
import jp.otasuke.common.text.Languages;

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
    public Page<JobView> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @HeaderParam("Accept-Language") String language) {
        int size = Page.limit(limit);
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        scope(query, parameters);
        JobStatus wanted = QueryParams.enumValue(JobStatus.class, "status", status);
        if (wanted != null) {
            query.append(" and status = :status");
            parameters.and("status", wanted);
        }
        UUID after = Page.after(cursor);
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        List<DispatchJob> rows = DispatchJob.find(query + " order by id", parameters).page(0, size + 1).list();
        return Page.of(rows, size, view(language), j -> j.id);
    }

    @GET
    @Path("/jobs/{id}")
    @RolesAllowed({Roles.SOC_OPERATOR, Roles.FIELD_ENGINEER, Roles.SME_USER})
    public JobView get(@PathParam("id") UUID id, @HeaderParam("Accept-Language") String language) {
        StringBuilder query = new StringBuilder("id = :id");
        Parameters parameters = Parameters.with("id", id);
        scope(query, parameters);
        DispatchJob job = DispatchJob.<DispatchJob>find(query.toString(), parameters).firstResultOptional()
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
        int size = Page.limit(limit);
        UUID engineer = caller.engineerId().orElseThrow(() -> new ProblemException(403, "Forbidden", "The token carries no engineer_id"));
        StringBuilder query = new StringBuilder("engineerId = :engineer and status in :open");
        Parameters parameters = Parameters.with("engineer", engineer).and("open", JobStatus.PLANNED);
        UUID after = Page.after(cursor);
        if (after != null) {
            DispatchJob last = DispatchJob.<DispatchJob>find("id = ?1 and engineerId = ?2", after, engineer).firstResultOptional()
                    .orElseThrow(() -> ProblemException.badField("cursor", "cursor is not one this API returned"));
            parameters.and("after", after);
            if (last.plannedArrival == null) {
                query.append(" and plannedArrival is null and id > :after");
            } else {
                query.append(" and (plannedArrival > :arrival or (plannedArrival = :arrival and id > :after)"
                        + " or plannedArrival is null)");
                parameters.and("arrival", last.plannedArrival);
            }
        }
        List<DispatchJob> rows = DispatchJob.find(query + " order by plannedArrival nulls last, id", parameters)
                .page(0, size + 1).list();
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        if (!rows.isEmpty()) {
            jp.otasuke.common.tenants.KnownTenant.<jp.otasuke.common.tenants.KnownTenant>list("tenantId in ?1",
                    rows.stream().map(j -> j.tenantId).distinct().toList()).forEach(t -> names.put(t.tenantId, t.name));
        }
        return Page.of(rows, size, j -> JobView.full(j, names.get(j.tenantId), DispatchTexts.locale(language)),
                j -> j.id);
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

    private void scope(StringBuilder query, Parameters parameters) {
        if (caller.is(Roles.SOC_OPERATOR)) {
            return;
        }
        if (caller.is(Roles.FIELD_ENGINEER)) {
            query.append(" and engineerId = :engineer");
            parameters.and("engineer", caller.engineerId()
                    .orElseThrow(() -> new ProblemException(403, "Forbidden", "The token carries no engineer_id")));
        } else {
            query.append(" and tenantId = :tenant");
            parameters.and("tenant", caller.requireTenantId());
        }
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
