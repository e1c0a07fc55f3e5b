package jp.otasuke.common.tenants;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.events.TenantUpserted;
import jp.otasuke.common.inbox.Inbox;

/**
 * Keeps {@link KnownTenant} up to date from the compacted tenants topic. A service turns it on with the
 * build property {@code otasuke.tenants.projection=true}, the {@code tenants} channel, and the
 * {@code db/tenants} migration location; a record it cannot read goes to the channel's dead-letter topic.
 */
@ApplicationScoped
@IfBuildProperty(name = "otasuke.tenants.projection", stringValue = "true")
public class TenantProjection {

    private final Inbox inbox;
    private final String consumer;

    TenantProjection(Inbox inbox, @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.inbox = inbox;
        this.consumer = consumer;
    }

    @Incoming("tenants")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, byte[]> record) throws IOException {
        inbox.accept(consumer, record)
                .filter(TenantUpserted.class::isInstance)
                .map(TenantUpserted.class::cast)
                .ifPresent(KnownTenant::apply);
    }
}
