package jp.otasuke.common.tenants;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.BatchApplier;
import jp.otasuke.common.events.TenantUpserted;
import jp.otasuke.common.inbox.Inbox;

/**
 * Keeps {@link KnownTenant} up to date from the compacted tenants topic. A service turns it on with the
 * build property {@code otasuke.tenants.projection=true}, the {@code tenants} channel, and the
 * {@code db/tenants} migration location; a record it cannot read goes to {@code otasuke.tenants.v1.dlq.<service>}.
 */
@ApplicationScoped
@IfBuildProperty(name = "otasuke.tenants.projection", stringValue = "true")
public class TenantProjection {

    private final BatchApplier applier;
    private final Inbox inbox;
    private final String consumer;

    TenantProjection(BatchApplier applier, Inbox inbox, @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.applier = applier;
        this.inbox = inbox;
        this.consumer = consumer;
    }

    @Incoming("tenants")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        applier.apply(records, TenantUpserted.class, tenants -> tenants.stream()
                .filter(tenant -> inbox.firstTime(consumer, tenant.eventId()))
                .forEach(KnownTenant::apply));
    }
}
