package jp.otasuke.triage.incident;

import java.util.List;

import jp.otasuke.common.events.Enums.AlertCategory;

/**
 * The skills an on-site engineer needs for an incident of a category, when the operator names none.
 * The vocabulary is the one engineers are onboarded with in dispatch-service: {@code endpoint} (PCs and
 * servers), {@code network} (routers, UTM), {@code forensics} (evidence preservation), {@code general}.
 */
public final class RequiredSkills {

    private RequiredSkills() {
    }

    public static List<String> forCategory(AlertCategory category) {
        if (category == null) {
            return List.of("general");
        }
        return switch (category) {
            case RANSOMWARE -> List.of("endpoint", "forensics");
            case EXFILTRATION -> List.of("network", "forensics");
            case MALWARE, C2, PHISHING -> List.of("endpoint");
            case INTRUSION, RECON, BRUTE_FORCE -> List.of("network");
            case POLICY, OTHER -> List.of("general");
        };
    }
}
