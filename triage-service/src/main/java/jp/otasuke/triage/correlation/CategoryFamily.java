package jp.otasuke.triage.correlation;

import jp.otasuke.common.events.Enums.AlertCategory;

/**
 * Categories that tell one story go into one incident: a compromised machine shows malware, then
 * command-and-control traffic, then data leaving; an attack from outside shows scanning, then password
 * guessing, then a break-in. Unrelated stories on the same host stay separate incidents.
 */
public enum CategoryFamily {
    COMPROMISE, ATTACK, PHISHING, POLICY, OTHER;

    public static CategoryFamily of(AlertCategory category) {
        return switch (category) {
            case MALWARE, RANSOMWARE, C2, EXFILTRATION -> COMPROMISE;
            case INTRUSION, RECON, BRUTE_FORCE -> ATTACK;
            case PHISHING -> PHISHING;
            case POLICY -> POLICY;
            case OTHER -> OTHER;
        };
    }
}
