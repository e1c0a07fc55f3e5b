package jp.otasuke.triage.incident;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.QueryParams;
import jp.otasuke.common.security.Caller;
import jp.otasuke.contract.security.Roles;
import jp.otasuke.triage.timeline.CustomerLine;

/** The SOC queue, and an SME's view of its own incidents (another tenant's incident is 404). */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final Caller caller;

    IncidentResource(Caller caller) {
        this.caller = caller;
    }

    /**
     * Ordered by priority, then acknowledge-due time; an SME user's list is forced to its own tenant. {@code active=true}
     * leaves out what is resolved, closed or merged; {@code category} and {@code assignee} narrow it further.
     */
    @GET
    @RolesAllowed({Roles.SOC_OPERATOR, Roles.SME_USER})
    public Page<IncidentView> list(@QueryParam("status") String status, @QueryParam("priority") String priority,
            @QueryParam("tenantId") String tenantId, @QueryParam("active") String active,
            @QueryParam("category") String category, @QueryParam("assignee") String assignee,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @jakarta.ws.rs.HeaderParam("Accept-Language") String language) {
        boolean soc = isSoc();
        java.util.Locale locale = CustomerLine.locale(language);
        if (active != null && !active.equals("true") && !active.equals("false")) {
            throw ProblemException.badField("active", "active must be true or false");
        }
        IncidentQueue queue = new IncidentQueue(QueryParams.enumValue(IncidentStatus.class, "status", status),
                QueryParams.enumValue(Priority.class, "priority", priority), soc ? QueryParams.uuid("tenantId", tenantId) : caller.requireTenantId(),
                "true".equals(active), QueryParams.enumValue(AlertCategory.class, "category", category),
                soc && assignee != null && !assignee.isBlank() ? assignee.strip() : null);
        java.util.Locale socLocale = jp.otasuke.triage.timeline.SocLine.locale(language);
        return queue.page(limit, cursor, soc ? i -> IncidentView.forSoc(i, socLocale) : i -> IncidentView.forCustomer(i, locale));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SOC_OPERATOR, Roles.SME_USER})
    public IncidentView get(@PathParam("id") UUID id, @jakarta.ws.rs.HeaderParam("Accept-Language") String language) {
        Incident incident = visible(id);
        return isSoc() ? IncidentView.forSoc(incident, jp.otasuke.triage.timeline.SocLine.locale(language))
                : IncidentView.forCustomer(incident, CustomerLine.locale(language));
    }

    /** The alerts behind an incident, raw records included: for the SOC only. */
    @GET
    @Path("/{id}/alerts")
    @RolesAllowed(Roles.SOC_OPERATOR)
    public Page<AlertView> alerts(@PathParam("id") UUID id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        visible(id);
        return Keyset.page(limit, cursor).scope("incidentId", id)
                .list((query, values) -> IncidentAlert.<IncidentAlert>find(query, values), AlertView::of, a -> a.id);
    }

    private Incident visible(UUID id) {
        return Incident.visible(id, isSoc() ? null : caller.requireTenantId())
                .orElseThrow(() -> ProblemException.notFound("Incident " + id));
    }

    private boolean isSoc() {
        return caller.is(Roles.SOC_OPERATOR);
    }
}
