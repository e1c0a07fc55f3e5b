package jp.otasuke.dispatch.action;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.common.security.Caller;
import jp.otasuke.contract.security.Roles;
import jp.otasuke.dispatch.job.DispatchTexts;

/** The engineer's phone: accept, decline, depart, arrive, complete, each idempotent by its operation id. */
@Path("/api/v1/jobs/{id}/actions")
public class ActionResource {

    private final JobActions actions;
    private final Caller caller;

    ActionResource(JobActions actions, Caller caller) {
        this.actions = actions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.FIELD_ENGINEER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String act(@PathParam("id") UUID id, @HeaderParam("Accept-Language") String language,
            @Valid @NotNull ActionRequest action) {
        return actions.apply(id, caller.requireEngineerId(), action, DispatchTexts.locale(language)).orRaise();
    }
}
