package jp.otasuke.common.tenants;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jp.otasuke.common.consumer.BatchApplier;
import jp.otasuke.common.events.TenantUpserted;

/**
 * Keeps {@link KnownTenant} up to date from the compacted tenants topic. A service turns it on with the
 * build property {@code otasuke.tenants.projection=true}, the {@code tenants} channel, and the
 * {@code db/tenants} migration location; a record it cannot read goes to {@code otasuke.tenants.v1.dlq.<service>}.
 */
@ApplicationScoped
@IfBuildProperty(name = "otasuke.tenants.projection", stringValue = "true")
public class TenantProjection {

    private final BatchApplier applier;

    TenantProjection(BatchApplier applier) {
        this.applier = applier;
    }

    @Incoming("tenants")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        applier.applyEachOnce(records, TenantUpserted.class, KnownTenant::apply);
    }
}
