package jp.otasuke.insurance.claim;

/**
 * SUBMITTED → UNDER_REVIEW → APPROVED | PARTIALLY_APPROVED | REJECTED → PAID → CLOSED; NOT_COVERED when no
 * policy covers the loss date (never shown to insurers).
 */
public enum ClaimStatus {
    SUBMITTED, UNDER_REVIEW, APPROVED, PARTIALLY_APPROVED, REJECTED, PAID, CLOSED, NOT_COVERED;

    boolean awaitsDecision() {
        return this == SUBMITTED || this == UNDER_REVIEW;
    }

    boolean awaitsPayment() {
        return this == APPROVED || this == PARTIALLY_APPROVED;
    }
}
