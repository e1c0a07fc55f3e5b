package jp.otasuke.triage.incident;

import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.otasuke.common.http.PublicLinks;
import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.security.Caller;
import jp.otasuke.contract.security.Roles;
import jp.otasuke.triage.timeline.CustomerLine;
import jp.otasuke.triage.timeline.SocLine;
import jp.otasuke.triage.timeline.TimelineEntry;
import jp.otasuke.triage.timeline.TimelineView;

/** One incident's whole story in one list: the SOC sees every entry, an SME only what is meant for it. */
@Path("/api/v1/incidents/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final Caller caller;
    private final PublicLinks links;

    TimelineResource(Caller caller, PublicLinks links) {
        this.caller = caller;
        this.links = links;
    }

    /**
     * Oldest first, as a plain list (what clients have always read), {@code limit} entries at a time (default and
     * max 500); when more follow, {@code Link: <…?cursor=…>; rel="next"} names the next page, to the newest.
     */
    @GET
    @RolesAllowed({Roles.SOC_OPERATOR, Roles.SME_USER})
    public Response timeline(@PathParam("id") UUID id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @HeaderParam("Accept-Language") String language) {
        boolean soc = caller.is(Roles.SOC_OPERATOR);
        Incident.visible(id, soc ? null : caller.requireTenantId())
                .orElseThrow(() -> ProblemException.notFound("Incident " + id));
        Keyset query = TimelineEntry.page(id, !soc, limit == null ? Page.MAX_LIMIT : Page.limit(limit), cursor);
        Function<TimelineEntry, TimelineView> view = soc ? e -> TimelineView.forSoc(e, SocLine.locale(language))
                : e -> TimelineView.forCustomer(e, CustomerLine.locale(language));
        Page<TimelineView> page = Page.of(query.rows((q, values) -> TimelineEntry.<TimelineEntry>find(q, values)),
                query.limit(), view, e -> e.id);
        Response.ResponseBuilder answer = Response.ok(page.items());
        if (page.nextCursor() != null) {
            answer.header("Link", links.next("/api/v1/incidents/" + id + "/timeline?cursor=" + page.nextCursor()
                    + (limit == null ? "" : "&limit=" + query.limit())));
        }
        return answer.build();
    }
}
