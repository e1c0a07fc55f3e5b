package jp.otasuke.common.events;

/** One line of a rush-out's costs, in integer yen. */
public record CostLine(Enums.CostType type, String description, long amountYen) {
}
