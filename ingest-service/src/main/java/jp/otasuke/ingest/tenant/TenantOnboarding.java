package jp.otasuke.ingest.tenant;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.otasuke.common.accounts.UserAccounts;
import jp.otasuke.common.events.Plan;
import jp.otasuke.common.events.Site;
import jp.otasuke.common.events.TenantUpserted;
import jp.otasuke.common.outbox.Outbox;
import jp.otasuke.common.problem.Refusal;
import jp.otasuke.contract.security.Roles;

/**
 * Onboarding an SME in one step: the plan within the price caps, the tenant with its site, its first user
 * in Keycloak, and the tenant announced on the tenants topic. The Keycloak user is created first and
 * deleted again if the tenant cannot be stored, so a failure leaves no half-made tenant.
 */
@ApplicationScoped
public class TenantOnboarding {

    /** The answer to an onboarding: the tenant, and the generated password when one was generated (shown once). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Onboarded(@JsonUnwrapped TenantView tenant, String initialPassword) {
    }

    private final UserAccounts accounts;
    private final Outbox outbox;

    TenantOnboarding(UserAccounts accounts, Outbox outbox) {
        this.accounts = accounts;
        this.outbox = outbox;
    }

    public Onboarded onboard(OnboardTenantRequest request) {
        Plan plan = new Plan(request.plan().type(), request.plan().endpointCount(), request.plan().monthlyFeeYen());
        if (PriceCaps.check(plan) instanceof PriceCaps.CapExceeded exceeded) {
            throw Refusal.unprocessable("tenant." + exceeded.rule(), "The plan breaks the Otasuke-tai standard: " + exceeded.reason(),
                    "planType", plan.type(), "endpointCount", plan.endpointCount(), "monthlyFeeYen", plan.monthlyFeeYen(),
                    "capYen", PriceCaps.capYen(plan)).atField(exceeded.field()).problem();
        }
        UUID tenantId = UUID.randomUUID();
        UserAccounts.Account account = accounts.create(new UserAccounts.NewUser(request.admin().email(),
                request.admin().name(), request.name(), Roles.SME_USER, Map.of("tenant_id", tenantId.toString()),
                request.admin().initialPassword()));
        try {
            Tenant tenant = QuarkusTransaction.requiringNew().call(() -> store(tenantId, request, plan, account));
            Log.infof("Onboarded tenant %s (plan %s) with user %s", tenantId, plan.type(), account.userId());
            return new Onboarded(TenantView.of(tenant), account.generatedPassword());
        } catch (RuntimeException e) {
            accounts.delete(account.userId());
            throw e;
        }
    }

    private Tenant store(UUID id, OnboardTenantRequest request, Plan plan, UserAccounts.Account account) {
        Instant now = Instant.now();
        Tenant tenant = new Tenant();
        tenant.id = id;
        tenant.name = request.name();
        tenant.industry = request.industry();
        tenant.contactEmail = request.contactEmail();
        tenant.contactPhone = request.contactPhone();
        tenant.postalCode = request.site().postalCode();
        tenant.prefecture = request.site().prefecture();
        tenant.address = request.site().address();
        tenant.latitude = request.site().latitude();
        tenant.longitude = request.site().longitude();
        tenant.planType = plan.type();
        tenant.endpointCount = plan.endpointCount();
        tenant.monthlyFeeYen = plan.monthlyFeeYen();
        tenant.adminUsername = account.username();
        tenant.createdAt = now;
        tenant.updatedAt = now;
        tenant.persist();
        outbox.publish(new TenantUpserted(UUID.randomUUID(), now, id, tenant.name, tenant.industry, tenant.contactEmail,
                tenant.contactPhone, new Site(tenant.postalCode, tenant.prefecture, tenant.address, tenant.latitude,
                        tenant.longitude), plan, true));
        return tenant;
    }
}
