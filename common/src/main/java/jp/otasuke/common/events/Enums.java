package jp.otasuke.common.events;

/** Vocabulary shared by the contracts (API.md). Values are added, never renamed. */
public final class Enums {

    private Enums() {
    }

    public enum AlertCategory { MALWARE, RANSOMWARE, C2, INTRUSION, RECON, BRUTE_FORCE, PHISHING, EXFILTRATION, POLICY, OTHER }

    public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }

    public enum PlanType { NETWORK, ENDPOINT, COMBINED }

    public enum SensorKind { NETWORK, ENDPOINT }

    public enum IncidentKind { ALERT, CONSULTATION, SENSOR_SILENT, OPERATIONS }

    public enum Priority { P1, P2, P3, P4 }

    public enum Urgency { IMMEDIATE, NEXT_BUSINESS_DAY }

    /** RECOVERED: the cause went away by itself (a silent sensor spoke again). */
    public enum Resolution { REMOTE_REMEDIATION, ONSITE_REMEDIATION, FALSE_POSITIVE, BENIGN, RECOVERED }

    public enum CostType { LABOR, TRAVEL, EXPENSE }

    public enum ClaimOutcome { APPROVED, PARTIALLY_APPROVED, REJECTED }
}
