package jp.otasuke.common.events;

/** The monitoring contract of an SME (tax-excluded monthly fee in yen). */
public record Plan(Enums.PlanType type, int endpointCount, long monthlyFeeYen) {
}
