package jp.otasuke.triage.sensor;

import jp.otasuke.common.events.Enums.PlanType;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.Enums.SensorKind;

/**
 * How urgent a silent sensor is, by the tenant's plan: P2 when the sensor is what the plan's monitoring rests on (the
 * network sensor of a NETWORK or COMBINED plan, the agents of an ENDPOINT plan), because the SME is then unwatched;
 * P3 when the plan still watches it another way (an agent of a COMBINED plan), or the plan is not known yet.
 */
public final class SilencePriority {

    private SilencePriority() {
    }

    public static Priority of(String planType, SensorKind kind) {
        if (planType == null) {
            return Priority.P3;
        }
        PlanType plan = PlanType.valueOf(planType);
        boolean restsOnIt = kind == SensorKind.NETWORK ? plan != PlanType.ENDPOINT : plan == PlanType.ENDPOINT;
        return restsOnIt ? Priority.P2 : Priority.P3;
    }
}
