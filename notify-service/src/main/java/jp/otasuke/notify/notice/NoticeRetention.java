package jp.otasuke.notify.notice;

import jakarta.enterprise.inject.Produces;

import jp.otasuke.common.retention.Kept;

/** What notify keeps, and how long (deleted by common's Retention). */
final class NoticeRetention {

    /** Notices done with; a pending one is kept however old, until it goes out. */
    @Produces
    static Kept notices(NoticeConfig config) {
        return new Kept("notice", "created_at", "status <> 'PENDING'", config.keep());
    }
}
