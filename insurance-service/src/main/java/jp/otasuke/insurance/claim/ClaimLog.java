package jp.otasuke.insurance.claim;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import jp.otasuke.common.events.ClaimDecided;
import jp.otasuke.common.events.ClaimOpened;
import jp.otasuke.common.events.ClaimPaid;
import jp.otasuke.common.events.EventCatalog;
import jp.otasuke.common.events.OtasukeEvent;
import jp.otasuke.common.outbox.Outbox;

/** Every claim change, in its transaction: an event on the outbox, an audit entry, and {@link ClaimChanged} for its followers. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClaimLog {

    private final Outbox outbox;
    private final Event<ClaimChanged> changed;

    ClaimLog(Outbox outbox, Event<ClaimChanged> changed) {
        this.outbox = outbox;
        this.changed = changed;
    }

    void opened(Claim c) {
        announce(c, new ClaimOpened(UUID.randomUUID(), c.updatedAt, c.id, c.claimNumber, c.incidentId, c.jobId, c.tenantId,
                c.policyId, c.insurerId, c.status.name(), c.claimedTotalYen, c.payableYen), "insurance-service",
                "opened: payable " + c.payableYen + " of " + c.claimedTotalYen + " yen");
    }

    void decided(Claim c, String by) {
        announce(c, new ClaimDecided(UUID.randomUUID(), c.updatedAt, c.id, c.claimNumber, c.incidentId, c.tenantId,
                c.insurerId, jp.otasuke.common.events.Enums.ClaimOutcome.valueOf(c.status.name()), c.approvedYen,
                c.decisionReason), by, c.status + " " + c.approvedYen + " yen: " + c.decisionReason);
    }

    void paid(Claim c, String by) {
        announce(c, new ClaimPaid(UUID.randomUUID(), c.updatedAt, c.id, c.claimNumber, c.incidentId, c.tenantId, c.insurerId,
                c.paidYen, c.paidOn, c.paymentReference), by, "paid " + c.paidYen + " yen (" + c.paymentReference + ")");
    }

    private void announce(Claim claim, OtasukeEvent event, String actor, String detail) {
        outbox.publish(event);
        ClaimAudit.record(claim, actor, EventCatalog.of(event).type(), detail);
        if (claim.status != ClaimStatus.NOT_COVERED) {
            changed.fire(new ClaimChanged(claim, EventCatalog.of(event).type()));
        }
    }
}
