package jp.otasuke.dispatch.engineer;

/** The engineers who can be planned changed (one joined), told in the transaction of the change: the planner plans again after it commits. */
public record EngineersChanged() {
}
