package jp.otasuke.insurance.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.security.Caller;
import jp.otasuke.common.security.Roles;

/** An insurer registers where to be told of claim changes, and reads its delivery log. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INSURER)
public class WebhookResource {

    public record Registration(@NotBlank @Size(max = 2000) String url, @NotBlank @Size(min = 16, max = 200) String secret) {
    }

    public record Registered(UUID id, String url, Instant createdAt) {
    }

    public record DeliveryView(long id, UUID webhookId, UUID claimId, String eventType, String status, int attempts,
            Integer lastStatusCode, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
    }

    private final Caller caller;
    private final SecretBox secrets;

    WebhookResource(Caller caller, SecretBox secrets) {
        this.caller = caller;
        this.secrets = secrets;
    }

    /** 201 {id, url}: the secret is kept encrypted and never shown again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response register(@Valid @NotNull Registration registration) {
        URI url;
        try {
            url = URI.create(registration.url().strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("url is not a URL");
        }
        if (url.getHost() == null || !List.of("http", "https").contains(url.getScheme())) {
            throw ProblemException.badRequest("url must be an absolute http or https URL");
        }
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.insurerId = caller.requireInsurerId();
        webhook.url = url.toString();
        webhook.secretCiphertext = secrets.seal(registration.secret());
        webhook.createdAt = Instant.now();
        webhook.persist();
        return Response.created(URI.create("/api/v1/webhooks/" + webhook.id))
                .entity(new Registered(webhook.id, webhook.url, webhook.createdAt)).build();
    }

    /** The insurer's deliveries, newest first. */
    @GET
    @Path("/deliveries")
    public Page<DeliveryView> deliveries(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        long before = parseCursor(cursor);
        List<WebhookDelivery> rows = WebhookDelivery.<WebhookDelivery>find("insurerId = ?1 and id < ?2 order by id desc",
                caller.requireInsurerId(), before).page(0, size + 1).list();
        List<DeliveryView> items = rows.stream().limit(size).map(d -> new DeliveryView(d.id, d.webhookId, d.claimId,
                d.eventType, d.status, d.attempts, d.lastStatusCode, d.lastError, d.createdAt, d.nextAttemptAt,
                d.deliveredAt)).toList();
        return new Page<>(items, rows.size() > size ? String.valueOf(rows.get(size - 1).id) : null);
    }

    private static long parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor is not one this API returned");
        }
    }
}
