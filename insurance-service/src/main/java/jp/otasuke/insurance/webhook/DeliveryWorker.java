package jp.otasuke.insurance.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.otasuke.common.outbound.OutboundUrlPolicy;
import jp.otasuke.common.secrets.SecretBox;
import jp.otasuke.common.trace.TraceHeaders;
import jp.otasuke.common.tx.AfterCommit;
import jp.otasuke.common.work.Backoff;
import jp.otasuke.common.work.DueWork;
import jp.otasuke.common.work.DueWorkers;
import jp.otasuke.insurance.InsuranceConfig;

/**
 * Delivers queued claim changes: POST with the signature header, 2xx = delivered; anything else (an error,
 * a timeout, the receiver down) is retried with exponential backoff, for as long as it takes (at least once).
 * Per webhook and claim only the oldest pending change is sent, so a receiver sees each claim's changes in
 * order. A delivery is claimed in a short transaction and posted outside it: a receiver that takes its time
 * holds no lock and no connection, and several instances share the work without sending a change twice.
 */
@ApplicationScoped
public class DeliveryWorker implements DueWork<DeliveryWorker.Claimed> {

    private static final int BATCH = 20;
    /** Past the receiver's longest answer: the connection, the signature, recording the outcome. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final SecretBox secrets;
    private final AfterCommit afterCommit;
    private final DueWorkers workers;
    private final Backoff backoff;
    private final InsuranceConfig.Webhooks config;
    private final OutboundUrlPolicy urlPolicy;
    // a redirect is never followed: it could point anywhere, the policy checked only the registered URL
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A delivery as claimed: what is posted, and the token that says the claim still holds when the outcome is recorded. */
    record Claimed(long id, UUID token, UUID claimId, String url, String sealedSecret, String eventType, String body,
            String traceParent) {
    }

    /** What the receiver made of one attempt. */
    private record Outcome(boolean delivered, Integer statusCode, String error, String internalDetail) {
    }

    DeliveryWorker(SecretBox secrets, AfterCommit afterCommit, DueWorkers workers, OutboundUrlPolicy urlPolicy,
            InsuranceConfig config) {
        this.secrets = secrets;
        this.afterCommit = afterCommit;
        this.workers = workers;
        this.urlPolicy = urlPolicy;
        this.config = config.webhooks();
        this.backoff = new Backoff(this.config.firstRetry(), this.config.longestRetry());
    }

    @Override
    public Schedule schedule() {
        return new Schedule("webhook-delivery", config.poll(), BATCH, config.inFlight());
    }

    void wakeAfterCommit() {
        afterCommit.run(() -> workers.wake(this));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(int limit) {
        List<WebhookDelivery> due = WebhookDelivery.getEntityManager().createNativeQuery("""
                select d.* from webhook_delivery d
                where d.status = 'PENDING' and d.next_attempt_at <= now()
                  and not exists (select 1 from webhook_delivery e where e.webhook_id = d.webhook_id
                                  and e.claim_id = d.claim_id and e.status = 'PENDING' and e.id < d.id)
                order by d.id limit ?1 for update skip locked""", WebhookDelivery.class)
                .setParameter(1, limit).getResultList();
        Instant leaseEnds = Instant.now().plus(config.answerWithin()).plus(LEASE_MARGIN);
        List<Claimed> claimed = new ArrayList<>(due.size());
        for (WebhookDelivery delivery : due) {
            Webhook webhook = Webhook.findById(delivery.webhookId);
            delivery.claim = UUID.randomUUID();
            delivery.nextAttemptAt = leaseEnds;
            claimed.add(new Claimed(delivery.id, delivery.claim, delivery.claimId, webhook.url, webhook.secretCiphertext,
                    delivery.eventType, delivery.body, delivery.traceParent));
        }
        return claimed;
    }

    @Override
    public void perform(Claimed delivery) {
        Outcome outcome = post(delivery);
        QuarkusTransaction.requiringNew().run(() -> record(delivery, outcome));
    }

    private Outcome post(Claimed delivery) {
        try {
            // again at each delivery: the host's name may have been re-pointed at an internal address since
            URI target = urlPolicy.check(delivery.url());
            long now = Instant.now().getEpochSecond();
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(config.answerWithin())
                    .header("Content-Type", "application/json")
                    .header("X-Otasuke-Delivery", Long.toString(delivery.id()))
                    .header("X-Otasuke-Event", delivery.eventType())
                    .header(Signature.HEADER, Signature.header(secrets.open(delivery.sealedSecret()), now, delivery.body()));
            if (delivery.traceParent() != null) {
                request.header(TraceHeaders.TRACEPARENT, delivery.traceParent()); // the insurer's side can join the trace
            }
            int status = http.send(request.POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? new Outcome(true, status, null, null)
                    : new Outcome(false, status, "HTTP " + status, "HTTP " + status);
        } catch (OutboundUrlPolicy.Refused e) {
            return new Outcome(false, null, "Not sent: " + e.getMessage(), e.getMessage());
        } catch (HttpTimeoutException e) {
            return new Outcome(false, null, "The receiver did not answer in time", e.toString());
        } catch (IOException | IllegalArgumentException e) {
            // the insurer sees that it failed, not how (a refused port or a reset would map our network for it)
            return new Outcome(false, null, "Could not connect to the receiver", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "Not sent yet", "interrupted");
        }
    }

    private void record(Claimed claimed, Outcome outcome) {
        WebhookDelivery delivery = WebhookDelivery.findById(claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !claimed.token().equals(delivery.claim)) {
            // the lease ended first (this instance was cut off) and another instance has the delivery now
            Log.warnf("Webhook delivery %d: the claim was lost before its outcome (%s) was recorded", claimed.id(),
                    outcome.delivered() ? "delivered" : outcome.internalDetail());
            return;
        }
        delivery.claim = null;
        delivery.attempts++;
        delivery.lastStatusCode = outcome.statusCode();
        if (outcome.delivered()) {
            delivery.status = WebhookDelivery.DELIVERED;
            delivery.deliveredAt = Instant.now();
            delivery.lastError = null;
            return;
        }
        delivery.lastError = outcome.error();
        delivery.nextAttemptAt = Instant.now().plus(backoff.after(delivery.attempts));
        Log.infof("Webhook delivery %d (claim %s) failed, attempt %d: %s; next at %s", delivery.id, delivery.claimId,
                delivery.attempts, outcome.internalDetail(), delivery.nextAttemptAt);
    }
}
