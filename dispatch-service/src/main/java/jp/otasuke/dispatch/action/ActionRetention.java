package jp.otasuke.dispatch.action;

import jakarta.enterprise.inject.Produces;

import jp.otasuke.common.retention.Kept;
import jp.otasuke.dispatch.DispatchConfig;

/** What dispatch keeps of engineers' actions, and how long (deleted by common's Retention); jobs are kept. */
final class ActionRetention {

    @Produces
    static Kept actions(DispatchConfig config) {
        return Kept.all("job_action", "received_at", config.keepActions());
    }
}
