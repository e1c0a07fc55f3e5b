package jp.otasuke.dispatch.job;

/** Jobs to plan changed (one came, was accepted, went back to the schedule, was cancelled or done), told in the transaction of the change: the planner plans again after it commits. */
public record JobsChanged() {
}
