package jp.otasuke.ingest.tenant;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.security.Caller;
import jp.otasuke.contract.security.Roles;

/** The SME customers: the provider's staff see all, an SME user only its own. */
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    // 201 Location from the configured public URL, not from the Host header
    @jakarta.inject.Inject
    jp.otasuke.common.http.PublicLinks links;

    private final Caller caller;
    private final TenantOnboarding onboarding;

    TenantResource(Caller caller, TenantOnboarding onboarding) {
        this.caller = caller;
        this.onboarding = onboarding;
    }

    /** Onboards an SME in one call (plan within the price caps, site, first user). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Response onboard(@NotNull @Valid OnboardTenantRequest request) {
        TenantOnboarding.Onboarded onboarded = onboarding.onboard(request);
        return links.created("/api/v1/tenants/" + onboarded.tenant().id())
                .entity(onboarded).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR, Roles.SME_USER})
    public Page<TenantView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (caller.is(Roles.SME_USER) && !caller.is(Roles.SOC_OPERATOR) && !caller.is(Roles.PLATFORM_ADMIN)) {
            Tenant own = Tenant.findById(caller.requireTenantId());
            return new Page<>(own == null ? List.of() : List.of(TenantView.of(own)), null);
        }
        return Keyset.page(limit, cursor).list((query, values) -> Tenant.<Tenant>find(query, values), TenantView::of, t -> t.id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR, Roles.SME_USER})
    public TenantView get(@PathParam("id") UUID id) {
        Tenant tenant = Tenant.findById(id);
        boolean staff = caller.is(Roles.SOC_OPERATOR) || caller.is(Roles.PLATFORM_ADMIN);
        if (tenant == null || (!staff && !id.equals(caller.tenantId().orElse(null)))) {
            throw ProblemException.notFound("Tenant " + id);
        }
        return TenantView.of(tenant);
    }
}
