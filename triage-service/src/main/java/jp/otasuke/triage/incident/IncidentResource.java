package jp.otasuke.triage.incident;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.security.Caller;
import jp.otasuke.common.security.Roles;

/** The SOC queue, and an SME's view of its own incidents (another tenant's incident is 404). */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final Caller caller;

    IncidentResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.SOC_OPERATOR, Roles.SME_USER})
    public Page<IncidentView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return Page.of(Incident.queue(scope(), Page.after(cursor), size + 1), size, IncidentView::of, i -> i.id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SOC_OPERATOR, Roles.SME_USER})
    public IncidentView get(@PathParam("id") UUID id) {
        Incident incident = Incident.visible(id, scope());
        if (incident == null) {
            throw ProblemException.notFound("Incident " + id);
        }
        return IncidentView.of(incident);
    }

    /** The tenant an SME user is confined to; null for the SOC, which sees every tenant. */
    private UUID scope() {
        return caller.is(Roles.SOC_OPERATOR) ? null : caller.requireTenantId();
    }
}
