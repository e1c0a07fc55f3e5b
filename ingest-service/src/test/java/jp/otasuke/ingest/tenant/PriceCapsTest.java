package jp.otasuke.ingest.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jp.otasuke.common.events.Enums.PlanType;
import jp.otasuke.common.events.Plan;

class PriceCapsTest {

    @Test
    void networkMonitoringIsAtMostTenThousandYen() {
        assertInstanceOf(PriceCaps.WithinCaps.class, PriceCaps.check(new Plan(PlanType.NETWORK, 0, 10_000)));
        PriceCaps.Verdict over = PriceCaps.check(new Plan(PlanType.NETWORK, 0, 10_001));
        assertTrue(((PriceCaps.CapExceeded) over).reason().startsWith("network monitoring cap is ¥10,000"));
    }

    @Test
    void endpointMonitoringIsAtMostTwoThousandYenPerDeviceFromOneDevice() {
        assertInstanceOf(PriceCaps.WithinCaps.class, PriceCaps.check(new Plan(PlanType.ENDPOINT, 1, 2_000)));
        assertInstanceOf(PriceCaps.CapExceeded.class, PriceCaps.check(new Plan(PlanType.ENDPOINT, 1, 2_001)));
        assertInstanceOf(PriceCaps.WithinCaps.class, PriceCaps.check(new Plan(PlanType.ENDPOINT, 3, 6_000)));
        assertInstanceOf(PriceCaps.CapExceeded.class, PriceCaps.check(new Plan(PlanType.ENDPOINT, 3, 6_001)));
        assertEquals(new PriceCaps.CapExceeded("no-endpoints", "plan.endpointCount", "ENDPOINT monitoring needs endpointCount of at least 1"),
                PriceCaps.check(new Plan(PlanType.ENDPOINT, 0, 0)));
    }

    @Test
    void combinedIsNotAboveTheSumOfBoth() {
        assertInstanceOf(PriceCaps.WithinCaps.class, PriceCaps.check(new Plan(PlanType.COMBINED, 2, 14_000)));
        PriceCaps.Verdict over = PriceCaps.check(new Plan(PlanType.COMBINED, 2, 14_001));
        assertTrue(((PriceCaps.CapExceeded) over).reason().contains("¥14,000 for 2"), over.toString());
        assertInstanceOf(PriceCaps.CapExceeded.class, PriceCaps.check(new Plan(PlanType.COMBINED, 0, 5_000)));
    }
}
