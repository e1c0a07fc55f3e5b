package jp.otasuke.insurance.webhook;

import jp.otasuke.common.secrets.SecretBox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.outbound.OutboundUrlPolicy;
import jp.otasuke.common.tx.AfterCommit;
import jp.otasuke.insurance.InsuranceConfig;

/**
 * Delivers queued claim changes: POST with the signature header, 2xx = delivered; anything else (an error,
 * a timeout, the receiver down) is retried with exponential backoff, for as long as it takes (at least once).
 * Per webhook and claim only the oldest pending change is sent, so a receiver sees each claim's changes in
 * order. Due rows are taken with SKIP LOCKED, so several instances share the work and a row is sent by one.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final int BATCH = 20;

    private final SecretBox secrets;
    private final AfterCommit afterCommit;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final Duration poll;
    private final OutboundUrlPolicy urlPolicy;
    // a redirect is never followed: it could point anywhere, the policy checked only the registered URL
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;

    DeliveryWorker(SecretBox secrets, AfterCommit afterCommit, OutboundUrlPolicy urlPolicy,
            InsuranceConfig config) {
        this.secrets = secrets;
        this.afterCommit = afterCommit;
        this.urlPolicy = urlPolicy;
        this.firstRetry = config.webhooks().firstRetry();
        this.longestRetry = config.webhooks().longestRetry();
        this.poll = config.webhooks().poll();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        Thread thread = new Thread(this::loop, "webhook-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release();
    }

    void wakeAfterCommit() {
        afterCommit.run(wakeUps::release);
    }

    private void loop() {
        while (running) {
            try {
                int sent = QuarkusTransaction.requiringNew().call(this::deliverDue);
                if (sent == 0) {
                    wakeUps.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database may be restarting; the rows wait in it
                Log.warnf("Webhook delivery round failed, will retry: %s", e.toString());
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    int deliverDue() {
        List<WebhookDelivery> due = WebhookDelivery.getEntityManager().createNativeQuery("""
                select d.* from webhook_delivery d
                where d.status = 'PENDING' and d.next_attempt_at <= now()
                  and not exists (select 1 from webhook_delivery e where e.webhook_id = d.webhook_id
                                  and e.claim_id = d.claim_id and e.status = 'PENDING' and e.id < d.id)
                order by d.id limit ?1 for update skip locked""", WebhookDelivery.class)
                .setParameter(1, BATCH).getResultList();
        for (WebhookDelivery delivery : due) {
            deliver(delivery);
        }
        return due.size();
    }

    private void deliver(WebhookDelivery delivery) {
        Webhook webhook = Webhook.findById(delivery.webhookId);
        delivery.attempts++;
        String internalDetail;
        try {
            // again at each delivery: the host's name may have been re-pointed at an internal address since
            URI target = urlPolicy.check(webhook.url);
            long now = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header("X-Otasuke-Delivery", delivery.id.toString())
                    .header("X-Otasuke-Event", delivery.eventType)
                    .header(Signature.HEADER, Signature.header(secrets.open(webhook.secretCiphertext), now, delivery.body))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            delivery.lastStatusCode = response.statusCode();
            if (response.statusCode() / 100 == 2) {
                delivery.status = WebhookDelivery.DELIVERED;
                delivery.deliveredAt = Instant.now();
                delivery.lastError = null;
                return;
            }
            delivery.lastError = "HTTP " + response.statusCode();
            internalDetail = delivery.lastError;
        } catch (OutboundUrlPolicy.Refused e) {
            delivery.lastStatusCode = null;
            delivery.lastError = "Not sent: " + e.getMessage();
            internalDetail = delivery.lastError;
        } catch (java.net.http.HttpTimeoutException e) {
            delivery.lastStatusCode = null;
            delivery.lastError = "The receiver did not answer in time";
            internalDetail = e.toString();
        } catch (java.io.IOException | IllegalArgumentException e) {
            // the insurer sees that it failed, not how (a refused port or a reset would map our network for it)
            delivery.lastStatusCode = null;
            delivery.lastError = "Could not connect to the receiver";
            internalDetail = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.lastError = "Not sent yet";
            internalDetail = "interrupted";
        }
        delivery.nextAttemptAt = Instant.now().plus(backoff(delivery.attempts));
        Log.infof("Webhook delivery %d (claim %s) failed, attempt %d: %s; next at %s", delivery.id, delivery.claimId,
                delivery.attempts, internalDetail, delivery.nextAttemptAt);
    }

    /** first, 2×first, 4×first ... up to the longest. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }
}
