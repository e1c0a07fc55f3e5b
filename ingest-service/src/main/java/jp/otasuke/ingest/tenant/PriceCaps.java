package jp.otasuke.ingest.tenant;

import jp.otasuke.common.events.Enums.PlanType;
import jp.otasuke.common.events.Plan;
import jp.otasuke.common.money.Yen;

/**
 * The Otasuke-tai service standard's price caps (tax excluded): network monitoring at most ¥10,000 a
 * month; endpoint monitoring at most ¥2,000 a device a month, from one device; combined not above the
 * sum of the two.
 */
public final class PriceCaps {

    public static final long NETWORK_CAP_YEN = 10_000;
    public static final long ENDPOINT_CAP_YEN_PER_DEVICE = 2_000;

    /** What the caps say of a plan. */
    public sealed interface Verdict permits WithinCaps, CapExceeded {
    }

    public record WithinCaps() implements Verdict {
    }

    /**
     * The plan breaks a rule of the standard: {@code rule} names it (stable, for the apps' words), {@code field} where to
     * fix it, {@code reason} says it in English for whoever reads the raw problem document.
     */
    public record CapExceeded(String rule, String field, String reason) implements Verdict {
    }

    private PriceCaps() {
    }

    public static Verdict check(Plan plan) {
        long fee = plan.monthlyFeeYen();
        int devices = plan.endpointCount();
        if (fee < 0) {
            return new CapExceeded("fee-negative", "plan.monthlyFeeYen", "monthlyFeeYen cannot be negative");
        }
        if (plan.type() != PlanType.NETWORK && devices < 1) {
            return new CapExceeded("no-endpoints", "plan.endpointCount", plan.type() + " monitoring needs endpointCount of at least 1");
        }
        long cap = capYen(plan);
        if (fee > cap) {
            return new CapExceeded("price-cap", "plan.monthlyFeeYen", switch (plan.type()) {
                case NETWORK -> "network monitoring cap is " + Yen.of(NETWORK_CAP_YEN) + " a month; asked " + Yen.of(fee);
                case ENDPOINT -> "endpoint monitoring cap is " + Yen.of(ENDPOINT_CAP_YEN_PER_DEVICE) + " a device a month ("
                        + Yen.of(cap) + " for " + devices + "); asked " + Yen.of(fee);
                case COMBINED -> "combined cap is " + Yen.of(NETWORK_CAP_YEN) + " + " + Yen.of(ENDPOINT_CAP_YEN_PER_DEVICE)
                        + " a device a month (" + Yen.of(cap) + " for " + devices + "); asked " + Yen.of(fee);
            });
        }
        return new WithinCaps();
    }

    /** The most the plan may cost a month, tax excluded. */
    public static long capYen(Plan plan) {
        return switch (plan.type()) {
            case NETWORK -> NETWORK_CAP_YEN;
            case ENDPOINT -> ENDPOINT_CAP_YEN_PER_DEVICE * plan.endpointCount();
            case COMBINED -> NETWORK_CAP_YEN + ENDPOINT_CAP_YEN_PER_DEVICE * plan.endpointCount();
        };
    }
}
