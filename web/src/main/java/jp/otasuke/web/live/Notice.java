package jp.otasuke.web.live;

/**
 * A change a page may want to re-read: the event's type and the ids it names (incident, job, claim). The page
 * fetches the object itself through the API, so a notice carries nothing a person may not see anyway.
 *
 * @param seq        this instance's running number (the SSE id, with the instance's own id in front)
 * @param json       what the browser receives
 * @param tenantId   whose it is (an SME sees its own)
 * @param engineerId the engineer it names, if any (an engineer sees theirs)
 */
record Notice(long seq, String json, String tenantId, String engineerId) {
}
