package jp.otasuke.insurance.claim;

/**
 * A claim changed (opened, decided, paid), told inside the transaction of the change to whoever must follow it
 * there (the insurer's webhooks): a change is followed if and only if it happened. Claims no policy covers are
 * never told (insurers do not see them).
 */
public record ClaimChanged(Claim claim, String eventType) {
}
