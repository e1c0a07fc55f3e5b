package jp.otasuke.triage.deadletter;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.QueryParams;
import jp.otasuke.common.security.Caller;
import jp.otasuke.contract.security.Roles;

/**
 * The dead letters of the platform: the SOC and the provider list them (by operations incident); a platform-admin
 * re-drives one to its topic once the cause is fixed (consumers are idempotent, so a record that had half landed
 * lands once).
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    /** A dead letter as the API shows it (its bytes are not shown: they are the record's, and may be anything). */
    public record DeadLetterView(UUID id, String dlqTopic, int dlqPartition, long dlqOffset, String sourceTopic,
            Integer sourcePartition, Long sourceOffset, String consumerGroup, String key, String reason, String cause,
            Instant landedAt, UUID incidentId, Instant redrivenAt, String redrivenBy) {

        static DeadLetterView of(DeadLetter d) {
            return new DeadLetterView(d.id, d.dlqTopic, d.dlqPartition, d.dlqOffset, d.sourceTopic, d.sourcePartition,
                    d.sourceOffset, d.consumerGroup, d.recordKey, d.reason, d.cause, d.landedAt, d.incidentId, d.redrivenAt,
                    d.redrivenBy);
        }
    }

    private final Redrive redrive;
    private final Caller caller;

    DeadLetterResource(Redrive redrive, Caller caller) {
        this.redrive = redrive;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR})
    public Page<DeadLetterView> list(@QueryParam("incidentId") String incidentId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return Keyset.page(limit, cursor).where("incidentId = :incident", "incident", QueryParams.uuid("incidentId", incidentId))
                .list((query, values) -> DeadLetter.<DeadLetter>find(query, values), DeadLetterView::of, d -> d.id);
    }

    /** Sends the record back to the topic it came from, once; 409 when it was re-driven already. */
    @POST
    @Path("/{id}/redrive")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public DeadLetterView redrive(@PathParam("id") UUID id) {
        return DeadLetterView.of(redrive.send(id, caller.username()));
    }
}
