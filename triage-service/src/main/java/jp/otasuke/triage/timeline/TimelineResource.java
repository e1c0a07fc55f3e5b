package jp.otasuke.triage.timeline;

import java.util.List;
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
import jp.otasuke.triage.incident.Incident;

/** One incident's whole story in one list: the SOC sees every entry, an SME only what is meant for it. */
@Path("/api/v1/incidents/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final Caller caller;

    TimelineResource(Caller caller) {
        this.caller = caller;
    }

    /** Oldest first; {@code limit} (default and max 500) bounds it, as every list here is bounded. */
    @GET
    @RolesAllowed({Roles.SOC_OPERATOR, Roles.SME_USER})
    public List<TimelineView> timeline(@PathParam("id") UUID id, @QueryParam("limit") String limit,
            @jakarta.ws.rs.HeaderParam("Accept-Language") String language) {
        boolean soc = caller.is(Roles.SOC_OPERATOR);
        Incident.visible(id, soc ? null : caller.requireTenantId())
                .orElseThrow(() -> ProblemException.notFound("Incident " + id));
        int rows = limit == null ? Page.MAX_LIMIT : Page.limit(limit);
        return TimelineEntry.of(id, !soc, rows).stream()
                .map(soc ? TimelineView::forSoc : e -> TimelineView.forCustomer(e, CustomerLine.locale(language))).toList();
    }
}
