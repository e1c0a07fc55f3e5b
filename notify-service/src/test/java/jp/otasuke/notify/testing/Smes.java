package jp.otasuke.notify.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.otasuke.common.events.Site;
import jp.otasuke.common.events.TenantUpserted;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.notify.tenant.TenantContact;

/**
 * A tenant of a test's own, announced on the tenants topic and waited for until notify knows it: incidents and visits
 * come on other topics, read by other consumers, and a notice names the company as notify knew it when it was written.
 */
public final class Smes {

    /** The tenant and where its contact's mails go. */
    public record Sme(UUID tenantId, String name, String contactEmail) {
    }

    /** Every test SME's telephone. */
    public static final String PHONE = "075-000-0000";

    private Smes() {
    }

    public static Sme known(String name) {
        UUID tenant = UUID.randomUUID();
        String contact = "owner-" + tenant.toString().substring(0, 8) + "@sme.example";
        EventTopics.publish(new TenantUpserted(UUID.randomUUID(), Instant.now(), tenant, name, "manufacturing", contact,
                PHONE, new Site("612-0000", "京都府", "京都市伏見区", 34.93, 135.76), null, true));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> TenantContact.findById(tenant) != null));
        return new Sme(tenant, name, contact);
    }
}
