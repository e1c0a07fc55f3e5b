package jp.otasuke.triage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.Enums.Severity;

class PriorityPolicyTest {

    @Test
    void theSeverityDecides() {
        assertEquals(Priority.P1, PriorityPolicy.of(AlertCategory.MALWARE, Severity.CRITICAL));
        assertEquals(Priority.P2, PriorityPolicy.of(AlertCategory.MALWARE, Severity.HIGH));
        assertEquals(Priority.P3, PriorityPolicy.of(AlertCategory.RECON, Severity.MEDIUM));
        assertEquals(Priority.P4, PriorityPolicy.of(AlertCategory.POLICY, Severity.LOW));
    }

    @Test
    void ransomwareAndExfiltrationAreAtLeastP2() {
        assertEquals(Priority.P2, PriorityPolicy.of(AlertCategory.RANSOMWARE, Severity.LOW));
        assertEquals(Priority.P2, PriorityPolicy.of(AlertCategory.EXFILTRATION, Severity.MEDIUM));
        assertEquals(Priority.P1, PriorityPolicy.of(AlertCategory.RANSOMWARE, Severity.CRITICAL));
    }

    @Test
    void threeHostsRaiseOneStepAndP1StaysP1() {
        assertEquals(Priority.P3, PriorityPolicy.of(Priority.P3, Priority.P3, 2));
        assertEquals(Priority.P2, PriorityPolicy.of(Priority.P3, Priority.P3, 3));
        assertEquals(Priority.P2, PriorityPolicy.of(Priority.P2, Priority.P3, 7), "raised once, not once per host");
        assertEquals(Priority.P1, PriorityPolicy.of(Priority.P1, Priority.P1, 3));
    }

    @Test
    void itNeverDropsByItself() {
        assertEquals(Priority.P1, PriorityPolicy.of(Priority.P1, Priority.P4, 1));
    }
}
