package jp.otasuke.insurance.evidence;

/**
 * An incident's facts became known, told inside the consumer's transaction: the incidents and dispatch topics are
 * not ordered with each other, so a claim may have opened before its incident's facts arrived and waits for them.
 */
public record IncidentFactRecorded(IncidentFact fact) {
}
