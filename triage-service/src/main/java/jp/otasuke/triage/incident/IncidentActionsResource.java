package jp.otasuke.triage.incident;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.otasuke.common.events.IncidentOnsiteRequested;
import jp.otasuke.common.security.Caller;
import jp.otasuke.contract.security.Roles;

/** The SOC operator's steps on an incident; a step the current status does not allow is 409 with the reason. */
@Path("/api/v1/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SOC_OPERATOR)
public class IncidentActionsResource {

    // 201 Location from the configured public URL, not from the Host header
    @jakarta.inject.Inject
    jp.otasuke.common.http.PublicLinks links;

    private final IncidentActions actions;
    private final Caller caller;

    IncidentActionsResource(IncidentActions actions, Caller caller) {
        this.actions = actions;
        this.caller = caller;
    }

    @POST
    @Path("/acknowledge")
    public IncidentView acknowledge(@PathParam("id") UUID id) {
        return IncidentView.forSoc(actions.acknowledge(id, caller.username()));
    }

    @POST
    @Path("/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncidentView assign(@PathParam("id") UUID id, @Valid @NotNull IncidentRequests.Assign request) {
        return IncidentView.forSoc(actions.assign(id, request, caller.username()));
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response comment(@PathParam("id") UUID id, @Valid @NotNull IncidentRequests.Comment request) {
        return Response.status(201).entity(IncidentView.forSoc(actions.comment(id, request, caller.username()))).build();
    }

    /** 202: dispatch makes the job from the event this publishes. */
    @POST
    @Path("/onsite-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestOnsite(@PathParam("id") UUID id, @Valid @NotNull IncidentRequests.OnsiteRequest request) {
        IncidentOnsiteRequested requested = actions.requestOnsite(id, request, caller.username());
        return Response.accepted(new OnsiteRequested(requested.requestId(), requested.incidentId(), requested.urgency(),
                requested.requiredSkills())).build();
    }

    @POST
    @Path("/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncidentView resolve(@PathParam("id") UUID id, @Valid @NotNull IncidentRequests.Resolve request) {
        return IncidentView.forSoc(actions.resolve(id, request, caller.username()));
    }

    @POST
    @Path("/close")
    public IncidentView close(@PathParam("id") UUID id) {
        return IncidentView.forSoc(actions.close(id, caller.username()));
    }

    /** The other incident's alerts move here; it ends as MERGED (mergedInto this one). */
    @POST
    @Path("/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public IncidentView merge(@PathParam("id") UUID id, @Valid @NotNull IncidentRequests.Merge request) {
        return IncidentView.forSoc(actions.merge(id, request.incidentId(), caller.username()));
    }

    /** 201: the named alerts (or one host's) leave into a new incident, the undo of a wrong merge or correlation. */
    @POST
    @Path("/detach")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response detach(@PathParam("id") UUID id, @Valid @NotNull IncidentRequests.Detach request) {
        Incident split = actions.detach(id, request, caller.username());
        return links.created("/api/v1/incidents/" + split.id).entity(IncidentView.forSoc(split)).build();
    }

    public record OnsiteRequested(UUID requestId, UUID incidentId, jp.otasuke.common.events.Enums.Urgency urgency,
            java.util.List<String> requiredSkills) {
    }
}
