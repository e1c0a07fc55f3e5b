package jp.otasuke.insurance.webhook;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.otasuke.common.trace.TraceHeaders;
import jp.otasuke.insurance.claim.Claim;
import jp.otasuke.insurance.claim.ClaimChanged;
import jp.otasuke.insurance.claim.ClaimView;

/**
 * Queues a claim change for each of the insurer's webhooks, in the transaction of the change: a change is
 * delivered if and only if it happened. Claims no policy covers are never sent (insurers do not see them).
 */
@ApplicationScoped
public class Webhooks {

    private final ObjectMapper json;
    private final DeliveryWorker worker;

    Webhooks(ObjectMapper json, DeliveryWorker worker) {
        this.json = json;
        this.worker = worker;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void queue(@Observes ClaimChanged change) {
        Claim claim = change.claim();
        String eventType = change.eventType();
        if (claim.insurerId == null) {
            return;
        }
        String body = write(Map.of("type", eventType, "claim", ClaimView.of(claim)));
        String trace = TraceHeaders.current();
        for (Webhook webhook : Webhook.activeOf(claim.insurerId)) {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.webhookId = webhook.id;
            delivery.insurerId = webhook.insurerId;
            delivery.claimId = claim.id;
            delivery.eventType = eventType;
            delivery.body = body;
            delivery.status = WebhookDelivery.PENDING;
            delivery.createdAt = Instant.now();
            delivery.nextAttemptAt = delivery.createdAt;
            delivery.traceParent = trace;
            delivery.persist();
        }
        worker.wakeAfterCommit();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
