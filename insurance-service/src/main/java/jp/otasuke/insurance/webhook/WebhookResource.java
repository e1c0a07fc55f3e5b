package jp.otasuke.insurance.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.panache.common.Parameters;
import jp.otasuke.common.http.PublicLinks;
import jp.otasuke.common.outbound.OutboundUrlPolicy;
import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.secrets.SecretBox;
import jp.otasuke.common.security.Caller;
import jp.otasuke.contract.security.Roles;

/** An insurer registers where to be told of claim changes, and reads its delivery log. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INSURER)
public class WebhookResource {

    public record Registration(@NotBlank @Size(max = 2000) String url, @NotBlank @Size(min = 16, max = 200) String secret) {
    }

    public record Registered(UUID id, String url, Instant createdAt) {
        static Registered of(Webhook webhook) {
            return new Registered(webhook.id, webhook.url, webhook.createdAt);
        }
    }

    public record DeliveryView(long id, UUID webhookId, UUID claimId, String eventType, String status, int attempts,
            Integer lastStatusCode, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    private final Caller caller;
    private final SecretBox secrets;
    private final OutboundUrlPolicy urlPolicy;
    private final PublicLinks links;

    WebhookResource(Caller caller, SecretBox secrets, OutboundUrlPolicy urlPolicy, PublicLinks links) {
        this.caller = caller;
        this.secrets = secrets;
        this.urlPolicy = urlPolicy;
        this.links = links;
    }

    public record SecretRotation(@NotBlank @Size(min = 16, max = 200) String secret) {
    }

    /** 201 {id, url}: the secret is kept encrypted and never shown again. The URL must pass the outbound policy. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response register(@Valid @NotNull Registration registration) {
        URI url;
        try {
            url = urlPolicy.check(registration.url());
        } catch (OutboundUrlPolicy.Refused refused) {
            throw ProblemException.badField("url", refused.getMessage());
        }
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.insurerId = caller.requireInsurerId();
        webhook.url = url.toString();
        webhook.secretCiphertext = secrets.seal(registration.secret());
        webhook.createdAt = Instant.now();
        webhook.persist();
        return links.created("/api/v1/webhooks/" + webhook.id).entity(Registered.of(webhook)).build();
    }

    /** The insurer's own active webhooks, oldest first. */
    @GET
    public Page<Registered> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Keyset.page(limit, cursor).scope("insurerId", caller.requireInsurerId()).where("active = true")
                .list((query, values) -> Webhook.<Webhook>find(query, values), Registered::of, w -> w.id);
    }

    /** The insurer's own webhook (the one a 201's Location names); another insurer's is not found. */
    @GET
    @Path("/{id}")
    public Registered get(@PathParam("id") UUID id) {
        return Registered.of(own(id));
    }

    /** 204: no more deliveries to it; what is still pending for it is cancelled. Another insurer's: 404. */
    @DELETE
    @Path("/{id}")
    @Transactional
    public void delete(@PathParam("id") UUID id) {
        Webhook webhook = own(id);
        webhook.active = false;
        WebhookDelivery.update("status = ?1 where webhookId = ?2 and status = ?3", WebhookDelivery.CANCELLED, webhook.id,
                WebhookDelivery.PENDING);
    }

    /** 204: deliveries from now on are signed with the new secret. */
    @PUT
    @Path("/{id}/secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public void rotateSecret(@PathParam("id") UUID id, @Valid @NotNull SecretRotation rotation) {
        own(id).secretCiphertext = secrets.seal(rotation.secret());
    }

    private Webhook own(UUID id) {
        return Webhook.<Webhook>find("id = ?1 and insurerId = ?2 and active = true", id, caller.requireInsurerId())
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Webhook " + id));
    }

    /** The insurer's deliveries, newest first. */
    @GET
    @Path("/deliveries")
    public Page<DeliveryView> deliveries(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Keyset.page(limit, cursor).scope("insurerId", caller.requireInsurerId())
                .orderedBy("id desc", WebhookResource::before)
                .list((query, values) -> WebhookDelivery.<WebhookDelivery>find(query, values),
                        d -> new DeliveryView(d.id, d.webhookId, d.claimId, d.eventType, d.status, d.attempts,
                                d.lastStatusCode, d.lastError, d.createdAt, d.nextAttemptAt, d.deliveredAt),
                        d -> d.id);
    }

    /** Deliveries are numbered as they are made: the next page (older ones) has the lower numbers. */
    private static Optional<Keyset.After> before(String cursor) {
        try {
            return Optional.of(new Keyset.After("id < :before", Parameters.with("before", Long.parseLong(cursor))));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor is not one this API returned");
        }
    }
}
