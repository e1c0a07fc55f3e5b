package jp.otasuke.notify.tenant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.BatchApplier;
import jp.otasuke.common.events.TenantUpserted;

/** Keeps {@link TenantContact} from the compacted tenants topic. */
@ApplicationScoped
public class TenantContacts {

    private final BatchApplier applier;

    TenantContacts(BatchApplier applier) {
        this.applier = applier;
    }

    @Incoming("tenants")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        applier.apply(records, TenantUpserted.class, upserts -> upserts.forEach(TenantContact::record));
    }
}
