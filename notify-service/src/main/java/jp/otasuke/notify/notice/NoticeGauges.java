package jp.otasuke.notify.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import jp.otasuke.common.metrics.CountedInDatabase;

/** Notices waiting to go out (a mail server or chat away shows here first). */
@ApplicationScoped
class NoticeGauges {

    void register(@Observes StartupEvent event, CountedInDatabase counted) {
        counted.gauge("otasuke.notices.pending", "Notices not yet sent", "select count(*) from notice where status = 'PENDING'");
        counted.gauge("otasuke.notices.oldest.pending.seconds", "How long the oldest notice has waited",
                "select coalesce(extract(epoch from now() - min(created_at)), 0) from notice where status = 'PENDING'");
    }
}
